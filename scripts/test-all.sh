#!/usr/bin/env bash
# npm test (after scripts/ensure-deps.mjs): everything that proves Podlab works, in order, never
# stopping early: type-checks, lint, unit and scenario tests, the build, the e2e tests. It ends
# with one plain line "N passed, N failed" (scripts/ci-summary.mjs): the tests of both reports,
# plus one failure for each failed step (type-check, lint, build). Exits non-zero when anything
# failed.
set -uo pipefail
cd "$(dirname "$0")/.."
rm -rf test-results && mkdir -p test-results

steps=()
started=$SECONDS

# step NAME COMMAND...: runs one step, records its exit code for the summary, times it.
step() {
  local name=$1
  shift
  local t0=$SECONDS
  echo "== $name"
  "$@"
  local rc=$?
  steps+=(--step "$name=$rc")
  echo "== $name: $([ $rc = 0 ] && echo ok || echo "FAILED (exit $rc)") in $((SECONDS - t0))s"
  return $rc
}

tsc() { node node_modules/tsgo/bin/tsc "$@"; }

step type-check:engine tsc -p tsconfig.engine.json --noEmit
# tsconfig.app.json and tsconfig.node.json reference the engine (and node the app) as composite
# projects: with -p, imports from them resolve to their emitted declarations under
# node_modules/.tsbuild, which a fresh clone lacks and an old build has stale (TS6305). Emit
# them first, quietly: their errors are the engine and app steps' to report.
tsc -b tsconfig.engine.json tsconfig.app.json >/dev/null 2>&1
step type-check:app tsc -p tsconfig.app.json --noEmit
step type-check:node tsc -p tsconfig.node.json --noEmit
step lint node node_modules/eslint/bin/eslint.js --cache --cache-strategy content --cache-location node_modules/.cache/eslint/ .

# Unit and scenario tests: counted from their report, not from the exit code.
t0=$SECONDS
echo "== unit and scenario tests"
node node_modules/vitest/vitest.mjs run --reporter=default --reporter=json --outputFile=test-results/unit.json
echo "== unit and scenario tests: done in $((SECONDS - t0))s"

if step build node node_modules/vite/bin/vite.js build; then
  # e2e on the page just built (playwright.config.ts serves dist/ with vite preview). The
  # Chromium comes from ensure-deps: CHROMIUM_PATH, Debian's, or Playwright's own.
  t0=$SECONDS
  echo "== e2e tests"
  chromium=$(node scripts/ensure-deps.mjs --chromium)
  if [ -n "$chromium" ]; then
    echo "(Chromium: $chromium)"
    CHROMIUM_PATH="$chromium" node node_modules/@playwright/test/cli.js test
  else
    echo "no Chromium: e2e tests not run"
  fi
  echo "== e2e tests: done in $((SECONDS - t0))s"
else
  # A failed build leaves dist/ stale: testing it would prove nothing. The missing e2e report
  # counts as a failure below.
  echo "== e2e tests: not run, the build failed"
fi

echo "== summary (npm test took $((SECONDS - started))s)"
node scripts/ci-summary.mjs "${steps[@]}" test-results/unit.json:vitest test-results/e2e.json:playwright
