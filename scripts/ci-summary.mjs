// Print the one plain closing line CI reads: "N passed, N failed", summed over the test
// reports. A missing report counts as a failure.
import { existsSync, readFileSync } from 'node:fs'

let passed = 0
let failed = 0
for (const [file, kind] of process.argv.slice(2).map((a) => a.split(':'))) {
  if (!existsSync(file)) {
    console.error(`missing test report: ${file}`)
    failed++
    continue
  }
  const r = JSON.parse(readFileSync(file, 'utf8'))
  if (kind === 'vitest') {
    passed += r.numPassedTests
    failed += r.numFailedTests + (r.success === false && r.numFailedTests === 0 ? 1 : 0)
  } else if (kind === 'playwright') {
    passed += r.stats.expected
    failed += r.stats.unexpected
  }
}
console.log(`${passed} passed, ${failed} failed`)
process.exit(failed ? 1 : 0)
