#!/usr/bin/env bash
# RBE smoke run: `bazel test //...` (or the Bazel command given as arguments) with
# --config=remote against a remote executor reached directly or through a tunnel.
#
#   MOCKTOPUS_RBE_ENDPOINT=grpcs://rbe.example.com:443 scripts/rbe-smoke.sh
#   MOCKTOPUS_RBE_TUNNEL_INSTANCE=bazel-rbe MOCKTOPUS_RBE_TUNNEL_PROJECT=my-project \
#     MOCKTOPUS_RBE_TUNNEL_ZONE=us-central1-a scripts/rbe-smoke.sh test //packages/server:test
#
# Environment (docs/bazel.md has the full table):
#   MOCKTOPUS_RBE_ENDPOINT          direct executor endpoint (grpc:// or grpcs://); wins over a tunnel
#   MOCKTOPUS_RBE_TUNNEL_INSTANCE   VM to open a gcloud IAP tunnel to, when there is no endpoint
#   MOCKTOPUS_RBE_TUNNEL_PROJECT    its GCP project (required with a tunnel)
#   MOCKTOPUS_RBE_TUNNEL_ZONE       its zone (required with a tunnel)
#   MOCKTOPUS_RBE_TUNNEL_REMOTE_PORT  executor port on the VM (default 8980)
#   MOCKTOPUS_RBE_TUNNEL_LOCAL_PORT   local end of the tunnel, on 127.0.0.1 (default 8980)
#   MOCKTOPUS_RBE_TUNNEL_TIMEOUT    seconds to wait for the tunnel to accept connections (default 30)
#   MOCKTOPUS_RBE_INSTANCE_NAME     --remote_instance_name, if the executor needs one
#   MOCKTOPUS_RBE_CREDENTIAL_HELPER --credential_helper program (it reads its own secrets;
#                                   no secret is ever passed on the command line or written here)
#   MOCKTOPUS_RBE_GOOGLE_CREDENTIALS=1  use Google application default credentials
#   MOCKTOPUS_RBE_EXTRA_CONFIGS     more --config names, space-separated (e.g. "ci")
#   BAZEL                           the Bazel launcher (default: bazelisk, else bazel)
#   MOCKTOPUS_RBE_DRY_RUN=1         print the Bazel command and exit without running anything
set -euo pipefail

cd "$(dirname "$0")/.."

fail() {
  echo "rbe-smoke: $*" >&2
  exit 2
}

if [[ $# -eq 0 ]]; then
  set -- test //...
fi
command_name="$1"
shift

dry_run="${MOCKTOPUS_RBE_DRY_RUN:-0}"
endpoint="${MOCKTOPUS_RBE_ENDPOINT:-}"
tunnel_instance="${MOCKTOPUS_RBE_TUNNEL_INSTANCE:-}"
tunnel_pid=""
tunnel_log=""

cleanup() {
  if [[ -n "${tunnel_pid}" ]]; then
    kill "${tunnel_pid}" >/dev/null 2>&1 || true
    wait "${tunnel_pid}" 2>/dev/null || true
  fi
  if [[ -n "${tunnel_log}" ]]; then
    rm -f "${tunnel_log}"
  fi
}
trap cleanup EXIT

wait_for_port() {
  local port="$1" timeout="$2" waited=0
  until (exec 3<>"/dev/tcp/127.0.0.1/${port}") 2>/dev/null; do
    if [[ -n "${tunnel_pid}" ]] && ! kill -0 "${tunnel_pid}" 2>/dev/null; then
      cat "${tunnel_log}" >&2 || true
      fail "the tunnel exited before 127.0.0.1:${port} accepted connections"
    fi
    if ((waited >= timeout)); then
      fail "127.0.0.1:${port} did not accept connections within ${timeout}s"
    fi
    sleep 1
    waited=$((waited + 1))
  done
}

if [[ -z "${endpoint}" && -n "${tunnel_instance}" ]]; then
  project="${MOCKTOPUS_RBE_TUNNEL_PROJECT:-}"
  zone="${MOCKTOPUS_RBE_TUNNEL_ZONE:-}"
  remote_port="${MOCKTOPUS_RBE_TUNNEL_REMOTE_PORT:-8980}"
  local_port="${MOCKTOPUS_RBE_TUNNEL_LOCAL_PORT:-8980}"
  [[ -n "${project}" ]] || fail "MOCKTOPUS_RBE_TUNNEL_PROJECT is required with MOCKTOPUS_RBE_TUNNEL_INSTANCE"
  [[ -n "${zone}" ]] || fail "MOCKTOPUS_RBE_TUNNEL_ZONE is required with MOCKTOPUS_RBE_TUNNEL_INSTANCE"
  endpoint="grpc://127.0.0.1:${local_port}"
  tunnel_cmd=(gcloud compute start-iap-tunnel "${tunnel_instance}" "${remote_port}"
    --project "${project}" --zone "${zone}" --local-host-port "127.0.0.1:${local_port}")
  if [[ "${dry_run}" == "1" ]]; then
    printf 'tunnel:'
    printf ' %q' "${tunnel_cmd[@]}"
    printf '\n'
  else
    command -v gcloud >/dev/null || fail "gcloud is needed for the IAP tunnel but is not on PATH"
    tunnel_log="$(mktemp)"
    "${tunnel_cmd[@]}" >"${tunnel_log}" 2>&1 &
    tunnel_pid="$!"
    wait_for_port "${local_port}" "${MOCKTOPUS_RBE_TUNNEL_TIMEOUT:-30}"
  fi
fi

[[ -n "${endpoint}" ]] ||
  fail "set MOCKTOPUS_RBE_ENDPOINT (direct) or MOCKTOPUS_RBE_TUNNEL_INSTANCE (IAP tunnel); see docs/bazel.md"
[[ "${endpoint}" =~ ^grpcs?:// ]] ||
  fail "MOCKTOPUS_RBE_ENDPOINT must start with grpc:// or grpcs://, got '${endpoint}'"

flags=(--config=remote "--remote_executor=${endpoint}")
for config in ${MOCKTOPUS_RBE_EXTRA_CONFIGS:-}; do
  flags+=("--config=${config}")
done
if [[ -n "${MOCKTOPUS_RBE_INSTANCE_NAME:-}" ]]; then
  flags+=("--remote_instance_name=${MOCKTOPUS_RBE_INSTANCE_NAME}")
fi
if [[ -n "${MOCKTOPUS_RBE_CREDENTIAL_HELPER:-}" ]]; then
  flags+=("--credential_helper=${MOCKTOPUS_RBE_CREDENTIAL_HELPER}")
fi
if [[ "${MOCKTOPUS_RBE_GOOGLE_CREDENTIALS:-0}" == "1" ]]; then
  flags+=(--google_default_credentials)
fi

bazel="${BAZEL:-}"
if [[ -z "${bazel}" ]]; then
  if command -v bazelisk >/dev/null; then
    bazel=bazelisk
  else
    bazel=bazel
  fi
fi

if [[ "${dry_run}" == "1" ]]; then
  printf 'bazel:'
  printf ' %q' "${bazel}" "${command_name}" "${flags[@]}" "$@"
  printf '\n'
  exit 0
fi

command -v "${bazel}" >/dev/null || fail "'${bazel}' is not on PATH; install bazelisk or set BAZEL"
"${bazel}" "${command_name}" "${flags[@]}" "$@"
