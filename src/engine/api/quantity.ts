// resource.Quantity: parse "100m", "128Mi", "1.5", "1e3" exactly, and print them back in the
// canonical form the apiserver and kubectl print ("1500m", "1536Mi", "1k").
// Mirrors: k8s.io/apimachinery pkg/api/resource (quantity.go ParseQuantity / parseQuantityString /
// CanonicalizeBytes / String / Add / Sub / Cmp / AsScale / ScaledValue, suffix.go, amount.go).
// Kept: the cached input string of the parse fast path (so "01" prints "01" and "+1Ki" "+1Ki",
// as upstream), round-up-to-nano of finer values, the 2^63-1 cap on BinarySI, and the 1.32
// behaviour of dropping a DecimalSI exponent that has no suffix (> E or < n).
// Dropped: protobuf/CBOR, the int64 fast representation (a bigint holds every value exactly, so
// the int64/inf.Dec split upstream only matters for overflow, which we do not emulate).

export type QuantityFormat = 'DecimalExponent' | 'BinarySI' | 'DecimalSI'

/** value = unscaled × 10^exp. `format` is '' only for the zero value Quantity{}. */
export interface Quantity {
  readonly unscaled: bigint
  readonly exp: number
  readonly format: QuantityFormat | ''
  /** The cached String() result; set by the parse fast path when the input is already canonical. */
  readonly s?: string
}

/** The zero value `resource.Quantity{}` (what a missing map entry reads as in Go). */
export const ZERO_QUANTITY: Quantity = Object.freeze({ unscaled: 0n, exp: 0, format: '' as const })

const SPLIT_RE_STRING = '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'
/** The three upstream parse errors, with their exact texts. */
export const ERR_FORMAT_WRONG = `quantities must match the regular expression '${SPLIT_RE_STRING}'`
export const ERR_NUMERIC = 'unable to parse numeric part of quantity'
export const ERR_SUFFIX = "unable to parse quantity's suffix"

export class QuantityParseError extends Error {}

const NANO = -9
const MAX_INT64 = (1n << 63n) - 1n
const MIN_INT64 = -(1n << 63n)
/** maxInt64Factors: the number of decimal digits an int64 always holds. */
const MAX_INT64_FACTORS = 18

const DEC_SUFFIXES: Record<string, number> = { n: -9, u: -6, m: -3, '': 0, k: 3, M: 6, G: 9, T: 12, P: 15, E: 18 }
const BIN_SUFFIXES: Record<string, number> = { Ki: 10, Mi: 20, Gi: 30, Ti: 40, Pi: 50, Ei: 60 }
const DEC_SUFFIX_BY_EXP = new Map(Object.entries(DEC_SUFFIXES).map(([s, e]) => [e, s]))
const BIN_SUFFIX_BY_EXP = new Map(Object.entries(BIN_SUFFIXES).map(([s, e]) => [e, s]))

function pow10(n: number): bigint {
  return 10n ** BigInt(n)
}

function abs(x: bigint): bigint {
  return x < 0n ? -x : x
}

const isDigit = (c: string): boolean => c >= '0' && c <= '9'

interface Scanned {
  positive: boolean
  value: string
  num: string
  denom: string
  suffix: string
}

/** parseQuantityString: the fast scanner, step for step (it accepts "1." and ".5"). */
function parseQuantityString(str: string): Scanned {
  let positive = true
  let pos = 0
  const end = str.length
  let num = ''
  let denom = ''
  if (pos < end) {
    if (str[0] === '-') {
      positive = false
      pos++
    } else if (str[0] === '+') {
      pos++
    }
  }
  // strip leading zeros
  for (let i = pos; ; i++) {
    if (i >= end) return { positive, value: '0', num: '0', denom, suffix: '' }
    if (str[i] === '0') pos++
    else break
  }
  // extract the numerator
  for (let i = pos; ; i++) {
    if (i >= end) return { positive, value: str.slice(0, end), num: str.slice(pos, end), denom, suffix: '' }
    if (!isDigit(str[i])) {
      num = str.slice(pos, i)
      pos = i
      break
    }
  }
  if (num.length === 0) num = '0'
  // handle a denominator
  if (pos < end && str[pos] === '.') {
    pos++
    for (let i = pos; ; i++) {
      if (i >= end) return { positive, value: str.slice(0, end), num, denom: str.slice(pos, end), suffix: '' }
      if (!isDigit(str[i])) {
        denom = str.slice(pos, i)
        pos = i
        break
      }
    }
  }
  const value = str.slice(0, pos)
  // grab the elements of the suffix
  const suffixStart = pos
  for (let i = pos; ; i++) {
    if (i >= end) return { positive, value, num, denom, suffix: str.slice(suffixStart, end) }
    if (!'eEinumkKMGTP'.includes(str[i])) {
      pos = i
      break
    }
  }
  if (pos < end && (str[pos] === '-' || str[pos] === '+')) pos++
  for (let i = pos; ; i++) {
    if (i >= end) return { positive, value, num, denom, suffix: str.slice(suffixStart, end) }
    if (!isDigit(str[i])) break
  }
  // a non-decimal in the exponent, after a valid-looking suffix
  throw new QuantityParseError(ERR_FORMAT_WRONG)
}

interface Interpreted {
  base: 2 | 10
  exponent: number
  format: QuantityFormat
}

/** suffixHandler.interpret: decimal SI, then binary SI, then an e/E exponent. */
function interpretSuffix(suffix: string): Interpreted | undefined {
  if (suffix in DEC_SUFFIXES) return { base: 10, exponent: DEC_SUFFIXES[suffix], format: 'DecimalSI' }
  if (suffix in BIN_SUFFIXES) return { base: 2, exponent: BIN_SUFFIXES[suffix], format: 'BinarySI' }
  if (suffix.length > 1 && (suffix[0] === 'E' || suffix[0] === 'e')) {
    const rest = suffix.slice(1)
    if (!/^[+-]?[0-9]+$/.test(rest)) return undefined
    const parsed = BigInt(rest)
    if (parsed > MAX_INT64 || parsed < MIN_INT64) return undefined
    // int32(parsed): Go wraps; exponents that large make no sense either way.
    return { base: 10, exponent: Number(BigInt.asIntN(32, parsed)), format: 'DecimalExponent' }
  }
  return undefined
}

/** An exact decimal from "[+-]digits[.digits]" (the `value` part of the scan). */
function decimalOf(value: string): { unscaled: bigint; exp: number } {
  let s = value
  let negative = false
  if (s[0] === '-' || s[0] === '+') {
    negative = s[0] === '-'
    s = s.slice(1)
  }
  const dot = s.indexOf('.')
  const intPart = dot < 0 ? s : s.slice(0, dot)
  const fracPart = dot < 0 ? '' : s.slice(dot + 1)
  if (!/^[0-9]*$/.test(intPart) || !/^[0-9]*$/.test(fracPart) || intPart.length + fracPart.length === 0) {
    throw new QuantityParseError(ERR_NUMERIC)
  }
  const digits = BigInt(intPart + fracPart || '0')
  return { unscaled: negative ? -digits : digits, exp: -fracPart.length }
}

/** Divide a non-negative value by 10^n, rounding up. */
function divCeilPow10(x: bigint, n: number): { q: bigint; exact: boolean } {
  const d = pow10(n)
  const q = x / d
  const r = x % d
  return r === 0n ? { q, exact: true } : { q: q + 1n, exact: false }
}

/**
 * Parsed quantities by input string. The same few strings ("10m", "16Mi", a node's allocatable)
 * are parsed for every pod and node the scheduler, defaulting and validation look at; a parse
 * is a pure function of the string and its result is immutable, so it is kept. Bounded: when
 * full, it starts over.
 */
const parsed = new Map<string, Quantity>()
const PARSED_LIMIT = 4096

/**
 * ParseQuantity. Throws QuantityParseError with the upstream message on bad input.
 * @example quantityString(parseQuantity('1.5Gi')) // "1536Mi"
 */
export function parseQuantity(str: string): Quantity {
  let q = parsed.get(str)
  if (q === undefined) {
    q = Object.freeze(parseQuantityUncached(str))
    if (parsed.size >= PARSED_LIMIT) parsed.clear()
    parsed.set(str, q)
  }
  return q
}

function parseQuantityUncached(str: string): Quantity {
  if (str.length === 0) throw new QuantityParseError(ERR_FORMAT_WRONG)
  if (str === '0') return { unscaled: 0n, exp: 0, format: 'DecimalSI', s: str }

  const { positive, value, num, denom, suffix } = parseQuantityString(str)
  const interpreted = interpretSuffix(suffix)
  if (!interpreted) throw new QuantityParseError(ERR_SUFFIX)
  const { base, exponent } = interpreted
  let format = interpreted.format

  // The fast path (upstream: int64Amount). Its only visible effect besides speed is the cached
  // input string when that string is already canonical.
  let precision = 0
  let scale = 0
  let mantissa = 1n
  if (format === 'BinarySI') {
    if (exponent >= 0 && denom.length === 0) {
      mantissa = 1n << BigInt(exponent)
      precision = 15 - num.length - Math.trunc((exponent * 3) / 10) - 1
    } else {
      precision = -1
    }
  } else {
    scale = exponent
    precision = MAX_INT64_FACTORS - (num.length + denom.length)
  }
  if (precision >= 0) {
    scale -= denom.length
    if (scale >= NANO) {
      const shifted = num + denom
      const v = BigInt(shifted)
      if (v > MAX_INT64) throw new QuantityParseError(ERR_NUMERIC)
      let result = v * mantissa
      if (result <= MAX_INT64) {
        if (!positive) result = -result
        let canonical: boolean
        if (format === 'BinarySI') canonical = exponent % 10 === 0 && (v & 7n) !== 0n
        else canonical = scale % 3 === 0 && !shifted.endsWith('000') && shifted[0] !== '0'
        return canonical ? { unscaled: result, exp: scale, format, s: str } : { unscaled: result, exp: scale, format }
      }
    }
  }

  // The slow path (upstream: inf.Dec).
  let { unscaled, exp } = decimalOf(value)
  if (base === 10) exp += exponent
  else unscaled *= 1n << BigInt(exponent)
  const negative = unscaled < 0n
  unscaled = abs(unscaled)
  // Round non-zero values up to the smallest representable amount (1n): "if you want some
  // resources, you should get some resources".
  if (unscaled !== 0n && exp < NANO) {
    unscaled = divCeilPow10(unscaled, NANO - exp).q
    exp = NANO
  }
  if (format === 'BinarySI' && compareDecimal(unscaled, exp, MAX_INT64, 0) > 0) {
    unscaled = MAX_INT64
    exp = 0
  }
  if (format === 'BinarySI' && unscaled !== 0n && compareDecimal(unscaled, exp, 1n, 0) < 0) {
    format = 'DecimalSI'
  }
  return { unscaled: negative ? -unscaled : unscaled, exp, format }
}

/** MustParse for values the caller knows are valid; undefined input reads as the zero Quantity. */
export function quantityOf(str: string | undefined): Quantity {
  return str === undefined ? ZERO_QUANTITY : parseQuantity(str)
}

function compareDecimal(a: bigint, ae: number, b: bigint, be: number): -1 | 0 | 1 {
  const e = Math.min(ae, be)
  const x = a * pow10(ae - e)
  const y = b * pow10(be - e)
  return x < y ? -1 : x > y ? 1 : 0
}

/** Cmp: -1, 0 or 1. */
export function cmpQuantity(a: Quantity, b: Quantity): -1 | 0 | 1 {
  return compareDecimal(a.unscaled, a.exp, b.unscaled, b.exp)
}

export function quantityIsZero(q: Quantity): boolean {
  return q.unscaled === 0n
}

export function quantitySign(q: Quantity): -1 | 0 | 1 {
  return q.unscaled < 0n ? -1 : q.unscaled > 0n ? 1 : 0
}

/** Add: if the receiver is zero it takes the other's format ("0" + "50Mi" prints "50Mi"). */
export function addQuantity(a: Quantity, b: Quantity): Quantity {
  const e = Math.min(a.exp, b.exp)
  const sum = a.unscaled * pow10(a.exp - e) + b.unscaled * pow10(b.exp - e)
  return { unscaled: sum, exp: e, format: quantityIsZero(a) ? b.format : a.format }
}

export function subQuantity(a: Quantity, b: Quantity): Quantity {
  return addQuantity({ ...a, format: quantityIsZero(a) ? b.format : a.format, s: undefined }, negQuantity(b))
}

export function negQuantity(q: Quantity): Quantity {
  return { unscaled: -q.unscaled, exp: q.exp, format: q.format }
}

/** NewQuantity(value, format). */
export function newQuantity(value: bigint | number, format: QuantityFormat | string): Quantity {
  return { unscaled: BigInt(value), exp: 0, format: format as QuantityFormat }
}

/** NewMilliQuantity(value, format): value/1000. */
export function newMilliQuantity(value: bigint | number, format: QuantityFormat | string): Quantity {
  return { unscaled: BigInt(value), exp: -3, format: format as QuantityFormat }
}

/** NewScaledQuantity(value, scale): value × 10^scale, DecimalSI. */
export function newScaledQuantity(value: bigint | number, scale: number): Quantity {
  return { unscaled: BigInt(value), exp: scale, format: 'DecimalSI' }
}

/**
 * AsScale / RoundUp: the value rounded away from zero to a multiple of 10^scale, and whether
 * that lost precision. A value already at a finer-or-equal scale is returned unchanged.
 */
export function quantityAsScale(q: Quantity, scale: number): { q: Quantity; exact: boolean } {
  if (q.exp >= scale) return { q, exact: true }
  const { q: m, exact } = divCeilPow10(abs(q.unscaled), scale - q.exp)
  return { q: { unscaled: q.unscaled < 0n ? -m : m, exp: scale, format: q.format }, exact }
}

/** ScaledValue(scale): the value in units of 10^scale, rounded away from zero. */
export function quantityScaledValue(q: Quantity, scale: number): bigint {
  if (q.exp >= scale) return q.unscaled * pow10(q.exp - scale)
  const { q: m } = divCeilPow10(abs(q.unscaled), scale - q.exp)
  return q.unscaled < 0n ? -m : m
}

/** Value(): whole units, rounded away from zero. */
export function quantityValue(q: Quantity): bigint {
  return quantityScaledValue(q, 0)
}

/** MilliValue(): thousandths, rounded away from zero. */
export function quantityMilliValue(q: Quantity): bigint {
  return quantityScaledValue(q, -3)
}

/** The exact value as a plain decimal string ("9.01", "-50", "0.000000001"); for tests and logs. */
export function quantityDecimalString(q: Quantity): string {
  if (q.unscaled === 0n) return '0'
  const sign = q.unscaled < 0n ? '-' : ''
  const digits = abs(q.unscaled).toString()
  if (q.exp >= 0) return sign + digits + '0'.repeat(q.exp)
  const frac = -q.exp
  const padded = digits.length <= frac ? '0'.repeat(frac - digits.length + 1) + digits : digits
  const intPart = padded.slice(0, padded.length - frac)
  const fracPart = padded.slice(padded.length - frac).replace(/0+$/, '')
  return sign + (fracPart ? `${intPart}.${fracPart}` : intPart)
}

/** AsCanonicalBytes: mantissa without trailing zeros, exponent a multiple of 3. */
function canonicalBase10(q: Quantity): { mantissa: bigint; exponent: number } {
  let m = q.unscaled
  let e = q.exp
  while (m % 10n === 0n) {
    m /= 10n
    e++
  }
  while (e % 3 !== 0) {
    m *= 10n
    e--
  }
  return { mantissa: m, exponent: e }
}

/** The canonical number and suffix (CanonicalizeBytes). */
function canonicalize(q: Quantity): string {
  if (quantityIsZero(q)) return '0'
  let format: string = q.format
  let rounded: Quantity | undefined
  if (format === 'BinarySI') {
    if (compareDecimal(q.unscaled, q.exp, -1024n, 0) > 0 && compareDecimal(q.unscaled, q.exp, 1024n, 0) < 0) {
      // "This avoids rounding and hopefully confusion, too."
      format = 'DecimalSI'
    } else {
      const r = quantityAsScale(q, 0)
      rounded = r.q
      if (!r.exact) format = 'DecimalSI'
    }
  } else if (format !== 'DecimalSI' && format !== 'DecimalExponent') {
    format = 'DecimalExponent'
  }

  if (format === 'BinarySI' && rounded) {
    let m = rounded.unscaled * pow10(rounded.exp)
    let e = 0
    while (m !== 0n && m % 1024n === 0n) {
      m /= 1024n
      e++
    }
    return m.toString() + (BIN_SUFFIX_BY_EXP.get(e * 10) ?? '')
  }
  const { mantissa, exponent } = canonicalBase10(q)
  if (format === 'DecimalExponent') return mantissa.toString() + (exponent === 0 ? '' : `e${exponent}`)
  // kubectl/apiserver 1.32: an exponent with no DecimalSI suffix is silently dropped.
  return mantissa.toString() + (DEC_SUFFIX_BY_EXP.get(exponent) ?? '')
}

/**
 * Quantity.String(): the cached input string when the parse found it canonical, else the
 * canonical form.
 * @example quantityString(parseQuantity('0.5')) // "500m"
 */
export function quantityString(q: Quantity): string {
  return q.s !== undefined && q.s.length > 0 ? q.s : canonicalize(q)
}

/** Parse and print back: what a Quantity field looks like after a round trip through the API. */
export function canonicalQuantity(str: string): string {
  return quantityString(parseQuantity(str))
}
