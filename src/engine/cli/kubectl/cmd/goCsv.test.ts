// The first CSV record as pflag's stringSlice reads it (Go encoding/csv reader_test.go cases,
// and the parse errors kubectl prints, see kubectlFidelity.test.ts).

import { describe, expect, it } from 'vitest'
import { readCsvRecord } from './goCsv'

describe('readCsvRecord', () => {
  it.each([
    ['', []],
    ['a', ['a']],
    ['a,b,c', ['a', 'b', 'c']],
    ['a,,b', ['a', '', 'b']],
    ['a,', ['a', '']],
    [' a ,b', [' a ', 'b']],
    ['"a,b",c', ['a,b', 'c']],
    ['"a""b",c', ['a"b', 'c']],
    ['"a\nb",c', ['a\nb', 'c']],
    ['a\nb', ['a']],
    ['\na,b', ['a', 'b']],
    ['a\r\n', ['a']],
    ['a\r', ['a']],
    ['"a"\n', ['a']],
  ])('%j', (s, fields) => {
    expect(readCsvRecord(s)).toEqual({ ok: true, fields })
  })

  it.each([
    ['"a', 'parse error on line 1, column 3: extraneous or missing " in quoted-field'],
    ['a"b', 'parse error on line 1, column 2: bare " in non-quoted-field'],
    ['"a"b', 'parse error on line 1, column 3: extraneous or missing " in quoted-field'],
    ['x,"a"b', 'parse error on line 1, column 5: extraneous or missing " in quoted-field'],
    ['ab,"c', 'parse error on line 1, column 6: extraneous or missing " in quoted-field'],
    ['"é"x', 'parse error on line 1, column 4: extraneous or missing " in quoted-field'],
    ['é"', 'parse error on line 1, column 3: bare " in non-quoted-field'],
    ['"a" ', 'parse error on line 1, column 3: extraneous or missing " in quoted-field'],
    [' "a"', 'parse error on line 1, column 2: bare " in non-quoted-field'],
    ['"a\nb', 'record on line 1; parse error on line 2, column 2: extraneous or missing " in quoted-field'],
    ['"a\n"b', 'record on line 1; parse error on line 2, column 1: extraneous or missing " in quoted-field'],
    ['\n', 'EOF'],
  ])('%j is an error', (s, error) => {
    expect(readCsvRecord(s)).toEqual({ ok: false, error })
  })
})
