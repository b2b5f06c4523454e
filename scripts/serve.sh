#!/usr/bin/env bash
# Install into .venv/ and start the chat server on the default corpus (the index is built if missing or stale).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install.sh
exec .venv/bin/bot serve "$@"
