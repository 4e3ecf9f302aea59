// field.Error, field.ErrorList and field.Path: the validation error every apiserver 422 is made of.
// Mirrors: k8s.io/apimachinery pkg/util/validation/field (errors.go, path.go) at v0.32.
// The text of an error is `<field>: <Type>[: <value>][: <detail>]` where <value> is printed as Go's
// fmt prints the Go value the validator held: strings quoted (%q), numbers and bools bare (%v),
// anything else with %#v (e.g. `map[string]string{"app":"web"}`). JavaScript values do not carry
// their Go type, so callers pass strings/numbers/booleans as they are and wrap anything else with
// goRepr()/goStringMap()/goStringSlice(), which spell the Go rendering.
// Left out: Origin/declarative-validation bookkeeping (1.33+), TooShort/TooFew (unused in 1.32),
// the JSON rendering of structured values (that is 1.34+).

import { codePoints, compareGoStrings, goQuote } from '../goValues'

export type ErrorType =
  | 'FieldValueNotFound'
  | 'FieldValueRequired'
  | 'FieldValueDuplicate'
  | 'FieldValueInvalid'
  | 'FieldValueNotSupported'
  | 'FieldValueForbidden'
  | 'FieldValueTooLong'
  | 'FieldValueTooMany'
  | 'InternalError'
  | 'FieldValueTypeInvalid'

/** ErrorType.String(): the human words kubectl shows. */
export const ERROR_TYPE_TEXT: Readonly<Record<ErrorType, string>> = {
  FieldValueNotFound: 'Not found',
  FieldValueRequired: 'Required value',
  FieldValueDuplicate: 'Duplicate value',
  FieldValueInvalid: 'Invalid value',
  FieldValueNotSupported: 'Unsupported value',
  FieldValueForbidden: 'Forbidden',
  FieldValueTooLong: 'Too long',
  FieldValueTooMany: 'Too many',
  InternalError: 'Internal error',
  FieldValueTypeInvalid: 'Invalid value',
}

/** A value already spelled the way Go's fmt would print it (%#v or a Stringer). */
export interface GoRepr {
  readonly goRepr: string
}

/** field.omitValue: the error prints its type without any value (TooMany with a negative count). */
export const OMIT_VALUE: GoRepr = Object.freeze({ goRepr: '' })

export function goRepr(text: string): GoRepr {
  return { goRepr: text }
}

function isGoRepr(v: unknown): v is GoRepr {
  return typeof v === 'object' && v !== null && typeof (v as GoRepr).goRepr === 'string'
}

/**
 * field.Error. A class, as upstream's *field.Error is: it stays inside the apiserver and only its
 * strings (and the StatusCause built from it) leave.
 */
export class FieldError {
  constructor(
    readonly type: ErrorType,
    readonly field: string,
    readonly badValue: unknown,
    readonly detail: string,
  ) {}

  /** ErrorBody(): the message without the field name (StatusCause.message). */
  errorBody(): string {
    let s: string
    switch (this.type) {
      case 'FieldValueRequired':
      case 'FieldValueForbidden':
      case 'FieldValueTooLong':
      case 'InternalError':
        s = ERROR_TYPE_TEXT[this.type]
        break
      default:
        s = this.badValue === OMIT_VALUE ? ERROR_TYPE_TEXT[this.type] : `${ERROR_TYPE_TEXT[this.type]}: ${formatBadValue(this.badValue)}`
    }
    if (this.detail.length !== 0) s += `: ${this.detail}`
    return s
  }

  /** Error(): `<field>: <body>`. */
  error(): string {
    return `${this.field}: ${this.errorBody()}`
  }

  toString(): string {
    return this.error()
  }
}

/** How field.Error prints its BadValue (a nil or nil pointer prints `null`). */
export function formatBadValue(v: unknown): string {
  if (v === null || v === undefined) return 'null'
  if (typeof v === 'string') return goQuote(v)
  if (typeof v === 'number') return formatGoNumber(v)
  if (typeof v === 'bigint') return v.toString()
  if (typeof v === 'boolean') return v ? 'true' : 'false'
  if (isGoRepr(v)) return v.goRepr
  if (Array.isArray(v) && v.every((e) => typeof e === 'string')) return goStringSlice(v)
  if (typeof v === 'object' && Object.values(v as object).every((e) => typeof e === 'string')) {
    return goStringMap(v as Record<string, string>)
  }
  return String(v)
}

// ---- constructors (field.Required, field.Invalid, ...) ----

type PathLike = string | FieldPath | undefined

function pathString(p: PathLike): string {
  if (p === undefined) return new FieldPath([]).toString()
  return typeof p === 'string' ? p : p.toString()
}

export function notFound(field: PathLike, value: unknown): FieldError {
  return new FieldError('FieldValueNotFound', pathString(field), value, '')
}

export function required(field: PathLike, detail = ''): FieldError {
  return new FieldError('FieldValueRequired', pathString(field), '', detail)
}

export function duplicate(field: PathLike, value: unknown): FieldError {
  return new FieldError('FieldValueDuplicate', pathString(field), value, '')
}

export function invalid(field: PathLike, value: unknown, detail: string): FieldError {
  return new FieldError('FieldValueInvalid', pathString(field), value, detail)
}

export function typeInvalid(field: PathLike, value: unknown, detail: string): FieldError {
  return new FieldError('FieldValueTypeInvalid', pathString(field), value, detail)
}

/** field.NotSupported: `supported values: "a", "b"` (strconv.Quote of each, in the order given). */
export function notSupported(field: PathLike, value: unknown, validValues: readonly string[]): FieldError {
  const detail = validValues.length > 0 ? `supported values: ${validValues.map(goQuote).join(', ')}` : ''
  return new FieldError('FieldValueNotSupported', pathString(field), value, detail)
}

export function forbidden(field: PathLike, detail: string): FieldError {
  return new FieldError('FieldValueForbidden', pathString(field), '', detail)
}

/** field.TooLong (1.32 wording: `must have at most <n> bytes`); the value is never printed. */
export function tooLong(field: PathLike, value: unknown, maxLength: number): FieldError {
  return new FieldError('FieldValueTooLong', pathString(field), value, `must have at most ${maxLength} bytes`)
}

/** field.TooLongMaxLength (1.32): `may not be longer than <n>`, or `value is too long` for n < 0. */
export function tooLongMaxLength(field: PathLike, value: unknown, maxLength: number): FieldError {
  const detail = maxLength >= 0 ? `may not be longer than ${maxLength}` : 'value is too long'
  return new FieldError('FieldValueTooLong', pathString(field), value, detail)
}

/** field.TooMany: `must have at most <n> items`; a negative actual count omits the value. */
export function tooMany(field: PathLike, actualQuantity: number, maxQuantity: number): FieldError {
  const detail = maxQuantity >= 0 ? `must have at most ${maxQuantity} items` : 'has too many items'
  return new FieldError('FieldValueTooMany', pathString(field), actualQuantity >= 0 ? actualQuantity : OMIT_VALUE, detail)
}

export function internalError(field: PathLike, message: string): FieldError {
  return new FieldError('InternalError', pathString(field), null, message)
}

// ---- ErrorList.ToAggregate + utilerrors aggregate.Error() ----

/**
 * ErrorList.ToAggregate(): the list without errors whose text repeats, in order; empty for none.
 */
export function toAggregate(errs: readonly FieldError[]): FieldError[] {
  const seen = new Set<string>()
  const out: FieldError[] = []
  for (const e of errs) {
    const msg = e.error()
    if (seen.has(msg)) continue
    seen.add(msg)
    out.push(e)
  }
  return out
}

/**
 * utilerrors aggregate.Error(): one message as it is; several unique ones as `[a, b]`.
 * Takes plain messages so it also serves non-field aggregates.
 */
export function aggregateMessage(messages: readonly string[]): string {
  if (messages.length === 0) return ''
  if (messages.length === 1) return messages[0]
  const seen: string[] = []
  for (const m of messages) if (!seen.includes(m)) seen.push(m)
  return seen.length === 1 ? seen[0] : `[${seen.join(', ')}]`
}

// ---- field.Path ----

interface Segment {
  readonly name: string
  readonly index: string
}

/**
 * field.Path: an immutable chain of names and subscripts. String() joins names with `.` and
 * writes subscripts as `[i]`/`[key]`; a root with an empty name prints `[]` as upstream does.
 */
export class FieldPath {
  constructor(private readonly segments: readonly Segment[]) {}

  child(name: string, ...moreNames: string[]): FieldPath {
    return new FieldPath([...this.segments, ...[name, ...moreNames].map((n) => ({ name: n, index: '' }))])
  }

  index(i: number): FieldPath {
    return new FieldPath([...this.segments, { name: '', index: String(i) }])
  }

  key(k: string): FieldPath {
    return new FieldPath([...this.segments, { name: '', index: k }])
  }

  toString(): string {
    if (this.segments.length === 0) return '<nil>'
    let out = ''
    this.segments.forEach((s, i) => {
      if (i > 0 && s.name.length > 0) out += '.'
      out += s.name.length > 0 ? s.name : `[${s.index}]`
    })
    return out
  }
}

/** field.NewPath(name, moreNames...). */
export function newPath(name: string, ...moreNames: string[]): FieldPath {
  return new FieldPath([]).child(name, ...moreNames)
}

/**
 * A nil *field.Path's Child(): paths built from "no path" (labels.NewRequirement without
 * field.WithPath) start at the child itself.
 */
export function childOf(parent: FieldPath | undefined, name: string, ...moreNames: string[]): FieldPath {
  return parent ? parent.child(name, ...moreNames) : newPath(name, ...moreNames)
}

// ---- Go value rendering used by error bodies ----

// strconv.Quote and Go's string order are shared with kubectl's printers (api/goValues).
export { compareGoStrings, goQuote }

/**
 * %v of a number: integral values are Go ints (what validators hold: int32/int64 fields); others
 * are float64, printed as strconv's shortest 'g' (exponent form when exp < -4 || exp >= 6).
 */
export function formatGoNumber(n: number): string {
  if (Number.isInteger(n) && Math.abs(n) < 1e21) return n.toString()
  if (Number.isNaN(n)) return 'NaN'
  if (!Number.isFinite(n)) return n > 0 ? '+Inf' : '-Inf'
  const exp = Math.floor(Math.log10(Math.abs(n)))
  if (exp < -4 || exp >= 6) {
    const [mant, e] = n.toExponential().split('e')
    const en = Number(e)
    return `${mant}e${en < 0 ? '-' : '+'}${String(Math.abs(en)).padStart(2, '0')}`
  }
  return n.toString()
}

/** %#v of a []string: `[]string{"a", "b"}`. */
export function goStringSlice(values: readonly string[]): string {
  return `[]string{${values.map(goQuote).join(', ')}}`
}

/** %#v of a map[string]string, keys sorted as fmt sorts them: `map[string]string{"a":"b", "c":"d"}`. */
export function goStringMap(m: Readonly<Record<string, string>>, typeName = 'map[string]string'): string {
  const keys = Object.keys(m).sort(compareGoStrings)
  return `${typeName}{${keys.map((k) => `${goQuote(k)}:${goQuote(m[k])}`).join(', ')}}`
}

/** Go's len() of a string: its UTF-8 byte count. */
export function utf8Length(s: string): number {
  let n = 0
  for (const cp of codePoints(s)) n += cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4
  return n
}
