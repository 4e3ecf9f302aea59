// The shape of the served kinds as strict decoding sees it: which json field names each Go struct
// of k8s.io/api 1.32 has, and what is below each field (another struct, a list of structs, a map
// with free keys, or a leaf). Read from the generated table (fieldSchema.generated.ts, made by
// scripts/genFieldSchema.ts from the OpenAPI document).
// Mirrors what sigs.k8s.io/json's strict decoder learns from reflection over the Go types
// (cachedTypeFields); leaves are the types it does not look into: scalars, lists and maps of
// scalars, and the custom unmarshalers (Quantity, IntOrString, Time, MicroTime, FieldsV1).
// Left out: the Go type of each leaf (type errors such as a string field given an object are not
// detected here).

import { FIELD_TYPES, KIND_TYPES } from './fieldSchema.generated'

/** What the decoder decodes a JSON value into. */
export type TypeRef =
  /** A scalar or a custom unmarshaler: nothing below is checked. */
  | { readonly kind: 'leaf' }
  /** interface{} (a patch, a JSON patch's value): duplicate keys are checked at every level. */
  | { readonly kind: 'any' }
  /** A Go struct: its json names, anything else is an unknown field. */
  | { readonly kind: 'struct'; readonly name: string; readonly fields?: ReadonlyMap<string, TypeRef> }
  | { readonly kind: 'list'; readonly elem: TypeRef }
  /** A map with string keys: free keys, duplicate keys count. */
  | { readonly kind: 'map'; readonly elem: TypeRef }

export const LEAF: TypeRef = Object.freeze({ kind: 'leaf' })
export const ANY: TypeRef = Object.freeze({ kind: 'any' })

/** `T`, `[T`, `{T` or "" (a leaf), as the generated table spells a field's type. */
export function parseTypeExpr(expr: string): TypeRef {
  if (expr === '') return LEAF
  if (expr[0] === '[') return { kind: 'list', elem: parseTypeExpr(expr.slice(1)) }
  if (expr[0] === '{') return { kind: 'map', elem: parseTypeExpr(expr.slice(1)) }
  return { kind: 'struct', name: expr }
}

const parsed = new Map<string, ReadonlyMap<string, TypeRef>>()

/** The fields of a struct type (its own table when it carries one), or undefined for an unknown name. */
export function structFields(ref: Extract<TypeRef, { kind: 'struct' }>): ReadonlyMap<string, TypeRef> | undefined {
  if (ref.fields) return ref.fields
  const cached = parsed.get(ref.name)
  if (cached) return cached
  const spec = FIELD_TYPES[ref.name]
  if (spec === undefined) return undefined
  const fields = new Map<string, TypeRef>()
  for (const f of spec.split(' ')) {
    const colon = f.indexOf(':')
    if (colon < 0) fields.set(f, LEAF)
    else fields.set(f.slice(0, colon), parseTypeExpr(f.slice(colon + 1)))
  }
  parsed.set(ref.name, fields)
  return fields
}

/** The struct a kind decodes into, or undefined when the table does not know the kind. */
export function typeForKind(group: string, version: string, kind: string): TypeRef | undefined {
  const name = KIND_TYPES[group ? `${group}/${version}/${kind}` : `${version}/${kind}`]
  return name === undefined ? undefined : { kind: 'struct', name }
}
