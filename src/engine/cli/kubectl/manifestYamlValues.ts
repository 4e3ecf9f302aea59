// The value of one YAML document as kubectl 1.32 turns it into JSON: go-yaml v2's decoding into
// interface{} (YAML 1.1 resolution: yes/no/on/off are booleans, 0777 is octal, 1_000 is 1000,
// timestamps stay strings; merge keys; duplicate keys keep the last value; the excessive-aliasing
// guard against alias bombs), then sigs.k8s.io/yaml's conversion (non-string keys become
// strings, NaN/Inf refused). The node tree comes from manifestYamlParser.ts.
// Mirrors: go-yaml v2.4 resolve.go (resolve, resolve_map, yamlStyleFloat), decode.go (unmarshal,
// alias, mapping, merge, sequence, scalar, allowedAliasRatio) and sigs.k8s.io/yaml v1.4 yaml.go
// (convertToJSONableObject) with encoding/json's unsupported-value error.
// Left out: integers beyond 2^53 keep only float precision (JavaScript numbers); the exact %#v
// of a collection used as a map key (a rough form is printed).

import type { YamlNode } from './manifestYamlParser'

type Node = YamlNode

/** An error go-yaml's decoder or the JSON conversion reports (`error converting YAML to JSON: ...`). */
export class YamlValueError extends Error {}

const STR = 'tag:yaml.org,2002:str'
const BINARY = 'tag:yaml.org,2002:binary'
const BOOL = 'tag:yaml.org,2002:bool'
const INT = 'tag:yaml.org,2002:int'
const FLOAT = 'tag:yaml.org,2002:float'
const NULL = 'tag:yaml.org,2002:null'
const TIMESTAMP = 'tag:yaml.org,2002:timestamp'
const MERGE = 'tag:yaml.org,2002:merge'

const RESOLVE_MAP = new Map<string, { tag: string; value: unknown }>()
for (const [value, tag, words] of [
  [true, BOOL, ['y', 'Y', 'yes', 'Yes', 'YES', 'true', 'True', 'TRUE', 'on', 'On', 'ON']],
  [false, BOOL, ['n', 'N', 'no', 'No', 'NO', 'false', 'False', 'FALSE', 'off', 'Off', 'OFF']],
  [null, NULL, ['', '~', 'null', 'Null', 'NULL']],
  [NaN, FLOAT, ['.nan', '.NaN', '.NAN']],
  [Infinity, FLOAT, ['.inf', '.Inf', '.INF', '+.inf', '+.Inf', '+.INF']],
  [-Infinity, FLOAT, ['-.inf', '-.Inf', '-.INF']],
  ['<<', MERGE, ['<<']],
] as const) {
  for (const w of words) RESOLVE_MAP.set(w, { tag, value })
}

const yamlStyleFloat = /^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$/

/** resolve_table: which first characters may start a non-string scalar. */
function hintOf(s: string): string {
  if (s === '') return 'N'
  const c = s[0]
  if (c === '+' || c === '-') return 'S'
  if (c >= '0' && c <= '9') return 'D'
  if ('yYnNtTfFoO~'.includes(c)) return 'M'
  if (c === '.') return '.'
  return ''
}

/** strconv.ParseInt(s, 0, 64) / ParseUint: base prefixes 0x 0o 0b and a leading 0 for octal. */
function parseGoInt0(s: string): number | undefined {
  const m = /^([+-]?)(0[xX][0-9a-fA-F]+|0[oO][0-7]+|0[bB][01]+|0[0-7]*|[1-9][0-9]*)$/.exec(s)
  if (!m) return undefined
  const body = m[2]
  let v: bigint
  if (/^0[xX]/.test(body)) v = BigInt(body)
  else if (/^0[oO]/.test(body)) v = BigInt(`0o${body.slice(2)}`)
  else if (/^0[bB]/.test(body)) v = BigInt(body)
  else if (body.length > 1 && body[0] === '0') v = BigInt(`0o${body.slice(1)}`)
  else v = BigInt(body)
  if (m[1] === '-') v = -v
  // int64, or uint64 for large positive values.
  if (v < -(1n << 63n) || v > (1n << 64n) - 1n) return undefined
  return Number(v)
}

/** Go's strconv.ParseFloat for the decimal forms resolve() lets through. */
function parseGoFloat(s: string): number | undefined {
  if (!/^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$/.test(s)) return undefined
  const f = Number(s)
  // A value out of range is an error for ParseFloat, so resolve() keeps the text.
  return Number.isFinite(f) ? f : undefined
}

/** go-yaml v2 resolve(): the tag and value of a plain (or explicitly tagged) scalar. */
export function resolveScalar(tag: string, input: string): { tag: string; value: unknown } {
  const resolvable = tag === '' || tag === STR || tag === BOOL || tag === INT || tag === FLOAT || tag === TIMESTAMP
  if (!resolvable) return { tag, value: input }
  const result = resolveImplicit(tag, input)
  // An explicit tag must agree with what the text resolves to (!!float accepts integers).
  if (tag === '' || tag === result.tag || tag === STR) return result
  if (tag === FLOAT && result.tag === INT) return { tag: FLOAT, value: result.value }
  throw new YamlValueError(`yaml: cannot decode ${shortTag(result.tag)} \`${input}\` as a ${shortTag(tag)}`)
}

function shortTag(tag: string): string {
  return tag.startsWith('tag:yaml.org,2002:') ? `!!${tag.slice('tag:yaml.org,2002:'.length)}` : tag
}

function resolveImplicit(tag: string, input: string): { tag: string; value: unknown } {
  const hint = hintOf(input)
  if (hint !== '' && tag !== STR && tag !== BINARY) {
    const item = RESOLVE_MAP.get(input)
    if (item) return item
    switch (hint) {
      case '.': {
        const f = parseGoFloat(input)
        if (f !== undefined) return { tag: FLOAT, value: f }
        break
      }
      case 'D':
      case 'S': {
        if (tag === '' || tag === TIMESTAMP) {
          // Timestamps resolve as such but decode into interface{} as their text.
          if (isTimestamp(input)) return { tag: TIMESTAMP, value: input }
        }
        const plain = input.replaceAll('_', '')
        const i = parseGoInt0(plain)
        if (i !== undefined) return { tag: INT, value: i }
        if (yamlStyleFloat.test(plain)) {
          const f = parseGoFloat(plain)
          if (f !== undefined) return { tag: FLOAT, value: f }
        }
        break
      }
    }
  }
  return { tag: STR, value: input }
}

/** parseTimestamp's accepted layouts (YYYY-M-D, optionally with a time). */
function isTimestamp(s: string): boolean {
  let i = 0
  while (i < s.length && s[i] >= '0' && s[i] <= '9') i++
  if (i !== 4 || i === s.length || s[i] !== '-') return false
  return (
    /^\d{4}-\d{1,2}-\d{1,2}$/.test(s) ||
    /^\d{4}-\d{1,2}-\d{1,2}[Tt]\d{1,2}:\d{1,2}:\d{1,2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/.test(s) ||
    /^\d{4}-\d{1,2}-\d{1,2} \d{1,2}:\d{1,2}:\d{1,2}(\.\d+)?$/.test(s)
  )
}

// ---- decoding (go-yaml decode.go into interface{}) ----

/** A Go map[interface{}]interface{} in insertion order, keys kept with their Go type. */
class GoMap {
  readonly entries = new Map<string, { key: unknown; value: unknown }>()
  set(key: unknown, value: unknown): void {
    this.entries.set(mapKeyIdentity(key), { key, value })
  }
}

function mapKeyIdentity(key: unknown): string {
  if (key === null) return 'nil'
  if (typeof key === 'number') return `n:${Object.is(key, -0) ? 0 : key}`
  return `${typeof key}:${String(key)}`
}

const ALIAS_RATIO_RANGE_LOW = 400000
const ALIAS_RATIO_RANGE_HIGH = 4000000
const ALIAS_RATIO_RANGE = ALIAS_RATIO_RANGE_HIGH - ALIAS_RATIO_RANGE_LOW

function allowedAliasRatio(decodeCount: number): number {
  if (decodeCount <= ALIAS_RATIO_RANGE_LOW) return 0.99
  if (decodeCount >= ALIAS_RATIO_RANGE_HIGH) return 0.1
  return 0.99 - 0.89 * ((decodeCount - ALIAS_RATIO_RANGE_LOW) / ALIAS_RATIO_RANGE)
}

class Decoder {
  private decodeCount = 0
  private aliasCount = 0
  private aliasDepth = 0
  private readonly active = new Set<Node>()

  /** d.unmarshal's bookkeeping: every node visited counts, the ones reached through an alias too. */
  private count(): void {
    this.decodeCount++
    if (this.aliasDepth > 0) this.aliasCount++
    if (this.aliasCount > 100 && this.decodeCount > 1000 && this.aliasCount / this.decodeCount > allowedAliasRatio(this.decodeCount)) {
      throw new YamlValueError('yaml: document contains excessive aliasing')
    }
  }

  document(root: Node): unknown {
    this.count()
    return this.value(root)
  }

  value(n: Node): unknown {
    this.count()
    switch (n.kind) {
      case 'alias': {
        if (this.active.has(n)) throw new YamlValueError(`yaml: anchor '${n.name}' value contains itself`)
        this.active.add(n)
        this.aliasDepth++
        try {
          return this.value(n.target)
        } finally {
          this.aliasDepth--
          this.active.delete(n)
        }
      }
      case 'scalar':
        return this.scalar(n)
      case 'sequence':
        return n.children.map((c) => this.value(c))
      case 'mapping': {
        const out = new GoMap()
        this.mappingInto(n, out)
        return out
      }
    }
  }

  private scalar(n: Extract<Node, { kind: 'scalar' }>): unknown {
    if (n.tag === '' && !n.implicit) return n.value
    const { tag, value } = resolveScalar(n.tag === '!' ? '!' : n.tag, n.value)
    if (tag === BINARY) return decodeBase64(value as string)
    return value
  }

  private mappingInto(n: Extract<Node, { kind: 'mapping' }>, out: GoMap): void {
    for (let i = 0; i < n.children.length; i += 2) {
      const k = n.children[i]
      const v = n.children[i + 1]
      if (isMerge(k)) {
        this.merge(v, out)
        continue
      }
      const key = this.value(k)
      if (Array.isArray(key) || key instanceof GoMap) throw new YamlValueError(`yaml: invalid map key: ${goSharpV(key)}`)
      out.set(key, this.value(v))
    }
  }

  private merge(n: Node, out: GoMap): void {
    const fail = (): never => {
      throw new YamlValueError('yaml: map merge requires map or sequence of maps as the value')
    }
    const target = (x: Node): Node => (x.kind === 'alias' ? x.target : x)
    switch (n.kind) {
      case 'mapping':
        this.count()
        this.mappingInto(n, out)
        return
      case 'alias': {
        if (n.target.kind !== 'mapping') fail()
        this.count()
        if (this.active.has(n)) throw new YamlValueError(`yaml: anchor '${n.name}' value contains itself`)
        this.active.add(n)
        this.aliasDepth++
        try {
          this.count()
          this.mappingInto(n.target as Extract<Node, { kind: 'mapping' }>, out)
        } finally {
          this.aliasDepth--
          this.active.delete(n)
        }
        return
      }
      case 'sequence':
        // Earlier maps take precedence: apply them last.
        for (let i = n.children.length - 1; i >= 0; i--) {
          const ni = n.children[i]
          if (target(ni).kind !== 'mapping') fail()
          this.merge(ni, out)
        }
        return
      default:
        fail()
    }
  }
}

function isMerge(n: Node): boolean {
  return n.kind === 'scalar' && n.value === '<<' && (n.implicit || n.tag === MERGE)
}

/** base64.StdEncoding.DecodeString, which skips only line breaks, then Go's string(data). */
function decodeBase64(s: string): string {
  const clean = s.replace(/[\r\n]/g, '')
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(clean) || clean.length % 4 !== 0) {
    throw new YamlValueError('yaml: !!binary value contains invalid base64 data')
  }
  return decodeUtf8Lossy(base64Bytes(clean))
}

function base64Bytes(s: string): number[] {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'
  const out: number[] = []
  for (let i = 0; i < s.length; i += 4) {
    const n = [0, 1, 2, 3].map((k) => (s[i + k] === '=' ? 0 : alphabet.indexOf(s[i + k])))
    const v = (n[0] << 18) | (n[1] << 12) | (n[2] << 6) | n[3]
    out.push((v >> 16) & 255)
    if (s[i + 2] !== '=') out.push((v >> 8) & 255)
    if (s[i + 3] !== '=') out.push(v & 255)
  }
  return out
}

/** Bytes as text the way encoding/json writes a Go string: each invalid byte becomes U+FFFD. */
function decodeUtf8Lossy(b: number[]): string {
  let out = ''
  let i = 0
  while (i < b.length) {
    const c = b[i]
    const need = c < 0x80 ? 0 : c >= 0xc2 && c <= 0xdf ? 1 : c >= 0xe0 && c <= 0xef ? 2 : c >= 0xf0 && c <= 0xf4 ? 3 : -1
    if (need === 0) {
      out += String.fromCharCode(c)
      i++
      continue
    }
    let cp = need === 1 ? c & 0x1f : need === 2 ? c & 0x0f : c & 0x07
    let ok = need > 0
    for (let k = 1; ok && k <= need; k++) {
      const cc = b[i + k]
      if (cc === undefined || (cc & 0xc0) !== 0x80) ok = false
      else cp = (cp << 6) | (cc & 0x3f)
    }
    const min = need === 1 ? 0x80 : need === 2 ? 0x800 : 0x10000
    if (ok && cp >= min && cp <= 0x10ffff && !(cp >= 0xd800 && cp <= 0xdfff)) {
      out += String.fromCodePoint(cp)
      i += need + 1
    } else {
      out += '\ufffd'
      i++
    }
  }
  return out
}

/** A rough %#v, only for the rare "invalid map key" message. */
function goSharpV(v: unknown): string {
  if (Array.isArray(v)) return `[]interface {}{${v.map(goSharpV).join(', ')}}`
  if (v instanceof GoMap) {
    return `map[interface {}]interface {}{${[...v.entries.values()].map((e) => `${goSharpV(e.key)}:${goSharpV(e.value)}`).join(', ')}}`
  }
  if (typeof v === 'string') return JSON.stringify(v)
  if (v === null) return 'interface {}(nil)'
  return String(v)
}

// ---- sigs.k8s.io/yaml: to JSON-able values ----

/** strconv.FormatFloat(f, 'g', -1, 32) as sigs.k8s.io/yaml spells float keys. */
function formatFloatKey(f: number): string {
  if (f === Infinity) return '.inf'
  if (f === -Infinity) return '-.inf'
  if (Number.isNaN(f)) return '.nan'
  const f32 = Math.fround(f)
  // The shortest decimal that reads back as the same float32.
  let digits = 1
  let s = f32.toPrecision(digits)
  while (Math.fround(Number(s)) !== f32 && digits < 9) s = f32.toPrecision(++digits)
  const n = Number(s)
  const exp = n === 0 ? 0 : Math.floor(Math.log10(Math.abs(n)))
  if (exp < -4 || exp >= 21 || (exp >= Math.max(digits, 6) && !Number.isInteger(n)) || exp >= 21) {
    const [m, e] = n.toExponential().split('e')
    const en = Number(e)
    return `${m}e${en < 0 ? '-' : '+'}${String(Math.abs(en)).padStart(2, '0')}`
  }
  return String(n)
}

function keyString(key: unknown, value: unknown): string {
  if (typeof key === 'string') return key
  if (typeof key === 'boolean') return key ? 'true' : 'false'
  if (typeof key === 'number') return Number.isInteger(key) && Math.abs(key) < 2 ** 63 ? String(key) : formatFloatKey(key)
  throw new YamlValueError(`unsupported map key of type: %!s(<nil>), key: <nil>, value: ${goSharpV(value)}`)
}

function toJsonable(v: unknown): unknown {
  if (v instanceof GoMap) {
    const out: Record<string, unknown> = {}
    // defineProperty: a `__proto__` key is data, not the object's prototype.
    for (const { key, value } of v.entries.values()) {
      Object.defineProperty(out, keyString(key, value), { value: toJsonable(value), enumerable: true, writable: true, configurable: true })
    }
    return out
  }
  if (Array.isArray(v)) return v.map(toJsonable)
  if (typeof v === 'number' && !Number.isFinite(v)) {
    throw new YamlValueError(`json: unsupported value: ${Number.isNaN(v) ? 'NaN' : v > 0 ? '+Inf' : '-Inf'}`)
  }
  return v
}

/**
 * The JSON value kubectl gets for a parsed YAML document (parseYamlDocument's root; `null` for
 * none). Throws YamlValueError with go-yaml's or the JSON conversion's message.
 */
export function yamlDocumentToJson(root: YamlNode | undefined): unknown {
  if (!root) return null
  return toJsonable(new Decoder().document(root))
}
