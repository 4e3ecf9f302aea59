#!/usr/bin/env bash
# npm test: everything that proves Podlab works, ending with one plain "N passed, N failed" line.
set -uo pipefail
cd "$(dirname "$0")/.."
rm -rf test-results && mkdir -p test-results
status=0
echo "== type-check (engine, tests and scripts)"
node node_modules/tsgo/bin/tsc -p tsconfig.engine.json --noEmit || status=1
echo "== unit and scenario tests"
npx vitest run --reporter=default --reporter=json --outputFile=test-results/unit.json || status=1
node scripts/ci-summary.mjs test-results/unit.json:vitest || status=1
exit $status
