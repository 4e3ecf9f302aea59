// Go's encoding/json output for JSON-shaped values, byte for byte: what `kubectl -o json` and the
// jsonpath printer's map/list values look like.
// Mirrors: Go encoding/json encode.go (Marshal with map keys sorted byte-wise, HTML-safe string
// escaping of <, > and &, \u2028 and \u2029 escaped, \b and \f short escapes as of Go 1.22,
// float64 formatting with %e below 1e-6 and from 1e21 up) and indent.go (MarshalIndent: empty
// objects and arrays stay `{}` and `[]`).
// Dropped: Go types JSON cannot produce (structs, Marshaler implementations); a JS `undefined`
// is treated as JSON.stringify treats it (property omitted, array element null).

import { formatGoInt, isGoNumber, sortedKeys } from '../../../api/goValues'

const shortEscapes: Record<number, string> = {
  0x22: '\\"',
  0x5c: '\\\\',
  0x08: '\\b',
  0x0c: '\\f',
  0x0a: '\\n',
  0x0d: '\\r',
  0x09: '\\t',
}

/** encodeState.string with escapeHTML: a quoted JSON string as Go writes it. */
export function goJsonString(s: string): string {
  let out = '"'
  for (const ch of s) {
    const cp = ch.codePointAt(0) as number
    const short = shortEscapes[cp]
    if (short !== undefined) out += short
    else if (cp < 0x20 || cp === 0x3c || cp === 0x3e || cp === 0x26 || cp === 0x2028 || cp === 0x2029) {
      out += `\\u${cp.toString(16).padStart(4, '0')}`
    } else if (cp >= 0xd800 && cp <= 0xdfff) {
      // A lone surrogate is invalid UTF-8 in Go, which writes the replacement character.
      out += '\\ufffd'
    } else out += ch
  }
  return `${out}"`
}

/**
 * A float64 as encoding/json writes it: %f form, or %e form (with `e-07` tidied to `e-7`) when
 * the magnitude is below 1e-6 or at least 1e21. JavaScript's Number#toString draws the line at
 * exactly the same places with the same shortest digits.
 */
export function goJsonFloat(f: number): string {
  if (Object.is(f, -0)) return '-0'
  return String(f)
}

function goJsonNumber(v: unknown): string {
  if (isGoNumber(v)) return v.goType === 'float64' ? goJsonFloat(v.value) : formatGoInt(v.value)
  const n = v as number
  // An integral JSON number is an int64 (or an integral float64, which prints the same digits).
  return Object.is(n, -0) ? '0' : String(n)
}

/**
 * 'sorted': every object is a Go map (unstructured objects, what the API server returns), keys in
 * byte order. 'insertion': the object's own key order is printed, for objects kubectl builds from
 * Go structs (client-side dry runs), whose fields come in declaration order; the caller builds
 * them in that order, with the keys of map-typed fields (labels, data, ...) already sorted.
 */
export type KeyOrder = 'sorted' | 'insertion'

function keysOf(obj: Record<string, unknown>, order: KeyOrder): string[] {
  const keys = Object.keys(obj)
  // JS lists integer-like keys first whatever the insertion order. No Go struct has such a field
  // name, so an object with one is a Go map, and Go maps print sorted anyway.
  if (order === 'sorted' || keys.some((k) => /^(0|[1-9][0-9]*)$/.test(k))) return sortedKeys(obj)
  return keys.filter((k) => obj[k] !== undefined)
}

function encode(v: unknown, indent: string | null, depth: number, order: KeyOrder): string {
  if (v === null || v === undefined) return 'null'
  if (typeof v === 'string') return goJsonString(v)
  if (typeof v === 'boolean') return v ? 'true' : 'false'
  if (typeof v === 'number' || isGoNumber(v)) return goJsonNumber(v)
  if (typeof v !== 'object') return 'null'
  const nl = indent === null ? '' : `\n${indent.repeat(depth + 1)}`
  const close = indent === null ? '' : `\n${indent.repeat(depth)}`
  if (Array.isArray(v)) {
    if (v.length === 0) return '[]'
    return `[${v.map((e) => nl + encode(e, indent, depth + 1, order)).join(',')}${close}]`
  }
  const obj = v as Record<string, unknown>
  const keys = keysOf(obj, order)
  if (keys.length === 0) return '{}'
  const sep = indent === null ? ':' : ': '
  return `{${keys.map((k) => nl + goJsonString(k) + sep + encode(obj[k], indent, depth + 1, order)).join(',')}${close}}`
}

/** json.Marshal: compact, HTML-safe. */
export function marshalGoJson(v: unknown, order: KeyOrder = 'sorted'): string {
  return encode(v, null, 0, order)
}

/** json.MarshalIndent(v, "", indent). */
export function marshalGoJsonIndent(v: unknown, indent: string, order: KeyOrder = 'sorted'): string {
  return encode(v, indent, 0, order)
}
