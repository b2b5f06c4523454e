#!/usr/bin/env bash
# Install everything the whole suite needs (venv, Chromium, axe-core) and run it.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install.sh --test
if [ -d tests/browser ] && [ ! -x /usr/bin/chromium ]; then
  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null) \
    || { echo "error: could not install Debian's chromium (needed by the browser tests)" >&2; exit 1; }
fi
if [ -f tests/browser/package.json ] && [ ! -d tests/browser/node_modules/axe-core ]; then
  (cd tests/browser && npm install --no-audit --no-fund --silent) \
    || { echo "error: npm install of axe-core failed" >&2; exit 1; }
fi
exec .venv/bin/python -m pytest "$@"
