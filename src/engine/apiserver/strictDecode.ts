// Strict decoding: a request body decoded into its kind's type, as the apiserver's strict JSON
// serializer does for fieldValidation=Strict or Warn (KEP-2885). Fields the type does not have
// are dropped from the result and reported as `unknown field "spec.containers[0].imagee"`; keys
// given twice as `duplicate field "metadata.name"` (the last one wins). The same walk with
// fieldValidation=Ignore just drops the unknown fields, as every typed decode does.
// Mirrors: sigs.k8s.io/json (UnmarshalStrict: DisallowUnknownFields, DisallowDuplicateFields,
// the field path of each strict error, saveStrictError's de-duplication and its cap of 100),
// k8s.io/apimachinery pkg/runtime/error.go (strictDecodingError: "strict decoding error: " and
// the errors joined by ", ") and pkg/runtime/converter.go (FromUnstructuredWithValidation: the
// unknown fields of a patched object, sorted).
// Left out: type errors (a string field given an object), which upstream reports as a
// non-strict decoding failure; repeated keys inside a leaf (FieldsV1 keeps its raw bytes).

import { structFields, type TypeRef } from '../api/fieldSchema'
import { compareGoStrings, goQuote } from '../api/validation/field'
import { deepCopy } from '../api/deepCopy'
import type { JsonNode } from './jsonText'
import { nodeFromValue, nodeValue } from './jsonText'

/** upstream saveStrictError stops collecting after this many. */
const MAX_STRICT_ERRORS = 100

export interface StrictDecoded {
  /** The decoded value: unknown fields dropped, repeated keys resolved as Go decodes them. */
  value: unknown
  /** The strict errors in the order the decoder met them (`unknown field "x"`, `duplicate field "y"`). */
  errors: string[]
}

class Collector {
  readonly errors: string[] = []
  private readonly seen = new Set<string>()
  constructor(private readonly prefix: string) {}

  add(kind: 'unknown' | 'duplicate', path: string): void {
    if (this.errors.length >= MAX_STRICT_ERRORS) return
    const msg = `${this.prefix}${kind} field ${goQuote(path)}`
    if (this.seen.has(msg)) return
    this.seen.add(msg)
    this.errors.push(msg)
  }
}

/** The path of a key below `path`: `spec`, `spec.containers`. */
function childPath(path: string, key: string): string {
  return path === '' ? key : `${path}.${key}`
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v)
}

/**
 * A repeated struct field decodes into the value the first one left: structs and maps are
 * filled in further, anything else is replaced.
 */
function assign(existing: unknown, next: unknown, ref: TypeRef): unknown {
  if (!isPlainObject(existing) || !isPlainObject(next)) return next
  if (ref.kind === 'map') return { ...existing, ...next }
  if (ref.kind !== 'struct') return next
  const fields = structFields(ref)
  const out: Record<string, unknown> = { ...existing }
  for (const [k, v] of Object.entries(next)) out[k] = k in out && fields?.get(k) ? assign(out[k], v, fields.get(k)!) : v
  return out
}

function walk(n: JsonNode, ref: TypeRef, path: string, c: Collector): unknown {
  if (ref.kind === 'leaf') return nodeValue(n)
  if (n.t === 'scalar') return n.value
  if (n.t === 'array') {
    // A list (or an untyped array): each element at path[i]. Anything else given an array is a
    // type error upstream, left to the value as it is.
    const elem = ref.kind === 'list' ? ref.elem : ref.kind === 'any' ? ref : undefined
    if (!elem) return nodeValue(n)
    return n.items.map((item, i) => walk(item, elem, `${path}[${i}]`, c))
  }
  if (ref.kind === 'list') return nodeValue(n)
  const order = n.visit ?? n.entries.map((_, i) => i)
  const results = new Array<{ keep: boolean; value: unknown; ref: TypeRef }>(n.entries.length)
  const seen = new Set<string>()
  const fields = ref.kind === 'struct' ? structFields(ref) : undefined
  for (const i of order) {
    const [key, child] = n.entries[i]
    const p = childPath(path, key)
    let childRef: TypeRef | undefined
    if (ref.kind === 'struct') {
      // Only known fields are checked for repeats: an unknown one is reported as unknown once.
      childRef = fields?.get(key)
      if (childRef === undefined) {
        c.add('unknown', p)
        results[i] = { keep: false, value: undefined, ref: ref }
        continue
      }
    } else childRef = ref.kind === 'map' ? ref.elem : ref
    if (seen.has(key)) c.add('duplicate', p)
    seen.add(key)
    results[i] = { keep: true, value: walk(child, childRef, p, c), ref: childRef }
  }
  // Build the object in the entries' own order; a repeated key assigns again, as Go does.
  const out: Record<string, unknown> = {}
  n.entries.forEach(([key], i) => {
    const r = results[i]
    if (!r.keep) return
    out[key] = ref.kind === 'struct' && key in out ? assign(out[key], r.value, r.ref) : r.value
  })
  return out
}

/**
 * Decode a body into a type (kjson.UnmarshalStrict): the value without unknown fields and the
 * strict errors, each prefixed with `prefix` (upstream writes "json patch " before a JSON
 * patch's own errors).
 */
export function strictDecode(n: JsonNode, ref: TypeRef, prefix = ''): StrictDecoded {
  const c = new Collector(prefix)
  const value = walk(n, ref, '', c)
  return { value, errors: c.errors }
}

/**
 * FromUnstructuredWithValidation's unknown fields: converting a patched object (a map, so no
 * repeats) into the type, the errors sorted by their text.
 */
export function unknownFieldsSorted(n: JsonNode, ref: TypeRef): StrictDecoded {
  const d = strictDecode(n, ref)
  return { value: d.value, errors: [...d.errors].sort(compareGoStrings) }
}

/** strictDecodingError.Error(). */
export function strictDecodingErrorMessage(errors: readonly string[]): string {
  return `strict decoding error: ${errors.join(', ')}`
}

/** What typedCopy returns for a value with a field its type does not have. */
const UNKNOWN_FIELD: unique symbol = Symbol('unknown field')

/**
 * A copy of a value typed as `ref`, or UNKNOWN_FIELD as soon as a struct has a key its type does
 * not know. Every write goes through here, so it is deepCopy's loop with a field lookup added;
 * paths are only built by the slow walk, when there is something to report.
 */
function typedCopy(v: unknown, ref: TypeRef): unknown {
  if (v === null || typeof v !== 'object') return v
  if (ref.kind === 'leaf' || ref.kind === 'any') return deepCopy(v)
  if (Array.isArray(v)) {
    if (ref.kind !== 'list') return deepCopy(v)
    const out: unknown[] = []
    for (let i = 0; i < v.length; i++) {
      const c = typedCopy(v[i], ref.elem)
      if (c === UNKNOWN_FIELD) return UNKNOWN_FIELD
      out.push(c)
    }
    return out
  }
  if (ref.kind === 'list') return deepCopy(v)
  const fields = ref.kind === 'struct' ? structFields(ref) : undefined
  const out: Record<string, unknown> = {}
  const keys = Object.keys(v)
  for (let i = 0; i < keys.length; i++) {
    const k = keys[i]
    const e = (v as Record<string, unknown>)[k]
    if (e === undefined) continue
    let elemRef: TypeRef | undefined
    if (ref.kind === 'map') elemRef = ref.elem
    else {
      elemRef = fields?.get(k)
      if (elemRef === undefined) return UNKNOWN_FIELD
    }
    const c = typedCopy(e, elemRef)
    if (c === UNKNOWN_FIELD) return UNKNOWN_FIELD
    out[k] = c
  }
  return out
}

/**
 * strictDecode of a value (a body given as an object, or a patched object): a plain copy when
 * every field is known, which is nearly always; otherwise the walk over its encoding, whose
 * errors come in the decoder's order (or sorted, for a converted map: `sorted`).
 */
export function decodeValue(v: unknown, ref: TypeRef, sorted = false): StrictDecoded {
  const copy = typedCopy(v, ref)
  if (copy !== UNKNOWN_FIELD) return { value: copy, errors: [] }
  const n = nodeFromValue(v)
  return sorted ? unknownFieldsSorted(n, ref) : strictDecode(n, ref)
}
