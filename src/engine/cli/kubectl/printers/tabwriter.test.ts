import { describe, it, expect } from 'vitest'
import { ALIGN_RIGHT, DEBUG, DISCARD_EMPTY_COLUMNS, REMEMBER_WIDTHS, TabWriter } from './tabwriter'

// Go's text/tabwriter tabwriter_test.go table (the rows without Escape/FilterHTML, which this
// port leaves out), each checked written at once, byte by byte and in Fibonacci-sized slices.
type Row = [name: string, minwidth: number, tabwidth: number, padding: number, padchar: string, flags: number, src: string, expected: string]

const rows: Row[] = [
  ['1a', 8, 0, 1, '.', 0, '', ''],
  ['1a debug', 8, 0, 1, '.', DEBUG, '', ''],
  ['2', 8, 0, 1, '.', 0, '\n\n\n', '\n\n\n'],
  ['3', 8, 0, 1, '.', 0, 'a\nb\nc', 'a\nb\nc'],
  ['4a', 8, 0, 1, '.', 0, '\t', ''],
  ['4b', 8, 0, 1, '.', ALIGN_RIGHT, '\t', ''],
  ['5', 8, 0, 1, '.', 0, '*\t*', '*.......*'],
  ['5b', 8, 0, 1, '.', 0, '*\t*\n', '*.......*\n'],
  ['5c', 8, 0, 1, '.', 0, '*\t*\t', '*.......*'],
  ['5c debug', 8, 0, 1, '.', DEBUG, '*\t*\t', '*.......|*'],
  ['5d', 8, 0, 1, '.', ALIGN_RIGHT, '*\t*\t', '.......**'],
  ['6', 8, 0, 1, '.', 0, '\t\n', '........\n'],
  ['7a', 8, 0, 1, '.', 0, 'a) foo', 'a) foo'],
  ['7b', 8, 0, 1, ' ', 0, 'b) foo\tbar', 'b) foo  bar'],
  ['7c', 8, 0, 1, '.', 0, 'c) foo\tbar\t', 'c) foo..bar'],
  ['7d', 8, 0, 1, '.', 0, 'd) foo\tbar\n', 'd) foo..bar\n'],
  ['7e', 8, 0, 1, '.', 0, 'e) foo\tbar\t\n', 'e) foo..bar.....\n'],
  ['8', 8, 0, 1, '*', 0, 'Hello, world!\n', 'Hello, world!\n'],
  ['9a', 1, 0, 0, '.', 0, '1\t2\t3\t4\n' + '11\t222\t3333\t44444\n', '1.2..3...4\n' + '11222333344444\n'],
  ['9c', 1, 0, 0, '.', 0, '1\t2\t3\t4\f' + '11\t222\t3333\t44444\n', '1234\n' + '11222333344444\n'],
  ['9c debug', 1, 0, 0, '.', DEBUG, '1\t2\t3\t4\f' + '11\t222\t3333\t44444\n', '1|2|3|4\n' + '---\n' + '11|222|3333|44444\n'],
  ['10a', 5, 0, 0, '.', 0, '1\t2\t3\t4\n', '1....2....3....4\n'],
  ['10b', 5, 0, 0, '.', 0, '1\t2\t3\t4\t\n', '1....2....3....4....\n'],
  [
    '11', 8, 0, 1, '.', 0,
    '本\tb\tc\n' + 'aa\t\u672c\u672c\u672c\tcccc\tddddd\n' + 'aaa\tbbbb\n',
    '本.......b.......c\n' + 'aa......本本本.....cccc....ddddd\n' + 'aaa.....bbbb\n',
  ],
  [
    '12a', 8, 0, 1, ' ', ALIGN_RIGHT,
    'a\tè\tc\t\n' + 'aa\tèèè\tcccc\tddddd\t\n' + 'aaa\tèèèè\t\n',
    '       a       è       c\n' + '      aa     èèè    cccc   ddddd\n' + '     aaa    èèèè\n',
  ],
  ['12b', 2, 0, 0, ' ', 0, 'a\tb\tc\n' + 'aa\tbbb\tcccc\n' + 'aaa\tbbbb\n', 'a  b  c\n' + 'aa bbbcccc\n' + 'aaabbbb\n'],
  [
    '12c', 8, 0, 1, '_', 0,
    'a\tb\tc\n' + 'aa\tbbb\tcccc\n' + 'aaa\tbbbb\n',
    'a_______b_______c\n' + 'aa______bbb_____cccc\n' + 'aaa_____bbbb\n',
  ],
  [
    '13a', 4, 0, 1, '-', 0,
    '4444\t日本語\t22\t1\t333\n' + '999999999\t22\n' + '7\t22\n' + '\t\t\t88888888\n' + '\n' + '666666\t666666\t666666\t4444\n' + '1\t1\t999999999\t0000000000\n',
    '4444------日本語-22--1---333\n' + '999999999-22\n' + '7---------22\n' + '------------------88888888\n' + '\n' + '666666-666666-666666----4444\n' + '1------1------999999999-0000000000\n',
  ],
  [
    '13b', 4, 0, 3, '.', 0,
    '4444\t333\t22\t1\t333\n' + '999999999\t22\n' + '7\t22\n' + '\t\t\t88888888\n' + '\n' + '666666\t666666\t666666\t4444\n' + '1\t1\t999999999\t0000000000\n',
    '4444........333...22...1...333\n' + '999999999...22\n' + '7...........22\n' + '....................88888888\n' + '\n' + '666666...666666...666666......4444\n' + '1........1........999999999...0000000000\n',
  ],
  [
    '14', 1, 0, 2, ' ', ALIGN_RIGHT,
    '.0\t.3\t2.4\t-5.1\t\n' + '23.0\t12345678.9\t2.4\t-989.4\t\n' + '5.1\t12.0\t2.4\t-7.0\t\n' + '.0\t0.0\t332.0\t8908.0\t\n' + '.0\t-.3\t456.4\t22.1\t\n' + '.0\t1.2\t44.4\t-13.3\t\t',
    '    .0          .3    2.4    -5.1\n' + '  23.0  12345678.9    2.4  -989.4\n' + '   5.1        12.0    2.4    -7.0\n' + '    .0         0.0  332.0  8908.0\n' + '    .0         -.3  456.4    22.1\n' + '    .0         1.2   44.4   -13.3',
  ],
  [
    '14 debug', 1, 0, 2, ' ', ALIGN_RIGHT | DEBUG,
    '.0\t.3\t2.4\t-5.1\t\n' + '23.0\t12345678.9\t2.4\t-989.4\t\n' + '5.1\t12.0\t2.4\t-7.0\t\n' + '.0\t0.0\t332.0\t8908.0\t\n' + '.0\t-.3\t456.4\t22.1\t\n' + '.0\t1.2\t44.4\t-13.3\t\t',
    '    .0|          .3|    2.4|    -5.1|\n' + '  23.0|  12345678.9|    2.4|  -989.4|\n' + '   5.1|        12.0|    2.4|    -7.0|\n' + '    .0|         0.0|  332.0|  8908.0|\n' + '    .0|         -.3|  456.4|    22.1|\n' + '    .0|         1.2|   44.4|   -13.3|',
  ],
  ['15a', 4, 0, 0, '.', 0, 'a\t\tb', 'a.......b'],
  ['15b', 4, 0, 0, '.', DISCARD_EMPTY_COLUMNS, 'a\t\tb', 'a.......b'],
  ['15c', 4, 0, 0, '.', DISCARD_EMPTY_COLUMNS, 'a\v\vb', 'a...b'],
  ['15d', 4, 0, 0, '.', ALIGN_RIGHT | DISCARD_EMPTY_COLUMNS, 'a\v\vb', '...ab'],
  [
    '16a', 100, 100, 0, '\t', 0,
    'a\tb\t\td\n' + 'a\tb\t\td\te\n' + 'a\n' + 'a\tb\tc\td\n' + 'a\tb\tc\td\te\n',
    'a\tb\t\td\n' + 'a\tb\t\td\te\n' + 'a\n' + 'a\tb\tc\td\n' + 'a\tb\tc\td\te\n',
  ],
  [
    '16b', 100, 100, 0, '\t', DISCARD_EMPTY_COLUMNS,
    'a\vb\v\vd\n' + 'a\vb\v\vd\ve\n' + 'a\n' + 'a\vb\vc\vd\n' + 'a\vb\vc\vd\ve\n',
    'a\tb\td\n' + 'a\tb\td\te\n' + 'a\n' + 'a\tb\tc\td\n' + 'a\tb\tc\td\te\n',
  ],
  [
    '16b debug', 100, 100, 0, '\t', DISCARD_EMPTY_COLUMNS | DEBUG,
    'a\vb\v\vd\n' + 'a\vb\v\vd\ve\n' + 'a\n' + 'a\vb\vc\vd\n' + 'a\vb\vc\vd\ve\n',
    'a\t|b\t||d\n' + 'a\t|b\t||d\t|e\n' + 'a\n' + 'a\t|b\t|c\t|d\n' + 'a\t|b\t|c\t|d\t|e\n',
  ],
  [
    '16c', 100, 100, 0, '\t', DISCARD_EMPTY_COLUMNS,
    'a\tb\t\td\n' + 'a\tb\t\td\te\n' + 'a\n' + 'a\tb\tc\td\n' + 'a\tb\tc\td\te\n',
    'a\tb\t\td\n' + 'a\tb\t\td\te\n' + 'a\n' + 'a\tb\tc\td\n' + 'a\tb\tc\td\te\n',
  ],
  [
    '16c debug', 100, 100, 0, '\t', DISCARD_EMPTY_COLUMNS | DEBUG,
    'a\tb\t\td\n' + 'a\tb\t\td\te\n' + 'a\n' + 'a\tb\tc\td\n' + 'a\tb\tc\td\te\n',
    'a\t|b\t|\t|d\n' + 'a\t|b\t|\t|d\t|e\n' + 'a\n' + 'a\t|b\t|c\t|d\n' + 'a\t|b\t|c\t|d\t|e\n',
  ],
]

describe('TabWriter (Go text/tabwriter tests)', () => {
  describe.each(rows)('%s', (_name, minwidth, tabwidth, padding, padchar, flags, src, expected) => {
    const w = new TabWriter(minwidth, tabwidth, padding, padchar, flags)
    it('written all at once', () => {
      w.write(src)
      expect(w.flush()).toBe(expected)
    })
    it('written byte by byte', () => {
      for (const ch of src) w.write(ch)
      expect(w.flush()).toBe(expected)
    })
    it('written in fibonacci slices', () => {
      for (let i = 0, d = 0; i < src.length; ) {
        w.write(src.slice(i, i + d))
        i += d
        d++
        if (i + d > src.length) d = src.length - i
      }
      expect(w.flush()).toBe(expected)
    })
  })
})

describe('TabWriter RememberWidths (liggitt/tabwriter TestMultiWrite)', () => {
  it('keeps column widths across flushes, only ever widening', () => {
    let w = new TabWriter(6, 4, 3, ' ', REMEMBER_WIDTHS)
    let buffer = ''
    w.write('First\tMiddle\tLast\n')
    w.write('a\tbb\tccc\n')
    w.write('ddd\teeeeeeeeeeeeee\tf\n')
    buffer += w.flush()
    expect(buffer).toBe('First   Middle           Last\n' + 'a       bb               ccc\n' + 'ddd     eeeeeeeeeeeeee   f\n')

    w.write('g\th\ti\n')
    buffer += w.flush()
    expect(buffer.endsWith('g       h                i\n')).toBe(true)

    w.write('j\t\t\n')
    buffer += w.flush()
    w.write('\tk\t\n')
    buffer += w.flush()
    w.write('\t\tl\n')
    buffer += w.flush()
    expect(buffer.endsWith('j                        \n' + '        k                \n' + '                         l\n')).toBe(true)

    w.write('mmmmmmmmmmmmmmm\tnnn\tooo\n')
    buffer += w.flush()
    expect(buffer.endsWith('mmmmmmmmmmmmmmm   nnn              ooo\n')).toBe(true)

    // transferring remembered widths to a new writer
    w = new TabWriter(6, 4, 3, ' ', REMEMBER_WIDTHS).setRememberedWidths(w.rememberedWidths())
    w.write('p\tq\tr\n')
    buffer += w.flush()
    expect(buffer.endsWith('p                 q                r\n')).toBe(true)
    expect(w.rememberedWidths()).toEqual([18, 17])

    w.setRememberedWidths([])
    w.write('sssss\tt\tu\n')
    buffer += w.flush()
    expect(buffer.endsWith('sssss   t     u\n')).toBe(true)
    expect(w.rememberedWidths()).toEqual([8, 6])

    w.setRememberedWidths([10, 5, 5])
    w.write('v\tw\tx\n')
    expect(w.flush()).toBe('v         w     x\n')
  })

  it('emits lines before a single-cell line without waiting for flush', () => {
    const w = new TabWriter(0, 8, 2, ' ', 0)
    w.write('Name:\tx\nLabels:\ty\nContainers:\n')
    w.write('  c:\tz\n')
    expect(w.flush()).toBe('Name:    x\nLabels:  y\nContainers:\n  c:  z\n')
  })
})
