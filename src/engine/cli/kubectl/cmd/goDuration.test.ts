// time.ParseDuration with Go's results (go/src/time time_test.go parseDurationTests and its
// error texts; kubectlFidelity.test.ts checks the errors against kubectl).

import { describe, expect, it } from 'vitest'
import { parseGoDuration, timeQuote } from './goDuration'

describe('parseGoDuration', () => {
  it.each([
    ['0', 0n],
    ['-0', 0n],
    ['5s', 5_000_000_000n],
    ['+5s', 5_000_000_000n],
    ['-5s', -5_000_000_000n],
    ['1.5h', 5_400_000_000_000n],
    ['.5s', 500_000_000n],
    ['5.s', 5_000_000_000n],
    ['1h2m3s4ms5us6ns', 3_723_004_005_006n],
    ['1µs', 1000n],
    ['1μs', 1000n],
    ['100ns', 100n],
    ['0.3333333333333333333h', 1_200_000_000_000n],
    ['9223372036854775807ns', 9223372036854775807n],
    ['-9223372036854775808ns', -9223372036854775808n],
  ])('%s', (s, ns) => {
    expect(parseGoDuration(s)).toEqual({ ok: true, ns })
  })

  it.each([
    ['', 'time: invalid duration ""'],
    ['3', 'time: missing unit in duration "3"'],
    ['1s1', 'time: missing unit in duration "1s1"'],
    ['-', 'time: invalid duration "-"'],
    ['s', 'time: invalid duration "s"'],
    ['.', 'time: invalid duration "."'],
    ['-.', 'time: invalid duration "-."'],
    ['.s', 'time: invalid duration ".s"'],
    ['+.s', 'time: invalid duration "+.s"'],
    ['1d', 'time: unknown unit "d" in duration "1d"'],
    ['1e3s', 'time: unknown unit "e" in duration "1e3s"'],
    ['1S', 'time: unknown unit "S" in duration "1S"'],
    ['9223372036854775808ns', 'time: invalid duration "9223372036854775808ns"'],
    ['99999999999h', 'time: invalid duration "99999999999h"'],
    ['3000000h', 'time: invalid duration "3000000h"'],
    ['1é', 'time: unknown unit "\\xc3\\xa9" in duration "1\\xc3\\xa9"'],
  ])('%j is an error', (s, error) => {
    expect(parseGoDuration(s)).toEqual({ ok: false, error })
  })

  it('quotes as the time package does', () => {
    expect(timeQuote('a"b\\c\n')).toBe('"a\\"b\\\\c\\x0a"')
  })
})
