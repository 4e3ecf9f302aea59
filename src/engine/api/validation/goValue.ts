// Go values as reflection sees them, for the ports that print or compare Go data structures
// the way the apiserver's Go code does (go-cmp's Diff, apimachinery's Semantic.DeepEqual).
// A GoType describes a Go type (kind, name, fields, methods that matter); a GoValue is plain
// data shaped by it: structs are objects keyed by Go field name, pointers `{ elem }` or null,
// slices arrays or null, maps `Map`s or null. nil and empty are kept apart, as in Go.
// Mirrors: the parts of Go's reflect package (Kind, Type.String, Value.IsZero) those ports use.

import { utf8Bytes as utf8ByteList } from '../utf8'

export type GoKind = 'bool' | 'int32' | 'int64' | 'string' | 'struct' | 'ptr' | 'slice' | 'map'

export interface GoField {
  /** The Go field name (the embedded type's name for an embedded field). */
  readonly name: string
  readonly type: GoType
  /** The JSON key in the v1 (versioned) object; undefined for embedded (inlined) structs. */
  readonly json?: string
}

export interface GoType {
  readonly kind: GoKind
  /** Type.String() of a named type, e.g. `core.PodSpec`, `core.RestartPolicy`; undefined if unnamed. */
  readonly name?: string
  readonly elem?: GoType
  readonly key?: GoType
  readonly fields?: readonly GoField[]
  /** A `String() string` method in the type's method set (fmt.Stringer). */
  readonly stringer?: (v: GoValue) => string
  /** An `Equal(T) bool` method go-cmp calls instead of descending (resource.Quantity). */
  readonly equal?: (x: GoValue, y: GoValue) => boolean
  /** Decoding from the versioned JSON, for types whose JSON form is not their Go shape. */
  readonly fromJSON?: (json: unknown) => GoValue
}

/** A value this model cannot represent faithfully (callers leave out what depends on it). */
export class UnsupportedGoValue extends Error {}

export interface GoPtr {
  readonly elem: GoValue
}
export type GoStruct = { readonly [field: string]: GoValue }
export type GoValue = null | boolean | number | bigint | string | GoPtr | GoStruct | readonly GoValue[] | ReadonlyMap<string, GoValue>

// ---- type constructors ----

export const goBool: GoType = { kind: 'bool' }
export const goInt32: GoType = { kind: 'int32' }
export const goInt64: GoType = { kind: 'int64' }
export const goString: GoType = { kind: 'string' }

export function namedString(name: string, stringer?: (v: GoValue) => string): GoType {
  return { kind: 'string', name, stringer }
}
export function namedInt(kind: 'int32' | 'int64', name: string): GoType {
  return { kind, name }
}
export function ptrTo(elem: GoType, stringer?: (v: GoValue) => string): GoType {
  return { kind: 'ptr', elem, stringer }
}
export function sliceOf(elem: GoType): GoType {
  return { kind: 'slice', elem }
}
export function mapOf(key: GoType, elem: GoType, name?: string): GoType {
  return { kind: 'map', key, elem, name }
}
export function struct(name: string, fields: readonly GoField[], extra: Partial<GoType> = {}): GoType {
  return { kind: 'struct', name, fields, ...extra }
}

// ---- decoding (encoding/json into a Go value of type t) ----

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v)

/** json.Unmarshal into a zero value of type t: absent and null stay zero; [] and {} are not nil. */
export function fromJSON(t: GoType, json: unknown): GoValue {
  if (t.fromJSON) return t.fromJSON(json)
  switch (t.kind) {
    case 'bool':
      return json === true
    case 'int32':
    case 'int64':
      return typeof json === 'number' ? json : typeof json === 'bigint' ? json : 0
    case 'string':
      return typeof json === 'string' ? json : ''
    case 'ptr':
      return json === undefined || json === null ? null : { elem: fromJSON(t.elem!, json) }
    case 'slice':
      return Array.isArray(json) ? json.map((e) => fromJSON(t.elem!, e)) : null
    case 'map':
      return isObj(json) ? new Map(Object.entries(json).map(([k, v]) => [k, fromJSON(t.elem!, v)])) : null
    case 'struct': {
      const src = isObj(json) ? json : {}
      const o: Record<string, GoValue> = {}
      for (const f of t.fields!) o[f.name] = f.json === undefined ? fromJSON(f.type, src) : fromJSON(f.type, src[f.json])
      return o
    }
  }
}

/**
 * A value as it comes back from etcd: protobuf does not keep empty lists and maps apart from
 * absent ones, so every empty slice or map reads back nil.
 */
export function asStored(t: GoType, v: GoValue): GoValue {
  switch (t.kind) {
    case 'ptr':
      return v === null ? null : { elem: asStored(t.elem!, (v as GoPtr).elem) }
    case 'slice': {
      const xs = v as readonly GoValue[] | null
      return xs === null || xs.length === 0 ? null : xs.map((e) => asStored(t.elem!, e))
    }
    case 'map': {
      const m = v as ReadonlyMap<string, GoValue> | null
      return m === null || m.size === 0 ? null : new Map([...m].map(([k, e]) => [k, asStored(t.elem!, e)]))
    }
    case 'struct': {
      if (t.equal) return v
      const o: Record<string, GoValue> = {}
      for (const fld of t.fields!) o[fld.name] = asStored(fld.type, (v as GoStruct)[fld.name])
      return o
    }
    default:
      return v
  }
}

// ---- reflection helpers ----

/** reflect.Type.String(): named types print their name, others are spelled out. */
export function typeString(t: GoType): string {
  if (t.name) return t.name
  switch (t.kind) {
    case 'ptr':
      return `*${typeString(t.elem!)}`
    case 'slice':
      return `[]${typeString(t.elem!)}`
    case 'map':
      return `map[${typeString(t.key!)}]${typeString(t.elem!)}`
    case 'struct':
      return 'struct{...}'
    default:
      return t.kind
  }
}

/** Value.IsZero: false, 0, "", nil, or a struct whose fields are all zero. */
export function isZero(t: GoType, v: GoValue): boolean {
  switch (t.kind) {
    case 'bool':
      return v === false
    case 'int32':
    case 'int64':
      return v === 0 || v === 0n
    case 'string':
      return v === ''
    case 'ptr':
    case 'slice':
    case 'map':
      return v === null
    case 'struct':
      return t.fields!.every((f) => isZero(f.type, (v as GoStruct)[f.name]))
  }
}

/** The zero value of a type. */
export function zeroValue(t: GoType): GoValue {
  switch (t.kind) {
    case 'bool':
      return false
    case 'int32':
    case 'int64':
      return 0
    case 'string':
      return ''
    case 'ptr':
    case 'slice':
    case 'map':
      return null
    case 'struct': {
      const o: Record<string, GoValue> = {}
      for (const f of t.fields!) o[f.name] = zeroValue(f.type)
      return o
    }
  }
}

/** A string's UTF-8 bytes (Go strings are byte strings). */
export function utf8Bytes(s: string): Uint8Array {
  return Uint8Array.from(utf8ByteList(s))
}

