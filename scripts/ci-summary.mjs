// Print the one plain closing line CI reads: "N passed, N failed", summed over the test reports,
// plus one failure for each step that failed without a test report of its own (type-check,
// lint, build). Usage:
//   node scripts/ci-summary.mjs [--step NAME=EXITCODE]... REPORT:vitest|playwright...
// A missing or unreadable report counts as one failure. Details go to stderr, so stdout holds
// only the final line. Exits 1 when anything failed.
import { existsSync, readFileSync } from 'node:fs'

let passed = 0
let failed = 0
const notes = []

/** Vitest's JSON reporter: per-test counts, and files that failed before any test ran. */
function countVitest(r) {
  passed += r.numPassedTests ?? 0
  failed += r.numFailedTests ?? 0
  // A file that fails to load (syntax error, failing import) has no test results: count it once.
  for (const file of r.testResults ?? []) {
    if (file.status === 'failed' && !(file.assertionResults ?? []).some((a) => a.status === 'failed')) {
      failed++
      notes.push(`unit: ${file.name} failed to run: ${(file.message ?? '').split('\n')[0]}`)
    }
  }
  if (r.success === false && !(r.numFailedTests > 0) && !notes.some((n) => n.startsWith('unit:'))) {
    failed++
    notes.push('unit: vitest reported failure without a failed test')
  }
}

/** Playwright's JSON reporter: expected passed, flaky passed on a retry, unexpected failed. */
function countPlaywright(r) {
  const s = r.stats ?? {}
  passed += (s.expected ?? 0) + (s.flaky ?? 0)
  failed += s.unexpected ?? 0
  if (s.flaky) notes.push(`e2e: ${s.flaky} test(s) passed only on a retry`)
  // Errors outside any test (the web server did not start, the browser is missing, a spec
  // failed to load) leave no failed test behind: count each once.
  for (const e of r.errors ?? []) {
    failed++
    notes.push(`e2e: ${(e.message ?? String(e)).split('\n')[0]}`)
  }
}

const args = process.argv.slice(2)
for (let i = 0; i < args.length; i++) {
  const arg = args[i]
  if (arg === '--step') {
    const [name, code] = (args[++i] ?? '').split('=')
    if (code !== '0') {
      failed++
      notes.push(`step failed: ${name} (exit ${code})`)
    }
    continue
  }
  const colon = arg.lastIndexOf(':')
  const file = arg.slice(0, colon)
  const kind = arg.slice(colon + 1)
  if (!existsSync(file)) {
    failed++
    notes.push(`missing test report: ${file}`)
    continue
  }
  let report
  try {
    report = JSON.parse(readFileSync(file, 'utf8'))
  } catch (e) {
    failed++
    notes.push(`unreadable test report ${file}: ${e.message}`)
    continue
  }
  if (kind === 'vitest') countVitest(report)
  else if (kind === 'playwright') countPlaywright(report)
  else {
    failed++
    notes.push(`unknown report kind "${kind}" for ${file}`)
  }
}
for (const n of notes) console.error(n)
console.log(`${passed} passed, ${failed} failed`)
process.exit(failed ? 1 : 0)
