// A request body as JSON tokens, before it is decoded into a type: objects keep every key in
// the order it came, duplicates included, so that strict decoding can report them. A body given as
// text (the bytes on the wire) is parsed here; a body given as a value stands for what client-go
// would have encoded from it.
// Mirrors: Go's encoding/json scanner (scanner.go: checkValid and its syntax error texts, as
// sigs.k8s.io/json keeps them) and the key order of client-go's encoding of unstructured content
// (encoding/json sorts map keys).
// Left out: the byte offset of a syntax error, numbers beyond float64 precision.

import { compareGoStrings } from '../api/validation/field'

export type JsonNode =
  /** `entries` in the order they came; `visit` the order the decoder meets them, when different. */
  | { readonly t: 'object'; readonly entries: readonly (readonly [string, JsonNode])[]; readonly visit?: readonly number[] }
  | { readonly t: 'array'; readonly items: readonly JsonNode[] }
  | { readonly t: 'scalar'; readonly value: string | number | boolean | null }

/** A syntax error, with the text Go's decoder gives it. */
export class JsonSyntaxError extends Error {}

/**
 * A value as client-go puts it on the wire: unstructured content is encoded by encoding/json,
 * which writes map keys sorted, so the decoder meets them in that order. Undefined values are
 * not encoded.
 */
export function nodeFromValue(v: unknown): JsonNode {
  if (Array.isArray(v)) return { t: 'array', items: v.map((e) => nodeFromValue(e === undefined ? null : e)) }
  if (v !== null && typeof v === 'object') {
    const entries = Object.entries(v as Record<string, unknown>)
      .filter(([, e]) => e !== undefined)
      .map(([k, e]) => [k, nodeFromValue(e)] as const)
    const visit = entries.map((_, i) => i).sort((a, b) => compareGoStrings(entries[a][0], entries[b][0]))
    return { t: 'object', entries, visit }
  }
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' || v === null) return { t: 'scalar', value: v }
  return { t: 'scalar', value: null }
}

/** The plain value of a node: for a repeated key the last one wins, as encoding/json decides. */
export function nodeValue(n: JsonNode): unknown {
  if (n.t === 'scalar') return n.value
  if (n.t === 'array') return n.items.map(nodeValue)
  const out: Record<string, unknown> = {}
  for (const [k, e] of n.entries) out[k] = nodeValue(e)
  return out
}

/** The byte Go names in a syntax error: 'x', or its escaped form. */
function quoteChar(c: string): string {
  if (c === "'") return `'\\''`
  if (c === '"') return `'"'`
  const escapes: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t', '\b': '\\b', '\f': '\\f' }
  if (escapes[c]) return `'${escapes[c]}'`
  const cp = c.codePointAt(0) ?? 0
  if (cp < 0x20 || cp === 0x7f) return `'\\x${cp.toString(16).padStart(2, '0')}'`
  return `'${c}'`
}

/** Parse JSON text into nodes, keeping repeated keys. Throws JsonSyntaxError. */
export function parseJsonText(text: string): JsonNode {
  let i = 0
  const ws = () => {
    while (i < text.length && (text[i] === ' ' || text[i] === '\t' || text[i] === '\n' || text[i] === '\r')) i++
  }
  const fail = (context: string): never => {
    if (i >= text.length) throw new JsonSyntaxError('unexpected end of JSON input')
    throw new JsonSyntaxError(`invalid character ${quoteChar(text[i])} ${context}`)
  }
  const literal = (word: string, value: boolean | null): JsonNode => {
    for (let k = 1; k < word.length; k++) {
      if (text[i + k] !== word[k]) {
        i += k
        fail(`in literal ${word} (expecting ${quoteChar(word[k])})`)
      }
    }
    i += word.length
    return { t: 'scalar', value }
  }
  const string = (): string => {
    // text[i] is the opening quote.
    let out = ''
    i++
    for (;;) {
      if (i >= text.length) fail('')
      const c = text[i]
      if (c === '"') {
        i++
        return out
      }
      if (c === '\\') {
        const e = text[i + 1]
        const simple: Record<string, string> = { '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' }
        if (e !== undefined && simple[e] !== undefined) {
          out += simple[e]
          i += 2
          continue
        }
        if (e === 'u') {
          const hex = text.slice(i + 2, i + 6)
          if (!/^[0-9a-fA-F]{4}$/.test(hex)) {
            i += 2
            while (i < text.length && /[0-9a-fA-F]/.test(text[i])) i++
            fail('in \\u hexadecimal character escape')
          }
          out += String.fromCharCode(parseInt(hex, 16))
          i += 6
          continue
        }
        i++
        fail('in string escape code')
      }
      if (c.charCodeAt(0) < 0x20) fail('in string literal')
      out += c
      i++
    }
  }
  const number = (): JsonNode => {
    const m = /^-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?/.exec(text.slice(i))
    if (!m || m[0] === '-') {
      i++
      fail('in numeric literal')
    }
    i += m![0].length
    return { t: 'scalar', value: Number(m![0]) }
  }
  const value = (): JsonNode => {
    ws()
    const c = text[i]
    if (c === '{') {
      i++
      const entries: [string, JsonNode][] = []
      ws()
      if (text[i] === '}') {
        i++
        return { t: 'object', entries }
      }
      for (;;) {
        ws()
        if (text[i] !== '"') fail('looking for beginning of object key string')
        const key = string()
        ws()
        if (text[i] !== ':') fail('after object key')
        i++
        entries.push([key, value()])
        ws()
        if (text[i] === ',') {
          i++
          continue
        }
        if (text[i] === '}') {
          i++
          return { t: 'object', entries }
        }
        fail('after object key:value pair')
      }
    }
    if (c === '[') {
      i++
      const items: JsonNode[] = []
      ws()
      if (text[i] === ']') {
        i++
        return { t: 'array', items }
      }
      for (;;) {
        items.push(value())
        ws()
        if (text[i] === ',') {
          i++
          continue
        }
        if (text[i] === ']') {
          i++
          return { t: 'array', items }
        }
        fail('after array element')
      }
    }
    if (c === '"') return { t: 'scalar', value: string() }
    if (c === 't') return literal('true', true)
    if (c === 'f') return literal('false', false)
    if (c === 'n') return literal('null', null)
    if (c === '-' || (c >= '0' && c <= '9')) return number()
    return fail('looking for beginning of value')
  }
  const root = value()
  ws()
  if (i < text.length) fail('after top-level value')
  return root
}
