import { describe, expect, it } from 'vitest'
import { formatGoFloat, goNumber, goQuote, goSharpV, goSprint, goTypeName } from './goValues'

describe('formatGoFloat (strconv.FormatFloat(f, \'g\', -1, 64), fmt %v)', () => {
  it.each([
    [1.5, '1.5'],
    [3, '3'],
    [100000, '100000'],
    [1000000, '1e+06'],
    [1234567, '1.234567e+06'],
    [1e21, '1e+21'],
    [0.0001, '0.0001'],
    [0.00001, '1e-05'],
    [0.000001, '1e-06'],
    [-2.5e-10, '-2.5e-10'],
    [123456.5, '123456.5'],
    [0, '0'],
  ])('%d -> %s', (f, s) => {
    expect(formatGoFloat(f)).toBe(s)
  })
})

describe('goQuote (strconv.Quote)', () => {
  it('keeps printable runes and escapes the rest', () => {
    expect(goQuote('a <b> & c\u2028 é 😀 \u0007 \u0000 \b\f')).toBe('"a <b> & c\\u2028 é 😀 \\a \\x00 \\b\\f"')
    expect(goQuote('{.a[?(@.b=="x")]}')).toBe('"{.a[?(@.b==\\"x\\")]}"')
    expect(goQuote('tab\tnl\ndel\u007f nbsp\u00a0')).toBe('"tab\\tnl\\ndel\\x7f nbsp\\u00a0"')
  })
})

describe('goSprint (%v) and goSharpV (%#v)', () => {
  const value = { b: [1, 'x y', null], a: { c: true, d: 1.5 }, e: 1e21 }
  it('prints %v as fmt does', () => {
    expect(goSprint(value, 'unstructured')).toBe('map[a:map[c:true d:1.5] b:[1 x y <nil>] e:1e+21]')
    expect(goSprint(1000000, 'unstructured')).toBe('1000000')
    expect(goSprint(1000000, 'typed')).toBe('1e+06')
    expect(goSprint(goNumber('uint8', 68), 'unstructured')).toBe('68')
  })
  it('prints %#v as fmt does', () => {
    expect(goSharpV(value, 'unstructured')).toBe(
      'map[string]interface {}{"a":map[string]interface {}{"c":true, "d":1.5}, "b":[]interface {}{1, "x y", interface {}(nil)}, "e":1e+21}',
    )
    expect(goSharpV({ l: [], m: {} }, 'typed')).toBe('map[string]interface {}{"l":[]interface {}{}, "m":map[string]interface {}{}}')
  })
  it('names Go types as reflect does', () => {
    expect([goTypeName('s', 'unstructured'), goTypeName(3, 'unstructured'), goTypeName(3, 'typed'), goTypeName(1.5, 'unstructured')]).toEqual([
      'string',
      'int64',
      'float64',
      'float64',
    ])
    expect([goTypeName([], 'typed'), goTypeName({}, 'typed'), goTypeName(true, 'typed')]).toEqual(['[]interface {}', 'map[string]interface {}', 'bool'])
  })
})
