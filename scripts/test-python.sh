#!/usr/bin/env bash
# `pnpm test:python`: the Python lane. Makes a virtual environment in .venv-python/ (git-ignored),
# installs python/pytest-mocktopus (editable) with pytest and the openai and anthropic SDKs, builds
# the CLI when packages/cli/dist is missing, and runs the plugin's tests against that CLI
# (MOCKTOPUS_BIN). Then the Python sessions example (examples/python-sessions/run.mjs).
# Arguments go to the plugin's pytest run, e.g. `pnpm test:python -k anthropic`.
set -euo pipefail
cd "$(dirname "$0")/.."

venv=.venv-python
if [[ ! -x "${venv}/bin/python" ]]; then
  python3 -m venv "${venv}"
fi
# --retries 0: where only a local package mirror is reachable, the default index fails at once
# instead of after minutes of retries.
"${venv}/bin/python" -m pip install --quiet --disable-pip-version-check --retries 0 --timeout 30 \
  -e python/pytest-mocktopus -r python/pytest-mocktopus/requirements-test.txt

if [[ ! -f packages/cli/dist/bin.cjs ]]; then
  npx -y pnpm@12.4.2 --filter '@mocktopus/cli...' run build
fi

export MOCKTOPUS_BIN="${MOCKTOPUS_BIN:-node ${PWD}/packages/cli/dist/bin.cjs}"
"${venv}/bin/python" -m pytest -p no:cacheprovider python/pytest-mocktopus/tests "$@"

if [[ -f examples/python-sessions/run.mjs ]]; then
  PIP_RETRIES=0 node examples/python-sessions/run.mjs
fi
