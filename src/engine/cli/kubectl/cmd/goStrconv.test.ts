// strconv.ParseInt / ParseBool / QuoteRune / %#q, with Go's results (go/src/strconv atoi_test.go
// cases and kubectl's own error texts, see kubectlFidelity.test.ts).

import { describe, expect, it } from 'vitest'
import { goSharpQ, parseGoBool, parseGoInt, quoteGoRune } from './goStrconv'

describe('parseGoInt', () => {
  it.each([
    ['0', 0n],
    ['-0', 0n],
    ['+12', 12n],
    ['0x10', 16n],
    ['0X1f', 31n],
    ['0o17', 15n],
    ['017', 15n],
    ['0b101', 5n],
    ['1_000', 1000n],
    ['-0x_1', -1n],
    ['9223372036854775807', 9223372036854775807n],
    ['-9223372036854775808', -9223372036854775808n],
  ])('base 0, 64 bits: %s', (s, want) => {
    expect(parseGoInt(s, 0, 64)).toEqual({ ok: true, value: want })
  })

  it.each([
    ['', 'strconv.ParseInt: parsing "": invalid syntax'],
    ['x', 'strconv.ParseInt: parsing "x": invalid syntax'],
    ['0x', 'strconv.ParseInt: parsing "0x": invalid syntax'],
    ['08', 'strconv.ParseInt: parsing "08": invalid syntax'],
    ['_1', 'strconv.ParseInt: parsing "_1": invalid syntax'],
    ['1__0', 'strconv.ParseInt: parsing "1__0": invalid syntax'],
    ['1_', 'strconv.ParseInt: parsing "1_": invalid syntax'],
    ['9223372036854775808', 'strconv.ParseInt: parsing "9223372036854775808": value out of range'],
    ['-9223372036854775809', 'strconv.ParseInt: parsing "-9223372036854775809": value out of range'],
    // Overflow is found before the bad character, as Go scans left to right.
    ['99999999999999999999x', 'strconv.ParseInt: parsing "99999999999999999999x": value out of range'],
    ['1\n', 'strconv.ParseInt: parsing "1\\n": invalid syntax'],
  ])('base 0 error: %j', (s, error) => {
    expect(parseGoInt(s, 0, 64)).toEqual({ ok: false, error })
  })

  it('base 10, 32 bits, as klog reads -v', () => {
    expect(parseGoInt('-3', 10, 32)).toEqual({ ok: true, value: -3n })
    expect(parseGoInt('0x10', 10, 32)).toEqual({ ok: false, error: 'strconv.ParseInt: parsing "0x10": invalid syntax' })
    expect(parseGoInt('1_0', 10, 32)).toEqual({ ok: false, error: 'strconv.ParseInt: parsing "1_0": invalid syntax' })
    expect(parseGoInt('2147483648', 10, 32)).toEqual({
      ok: false,
      error: 'strconv.ParseInt: parsing "2147483648": value out of range',
    })
    expect(parseGoInt('-2147483648', 10, 32)).toEqual({ ok: true, value: -2147483648n })
  })
})

describe('parseGoBool', () => {
  it.each(['1', 't', 'T', 'TRUE', 'true', 'True'])('%s is true', (s) => {
    expect(parseGoBool(s)).toEqual({ ok: true, value: true })
  })
  it.each(['0', 'f', 'F', 'FALSE', 'false', 'False'])('%s is false', (s) => {
    expect(parseGoBool(s)).toEqual({ ok: true, value: false })
  })
  it.each(['', 'yes', 'tRUE', 'on'])('%j is an error', (s) => {
    expect(parseGoBool(s)).toEqual({ ok: false, error: `strconv.ParseBool: parsing "${s}": invalid syntax` })
  })
})

describe('quoting', () => {
  it.each([
    [0x7a, "'z'"],
    [0x27, "'\\''"],
    [0x5c, "'\\\\'"],
    [0x0a, "'\\n'"],
    [0x00, "'\\x00'"],
    [0xc3, "'Ã'"],
  ])('quoteGoRune(%i)', (cp, want) => {
    expect(quoteGoRune(cp)).toBe(want)
  })

  it.each([
    ['gett', '`gett`'],
    ['a b', '`a b`'],
    ['a`b', '"a`b"'],
    ['a\nb', '"a\\nb"'],
    ['tab\there', '`tab\there`'],
  ])('goSharpQ(%j)', (s, want) => {
    expect(goSharpQ(s)).toBe(want)
  })
})
