import { readFileSync } from 'node:fs'
import { describe, it, expect } from 'vitest'
import {
  addQuantity,
  cmpQuantity,
  newMilliQuantity,
  newQuantity,
  newScaledQuantity,
  negQuantity,
  parseQuantity,
  quantityAsScale,
  quantityDecimalString,
  quantityMilliValue,
  quantityScaledValue,
  quantityString,
  quantityValue,
  subQuantity,
  ZERO_QUANTITY,
  type Quantity,
  type QuantityFormat,
} from './quantity'

/* eslint-disable @typescript-eslint/no-explicit-any */
const corpus = JSON.parse(
  readFileSync(new URL('../../../../shared/corpus/apimachinery-cases/quantity-cases.json', import.meta.url), 'utf8'),
) as Record<string, any[]>

/** A Quantity holding an exact decimal value in a given format (the corpus "value"/"format" pairs). */
function fromDecimal(value: string, format: string): Quantity {
  const neg = value.startsWith('-')
  const v = neg ? value.slice(1) : value
  const [i, f = ''] = v.split('.')
  const unscaled = BigInt(i + f)
  return { unscaled: neg ? -unscaled : unscaled, exp: -f.length, format: format as QuantityFormat }
}

describe('parseQuantity (quantity_test.go TestQuantityParse)', () => {
  const rows = corpus.parse as { input: string; value: string; format: string; derived: { value: number | null; milliValue: number | null } }[]
  it.each(rows)('$input', ({ input, value, format, derived }) => {
    const q = parseQuantity(input)
    expect(quantityDecimalString(q)).toBe(value)
    expect(q.format).toBe(format)
    // JSON numbers beyond 2^53 lost precision in JSON.parse; only check the exact ones.
    if (Number.isSafeInteger(derived.value)) expect(quantityValue(q)).toBe(BigInt(derived.value!))
    if (Number.isSafeInteger(derived.milliValue)) expect(quantityMilliValue(q)).toBe(BigInt(derived.milliValue!))
    // the test also parses the negated and the explicitly positive spelling
    const negated = parseQuantity('-' + input)
    expect(cmpQuantity(negated, negQuantity(q))).toBe(0)
    expect(negated.format).toBe(format)
    const plus = parseQuantity('+' + input)
    expect(cmpQuantity(plus, q)).toBe(0)
    expect(plus.format).toBe(format)
  })

  const invalid = corpus.parse_invalid as { input: string }[]
  it.each(invalid)('rejects %j', ({ input }) => {
    expect(() => parseQuantity(input)).toThrow()
  })
})

describe('quantityString (TestQuantityString)', () => {
  const rows = corpus.to_string as { value: string; format: string; string: string; alternate_input?: string }[]
  it.each(rows)('$value $format -> $string', (row) => {
    expect(quantityString(fromDecimal(row.value, row.format))).toBe(row.string)
    if (row.alternate_input !== undefined) {
      expect(quantityString(parseQuantity(row.alternate_input))).toBe(row.string)
    }
  })
})

describe('parse then print (TestQuantityParseEmit)', () => {
  it.each(corpus.parse_emit as { input: string; string: string }[])('$input -> $string', ({ input, string }) => {
    expect(quantityString(parseQuantity(input))).toBe(string)
  })
})

describe('large values (TestQuantityParseNonNumericPanic / large value table)', () => {
  it.each(corpus.parse_large_values as { input: string; string: string; asDec: string }[])('$input', ({ input, string, asDec }) => {
    const q = parseQuantity(input)
    expect(quantityString(q)).toBe(string)
    expect(quantityDecimalString(q)).toBe(asDec)
  })
})

describe('quantityAsScale (TestQuantityRoundUp)', () => {
  it.each(corpus.round_up as { input: string; scale: number; result: string; exact: boolean }[])(
    '$input to scale $scale',
    ({ input, scale, result, exact }) => {
      const r = quantityAsScale(parseQuantity(input), scale)
      expect(quantityDecimalString(r.q)).toBe(result)
      expect(r.exact).toBe(exact)
    },
  )
})

describe('cmpQuantity (TestQuantityCmp)', () => {
  it.each(corpus.compare as { a: string; b: string; cmp: number }[])('$a vs $b', ({ a, b, cmp }) => {
    expect(cmpQuantity(parseQuantity(a), parseQuantity(b))).toBe(cmp)
  })
})

describe('JSON strings with whitespace (TestJSON whitespace)', () => {
  it.each(corpus.json_unmarshal_whitespace as { json: string; string: string }[])('$json', ({ json, string }) => {
    let v = json
    if (v.length >= 2 && v.startsWith('"') && v.endsWith('"')) v = v.slice(1, -1)
    expect(quantityString(parseQuantity(v.trim()))).toBe(string)
  })
})

describe('constructors', () => {
  it.each(corpus.new_milli_quantity as { milliValue: number; format: string; string: string }[])(
    'NewMilliQuantity($milliValue, $format) -> $string',
    ({ milliValue, format, string }) => expect(quantityString(newMilliQuantity(milliValue, format))).toBe(string),
  )
  it.each(corpus.new_quantity as { value: number; format: string; string: string }[])(
    'NewQuantity($value, $format) -> $string',
    ({ value, format, string }) => expect(quantityString(newQuantity(value, format))).toBe(string),
  )
  it.each(corpus.new_scaled_quantity as { value: number; scale: number; string: string }[])(
    'NewScaledQuantity($value, $scale) -> $string',
    ({ value, scale, string }) => expect(quantityString(newScaledQuantity(value, scale))).toBe(string),
  )
  it.each(corpus.scaled_value_of_one as { from_scale: number; to_scale: number; scaledValue: number }[])(
    'NewScaledQuantity(1, $from_scale).ScaledValue($to_scale) = $scaledValue',
    ({ from_scale, to_scale, scaledValue }) =>
      expect(quantityScaledValue(newScaledQuantity(1, from_scale), to_scale)).toBe(BigInt(scaledValue)),
  )
})

describe('arithmetic (TestAdd, TestSub, TestNeg)', () => {
  // zero_value rows are Go's `Quantity{Format: ...}` literals: zero, with a format.
  const toQ = (x: any): Quantity => fromDecimal(x.value, x.format)
  it.each(corpus.arithmetic as any[])('%j', (row) => {
    if (row.op === 'neg') {
      expect(quantityString(negQuantity(parseQuantity(row.a)))).toBe(row.string)
      return
    }
    const a = row.a !== undefined ? parseQuantity(row.a) : toQ(row.a_quantity)
    const b = row.b !== undefined ? parseQuantity(row.b) : toQ(row.b_quantity)
    const r = row.op === 'add' ? addQuantity(a, b) : subQuantity(a, b)
    if (row.string !== undefined) expect(quantityString(r)).toBe(row.string)
    if (row.result !== undefined) {
      expect(quantityDecimalString(r)).toBe(row.result.value)
      expect(r.format).toBe(row.result.format)
    }
  })
})

describe('forms kubectl describe prints', () => {
  it.each([
    ['100m', '100m'],
    ['0.5', '500m'],
    ['1.5', '1500m'],
    ['64', '64'],
    ['100Mi', '100Mi'],
    ['102625208Ki', '102625208Ki'],
    ['16365432Ki', '16365432Ki'],
    ['1.5Gi', '1536Mi'],
    ['250M', '250M'],
    ['1000m', '1'],
    ['01', '01'],
  ])('%s prints %s', (input, want) => expect(quantityString(parseQuantity(input))).toBe(want))

  it('adds onto the zero value Quantity{} taking the other format', () => {
    expect(addQuantity(ZERO_QUANTITY, parseQuantity('50Mi')).format).toBe('BinarySI')
  })

  it('sums requests the way describe node does', () => {
    const total = addQuantity(addQuantity(ZERO_QUANTITY, parseQuantity('500m')), parseQuantity('250m'))
    expect(quantityString(total)).toBe('750m')
    const mem = addQuantity(parseQuantity('100Mi'), parseQuantity('28Mi'))
    expect(quantityString(mem)).toBe('128Mi')
  })
})

describe('parseQuantity keeps what it parsed', () => {
  it('returns the same frozen value for the same string, equal to a fresh parse', () => {
    for (const s of ['10m', '16Mi', '1.5Gi', '0', '01', '+1Ki', '1e3', '100n', '0.0000000001']) {
      const a = parseQuantity(s)
      const b = parseQuantity(s)
      expect(b).toBe(a)
      expect(Object.isFrozen(a)).toBe(true)
      expect(quantityString(b)).toBe(quantityString(a))
    }
    expect(quantityString(parseQuantity('1.5Gi'))).toBe('1536Mi')
    expect(quantityString(parseQuantity('01'))).toBe('01')
  })

  it('throws on every parse of a bad string (errors are not kept)', () => {
    expect(() => parseQuantity('1Mm')).toThrow("unable to parse quantity's suffix")
    expect(() => parseQuantity('1Mm')).toThrow("unable to parse quantity's suffix")
  })

  it('still parses correctly after more distinct strings than it keeps', () => {
    for (let i = 0; i < 5000; i++) expect(quantityMilliValue(parseQuantity(`${i}m`))).toBe(BigInt(i))
    expect(quantityValue(parseQuantity('2Ki'))).toBe(2048n)
  })
})
