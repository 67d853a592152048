#!/usr/bin/env bash
# Installs everything the portal needs and starts it with the example catalog:
# frontend on http://localhost:3000, backend on http://localhost:7007.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/toolchain.sh"
yarn install
exec yarn start "$@"
