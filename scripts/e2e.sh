#!/usr/bin/env bash
# End-to-end browser tests (e2e/*.test.js, Node's test runner, Chromium at
# /usr/bin/chromium or $CHROMIUM_PATH).
#
# Starts the portal the way the README does (scripts/start.sh) and the fixture
# server for e2e/fixtures on :8000, waits until both answer, runs the tests,
# and stops everything it started. Logs and screenshots go to
# e2e-test-report/. With E2E_DOCS_IMAGES=1 the tests write their screenshots
# over docs/images/ instead.
#
# Extra arguments go to `node --test`, e.g.
#   scripts/e2e.sh --test-name-pattern=broken
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/toolchain.sh"

READY_TIMEOUT=${E2E_READY_TIMEOUT:-480} # seconds
report=e2e-test-report
mkdir -p "$report"
rm -f "$report"/failure-*.png
portal_log="$report/portal.log"
fixtures_log="$report/fixtures.log"

started=() # process group ids of what this script started

stop_all() {
  local pgid
  for pgid in "${started[@]}"; do
    kill -TERM -- "-$pgid" 2>/dev/null || true
  done
  for pgid in "${started[@]}"; do
    for _ in $(seq 1 20); do
      kill -0 -- "-$pgid" 2>/dev/null || continue 2
      sleep 0.5
    done
    kill -KILL -- "-$pgid" 2>/dev/null || true
  done
}
trap stop_all EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

show_portal_log() {
  echo "---- last lines of $portal_log"
  tail -n 40 "$portal_log" | cut -c 1-400 || true
  echo "----"
}

# Starts a command in its own process group (so that stopping it also stops
# the webpack and backend processes below it) and remembers the group.
start_group() {
  local log=$1
  shift
  setsid "$@" >"$log" 2>&1 </dev/null &
  started+=("$!")
}

http_status() {
  curl -s -o /dev/null -w '%{http_code}' --max-time 5 "$1" || true
}

for port in 3000 7007 8000; do
  if [ "$(http_status "http://localhost:$port/")" != 000 ]; then
    echo "e2e: something already answers on port $port; stop it first (the tests need a portal started from this checkout)" >&2
    exit 1
  fi
done

echo "e2e: starting the portal (log: $portal_log)"
start_group "$portal_log" bash scripts/start.sh
portal_pgid=${started[-1]}
start_group "$fixtures_log" node e2e/serve-fixtures.js 8000

echo "e2e: waiting for the frontend on :3000 and the backend on :7007 (up to ${READY_TIMEOUT}s)"
since=$SECONDS
while :; do
  frontend=$(http_status http://localhost:3000/)
  # Signed-out requests to the catalog get 401 once the backend is up.
  backend=$(http_status http://localhost:7007/api/catalog/entities)
  fixtures=$(http_status http://localhost:8000/)
  if [ "$frontend" = 200 ] && [ "$backend" = 401 ] && [ "$fixtures" != 000 ]; then
    break
  fi
  if ! kill -0 "$portal_pgid" 2>/dev/null; then
    echo "e2e: the portal stopped while starting" >&2
    show_portal_log >&2
    exit 1
  fi
  if [ $((SECONDS - since)) -ge "$READY_TIMEOUT" ]; then
    echo "e2e: not ready after ${READY_TIMEOUT}s (frontend $frontend, backend $backend, fixtures $fixtures)" >&2
    show_portal_log >&2
    exit 1
  fi
  sleep 5
done
echo "e2e: portal up after ${SECONDS}s"

# In the background and in its own group too, so that an interrupt stops the
# tests and their browsers at once.
setsid node --test --test-reporter=spec --test-concurrency=1 \
  'e2e/**/*.test.js' "$@" </dev/null &
tests_pgid=$!
started+=("$tests_pgid")
status=0
wait "$tests_pgid" || status=$?
if [ "$status" -ne 0 ]; then
  show_portal_log
  echo "e2e: FAILED after ${SECONDS}s; screenshots of failures in $report/"
else
  echo "e2e: passed after ${SECONDS}s"
fi
exit "$status"
