#!/usr/bin/env bash
# with_mocktopus.sh MOCKTOPUS SCENARIO COMMAND [ARGS...]
#
# Starts `MOCKTOPUS serve --port 0 --scenario SCENARIO` on 127.0.0.1, waits for the URL it
# prints, runs COMMAND with OPENAI_BASE_URL, ANTHROPIC_BASE_URL and dummy API keys set, and stops
# the server whatever happens. Made for Bazel tests (sh_test), usable anywhere; docs/bazel.md.
set -euo pipefail

if [[ $# -lt 3 ]]; then
  echo "usage: with_mocktopus.sh MOCKTOPUS SCENARIO COMMAND [ARGS...]" >&2
  exit 2
fi
mocktopus="$1"
scenario="$2"
shift 2

log_dir="${TEST_TMPDIR:-$(mktemp -d)}"
log="${log_dir}/mocktopus.log"
"${mocktopus}" serve --port 0 --host 127.0.0.1 --scenario "${scenario}" >"${log}" 2>&1 &
pid=$!
trap 'kill "${pid}" 2>/dev/null || true; wait "${pid}" 2>/dev/null || true' EXIT

url=""
for _ in $(seq 1 300); do
  url="$(grep -o 'http://127\.0\.0\.1:[0-9]*/v1' "${log}" | head -n 1 || true)"
  [[ -n "${url}" ]] && break
  if ! kill -0 "${pid}" 2>/dev/null; then
    break
  fi
  sleep 0.1
done
if [[ -z "${url}" ]]; then
  echo "with_mocktopus.sh: the server printed no URL:" >&2
  cat "${log}" >&2
  exit 1
fi

export OPENAI_BASE_URL="${url}"
export OPENAI_API_KEY=test
export ANTHROPIC_BASE_URL="${url%/v1}"
export ANTHROPIC_API_KEY=test
"$@"
