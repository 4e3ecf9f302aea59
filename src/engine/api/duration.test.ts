import { readFileSync } from 'node:fs'
import { describe, it, expect } from 'vitest'
import { humanDuration, shortHumanDuration, translateTimestampSince } from './duration'

interface DurationCase {
  go_expr: string
  milliseconds: number
  want: string
}
interface DurationCorpus {
  groups: { function: string; go_test: string; cases: DurationCase[] }[]
}

const corpus = JSON.parse(
  readFileSync(new URL('../../../../shared/corpus/apimachinery-cases/duration-cases.json', import.meta.url), 'utf8'),
) as DurationCorpus

const human = corpus.groups.filter((g) => g.function === 'HumanDuration').flatMap((g) => g.cases)
const short = corpus.groups.filter((g) => g.function === 'ShortHumanDuration').flatMap((g) => g.cases)

describe('humanDuration (apimachinery duration_test.go)', () => {
  it('has the corpus cases', () => expect(human.length).toBeGreaterThan(40))
  it.each(human)('$go_expr -> $want', ({ milliseconds, want }) => {
    expect(humanDuration(milliseconds)).toBe(want)
  })
})

describe('shortHumanDuration (apimachinery duration_test.go)', () => {
  it('has the corpus cases', () => expect(short.length).toBeGreaterThan(15))
  it.each(short)('$go_expr -> $want', ({ milliseconds, want }) => {
    expect(shortHumanDuration(milliseconds)).toBe(want)
  })
})

describe('humanDuration values seen in the facts captures', () => {
  it.each([
    [135_000, '2m15s'],
    [109_000, '109s'],
    [75_000, '75s'],
    [120 * 60_000, '120m'],
    [3 * 24 * 3_600_000, '3d'],
    [(2 * 24 + 23) * 3_600_000 + 59 * 60_000, '2d23h'],
    [5 * 60_000 + 18_000, '5m18s'],
  ])('%d ms -> %s', (ms, want) => expect(humanDuration(ms)).toBe(want))
})

describe('translateTimestampSince', () => {
  const now = Date.parse('2026-11-22T04:00:00Z')
  it('prints <unknown> for a missing or zero time', () => {
    expect(translateTimestampSince(undefined, now)).toBe('<unknown>')
    expect(translateTimestampSince(null, now)).toBe('<unknown>')
    expect(translateTimestampSince('', now)).toBe('<unknown>')
    expect(translateTimestampSince('0001-01-01T00:00:00Z', now)).toBe('<unknown>')
  })
  it('prints the age of a past timestamp', () => {
    expect(translateTimestampSince('2026-11-22T03:57:45Z', now)).toBe('2m15s')
  })
  it('prints <invalid> for a timestamp more than a second in the future', () => {
    expect(translateTimestampSince('2026-11-22T04:00:30Z', now)).toBe('<invalid>')
    expect(translateTimestampSince('2026-11-22T04:00:01Z', now)).toBe('0s')
  })
  it('accepts MicroTime with fractional seconds', () => {
    expect(translateTimestampSince('2026-11-22T03:59:00.500000Z', now)).toBe('59s')
  })
})
