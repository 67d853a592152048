#!/usr/bin/env bash
# Installs everything and runs the whole test suite once (no watch mode).
#
# Database tests run on SQLite everywhere. They also run on PostgreSQL when a
# BACKSTAGE_TEST_DATABASE_POSTGRES<major>_CONNECTION_STRING variable points at
# a server, as .ci/run does.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/toolchain.sh"
if [ -n "${CI:-}" ]; then yarn install --immutable; else yarn install; fi

results="$(mktemp -d)/jest.json"
status=0
yarn backstage-cli repo test --watchAll=false --json --outputFile="$results" "$@" || status=$?
node scripts/test-summary.js "$results" || status=$?
exit "$status"
