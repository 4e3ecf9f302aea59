// How Go prints the decoded JSON values that end up in apiserver error messages: fmt's %v/%+v of a
// map[string]interface{} (a strategic merge patch in a strict decoding error) and encoding/json's
// Marshal of one (a merge-patched object).
// Mirrors: Go's fmt (print.go printValue: `map[k:v k2:v2]` with sorted keys, `[a b]`, `<nil>`;
// format.go %v of float64: shortest 'g', exponent from 1e+06 on) and encoding/json (encode.go:
// sorted map keys, HTMLEscape of <, >, & and U+2028/U+2029, '\b' and '\f' written as such since
// Go 1.22, floats in 'f' form except below 1e-6 and from 1e21 on).
// Left out: the int64/float64 distinction of the JSON literal (an integral value prints as an
// integer).

import { compareGoStrings, formatGoNumber } from '../api/validation/field'

/** fmt.Sprintf("%+v", v) for a value decoded from JSON into interface{}. */
export function goSprintV(v: unknown): string {
  if (v === null || v === undefined) return '<nil>'
  if (typeof v === 'string') return v
  if (typeof v === 'boolean') return v ? 'true' : 'false'
  if (typeof v === 'number') return formatGoNumber(v)
  if (Array.isArray(v)) return `[${v.map(goSprintV).join(' ')}]`
  if (typeof v === 'object') {
    const m = v as Record<string, unknown>
    const keys = Object.keys(m).sort(compareGoStrings)
    return `map[${keys.map((k) => `${k}:${goSprintV(m[k])}`).join(' ')}]`
  }
  return String(v)
}

function jsonString(s: string): string {
  let out = '"'
  for (const ch of s) {
    const cp = ch.codePointAt(0) as number
    if (ch === '"') out += '\\"'
    else if (ch === '\\') out += '\\\\'
    else if (ch === '\n') out += '\\n'
    else if (ch === '\r') out += '\\r'
    else if (ch === '\t') out += '\\t'
    else if (ch === '\b') out += '\\b'
    else if (ch === '\f') out += '\\f'
    else if (cp < 0x20 || ch === '<' || ch === '>' || ch === '&' || cp === 0x2028 || cp === 0x2029) {
      out += `\\u${cp.toString(16).padStart(4, '0')}`
    } else out += ch
  }
  return `${out}"`
}

/** json.Marshal of a value decoded into interface{}: compact, map keys sorted. */
export function goJsonMarshal(v: unknown): string {
  if (v === null || v === undefined) return 'null'
  if (typeof v === 'string') return jsonString(v)
  if (typeof v === 'boolean') return v ? 'true' : 'false'
  // JavaScript's own number text agrees with encoding/json's float form (exponent below 1e-6
  // and from 1e21 on, `e-7` without padding).
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : 'null'
  if (Array.isArray(v)) return `[${v.map(goJsonMarshal).join(',')}]`
  const m = v as Record<string, unknown>
  const keys = Object.keys(m)
    .filter((k) => m[k] !== undefined)
    .sort(compareGoStrings)
  return `{${keys.map((k) => `${jsonString(k)}:${goJsonMarshal(m[k])}`).join(',')}}`
}
