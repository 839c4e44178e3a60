#!/usr/bin/env bash
# `npm test`: every test of the project, ending with one line `tests: N passed, M failed`.
#   1. makes sure Chromium is there for the browser journeys (installs it with apt-get when it can)
#   2. builds the web app the journeys use
#   3. runs the module tests on embedded PGlite, then again on PostgreSQL when TEST_DATABASE_URL is set
#   4. runs the browser journeys (tests/e2e) in Chromium, with axe on every page
# It exits non-zero on any failure, and also when any test was skipped: CI must run every suite.
set -uo pipefail
cd "$(dirname "$0")/.."

CHROMIUM=/usr/bin/chromium
results=$(mktemp -d)
trap 'rm -rf "$results"' EXIT
problems=()

say() { printf '\n== %s\n' "$*"; }
problem() {
  problems+=("$1")
  printf '\nERROR: %s\n' "$1" >&2
}

ensure_chromium() {
  [ -x "$CHROMIUM" ] && return 0
  local as_root=()
  if [ "$(id -u)" -ne 0 ]; then
    if command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
      as_root=(sudo -n)
    else
      echo "$CHROMIUM is missing and this user can neither install it (not root) nor use sudo without a password." >&2
      echo "Install it once with: sudo apt-get install -y chromium" >&2
      return 1
    fi
  fi
  say "Installing Chromium for the browser journeys (apt-get)"
  local log="$results/apt.log"
  if ! { "${as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -qq &&
    "${as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium; } >"$log" 2>&1 </dev/null; then
    tail -n 30 "$log" >&2
  fi
  [ -x "$CHROMIUM" ] || { echo "apt-get did not install $CHROMIUM." >&2; return 1; }
}

# Runs one vitest command with a JSON report named after it; the reports feed the summary.
run_vitest() {
  local name=$1
  shift
  rm -f "$results/$name.json"
  "$@" --reporter=default --reporter=json --outputFile="$results/$name.json" </dev/null
  local code=$?
  [ "$code" -eq 0 ] || problem "$name: vitest exited with code $code"
  [ -s "$results/$name.json" ] || problem "$name: vitest wrote no report (it did not get to run the tests)"
}

chromium_ok=1
say "Chromium"
ensure_chromium || { chromium_ok=0; problem "Chromium is not available at $CHROMIUM, so the browser journeys cannot run"; }

build_ok=1
say "Building the web app"
npx vite build --logLevel warn </dev/null || { build_ok=0; problem "the web app did not build (vite build)"; }

say "Module tests on embedded PGlite"
run_vitest unit-pglite env -u TEST_DATABASE_URL npx vitest run

if [ -n "${TEST_DATABASE_URL:-}" ]; then
  say "Module tests on PostgreSQL (TEST_DATABASE_URL)"
  run_vitest unit-postgres npx vitest run
fi

if [ "$chromium_ok" -eq 1 ] && [ "$build_ok" -eq 1 ]; then
  say "Browser journeys in Chromium"
  run_vitest e2e npx vitest run --config vitest.e2e.config.ts
else
  problem "e2e: the browser journeys were NOT run (see the errors above)"
fi

# One line summing every run; a run without a report, or failed files without failed tests, count as failures.
summary=$(node - "$results" <<'JS'
const fs = require('node:fs');
const path = require('node:path');
const dir = process.argv[2];
let passed = 0, failed = 0, skipped = 0;
for (const f of fs.readdirSync(dir).filter((n) => n.endsWith('.json'))) {
  let r;
  try { r = JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8')); } catch { failed += 1; continue; }
  passed += r.numPassedTests ?? 0;
  failed += r.numFailedTests ?? 0;
  skipped += (r.numPendingTests ?? 0) + (r.numTodoTests ?? 0);
  // A file that failed without a failed test (a hook, an import, a crash) counts once.
  const broken = (r.testResults ?? []).filter((file) => file.status === 'failed' && !(file.assertionResults ?? []).some((a) => a.status === 'failed')).length;
  failed += broken;
  if (r.success === false && !r.numFailedTests && !broken) failed += 1;
}
process.stdout.write(`${passed} ${failed} ${skipped}`);
JS
) || summary="0 1 0"
read -r passed failed skipped <<<"$summary"
for name in unit-pglite unit-postgres e2e; do
  # A suite that was meant to run but left no report is a failure the counts above cannot see.
  if [ "$name" = unit-postgres ] && [ -z "${TEST_DATABASE_URL:-}" ]; then continue; fi
  [ -s "$results/$name.json" ] || failed=$((failed + 1))
done
[ "$skipped" -eq 0 ] || problem "$skipped test(s) were skipped or left as todo; every suite must run"

if [ "${#problems[@]}" -gt 0 ]; then
  printf '\nFAILED:\n' >&2
  printf '  - %s\n' "${problems[@]}" >&2
fi
line="tests: $passed passed, $failed failed"
[ "$skipped" -eq 0 ] || line="$line, $skipped skipped"
printf '\n%s\n' "$line"
[ "${#problems[@]}" -eq 0 ] && [ "$failed" -eq 0 ]
