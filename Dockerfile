# The Mocktopus image: `mocktopus serve` on port 8080 of every interface of the container, as a
# user without privileges. docs/docker.md explains how to run it; the repository's
# packages/e2e/test/repo/docker.test.ts checks what can be checked without a Docker daemon, and
# .github/workflows/docker.yml builds, starts and calls it on every pull request.
#
#   docker build -t mocktopus .
#   docker run --rm -p 8080:8080 -v "$PWD/scenario.yaml:/scenarios/scenario.yaml:ro" mocktopus

ARG NODE_IMAGE=node:20-alpine

# Stage 1: build the packages and install them as a user would, from the packed tarballs, so
# the image holds what npm would install from the registry and nothing of the workspace.
FROM ${NODE_IMAGE} AS build
WORKDIR /src
COPY . .
RUN npm install --global --no-audit --no-fund "$(node -p 'require("./package.json").packageManager')" \
 && pnpm install --frozen-lockfile --filter mocktopus-monorepo --filter 'mocktopus...' \
 && pnpm --filter 'mocktopus...' run build \
 && mkdir /tarballs \
 && for pkg in scenario responders server stub cli mocktopus; do \
      (cd "packages/$pkg" && pnpm pack --pack-destination /tarballs) || exit 1; \
    done \
 && mkdir /app \
 && cd /app \
 && echo '{"name":"mocktopus-image","version":"0.0.0","private":true}' > package.json \
 && npm install --omit=dev --no-audit --no-fund --loglevel=error /tarballs/*.tgz \
 && cp /src/deploy/docker/entrypoint.cjs /app/entrypoint.cjs

# Stage 2: Node and the installed command, nothing else.
FROM ${NODE_IMAGE}
ENV NODE_ENV=production
WORKDIR /app
COPY --from=build /app /app
# Where a scenario is mounted (read-only is enough): /scenarios/scenario.yaml. Without one the
# server answers from its built-in scenario.
RUN mkdir -p /scenarios
# The official Node images' unprivileged user (uid 1000).
USER node
EXPOSE 8080
# node, not curl or wget: the image has Node and nothing else to trust.
HEALTHCHECK --interval=5s --timeout=3s --start-period=5s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:8080/health').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
# `serve` closes gracefully on SIGTERM: it stops accepting, ends open streams and exits 0.
STOPSIGNAL SIGTERM
ENTRYPOINT ["node", "/app/entrypoint.cjs"]
# Inside a container only: every interface, so that the published port reaches it, and any Host
# name (a compose service name or a Kubernetes Service is not a loopback name).
CMD ["serve", "--host", "0.0.0.0", "--port", "8080", "--allowed-hosts", "all"]
