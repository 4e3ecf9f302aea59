// kubectl's check that a decoded object's apiVersion, kind and metadata have the types of
// metav1.TypeMeta and metav1.ObjectMeta, with the error Go's JSON decoder gives for the first
// mismatch (`json: cannot unmarshal number into Go struct field ObjectMeta.metadata.name of type
// string`) or metav1.Time's RFC 3339 parse error.
// Mirrors: cli-runtime pkg/resource/metadata_decoder.go (metadataValidatingDecoder: decode into a
// metadataOnlyObject with the case-sensitive JSON decoder), sigs.k8s.io/json's copy of
// encoding/json decode.go (UnmarshalTypeError with the innermost struct's name and the dotted
// field path; type errors are remembered and the first one reported, errors from an
// Unmarshaler such as metav1.Time stop at once), apimachinery meta/v1 time.go
// (Time.UnmarshalJSON) and Go time/format.go (parse with the RFC3339 layout, ParseError texts).
// Left out: the exact spelling of a number written in JSON input (`1.50` is reported as `1.5`);
// duplicate keys in JSON input (only the last one is seen).

import { compareGoStrings, goQuote } from '../../api/validation/field'
import { marshalGoJson } from './printers/goJson'

type GoType =
  | { t: 'string'; name: string }
  | { t: 'int64' }
  | { t: 'bool' }
  | { t: 'time' }
  | { t: 'any' }
  | { t: 'stringMap' }
  | { t: 'slice'; name: string; elem: GoType }
  | { t: 'struct'; name: string; struct: string; fields: Record<string, GoType> }

const STRING: GoType = { t: 'string', name: 'string' }
const INT64: GoType = { t: 'int64' }
const BOOL: GoType = { t: 'bool' }
const TIME: GoType = { t: 'time' }

const OWNER_REFERENCE: GoType = {
  t: 'struct',
  name: 'v1.OwnerReference',
  struct: 'OwnerReference',
  fields: { apiVersion: STRING, kind: STRING, name: STRING, uid: { t: 'string', name: 'types.UID' }, controller: BOOL, blockOwnerDeletion: BOOL },
}

const MANAGED_FIELDS_ENTRY: GoType = {
  t: 'struct',
  name: 'v1.ManagedFieldsEntry',
  struct: 'ManagedFieldsEntry',
  fields: {
    manager: STRING,
    operation: { t: 'string', name: 'v1.ManagedFieldsOperationType' },
    apiVersion: STRING,
    time: TIME,
    fieldsType: STRING,
    fieldsV1: { t: 'any' },
    subresource: STRING,
  },
}

const OBJECT_META: GoType = {
  t: 'struct',
  name: 'v1.ObjectMeta',
  struct: 'ObjectMeta',
  fields: {
    name: STRING,
    generateName: STRING,
    namespace: STRING,
    selfLink: STRING,
    uid: { t: 'string', name: 'types.UID' },
    resourceVersion: STRING,
    generation: INT64,
    creationTimestamp: TIME,
    deletionTimestamp: TIME,
    deletionGracePeriodSeconds: INT64,
    labels: { t: 'stringMap' },
    annotations: { t: 'stringMap' },
    ownerReferences: { t: 'slice', name: '[]v1.OwnerReference', elem: OWNER_REFERENCE },
    finalizers: { t: 'slice', name: '[]string', elem: STRING },
    managedFields: { t: 'slice', name: '[]v1.ManagedFieldsEntry', elem: MANAGED_FIELDS_ENTRY },
  },
}

/** metadataOnlyObject: TypeMeta inline, ObjectMeta under `metadata`. */
const METADATA_ONLY_OBJECT: GoType = {
  t: 'struct',
  name: 'resource.metadataOnlyObject',
  struct: 'metadataOnlyObject',
  fields: { kind: STRING, apiVersion: STRING, metadata: OBJECT_META },
}

interface Context {
  struct: string
  fields: string[]
}

class Abort extends Error {}

function jsonKind(v: unknown): string {
  if (Array.isArray(v)) return 'array'
  if (typeof v === 'object') return 'object'
  if (typeof v === 'boolean') return 'bool'
  return typeof v === 'number' ? 'number' : 'string'
}

function typeError(value: string, ctx: Context, type: string): string {
  const where = ctx.fields.length > 0 ? `Go struct field ${ctx.struct}.${ctx.fields.join('.')}` : 'Go value'
  return `json: cannot unmarshal ${value} into ${where} of type ${type}`
}

class Checker {
  saved: string | undefined

  /** Keys are met in the order of the JSON text: sorted when it came from YAML (json.Marshal). */
  constructor(private readonly sortedKeys: boolean) {}

  private entries(v: object): [string, unknown][] {
    const e = Object.entries(v)
    return this.sortedKeys ? e.sort((a, b) => compareGoStrings(a[0], b[0])) : e
  }

  private save(msg: string): void {
    if (this.saved === undefined) this.saved = msg
  }

  check(v: unknown, t: GoType, ctx: Context): void {
    if (v === null || v === undefined) return // null leaves any Go value as it is
    switch (t.t) {
      case 'any':
        return
      case 'string':
        if (typeof v !== 'string') this.save(typeError(jsonKind(v), ctx, t.name))
        return
      case 'bool':
        if (typeof v !== 'boolean') this.save(typeError(jsonKind(v), ctx, 'bool'))
        return
      case 'int64': {
        if (typeof v !== 'number') {
          this.save(typeError(jsonKind(v), ctx, 'int64'))
          return
        }
        const literal = marshalGoJson(v)
        if (!/^-?[0-9]+$/.test(literal) || BigInt(literal) > 2n ** 63n - 1n || BigInt(literal) < -(2n ** 63n)) {
          this.save(typeError(`number ${literal}`, ctx, 'int64'))
        }
        return
      }
      case 'time': {
        // Time.UnmarshalJSON decodes a string itself: its errors end the decoding at once.
        if (typeof v !== 'string') throw new Abort(typeError(jsonKind(v), ctx, 'string'))
        const err = parseRfc3339Error(v)
        if (err !== undefined) throw new Abort(err)
        return
      }
      case 'stringMap':
        if (typeof v !== 'object' || Array.isArray(v)) {
          this.save(typeError(jsonKind(v), ctx, 'map[string]string'))
          return
        }
        for (const [, x] of this.entries(v)) this.check(x, STRING, ctx)
        return
      case 'slice':
        if (!Array.isArray(v)) {
          this.save(typeError(jsonKind(v), ctx, t.name))
          return
        }
        for (const x of v) this.check(x, t.elem, ctx)
        return
      case 'struct': {
        if (typeof v !== 'object' || Array.isArray(v)) {
          this.save(typeError(jsonKind(v), ctx, t.name))
          return
        }
        for (const [k, x] of this.entries(v)) {
          if (!Object.prototype.hasOwnProperty.call(t.fields, k)) continue
          this.check(x, t.fields[k], { struct: t.struct, fields: [...ctx.fields, k] })
        }
        return
      }
    }
  }
}

/**
 * The error metadataValidatingDecoder reports for a decoded object (a JSON object), or
 * undefined when its apiVersion, kind and metadata decode into metav1 types. `sortedKeys`: the
 * object came from YAML, whose JSON text has its keys sorted; else keys are in insertion order.
 */
export function metadataDecodeError(obj: Record<string, unknown>, sortedKeys: boolean): string | undefined {
  const c = new Checker(sortedKeys)
  try {
    c.check(obj, METADATA_ONLY_OBJECT, { struct: '', fields: [] })
  } catch (e) {
    if (e instanceof Abort) return e.message
    throw e
  }
  return c.saved
}

// ---- time.Parse(time.RFC3339, s) errors ----

const RFC3339 = '2006-01-02T15:04:05Z07:00'

function isDigitAt(s: string, i: number): boolean {
  return i < s.length && s[i] >= '0' && s[i] <= '9'
}

/** getnum: one or two digits (exactly two when fixed). */
function getnum(s: string, fixed: boolean): { n: number; rest: string } | undefined {
  if (!isDigitAt(s, 0)) return undefined
  if (!isDigitAt(s, 1)) return fixed ? undefined : { n: Number(s[0]), rest: s.slice(1) }
  return { n: Number(s.slice(0, 2)), rest: s.slice(2) }
}

function daysIn(month: number, year: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28
  return [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]
}

/** Go's time.Parse with the RFC3339 layout: undefined when it parses, else ParseError.Error(). */
export function parseRfc3339Error(value: string): string | undefined {
  const cannot = (valueElem: string, layoutElem: string) =>
    `parsing time ${goQuote(value)} as ${goQuote(RFC3339)}: cannot parse ${goQuote(valueElem)} as ${goQuote(layoutElem)}`
  const outOfRange = (what: string) => `parsing time ${goQuote(value)}: ${what} out of range`
  let v = value
  const literal = (c: string): string | undefined => {
    if (v.length === 0 || v[0] !== c) return cannot(v, c)
    v = v.slice(1)
    return undefined
  }
  // 2006: four characters, an optionally signed decimal.
  if (v.length < 4 || !/^[+-]?[0-9]+$/.test(v.slice(0, 4)) || !/[0-9]/.test(v.slice(0, 4))) return cannot(v, '2006')
  const year = Number(v.slice(0, 4))
  v = v.slice(4)
  let e = literal('-')
  if (e) return e
  const month = getnum(v, true)
  if (!month) return cannot(v, '01')
  v = month.rest
  if (month.n < 1 || month.n > 12) return outOfRange('month')
  if ((e = literal('-'))) return e
  const day = getnum(v, true)
  if (!day) return cannot(v, '02')
  v = day.rest
  if ((e = literal('T'))) return e
  const hour = getnum(v, false)
  if (!hour) return cannot(v, '15')
  v = hour.rest
  if (hour.n >= 24) return outOfRange('hour')
  if ((e = literal(':'))) return e
  const minute = getnum(v, true)
  if (!minute) return cannot(v, '04')
  v = minute.rest
  if (minute.n >= 60) return outOfRange('minute')
  if ((e = literal(':'))) return e
  const second = getnum(v, true)
  if (!second) return cannot(v, '05')
  v = second.rest
  if (second.n >= 60) return outOfRange('second')
  // A fractional second may follow although the layout has none (digits past 9 are dropped).
  if (v.length >= 2 && (v[0] === '.' || v[0] === ',') && isDigitAt(v, 1)) {
    let n = 2
    while (isDigitAt(v, n)) n++
    v = v.slice(n)
  }
  // Z07:00
  if (v.length >= 1 && v[0] === 'Z') v = v.slice(1)
  else {
    const zone = v
    if (v.length < 6 || v[3] !== ':') return cannot(zone, 'Z07:00')
    const hh = getnum(v.slice(1, 3), true)
    const mm = getnum(v.slice(4, 6), true)
    if (!hh || !mm) return cannot(zone, 'Z07:00')
    // The range is judged before the sign.
    if (mm.n > 60) return outOfRange('time zone offset minute')
    if (hh.n > 24) return outOfRange('time zone offset hour')
    if (v[0] !== '+' && v[0] !== '-') return cannot(zone, 'Z07:00')
    v = v.slice(6)
  }
  if (v.length !== 0) return `parsing time ${goQuote(value)}: extra text: ${goQuote(v)}`
  if (day.n < 1 || day.n > daysIn(month.n, year)) return `parsing time ${goQuote(value)}: day out of range`
  return undefined
}
