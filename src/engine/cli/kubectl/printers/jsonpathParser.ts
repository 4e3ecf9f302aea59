// The parser of kubectl's JSONPath templates: text outside `{...}` is printed as it is, each
// action inside braces becomes a list of nodes (fields, array selections, filters, unions,
// recursive descent, literals, `range`/`end` identifiers).
// Mirrors: k8s.io/client-go util/jsonpath parser.go and node.go (client-go v0.32), including
// their error texts ("unclosed action", "unterminated array", "invalid array index ..." ...).
// The recursive descent of upstream (every parse function tail-calls parseInsideAction) is a loop
// here; the order of checks and what each step consumes are upstream's.
// Dropped: node String() methods (nothing prints them) and the parser's Name.

import { utf8Bytes } from '../../../api/goValues'

export interface ParamsEntry {
  value: number
  known: boolean
  /** The end of `[n]`, derived as n+1 rather than written. */
  derived: boolean
}

export type JsonPathNode =
  | { type: 'text'; text: string }
  | { type: 'list'; nodes: JsonPathNode[] }
  | { type: 'field'; value: string }
  | { type: 'identifier'; name: string }
  | { type: 'array'; params: [ParamsEntry, ParamsEntry, ParamsEntry] }
  | { type: 'filter'; left: ListNode; right: ListNode; operator: string }
  | { type: 'int'; value: number }
  | { type: 'float'; value: number }
  | { type: 'bool'; value: boolean }
  | { type: 'wildcard' }
  | { type: 'recursive' }
  | { type: 'union'; nodes: ListNode[] }

export type ListNode = { type: 'list'; nodes: JsonPathNode[] }

/** A parse failure; `message` is upstream's error text. */
export class JsonPathParseError extends Error {}

const EOF = -1

function newList(): ListNode {
  return { type: 'list', nodes: [] }
}

function isSpace(r: number): boolean {
  return r === 0x20 || r === 0x09
}

function isEndOfLine(r: number): boolean {
  return r === 0x0d || r === 0x0a
}

const letterRe = /\p{L}/u
const digitRe = /\p{Nd}/u

function isUnicodeDigit(r: number): boolean {
  return r >= 0 && digitRe.test(String.fromCodePoint(r))
}

function isAlphaNumeric(r: number): boolean {
  return r === 0x5f || (r >= 0 && letterRe.test(String.fromCodePoint(r))) || isUnicodeDigit(r)
}

function isTerminator(r: number): boolean {
  if (isSpace(r) || isEndOfLine(r)) return true
  return r === EOF || '.,[]$@{}'.includes(String.fromCodePoint(r))
}

/** Go's %#U: `U+0023 '#'`. */
function formatRune(r: number): string {
  const code = `U+${r.toString(16).toUpperCase().padStart(4, '0')}`
  const ch = String.fromCodePoint(r)
  return /[\p{L}\p{M}\p{N}\p{P}\p{S} ]/u.test(ch) ? `${code} '${ch}'` : code
}

/** strconv.Atoi: optional sign and ASCII digits within the int64 range. */
function atoi(s: string): number | null {
  if (!/^[+-]?[0-9]+$/.test(s)) return null
  const n = BigInt(s)
  if (n > (1n << 63n) - 1n || n < -(1n << 63n)) return null
  return Number(n)
}

/** strconv.ParseFloat for what parseNumber collects: sign, digits and dots. */
function parseFloatStrict(s: string): number | null {
  if (!/^[+-]?(?:[0-9]+\.?[0-9]*|\.[0-9]+)$/.test(s)) return null
  return Number(s)
}

function hexValue(c: string): number {
  return /^[0-9a-fA-F]$/.test(c) ? parseInt(c, 16) : -1
}

function utf8Decode(bytes: number[]): string {
  let out = ''
  for (let i = 0; i < bytes.length; ) {
    const b = bytes[i]
    const need = b < 0x80 ? 0 : b >= 0xc2 && b < 0xe0 ? 1 : b >= 0xe0 && b < 0xf0 ? 2 : b >= 0xf0 && b < 0xf5 ? 3 : -1
    let cp = need === 0 ? b : need === 1 ? b & 0x1f : need === 2 ? b & 0x0f : b & 0x07
    let ok = need >= 0 && i + need < bytes.length
    for (let k = 1; ok && k <= need; k++) {
      const c = bytes[i + k]
      if (c === undefined || (c & 0xc0) !== 0x80) ok = false
      else cp = (cp << 6) | (c & 0x3f)
    }
    if (!ok || (need === 2 && cp < 0x800) || (need === 3 && (cp < 0x10000 || cp > 0x10ffff)) || (cp >= 0xd800 && cp <= 0xdfff)) {
      out += '\ufffd'
      i += 1
    } else {
      out += String.fromCodePoint(cp)
      i += need + 1
    }
  }
  return out
}

/**
 * UnquoteExtend: strconv.Unquote that also takes single-quoted strings. `\x` escapes give raw
 * bytes in Go; they are decoded as UTF-8 here (an invalid sequence shows as U+FFFD, as a
 * terminal would show it).
 */
function unquoteExtend(s: string): string | null {
  const cps = Array.from(s)
  if (cps.length < 2) return null
  const quote = cps[0]
  if (quote !== cps[cps.length - 1] || (quote !== '"' && quote !== "'")) return null
  const body = cps.slice(1, -1)
  if (!body.includes('\\') && !body.includes(quote)) return body.join('')
  const bytes: number[] = []
  const pushRune = (r: number) => bytes.push(...utf8Bytes(String.fromCodePoint(r)))
  for (let i = 0; i < body.length; ) {
    const c = body[i]
    if (c === quote) return null
    if (c !== '\\') {
      pushRune(c.codePointAt(0) as number)
      i++
      continue
    }
    const e = body[i + 1]
    if (e === undefined) return null
    i += 2
    const simple: Record<string, number> = { a: 7, b: 8, f: 12, n: 10, r: 13, t: 9, v: 11, '\\': 0x5c }
    if (e in simple) {
      bytes.push(simple[e])
    } else if (e === 'x' || e === 'u' || e === 'U') {
      const n = e === 'x' ? 2 : e === 'u' ? 4 : 8
      let v = 0
      for (let j = 0; j < n; j++) {
        const h = body[i + j] === undefined ? -1 : hexValue(body[i + j])
        if (h < 0) return null
        v = v * 16 + h
      }
      i += n
      if (e === 'x') bytes.push(v)
      else if (v > 0x10ffff || (v >= 0xd800 && v <= 0xdfff)) return null
      else pushRune(v)
    } else if (e >= '0' && e <= '7') {
      let v = Number(e)
      for (let j = 0; j < 2; j++) {
        const d = body[i + j]
        if (d === undefined || d < '0' || d > '7') return null
        v = v * 8 + Number(d)
      }
      i += 2
      if (v > 255) return null
      bytes.push(v)
    } else if (e === "'" || e === '"') {
      if (e !== quote) return null
      bytes.push(e.charCodeAt(0))
    } else {
      return null
    }
  }
  return utf8Decode(bytes)
}

const dictKeyRex = /^'([^']*)'$/u
const sliceOperatorRex = /^(-?[0-9]*)(:-?[0-9]*)?(:-?[0-9]*)?$/
const filterRex = /^([^!<>=]+)([!<>=]+)(.+?)$/u

class Parser {
  private readonly input: number[]
  private pos = 0
  private start = 0
  private width = 0
  readonly root: ListNode = newList()

  constructor(text: string) {
    this.input = Array.from(text, (c) => c.codePointAt(0) as number)
  }

  private fail(message: string): never {
    throw new JsonPathParseError(message)
  }

  private consumeText(): string {
    const value = String.fromCodePoint(...this.input.slice(this.start, this.pos))
    this.start = this.pos
    return value
  }

  private next(): number {
    if (this.pos >= this.input.length) {
      this.width = 0
      return EOF
    }
    this.width = 1
    this.pos += 1
    return this.input[this.pos - 1]
  }

  private peek(): number {
    const r = this.next()
    this.backup()
    return r
  }

  private backup(): void {
    this.pos -= this.width
  }

  private hasPrefix(prefix: string): boolean {
    const cps = Array.from(prefix, (c) => c.codePointAt(0) as number)
    return cps.every((c, i) => this.input[this.pos + i] === c)
  }

  /** Code point at pos-2: the character before the one just read (upstream's p.input[p.pos-2]). */
  private beforeLast(): number | undefined {
    return this.input[this.pos - 2]
  }

  parse(): ListNode {
    // parseText, parseLeftDelim and parseRightDelim: text and actions always hang off the root.
    for (;;) {
      if (!this.parseText()) return this.root
      this.pos += 1
      this.consumeText()
      const action = newList()
      this.root.nodes.push(action)
      this.parseInsideAction(action)
    }
  }

  /** Reads text up to the next "{"; returns false at the end of the input. */
  private parseText(): boolean {
    for (;;) {
      if (this.hasPrefix('{')) {
        if (this.pos > this.start) this.root.nodes.push({ type: 'text', text: this.consumeText() })
        return true
      }
      if (this.next() === EOF) break
    }
    if (this.pos > this.start) this.root.nodes.push({ type: 'text', text: this.consumeText() })
    return false
  }

  /** parseInsideAction and the parsers it dispatches to, until the closing "}". */
  private parseInsideAction(cur: ListNode): void {
    for (;;) {
      if (this.hasPrefix('}')) {
        this.pos += 1
        this.consumeText()
        return
      }
      if (this.hasPrefix('[?(')) {
        this.parseFilter(cur)
        continue
      }
      if (this.hasPrefix('..')) {
        this.parseRecursive(cur)
        continue
      }
      const r = this.next()
      if (r === EOF || isEndOfLine(r)) this.fail('unclosed action')
      else if (r === 0x20) this.consumeText()
      else if (r === 0x40 || r === 0x24) this.consumeText() // '@' or '$': the current object
      else if (r === 0x5b) this.parseArray(cur)
      else if (r === 0x22 || r === 0x27) this.parseQuote(cur, r)
      else if (r === 0x2e) this.parseField(cur)
      else if (r === 0x2b || r === 0x2d || isUnicodeDigit(r)) {
        this.backup()
        this.parseNumber(cur)
      } else if (isAlphaNumeric(r)) {
        this.backup()
        this.parseIdentifier(cur)
      } else this.fail(`unrecognized character in action: ${formatRune(r)}`)
    }
  }

  private parseIdentifier(cur: ListNode): void {
    for (;;) {
      const r = this.next()
      if (isTerminator(r)) {
        this.backup()
        break
      }
    }
    const value = this.consumeText()
    if (value === 'true' || value === 'false') cur.nodes.push({ type: 'bool', value: value === 'true' })
    else cur.nodes.push({ type: 'identifier', name: value })
  }

  private parseRecursive(cur: ListNode): void {
    const last = cur.nodes[cur.nodes.length - 1]
    if (last !== undefined && last.type === 'recursive') this.fail('invalid multiple recursive descent')
    this.pos += 2
    this.consumeText()
    cur.nodes.push({ type: 'recursive' })
    if (isAlphaNumeric(this.peek())) this.parseField(cur)
  }

  private parseNumber(cur: ListNode): void {
    let r = this.peek()
    if (r === 0x2b || r === 0x2d) this.next()
    for (;;) {
      r = this.next()
      if (r !== 0x2e && !isUnicodeDigit(r)) {
        this.backup()
        break
      }
    }
    const value = this.consumeText()
    const i = atoi(value)
    if (i !== null) {
      cur.nodes.push({ type: 'int', value: i })
      return
    }
    const f = parseFloatStrict(value)
    if (f !== null) {
      cur.nodes.push({ type: 'float', value: f })
      return
    }
    this.fail(`cannot parse number ${value}`)
  }

  private parseArray(cur: ListNode): void {
    for (;;) {
      const r = this.next()
      if (r === EOF || r === 0x0a) this.fail('unterminated array')
      if (r === 0x5d) break
    }
    let text = this.consumeText()
    text = text.slice(1, -1)
    if (text === '*') text = ':'

    const strs = text.split(',')
    if (strs.length > 1) {
      const union: ListNode[] = strs.map((str) => parseAction(`[${str.replace(/^ +| +$/g, '')}]`))
      cur.nodes.push({ type: 'union', nodes: union })
      return
    }

    const dictKey = dictKeyRex.exec(text)
    if (dictKey) {
      for (const node of parseAction(`.${dictKey[1]}`).nodes) cur.nodes.push(node)
      return
    }

    const m = sliceOperatorRex.exec(text)
    if (!m) this.fail(`invalid array index ${text}`)
    const value = [m[1] ?? '', m[2] ?? '', m[3] ?? '']
    const params: [ParamsEntry, ParamsEntry, ParamsEntry] = [
      { value: 0, known: false, derived: false },
      { value: 0, known: false, derived: false },
      { value: 0, known: false, derived: false },
    ]
    for (let i = 0; i < 3; i++) {
      if (value[i] !== '') {
        if (i > 0) value[i] = value[i].slice(1)
        if (i > 0 && value[i] === '') {
          params[i].known = false
        } else {
          params[i].known = true
          const n = atoi(value[i])
          if (n === null) this.fail(`array index ${value[i]} is not a number`)
          params[i].value = n
        }
      } else if (i === 1) {
        params[i] = { known: true, value: params[0].value + 1, derived: true }
      } else {
        params[i] = { known: false, value: 0, derived: false }
      }
    }
    cur.nodes.push({ type: 'array', params })
  }

  private parseFilter(cur: ListNode): void {
    this.pos += 3
    this.consumeText()
    let begin = false
    let end = false
    let pair = 0
    for (;;) {
      const r = this.next()
      if (r === EOF || r === 0x0a) this.fail('unterminated filter')
      if (r === 0x22 || r === 0x27) {
        if (!begin) {
          begin = true
          pair = r
          continue
        }
        if (this.beforeLast() !== 0x5c && r === pair) end = true
      } else if (r === 0x29 && begin === end) {
        break
      }
    }
    if (this.next() !== 0x5d) this.fail('unclosed array expect ]')
    let text = this.consumeText()
    text = text.slice(0, -2)
    const m = filterRex.exec(text)
    if (!m) {
      cur.nodes.push({ type: 'filter', left: parseAction(text), right: newList(), operator: 'exists' })
    } else {
      const left = parseAction(m[1])
      const right = parseAction(m[3])
      cur.nodes.push({ type: 'filter', left, right, operator: m[2] })
    }
  }

  private parseQuote(cur: ListNode, end: number): void {
    for (;;) {
      const r = this.next()
      if (r === EOF || r === 0x0a) this.fail('unterminated quoted string')
      if (r === end && this.beforeLast() !== 0x5c) break
    }
    const value = this.consumeText()
    const s = unquoteExtend(value)
    if (s === null) this.fail(`unquote string ${value} error invalid syntax`)
    cur.nodes.push({ type: 'text', text: s })
  }

  private parseField(cur: ListNode): void {
    this.consumeText()
    while (this.advance()) {
      // advance until the next unescaped terminator
    }
    const value = this.consumeText()
    if (value === '*') cur.nodes.push({ type: 'wildcard' })
    else cur.nodes.push({ type: 'field', value: value.replace(/\\/g, '') })
  }

  private advance(): boolean {
    const r = this.next()
    if (r === 0x5c) this.next()
    else if (isTerminator(r)) {
      this.backup()
      return false
    }
    return true
  }
}

/** parseAction: parses "{text}" and returns that action's node list. */
function parseAction(text: string): ListNode {
  const root = new Parser(`{${text}}`).parse()
  return root.nodes[0] as ListNode
}

/**
 * Parses a whole template. Throws JsonPathParseError with upstream's message, which kubectl
 * prints as `error parsing jsonpath <template>, <message>`.
 */
export function parseJsonPathNodes(text: string): ListNode {
  return new Parser(text).parse()
}
