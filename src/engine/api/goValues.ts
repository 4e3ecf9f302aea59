// How kubectl's Go code formats the JSON-shaped values it prints: numbers as Go's strconv
// formats them, strings quoted as strconv.Quote does, and values as fmt's %v and %#v print them.
// Mirrors: Go strconv/ftoa.go (FormatFloat 'g' with shortest precision), strconv/quote.go
// (Quote), fmt/print.go + internal/fmtsort (%v and %#v of map[string]interface{},
// []interface{}, string, int64, float64, bool, nil), and the number types of
// k8s.io/apimachinery's unstructured JSON decoding (an integral number is an int64, any other a
// float64). kubectl's typed objects (client-side `create --dry-run`) reach the jsonpath printer
// through a json.Marshal + json.Unmarshal round trip, where every number is a float64; the
// `numbers` parameter selects between the two.
// Dropped: every Go type that JSON cannot produce (structs, pointers, channels, complex numbers).

import { utf8Bytes } from './utf8'

/**
 * Where the printed object came from. 'unstructured' (objects from the API server, what
 * `kubectl get` prints): integral numbers are int64, others float64. 'typed' (objects kubectl
 * built itself, `create ... --dry-run=client`): every number is a float64.
 */
export type NumberTypes = 'unstructured' | 'typed'

const goNumberBrand = Symbol('goNumber')

/**
 * A number whose Go type the data does not decide: a jsonpath template literal (`int` for `3`,
 * `float64` for `1.5`) or one byte of a string (`uint8`, what `{.kind.*}` walks over).
 */
export interface GoNumber {
  readonly [goNumberBrand]: true
  readonly goType: 'int' | 'float64' | 'uint8'
  readonly value: number
}

export function goNumber(goType: GoNumber['goType'], value: number): GoNumber {
  return { [goNumberBrand]: true, goType, value }
}

export function isGoNumber(v: unknown): v is GoNumber {
  return typeof v === 'object' && v !== null && goNumberBrand in v
}

const INT64_LIMIT = 2 ** 63

/** The Go type a JSON number decodes to. */
export function goTypeOfNumber(n: number, numbers: NumberTypes): 'int64' | 'float64' {
  if (numbers === 'typed') return 'float64'
  return Number.isInteger(n) && Math.abs(n) < INT64_LIMIT ? 'int64' : 'float64'
}

/** strconv.FormatInt: plain decimal digits (a JS -0 is the int 0). */
export function formatGoInt(n: number): string {
  if (Object.is(n, -0)) return '0'
  if (Math.abs(n) < 1e21) return String(n)
  return BigInt(n).toString()
}

/**
 * strconv.FormatFloat(f, 'g', -1, 64), which is also what fmt's %v prints for a float64:
 * the shortest digits that round-trip, in %e form when the exponent is < -4 or >= 6
 * (`1e+06`, `1.5e-05`), otherwise in %f form (`123456`, `0.0001`).
 */
export function formatGoFloat(f: number): string {
  if (Number.isNaN(f)) return 'NaN'
  if (f === Infinity) return '+Inf'
  if (f === -Infinity) return '-Inf'
  if (f === 0) return Object.is(f, -0) ? '-0' : '0'
  const sign = f < 0 ? '-' : ''
  // toExponential() with no argument yields the shortest round-tripping digits, as Go's
  // shortest formatting does.
  const [mantissa, expPart] = Math.abs(f).toExponential().split('e')
  const digits = mantissa.replace('.', '')
  const exp = Number(expPart)
  if (exp < -4 || exp >= 6) {
    const frac = digits.length > 1 ? `.${digits.slice(1)}` : ''
    const e = Math.abs(exp)
    return `${sign}${digits[0]}${frac}e${exp < 0 ? '-' : '+'}${e < 10 ? '0' : ''}${e}`
  }
  if (exp < 0) return `${sign}0.${'0'.repeat(-exp - 1)}${digits}`
  const intLen = exp + 1
  if (digits.length <= intLen) return sign + digits + '0'.repeat(intLen - digits.length)
  return `${sign}${digits.slice(0, intLen)}.${digits.slice(intLen)}`
}

/** A number as %v prints it, given its Go type. */
function formatNumber(n: number, goType: 'int' | 'int64' | 'uint8' | 'float64'): string {
  return goType === 'float64' ? formatGoFloat(n) : formatGoInt(n)
}

/** The code points of s; a lone surrogate becomes U+FFFD, as Go replaces invalid UTF-8. */
export function codePoints(s: string): number[] {
  const out: number[] = []
  for (const ch of s) {
    const cp = ch.codePointAt(0) as number
    out.push(cp >= 0xd800 && cp <= 0xdfff ? 0xfffd : cp)
  }
  return out
}

/** The UTF-8 bytes of s (what a Go string holds). */
export { utf8Bytes }

/**
 * Go's string comparison: byte-wise on UTF-8, which orders like code points (JS's `<` compares
 * UTF-16 units and would put U+FF01 after U+1F600).
 */
export function compareGoStrings(a: string, b: string): number {
  const ca = codePoints(a)
  const cb = codePoints(b)
  const n = Math.min(ca.length, cb.length)
  for (let i = 0; i < n; i++) if (ca[i] !== cb[i]) return ca[i] < cb[i] ? -1 : 1
  return ca.length - cb.length
}

/** The keys of a JSON object in Go's map order for printing (fmtsort, encoding/json). */
export function sortedKeys(obj: Record<string, unknown>): string[] {
  return Object.keys(obj)
    .filter((k) => obj[k] !== undefined)
    .sort(compareGoStrings)
}

const printable = /[\p{L}\p{M}\p{N}\p{P}\p{S}]/u

/** unicode.IsPrint: letters, marks, numbers, punctuation, symbols and the ASCII space. */
export function isGoPrint(cp: number): boolean {
  return cp === 0x20 || printable.test(String.fromCodePoint(cp))
}

function hex(n: number, width: number): string {
  return n.toString(16).padStart(width, '0')
}

/** strconv.Quote: a double-quoted Go string literal, printable runes kept as they are. */
export function goQuote(s: string): string {
  let out = '"'
  for (const cp of codePoints(s)) {
    if (cp === 0x22 || cp === 0x5c) out += `\\${String.fromCodePoint(cp)}`
    else if (isGoPrint(cp)) out += String.fromCodePoint(cp)
    else if (cp === 0x07) out += '\\a'
    else if (cp === 0x08) out += '\\b'
    else if (cp === 0x0c) out += '\\f'
    else if (cp === 0x0a) out += '\\n'
    else if (cp === 0x0d) out += '\\r'
    else if (cp === 0x09) out += '\\t'
    else if (cp === 0x0b) out += '\\v'
    else if (cp < 0x20 || cp === 0x7f) out += `\\x${hex(cp, 2)}`
    else if (cp < 0x10000) out += `\\u${hex(cp, 4)}`
    else out += `\\U${hex(cp, 8)}`
  }
  return `${out}"`
}

/** The Go type name of a value, as reflect's Type.String() spells it in error messages. */
export function goTypeName(v: unknown, numbers: NumberTypes): string {
  if (isGoNumber(v)) return v.goType
  if (typeof v === 'string') return 'string'
  if (typeof v === 'boolean') return 'bool'
  if (typeof v === 'number') return goTypeOfNumber(v, numbers)
  if (Array.isArray(v)) return '[]interface {}'
  if (v !== null && typeof v === 'object') return 'map[string]interface {}'
  return 'interface {}'
}

/** fmt's %v (fmt.Sprint): `map[a:b c:[1 2]]`, `[x y]`, `<nil>`, strings as they are. */
export function goSprint(v: unknown, numbers: NumberTypes): string {
  if (v === null || v === undefined) return '<nil>'
  if (isGoNumber(v)) return formatNumber(v.value, v.goType)
  if (typeof v === 'string') return v
  if (typeof v === 'boolean') return v ? 'true' : 'false'
  if (typeof v === 'number') return formatNumber(v, goTypeOfNumber(v, numbers))
  if (Array.isArray(v)) return `[${v.map((e) => goSprint(e, numbers)).join(' ')}]`
  if (typeof v === 'object') {
    const obj = v as Record<string, unknown>
    return `map[${sortedKeys(obj)
      .map((k) => `${k}:${goSprint(obj[k], numbers)}`)
      .join(' ')}]`
  }
  return String(v)
}

/**
 * fmt's %#v (Go syntax) of a decoded JSON value:
 * `map[string]interface {}{"a":"b", "n":interface {}(nil), "l":[]interface {}{1, 2}}`.
 * `nested` is false only for the top-level value, which is not inside an interface{}.
 */
export function goSharpV(v: unknown, numbers: NumberTypes, nested = false): string {
  if (v === null || v === undefined) return nested ? 'interface {}(nil)' : '<nil>'
  if (isGoNumber(v)) {
    // %#v prints unsigned integers in hex.
    return v.goType === 'uint8' ? `0x${v.value.toString(16)}` : formatNumber(v.value, v.goType)
  }
  if (typeof v === 'string') return goQuote(v)
  if (typeof v === 'boolean') return v ? 'true' : 'false'
  if (typeof v === 'number') return formatNumber(v, goTypeOfNumber(v, numbers))
  if (Array.isArray(v)) return `[]interface {}{${v.map((e) => goSharpV(e, numbers, true)).join(', ')}}`
  if (typeof v === 'object') {
    const obj = v as Record<string, unknown>
    const entries = sortedKeys(obj).map((k) => `${goQuote(k)}:${goSharpV(obj[k], numbers, true)}`)
    return `map[string]interface {}{${entries.join(', ')}}`
  }
  return String(v)
}
