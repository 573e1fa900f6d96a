#!/usr/bin/env bash
# Installs what the tests need (Python packages; Debian's chromium, CJK fonts and nodejs when missing),
# lints (ruff), then runs every test: unit, AppTest and browser. Screenshots land in test-artifacts/.
# Arguments go to pytest: `bash scripts/test.sh -m "not browser"` is the fast loop.
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${PYTHON:-python3}
# --retries 0: where the PyTorch index cannot be reached, pip goes straight to the other sources.
"$PY" -m pip install --quiet --retries 0 -r requirements-dev.txt
if ! command -v chromium >/dev/null 2>&1 || ! command -v node >/dev/null 2>&1 || ! fc-list 2>/dev/null | grep -qi "Noto Sans CJK"; then
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -qq
  $SUDO apt-get install -y -qq chromium fonts-noto-cjk >/dev/null
  command -v node >/dev/null 2>&1 || $SUDO apt-get install -y -qq nodejs >/dev/null
fi
"$PY" -m ruff check .
exec "$PY" -m pytest "$@"
