#!/usr/bin/env bash
# Create .venv/ and install the project (and, with --test, what the test suite needs). Idempotent.
set -euo pipefail
cd "$(dirname "$0")/.."
extras=""
[ "${1:-}" = "--test" ] && extras="[test]"
if [ ! -x .venv/bin/python ]; then
  python3.11 -m venv .venv 2>/dev/null || python3 -m venv .venv
fi
# torch is pinned in pyproject (2.13.0, a local CPU wheel); an unpinned torch would pull a CUDA build.
.venv/bin/pip install --quiet --disable-pip-version-check -e ".${extras}" 2>&1 | grep -v "^WARNING: Location" || true
.venv/bin/python -c "import bot, torch, faiss" # fail loudly here rather than in the first command
