// go-wordwrap WrapString: upstream's v1.0.1 wordwrap_test.go cases, then the tab-indented flag
// usage kubectl's help wraps. kubectlFidelity.test.ts checks whole help texts on terminals.

import { describe, expect, it } from 'vitest'
import { wrapString } from './wordWrap'

describe('wrapString', () => {
  it.each([
    ['foo', 4, 'foo'],
    ['foobarbaz', 4, 'foobarbaz'],
    ['foo bar baz', 4, 'foo\nbar\nbaz'],
    ['foo bars bazzes', 4, 'foo\nbars\nbazzes'],
    ['fo sop', 4, 'fo\nsop'],
    ['foo bar\u00a0baz', 10, 'foo\nbar\u00a0baz'],
    ['foo\nb\t r\n baz', 4, 'foo\nb\t r\n baz'],
    ['foo    \nb   ar   ', 4, 'foo\nb\nar'],
    ['foo bar baz\n', 4, 'foo\nbar\nbaz\n'],
    ['\nfoo bar\n\n\nbaz\n', 4, '\nfoo\nbar\n\n\nbaz\n'],
    [
      ' This is a list: \n\n\t* foo\n\t* bar\n\n\n\t* baz  \nBAM    ',
      6,
      ' This\nis a\nlist: \n\n\t* foo\n\t* bar\n\n\n\t* baz\nBAM',
    ],
    ['\u2584 '.repeat(4), 4, `\u2584 \u2584\n${'\u2584 '.repeat(2)}`],
    ['\tIf present, list', 10, '\tIf\npresent,\nlist'],
  ])('%j at %i', (s, lim, want) => {
    expect(wrapString(s, lim)).toBe(want)
  })

  it('never wraps at a wrapped-around (huge) limit', () => {
    const s = 'word '.repeat(100)
    expect(wrapString(s, 2 ** 64 - 10)).toBe(s)
  })
})
