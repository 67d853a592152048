#!/usr/bin/env bash
# The adopter journey as a check (docs/adopter-check.md):
#
#   1. build and pack copkit's five packages the way a maintainer publishes them
#   2. create a fresh portal with the latest @backstage/create-app
#   3. bring it to the current Backstage release the way an adopter would
#   4. install the tarballs (docs/adopter-check.md#installing-from-tarballs)
#   5. register the packages as their READMEs say, with the example catalog
#   6. type-check the portal
#   7. start its backend and check the catalog, validation and adoption API
#   8. build the frontend app
#   9. count the @backstage packages that copkit makes install twice (goal 0)
#
# Usage: bash scripts/adopter-check.sh
#   KEEP_ADOPTER_PORTAL=1  keep the temporary folder (portal, tarballs, logs)
#   ADOPTER_CHECK_DIR=dir  parent of the temporary folder (default $TMPDIR or /tmp)
# Exits non-zero when any check fails. Nothing in the repository changes: the
# packages' package.json files are restored after packing, even on failure.
set -euo pipefail

COPKIT_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# Node 22+, Yarn 4 and the registry npm is configured for; cds to COPKIT_ROOT.
source "$COPKIT_ROOT/scripts/toolchain.sh"
HELPER="$COPKIT_ROOT/scripts/adopter-check/portal.js"

# The packages, in dependency order: directory under plugins/.
PLUGIN_DIRS=(community-common community-node community-backend catalog-backend-module-community community)
# The registry-gap pins copkit itself uses (root package.json resolutions).
REGISTRY_PINS=(@swc/core rollup unrs-resolver @yarnpkg/core)
# A message docs/catalog-model.md shows word for word, for the broken Community
# in scripts/adopter-check/broken-community.json.
EXPECTED_VALIDATION_MESSAGE='Community default/payment-experience: spec.rhythm.frequency must be one of weekly, biweekly, monthly, quarterly; got "fortnightly"'

WORK="$(mktemp -d "${ADOPTER_CHECK_DIR:-${TMPDIR:-/tmp}}/copkit-adopter.XXXXXX")"
PORTAL="$WORK/portal"
TARBALLS="$WORK/tarballs"
LOGS="$WORK/logs"
STATE="$WORK/state"
PREVIOUS="$WORK/previous-line-portal"
mkdir -p "$TARBALLS" "$LOGS" "$STATE" "$STATE/package-json"

# The portal is a project of its own: CI=true must not make its installs
# immutable (its lockfile is created here), and it uses its own Yarn release.
portal_yarn() { (cd "$PORTAL" && YARN_ENABLE_IMMUTABLE_INSTALLS=false yarn "$@"); }
portal_yarn_in() { local dir="$1"; shift; (cd "$dir" && YARN_ENABLE_IMMUTABLE_INSTALLS=false yarn "$@"); }

# ---------------------------------------------------------------- plumbing

PHASES=()
RESULTS=()
TIMES=()
FAILED=0
ABORTED=""

log() { printf '%s\n' "$*"; }

# run_logged NAME CMD...: run a long command with its output in $LOGS/NAME.log;
# on failure print the log's tail.
run_logged() {
  local name="$1"
  shift
  local logfile="$LOGS/$name.log"
  log "  \$ $* (log: $logfile)"
  local rc=0
  # In the background with a wait, so that Ctrl-C or a TERM stops the check
  # at once (see on_signal) instead of being swallowed by Yarn.
  "$@" >"$logfile" 2>&1 </dev/null &
  echo $! >"$STATE/running.pid"
  wait $! || rc=$?
  rm -f "$STATE/running.pid"
  if [ "$rc" -ne 0 ] && [ -n "${EXPECT_FAILURE:-}" ]; then
    log "  did not work ($rc): $(grep -v '^\s*$' "$logfile" | tail -n 1)"
  elif [ "$rc" -ne 0 ]; then
    log "  FAILED ($rc): $*; last lines of $logfile:"
    tail -n 40 "$logfile" | sed 's/^/  | /'
  fi
  return "$rc"
}

# kill_tree PID: end a process we started and everything it started.
kill_tree() {
  local child
  for child in $(ps -o pid= --ppid "$1" 2>/dev/null); do kill_tree "$child"; done
  kill -TERM "$1" 2>/dev/null || true
}

on_signal() {
  if [ -f "$STATE/running.pid" ]; then kill_tree "$(cat "$STATE/running.pid")"; fi
  exit "$1"
}

# phase NAME REQUIRED FUNCTION: run FUNCTION with errexit in a subshell, time
# it and record the result. When a REQUIRED phase fails, the later phases that
# need it are skipped.
phase() {
  local name="$1" required="$2" fn="$3"
  if [ -n "$ABORTED" ]; then
    PHASES+=("$name")
    RESULTS+=("SKIPPED (after $ABORTED failed)")
    TIMES+=(0)
    return
  fi
  log ""
  log "== $name"
  local start=$SECONDS rc=0
  set +e
  (
    set -euo pipefail
    # Stop the running command; the EXIT trap of the script cleans up.
    trap 'on_signal 130' INT
    trap 'on_signal 143' TERM
    "$fn"
  )
  rc=$?
  set -e
  if [ "$rc" -eq 130 ] || [ "$rc" -eq 143 ]; then
    log "-- $name: interrupted"
    exit "$rc"
  fi
  local took=$((SECONDS - start))
  PHASES+=("$name")
  TIMES+=("$took")
  if [ "$rc" -eq 0 ]; then
    RESULTS+=("PASS")
    log "-- $name: PASS (${took}s)"
  else
    RESULTS+=("FAIL")
    FAILED=1
    log "-- $name: FAIL (${took}s)"
    if [ "$required" = required ]; then ABORTED="$name"; fi
  fi
}

# Undo what backstage-cli package prepack did, if its postpack did not run
# (the same steps as `backstage-cli package postpack`).
restore_package_json() {
  local dir
  for dir in "${PLUGIN_DIRS[@]}"; do
    local pkg="$COPKIT_ROOT/plugins/$dir"
    if [ -f "$pkg/package.json-prepack" ]; then
      log "adopter-check: restoring plugins/$dir/package.json from package.json-prepack"
      mv -f "$pkg/package.json-prepack" "$pkg/package.json"
      if [ -f "$STATE/package-json/$dir.had-no-config-schema" ]; then
        rm -f "$pkg/config.schema.json"
      fi
    fi
  done
}

stop_backend() {
  if [ -f "$STATE/backend.pid" ]; then
    local pid
    pid="$(cat "$STATE/backend.pid")"
    # The backend runs in its own process group (setsid); end all of it.
    kill -TERM -- "-$pid" 2>/dev/null || true
    for _ in $(seq 1 20); do
      kill -0 -- "-$pid" 2>/dev/null || break
      sleep 0.5
    done
    kill -KILL -- "-$pid" 2>/dev/null || true
    rm -f "$STATE/backend.pid"
  fi
}

cleanup() {
  local rc=$?
  stop_backend
  restore_package_json
  if [ "${KEEP_ADOPTER_PORTAL:-}" = 1 ]; then
    log "adopter-check: kept $WORK (portal: $PORTAL, logs: $LOGS)"
  else
    rm -rf "$WORK"
  fi
  exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# ---------------------------------------------------------------- phases

pack_packages() {
  if [ ! -x "$COPKIT_ROOT/node_modules/.bin/backstage-cli" ]; then
    run_logged copkit-install yarn install --immutable
  fi
  local ok=0
  # dist-types, which the packages' builds turn into their .d.ts files.
  run_logged copkit-tsc yarn tsc || ok=1

  local dir name
  for dir in "${PLUGIN_DIRS[@]}"; do
    name="$(node -p "require('./plugins/$dir/package.json').name")"
    cp "plugins/$dir/package.json" "$STATE/package-json/$dir.json"
    [ -e "plugins/$dir/config.schema.json" ] || touch "$STATE/package-json/$dir.had-no-config-schema"
    run_logged "build-$dir" yarn workspace "$name" build || { ok=1; continue; }
    # prepack (backstage-cli package prepack) rewrites package.json from
    # publishConfig; postpack puts it back. The EXIT trap covers a crash between.
    run_logged "pack-$dir" yarn workspace "$name" pack --out "$TARBALLS/%s-%v.tgz" || ok=1
    restore_package_json
    if ! cmp -s "plugins/$dir/package.json" "$STATE/package-json/$dir.json"; then
      log "  PROBLEM: plugins/$dir/package.json differs from before packing"
      diff "$STATE/package-json/$dir.json" "plugins/$dir/package.json" | head -20 | sed 's/^/  | /' || true
      ok=1
    fi
  done

  log "  tarballs:"
  local tgz count=0
  for tgz in "$TARBALLS"/*.tgz; do
    [ -e "$tgz" ] || continue
    count=$((count + 1))
    node "$HELPER" check-tarball "$tgz" || ok=1
  done
  if [ "$count" -ne "${#PLUGIN_DIRS[@]}" ]; then
    log "  PROBLEM: $count tarballs for ${#PLUGIN_DIRS[@]} packages"
    return 1
  fi
  return "$ok"
}

create_portal() {
  log "  @backstage/create-app $(npm view @backstage/create-app@latest version 2>/dev/null || echo '(version unknown)')"
  # BACKSTAGE_APP_NAME answers create-app's only question.
  BACKSTAGE_APP_NAME=portal run_logged create-app \
    npx --yes @backstage/create-app@latest --path "$PORTAL" --skip-install </dev/null
  [ -f "$PORTAL/package.json" ]
  log "  portal: Backstage $(node -p "require('$PORTAL/backstage.json').version"), Yarn $(portal_yarn --version)"
  # The generated app's yarnPath (.yarn/releases) stays in the temporary folder.
}

bump_portal() {
  local pins=() line
  while IFS= read -r line; do pins+=("$line"); done \
    < <(node "$HELPER" pick-resolutions "$COPKIT_ROOT/package.json" "${REGISTRY_PINS[@]}")
  node "$HELPER" resolutions "$PORTAL/package.json" "${pins[@]}"
  node "$HELPER" yarnrc "$COPKIT_ROOT/.yarnrc.yml" "$PORTAL/.yarnrc.yml"

  # What create-app itself would have run; the native builds happen once, below.
  run_logged portal-install portal_yarn install --mode=skip-build

  # The portal as generated is on the previous release line: keep its
  # manifests and lockfile for phase 10.
  mkdir -p "$PREVIOUS"
  tar -C "$PORTAL" --exclude=./node_modules -cf - . | tar -C "$PREVIOUS" -xf -

  # The documented way first; its release manifest host may be unreachable.
  if EXPECT_FAILURE=1 run_logged versions-bump timeout 60 bash -c "cd '$PORTAL' && YARN_ENABLE_IMMUTABLE_INSTALLS=false yarn backstage-cli versions:bump"; then
    log "  versions:bump worked"
  else
    log "  versions:bump could not bump; falling back to yarn up '@backstage/*'"
    run_logged yarn-up portal_yarn up '@backstage/*'
  fi
  run_logged yarn-dedupe portal_yarn dedupe '@backstage/*'
  log "  now: @backstage/backend-defaults $(node -p "require('$PORTAL/node_modules/@backstage/backend-defaults/package.json').version"), @backstage/frontend-plugin-api $(node -p "require('$PORTAL/node_modules/@backstage/frontend-plugin-api/package.json').version")"

  cp "$PORTAL/yarn.lock" "$STATE/yarn.lock.before-copkit"
  log "  before copkit:"
  node "$HELPER" versions "$PORTAL/yarn.lock" "$STATE/versions-before.json"
}

# install_copkit [DIR] [YARN ARGS...]: docs/releasing.md#installing-from-tarballs
# in the portal at DIR: a resolution per package, then the READMEs' yarn add
# commands with the version range.
install_copkit() {
  local target="${1:-$PORTAL}"
  shift || true
  local pairs=() dir name version
  for dir in "${PLUGIN_DIRS[@]}"; do
    name="$(node -p "require('$COPKIT_ROOT/plugins/$dir/package.json').name")"
    version="$(node -p "require('$COPKIT_ROOT/plugins/$dir/package.json').version")"
    local tgz="$TARBALLS/${name/\//-}-$version.tgz"
    [ -f "$tgz" ] || { log "  PROBLEM: no tarball $tgz"; return 1; }
    pairs+=("$name=file:$tgz")
  done
  node "$HELPER" resolutions "$target/package.json" "${pairs[@]}"
  run_logged "add-backend-$(basename "$target")" portal_yarn_in "$target" --cwd packages/backend add "$@" \
    '@copkit/plugin-community-backend@^0.1.0' '@copkit/plugin-catalog-backend-module-community@^0.1.0'
  run_logged "add-app-$(basename "$target")" portal_yarn_in "$target" --cwd packages/app add "$@" '@copkit/plugin-community@^0.1.0'
}

register_copkit() {
  node "$HELPER" register-backend "$PORTAL/packages/backend/src/index.ts"
  # The example catalog, copied next to create-app's own examples.
  mkdir -p "$PORTAL/examples/copkit"
  cp -R "$COPKIT_ROOT/catalog-info/." "$PORTAL/examples/copkit/"
  node "$HELPER" configure "$PORTAL/app-config.yaml" ../../examples/copkit/all.yaml
  node "$HELPER" app-feature "$PORTAL/app-config.yaml" "$PORTAL/packages/app/src/App.tsx"
}

typecheck_portal() {
  run_logged portal-tsc portal_yarn tsc
}

api() { curl -sS --max-time 30 "$@"; }

check_backend() {
  local port base
  port="$(node "$HELPER" free-port)"
  base="http://localhost:$port"
  log "  backend on $base (SQLite in memory, as generated)"
  (
    cd "$PORTAL"
    APP_CONFIG_backend_listen_port="$port" APP_CONFIG_backend_baseUrl="$base" \
      exec setsid yarn --cwd packages/backend start >"$LOGS/backend.log" 2>&1
  ) &
  echo $! >"$STATE/backend.pid"
  local start=$SECONDS code=000
  while [ $((SECONDS - start)) -lt 240 ]; do
    code="$(curl -s -o /dev/null -w '%{http_code}' "$base/.backstage/health/v1/readiness" || true)"
    [ "$code" = 200 ] && break
    kill -0 "$(cat "$STATE/backend.pid")" 2>/dev/null || break
    sleep 2
  done
  if [ "$code" != 200 ]; then
    log "  PROBLEM: backend not ready (last status $code); last lines of $LOGS/backend.log:"
    tail -n 40 "$LOGS/backend.log" | sed 's/^/  | /'
    return 1
  fi
  log "  ready after $((SECONDS - start))s"

  local ok=0 token
  api -H 'X-Requested-With: XMLHttpRequest' "$base/api/auth/guest/refresh?env=development" >"$STATE/refresh.json"
  token="$(node "$HELPER" token "$STATE/refresh.json")"

  # The catalog ingests the example catalog shortly after start.
  local kind items
  for kind in community pattern; do
    items=0
    start=$SECONDS
    while [ $((SECONDS - start)) -lt 120 ]; do
      api -H "Authorization: Bearer $token" "$base/api/catalog/entities/by-query?filter=kind=$kind" >"$STATE/$kind.json" || true
      items="$(node "$HELPER" count-items "$STATE/$kind.json" 2>/dev/null | cut -d' ' -f1 || echo 0)"
      [ "${items:-0}" -gt 0 ] && break
      sleep 3
    done
    if [ "${items:-0}" -gt 0 ]; then
      log "  catalog serves $(node "$HELPER" count-items "$STATE/$kind.json")"
    else
      log "  FAIL: the catalog serves no entity of kind $kind"
      grep -i "$kind" "$LOGS/backend.log" | grep -iv incomingRequest | tail -n 10 | sed 's/^/  | /' || true
      ok=1
    fi
  done

  grep -qF "$EXPECTED_VALIDATION_MESSAGE" "$COPKIT_ROOT/docs/catalog-model.md" || {
    log "  FAIL: docs/catalog-model.md no longer shows: $EXPECTED_VALIDATION_MESSAGE"
    ok=1
  }
  code="$(api -o "$STATE/validate.json" -w '%{http_code}' -X POST \
    -H "Authorization: Bearer $token" -H 'Content-Type: application/json' \
    --data @"$COPKIT_ROOT/scripts/adopter-check/broken-community.json" \
    "$base/api/catalog/validate-entity" || true)"
  if [ "$code" = 400 ] && node "$HELPER" check-validation "$STATE/validate.json" "$EXPECTED_VALIDATION_MESSAGE"; then
    log "  validate-entity: 400 for the broken Community"
  else
    log "  FAIL: validate-entity answered $code: $(head -c 600 "$STATE/validate.json")"
    ok=1
  fi

  code="$(api -o "$STATE/summary.json" -w '%{http_code}' -H "Authorization: Bearer $token" "$base/api/community/adoption/summary" || true)"
  if [ "$code" = 200 ]; then log "  GET /api/community/adoption/summary with a token: 200"; else
    log "  FAIL: /api/community/adoption/summary with a token answered $code: $(head -c 300 "$STATE/summary.json")"
    ok=1
  fi
  code="$(api -o /dev/null -w '%{http_code}' "$base/api/community/adoption/summary" || true)"
  if [ "$code" = 401 ]; then log "  GET /api/community/adoption/summary without a token: 401"; else
    log "  FAIL: /api/community/adoption/summary without a token answered $code, expected 401"
    ok=1
  fi

  if grep -q 'community.*\(error\|Error\)' "$LOGS/backend.log"; then
    log "  errors logged by the community plugin (not a failure by themselves):"
    grep 'community.*\(error\|Error\)' "$LOGS/backend.log" | head -n 5 | cut -c1-300 | sed 's/^/  | /'
  fi
  stop_backend
  return "$ok"
}

build_app() {
  run_logged app-build portal_yarn --cwd packages/app build
  # app.packages: all discovers the plugin at build time; the bundle lists it.
  if grep -lqE '@copkit/plugin-community",export:"\./alpha"' "$PORTAL"/packages/app/dist/static/*.js; then
    log "  the app bundle includes @copkit/plugin-community/alpha (discovered)"
  else
    log "  FAIL: @copkit/plugin-community/alpha is not among the app's discovered features"
    return 1
  fi
}

count_duplicates() {
  node "$HELPER" versions "$PORTAL/yarn.lock" "$STATE/versions-after.json"
  node "$HELPER" compare-duplicates "$STATE/versions-before.json" "$STATE/versions-after.json"
}

# copkit's ranges also accept the previous release line: the portal exactly as
# create-app generated it gets copkit's tarballs the same way, resolved into
# its lockfile only (nothing fetched or built), and must gain no duplicate.
check_previous_line() {
  log "  the portal as generated: Backstage $(node -p "require('$PREVIOUS/backstage.json').version")"
  node "$HELPER" versions "$PREVIOUS/yarn.lock" "$STATE/previous-before.json"
  install_copkit "$PREVIOUS" --mode=update-lockfile
  node "$HELPER" versions "$PREVIOUS/yarn.lock" "$STATE/previous-after.json"
  node "$HELPER" compare-duplicates "$STATE/previous-before.json" "$STATE/previous-after.json"
}

# ---------------------------------------------------------------- run

log "copkit adopter check: $WORK (Node $(node --version), Yarn $(yarn --version))"
phase "1 build and pack copkit" required pack_packages
phase "2 create portal" required create_portal
phase "3 bring portal to the current release" required bump_portal
phase "4 install copkit tarballs" required install_copkit
phase "5 register copkit" required register_copkit
phase "6 portal tsc" optional typecheck_portal
phase "7 portal backend checks" optional check_backend
phase "8 portal app build" optional build_app
phase "9 duplicates caused by copkit" optional count_duplicates
phase "10 previous release line: duplicates caused by copkit" optional check_previous_line

log ""
log "== summary"
for i in "${!PHASES[@]}"; do
  printf '  %-40s %5ss  %s\n' "${PHASES[$i]}" "${TIMES[$i]}" "${RESULTS[$i]}"
done
printf '  %-40s %5ss\n' "total" "$SECONDS"
if [ "$FAILED" -eq 0 ]; then
  log "ADOPTER CHECK: PASS"
else
  log "ADOPTER CHECK: FAIL"
  exit 1
fi
