#!/usr/bin/env bash
# Ensures a Python virtual environment with the real `kgx` tool exists at .tmp/kgx-venv (cached:
# a second run only checks it imports). Prints the venv's python path as its last line, so callers
# can hand it to the tests as KGX_PYTHON. kgx is pinned so validation results do not drift.
set -euo pipefail
cd "$(dirname "$0")/../.."
VENV="${KGX_VENV:-$(pwd)/.tmp/kgx-venv}"
KGX_VERSION="2.6.0"
PY="$VENV/bin/python"
if [ -x "$PY" ] && "$PY" -c 'import kgx, biolink_model' >/dev/null 2>&1; then
  echo "$PY"
  exit 0
fi
mkdir -p "$(dirname "$VENV")"
python3 -m venv "$VENV"
"$PY" -m pip install --quiet --disable-pip-version-check "kgx==$KGX_VERSION" >&2
"$PY" -c 'import kgx, biolink_model' >&2
echo "$PY"
