#!/usr/bin/env bash
# `npm ci`, skipped when node_modules was installed from this exact package-lock.json
# (a fresh clone, as in CI, always installs).
set -euo pipefail
cd "$(dirname "$0")/.."
# Two installs at once in one tree (demo and test, say) tear node_modules apart: serialise them.
mkdir -p .local
exec 8>.local/install.lock
flock 8
stamp=node_modules/.foresight-lock.sha256
want=$(sha256sum package-lock.json | cut -d' ' -f1)
if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$want" ]; then
  echo "node_modules matches package-lock.json; npm ci skipped"
  exit 0
fi
npm ci --no-audit --no-fund
echo "$want" > "$stamp"
