#!/usr/bin/env bash
# Installs everything and runs the whole test suite once (no watch mode).
#
# Database tests run on SQLite everywhere. They also run on PostgreSQL when a
# BACKSTAGE_TEST_DATABASE_POSTGRES<major>_CONNECTION_STRING variable points at
# a server, as .ci/run sets it; without one, a local server answering at
# 127.0.0.1:5432 (user postgres, trust) is used the same way.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/toolchain.sh"

pg_vars="$(compgen -e | grep -E '^BACKSTAGE_TEST_DATABASE_POSTGRES[0-9]+_CONNECTION_STRING$' || true)"
if [ -z "$pg_vars" ] && command -v pg_isready >/dev/null && command -v psql >/dev/null &&
  pg_isready -q -h 127.0.0.1 -p 5432; then
  pg_major="$(psql --version | sed -E 's/^[^0-9]*([0-9]+).*/\1/')"
  export "BACKSTAGE_TEST_DATABASE_POSTGRES${pg_major}_CONNECTION_STRING=postgresql://postgres@127.0.0.1:5432"
  # No Docker engine needed: only SQLite and the server above.
  export BACKSTAGE_TEST_DISABLE_DOCKER=1
  echo "copkit: database tests also run on PostgreSQL ${pg_major} at 127.0.0.1:5432"
fi

if [ -n "${CI:-}" ]; then yarn install --immutable; else yarn install; fi

results="$(mktemp -d)/jest.json"
status=0
yarn backstage-cli repo test --watchAll=false --json --outputFile="$results" "$@" || status=$?
node scripts/test-summary.js "$results" || status=$?
exit "$status"
