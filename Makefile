# The make targets the original Python Mocktopus had, for the people and runners that type them.
# Each one delegates: to buildifier (the check `pnpm lint:bazel` runs), to Bazel, or to
# scripts/rbe-smoke.sh. pnpm stays the way to build and test; see docs/bazel.md.
#
#   make bazel-check                                   buildifier check, then bazel test //...
#   make bazel-rbe-smoke                               scripts/rbe-smoke.sh test //...
#   make bazel-rbe-smoke TARGETS=//packages/server:test

.PHONY: bazel-check bazel-lint bazel-test bazel-rbe-smoke

# The launcher: bazelisk when it is on PATH, else bazel (as scripts/rbe-smoke.sh chooses).
BAZEL ?= $(shell command -v bazelisk >/dev/null 2>&1 && echo bazelisk || echo bazel)
# The buildifier of pnpm-workspace.yaml's catalog, from npm, so no pnpm install is needed.
BUILDIFIER ?= npx --yes @bazel/buildifier@8.2.1
TARGETS ?= //...

bazel-check: bazel-lint bazel-test

bazel-lint:
	$(BUILDIFIER) --mode=check --lint=warn -r bazel examples packages BUILD.bazel MODULE.bazel REPO.bazel

bazel-test:
	$(BAZEL) test $(TARGETS)

bazel-rbe-smoke:
	BAZEL=$(BAZEL) scripts/rbe-smoke.sh test $(TARGETS)
