// go-yaml v2's scanner, ported: characters to tokens, with its errors and lines.
// Mirrors: go-yaml v2.4 (the sigs.k8s.io/yaml fork kubectl 1.32 links) scannerc.go (tokens,
// simple keys, indentation, tab rules, directives, tags with URI escapes, scalar scanning with
// line folding, chomping and escapes) and yaml.go (fail: a scanner error names the problem
// mark's line + 1, or the context mark's line; none on the first line).
// Left out: encodings other than UTF-8 (a JS string is already decoded), comments (dropped).

export interface Mark {
  index: number
  line: number
  column: number
}

export type TokenType =
  | 'STREAM-START'
  | 'STREAM-END'
  | 'VERSION-DIRECTIVE'
  | 'TAG-DIRECTIVE'
  | 'DOCUMENT-START'
  | 'DOCUMENT-END'
  | 'BLOCK-SEQUENCE-START'
  | 'BLOCK-MAPPING-START'
  | 'BLOCK-END'
  | 'FLOW-SEQUENCE-START'
  | 'FLOW-SEQUENCE-END'
  | 'FLOW-MAPPING-START'
  | 'FLOW-MAPPING-END'
  | 'BLOCK-ENTRY'
  | 'FLOW-ENTRY'
  | 'KEY'
  | 'VALUE'
  | 'ALIAS'
  | 'ANCHOR'
  | 'TAG'
  | 'SCALAR'

export interface Token {
  type: TokenType
  start: Mark
  end: Mark
  /** Anchor/alias name, tag handle, directive handle. */
  value?: string
  /** Tag suffix. */
  suffix?: string
  /** A scalar's decoded value and style. */
  scalar?: string
  style?: ScalarStyle
}

export type ScalarStyle = 'plain' | 'single' | 'double' | 'literal' | 'folded'

/** The one-character escapes of a double-quoted scalar (YAML 1.1 has `\'` too). */
const ESCAPES: Record<string, string> = {
  '0': '\0',
  a: '\x07',
  b: '\b',
  t: '\t',
  '\t': '\t',
  n: '\n',
  v: '\v',
  f: '\f',
  r: '\r',
  e: '\x1b',
  ' ': ' ',
  '"': '"',
  "'": "'",
  '\\': '\\',
  N: '\u0085',
  _: '\u00a0',
  L: '\u2028',
  P: '\u2029',
}

interface SimpleKey {
  possible: boolean
  required: boolean
  tokenNumber: number
  mark: Mark
}

/** A go-yaml error, with the text `yaml: ` + what yaml.go's fail() prints. */
export class GoYamlError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'GoYamlError'
  }
}

const MAX_FLOW_LEVEL = 10000
const MAX_INDENTS = 10000

const isBreakChar = (c: string): boolean => c === '\r' || c === '\n' || c === '\u0085' || c === '\u2028' || c === '\u2029'
const isBlankChar = (c: string): boolean => c === ' ' || c === '\t'
const isAlphaChar = (c: string): boolean => /^[0-9A-Za-z_-]$/.test(c)
const isHexChar = (c: string): boolean => /^[0-9A-Fa-f]$/.test(c)
const URI_CHARS = ";/?:@&=+$,.!~*'()[]%"

/** The character a complete UTF-8 sequence encodes (go-yaml checked the lead and trail bytes). */
function decodeUtf8Octets(b: readonly number[]): string {
  if (b.length === 1) return String.fromCharCode(b[0])
  let cp = b[0] & (b.length === 2 ? 0x1f : b.length === 3 ? 0x0f : 0x07)
  for (let i = 1; i < b.length; i++) cp = (cp << 6) | (b[i] & 0x3f)
  return cp <= 0x10ffff && !(cp >= 0xd800 && cp <= 0xdfff) ? String.fromCodePoint(cp) : '\ufffd'
}

export class Scanner {
  private pos = 0
  readonly mark: Mark = { index: 0, line: 0, column: 0 }
  private tokens: Token[] = []
  private head = 0
  tokensParsed = 0
  private tokenAvailable = false
  private streamStartProduced = false
  private streamEndProduced = false
  private indent = -1
  private indents: number[] = []
  private simpleKeyAllowed = false
  private simpleKeys: SimpleKey[] = []
  private simpleKeysByTok = new Map<number, number>()
  flowLevel = 0

  constructor(private readonly src: string) {}

  // ---- characters ----

  private at(k = 0): string {
    const i = this.pos + k
    return i < this.src.length ? this.src[i] : '\0'
  }

  private isZ(k = 0): boolean {
    return this.pos + k >= this.src.length
  }

  private isBreak(k = 0): boolean {
    return !this.isZ(k) && isBreakChar(this.at(k))
  }

  private isBlank(k = 0): boolean {
    return !this.isZ(k) && isBlankChar(this.at(k))
  }

  private isBlankz(k = 0): boolean {
    return this.isZ(k) || isBlankChar(this.at(k)) || isBreakChar(this.at(k))
  }

  private isBreakz(k = 0): boolean {
    return this.isZ(k) || isBreakChar(this.at(k))
  }

  private skip(): void {
    const code = this.src.charCodeAt(this.pos)
    // One character of go-yaml is one code point; a surrogate pair moves by two units.
    this.pos += code >= 0xd800 && code <= 0xdbff && this.pos + 1 < this.src.length ? 2 : 1
    this.mark.index++
    this.mark.column++
  }

  private skipLine(): void {
    if (this.at() === '\r' && this.at(1) === '\n') {
      this.pos += 2
      this.mark.index += 2
    } else if (this.isBreak()) {
      this.pos += 1
      this.mark.index += 1
    } else return
    this.mark.column = 0
    this.mark.line++
  }

  /** read(): consume one character and return it. */
  private read(): string {
    const ch = String.fromCodePoint(this.src.codePointAt(this.pos) as number)
    this.skip()
    return ch
  }

  /** read_line(): consume a line break, returned as `\n` (CR LF, CR, NEL) or itself (LS, PS). */
  private readLine(): string {
    const c = this.at()
    if (!this.isBreak()) return ''
    this.skipLine()
    return c === '\u2028' || c === '\u2029' ? c : '\n'
  }

  private copyMark(): Mark {
    return { ...this.mark }
  }

  // ---- errors ----

  private scannerError(context: string, contextMark: Mark, problem: string): never {
    void context
    void contextMark
    // yaml.go fail(): scanner errors report problem_mark.line + 1; line 0 prints no line.
    const line = this.mark.line !== 0 ? this.mark.line + 1 : contextMark.line
    throw new GoYamlError(line !== 0 ? `yaml: line ${line}: ${problem}` : `yaml: ${problem}`)
  }

  // ---- token queue ----

  private insertToken(pos: number, token: Token): void {
    if (pos < 0) this.tokens.push(token)
    else this.tokens.splice(this.head + pos, 0, token)
  }

  /** peek_token. */
  peek(): Token {
    if (!this.tokenAvailable) this.fetchMoreTokens()
    return this.tokens[this.head]
  }

  /** skip_token. */
  skipToken(): void {
    this.tokenAvailable = false
    this.tokensParsed++
    this.streamEndProduced = this.tokens[this.head].type === 'STREAM-END'
    this.head++
  }

  private fetchMoreTokens(): void {
    for (;;) {
      if (this.head !== this.tokens.length) {
        const idx = this.simpleKeysByTok.get(this.tokensParsed)
        if (idx === undefined) break
        if (!this.simpleKeyIsValid(this.simpleKeys[idx])) break
      }
      this.fetchNextToken()
    }
    this.tokenAvailable = true
  }

  private simpleKeyIsValid(key: SimpleKey): boolean {
    if (!key.possible) return false
    if (key.mark.line < this.mark.line || key.mark.index + 1024 < this.mark.index) {
      if (key.required) this.scannerError('while scanning a simple key', key.mark, "could not find expected ':'")
      key.possible = false
      return false
    }
    return true
  }

  private fetchNextToken(): void {
    if (this.streamEndProduced) return
    if (!this.streamStartProduced) {
      this.indent = -1
      this.simpleKeyAllowed = true
      this.simpleKeys.push({ possible: false, required: false, tokenNumber: 0, mark: this.copyMark() })
      this.streamStartProduced = true
      this.insertToken(-1, { type: 'STREAM-START', start: this.copyMark(), end: this.copyMark() })
      return
    }
    this.scanToNextToken()
    this.unrollIndent(this.mark.column)

    if (this.isZ()) return this.fetchStreamEnd()
    const c = this.at()
    if (this.mark.column === 0 && c === '%') return this.fetchDirective()
    if (this.mark.column === 0 && c === '-' && this.at(1) === '-' && this.at(2) === '-' && this.isBlankz(3)) return this.fetchDocumentIndicator('DOCUMENT-START')
    if (this.mark.column === 0 && c === '.' && this.at(1) === '.' && this.at(2) === '.' && this.isBlankz(3)) return this.fetchDocumentIndicator('DOCUMENT-END')
    if (c === '[') return this.fetchFlowCollectionStart('FLOW-SEQUENCE-START')
    if (c === '{') return this.fetchFlowCollectionStart('FLOW-MAPPING-START')
    if (c === ']') return this.fetchFlowCollectionEnd('FLOW-SEQUENCE-END')
    if (c === '}') return this.fetchFlowCollectionEnd('FLOW-MAPPING-END')
    if (c === ',') return this.fetchFlowEntry()
    if (c === '-' && this.isBlankz(1)) return this.fetchBlockEntry()
    if (c === '?' && (this.flowLevel > 0 || this.isBlankz(1))) return this.fetchKey()
    if (c === ':' && (this.flowLevel > 0 || this.isBlankz(1))) return this.fetchValue()
    if (c === '*') return this.fetchAnchor('ALIAS')
    if (c === '&') return this.fetchAnchor('ANCHOR')
    if (c === '!') return this.fetchTag()
    if (c === '|' && this.flowLevel === 0) return this.fetchBlockScalar()
    if (c === '>' && this.flowLevel === 0) return this.fetchBlockScalar()
    if (c === "'") return this.fetchFlowScalar(true)
    if (c === '"') return this.fetchFlowScalar(false)
    const indicators = '-?:,[]{}#&*!|>\'"%@`'
    if (
      !(this.isBlankz() || indicators.includes(c)) ||
      (c === '-' && !this.isBlank(1)) ||
      (this.flowLevel === 0 && (c === '?' || c === ':') && !this.isBlankz(1))
    ) {
      return this.fetchPlainScalar()
    }
    this.scannerError('while scanning for the next token', this.copyMark(), 'found character that cannot start any token')
  }

  private scanToNextToken(): void {
    for (;;) {
      // Allow the BOM.
      if (this.mark.column === 0 && this.at() === '\ufeff') this.skip()
      // Tabs are eaten only in flow context or where no simple key may start (after a simple key's ':').
      while (this.at() === ' ' || ((this.flowLevel > 0 || !this.simpleKeyAllowed) && this.at() === '\t')) this.skip()
      if (this.at() === '#' && !this.isZ()) while (!this.isBreakz()) this.skip()
      if (this.isBreak()) {
        this.skipLine()
        if (this.flowLevel === 0) this.simpleKeyAllowed = true
      } else break
    }
  }

  private fetchStreamEnd(): void {
    if (this.mark.column !== 0) {
      this.mark.column = 0
      this.mark.line++
    }
    this.unrollIndent(-1)
    this.removeSimpleKey()
    this.simpleKeyAllowed = false
    this.insertToken(-1, { type: 'STREAM-END', start: this.copyMark(), end: this.copyMark() })
  }

  private fetchDirective(): void {
    this.unrollIndent(-1)
    this.removeSimpleKey()
    this.simpleKeyAllowed = false
    this.insertToken(-1, this.scanDirective())
  }

  private fetchDocumentIndicator(type: 'DOCUMENT-START' | 'DOCUMENT-END'): void {
    this.unrollIndent(-1)
    this.removeSimpleKey()
    this.simpleKeyAllowed = false
    const start = this.copyMark()
    this.skip()
    this.skip()
    this.skip()
    this.insertToken(-1, { type, start, end: this.copyMark() })
  }

  private fetchFlowCollectionStart(type: 'FLOW-SEQUENCE-START' | 'FLOW-MAPPING-START'): void {
    this.saveSimpleKey()
    this.simpleKeys.push({ possible: false, required: false, tokenNumber: 0, mark: this.copyMark() })
    this.flowLevel++
    if (this.flowLevel > MAX_FLOW_LEVEL) this.scannerError('while increasing flow level', this.copyMark(), `exceeded max depth of ${MAX_FLOW_LEVEL}`)
    this.simpleKeyAllowed = true
    const start = this.copyMark()
    this.skip()
    this.insertToken(-1, { type, start, end: this.copyMark() })
  }

  private fetchFlowCollectionEnd(type: 'FLOW-SEQUENCE-END' | 'FLOW-MAPPING-END'): void {
    this.removeSimpleKey()
    if (this.flowLevel > 0) {
      this.flowLevel--
      const last = this.simpleKeys.pop() as SimpleKey
      this.simpleKeysByTok.delete(last.tokenNumber)
    }
    this.simpleKeyAllowed = false
    const start = this.copyMark()
    this.skip()
    this.insertToken(-1, { type, start, end: this.copyMark() })
  }

  private fetchFlowEntry(): void {
    this.removeSimpleKey()
    this.simpleKeyAllowed = true
    const start = this.copyMark()
    this.skip()
    this.insertToken(-1, { type: 'FLOW-ENTRY', start, end: this.copyMark() })
  }

  private fetchBlockEntry(): void {
    if (this.flowLevel === 0) {
      if (!this.simpleKeyAllowed) this.scannerError('', this.copyMark(), 'block sequence entries are not allowed in this context')
      this.rollIndent(this.mark.column, -1, 'BLOCK-SEQUENCE-START', this.copyMark())
    }
    this.removeSimpleKey()
    this.simpleKeyAllowed = true
    const start = this.copyMark()
    this.skip()
    this.insertToken(-1, { type: 'BLOCK-ENTRY', start, end: this.copyMark() })
  }

  private fetchKey(): void {
    if (this.flowLevel === 0) {
      if (!this.simpleKeyAllowed) this.scannerError('', this.copyMark(), 'mapping keys are not allowed in this context')
      this.rollIndent(this.mark.column, -1, 'BLOCK-MAPPING-START', this.copyMark())
    }
    this.removeSimpleKey()
    this.simpleKeyAllowed = this.flowLevel === 0
    const start = this.copyMark()
    this.skip()
    this.insertToken(-1, { type: 'KEY', start, end: this.copyMark() })
  }

  private fetchValue(): void {
    const key = this.simpleKeys[this.simpleKeys.length - 1]
    if (this.simpleKeyIsValid(key)) {
      this.insertToken(key.tokenNumber - this.tokensParsed, { type: 'KEY', start: { ...key.mark }, end: { ...key.mark } })
      this.rollIndent(key.mark.column, key.tokenNumber, 'BLOCK-MAPPING-START', { ...key.mark })
      key.possible = false
      this.simpleKeysByTok.delete(key.tokenNumber)
      this.simpleKeyAllowed = false
    } else {
      if (this.flowLevel === 0) {
        if (!this.simpleKeyAllowed) this.scannerError('', this.copyMark(), 'mapping values are not allowed in this context')
        this.rollIndent(this.mark.column, -1, 'BLOCK-MAPPING-START', this.copyMark())
      }
      this.simpleKeyAllowed = this.flowLevel === 0
    }
    const start = this.copyMark()
    this.skip()
    this.insertToken(-1, { type: 'VALUE', start, end: this.copyMark() })
  }

  private fetchAnchor(type: 'ALIAS' | 'ANCHOR'): void {
    this.saveSimpleKey()
    this.simpleKeyAllowed = false
    const start = this.copyMark()
    this.skip()
    let name = ''
    while (!this.isZ() && isAlphaChar(this.at())) {
      name += this.at()
      this.skip()
    }
    const end = this.copyMark()
    const c = this.at()
    if (name.length === 0 || !(this.isBlankz() || '?:,]}%@`'.includes(c))) {
      this.scannerError(type === 'ANCHOR' ? 'while scanning an anchor' : 'while scanning an alias', start, 'did not find expected alphabetic or numeric character')
    }
    this.insertToken(-1, { type, start, end, value: name })
  }

  private fetchTag(): void {
    this.saveSimpleKey()
    this.simpleKeyAllowed = false
    this.insertToken(-1, this.scanTag())
  }

  private fetchBlockScalar(): void {
    this.removeSimpleKey()
    this.simpleKeyAllowed = true
    this.insertToken(-1, this.scanBlockScalar())
  }

  private fetchFlowScalar(single: boolean): void {
    this.saveSimpleKey()
    this.simpleKeyAllowed = false
    this.insertToken(-1, this.scanFlowScalar(single))
  }

  private fetchPlainScalar(): void {
    this.saveSimpleKey()
    this.simpleKeyAllowed = false
    this.insertToken(-1, this.scanPlainScalar())
  }

  // ---- simple keys and indentation ----

  private saveSimpleKey(): void {
    const required = this.flowLevel === 0 && this.indent === this.mark.column
    if (this.simpleKeyAllowed) {
      const key: SimpleKey = { possible: true, required, tokenNumber: this.tokensParsed + (this.tokens.length - this.head), mark: this.copyMark() }
      this.removeSimpleKey()
      this.simpleKeys[this.simpleKeys.length - 1] = key
      this.simpleKeysByTok.set(key.tokenNumber, this.simpleKeys.length - 1)
    }
  }

  private removeSimpleKey(): void {
    const key = this.simpleKeys[this.simpleKeys.length - 1]
    if (key.possible) {
      if (key.required) this.scannerError('while scanning a simple key', key.mark, "could not find expected ':'")
      key.possible = false
      this.simpleKeysByTok.delete(key.tokenNumber)
    }
  }

  private rollIndent(column: number, number: number, type: TokenType, mark: Mark): void {
    if (this.flowLevel > 0) return
    if (this.indent < column) {
      this.indents.push(this.indent)
      this.indent = column
      if (this.indents.length > MAX_INDENTS) {
        this.scannerError('while increasing indent level', this.simpleKeys[this.simpleKeys.length - 1].mark, `exceeded max depth of ${MAX_INDENTS}`)
      }
      this.insertToken(number > -1 ? number - this.tokensParsed : number, { type, start: mark, end: mark })
    }
  }

  private unrollIndent(column: number): void {
    if (this.flowLevel > 0) return
    while (this.indent > column) {
      this.insertToken(-1, { type: 'BLOCK-END', start: this.copyMark(), end: this.copyMark() })
      this.indent = this.indents.pop() as number
    }
  }

  // ---- directives and tags ----

  private scanDirective(): Token {
    const start = this.copyMark()
    this.skip()
    let name = ''
    while (!this.isZ() && isAlphaChar(this.at())) {
      name += this.at()
      this.skip()
    }
    if (name.length === 0) this.scannerError('while scanning a directive', start, 'could not find expected directive name')
    if (!this.isBlankz()) this.scannerError('while scanning a directive', start, 'found unexpected non-alphabetical character')
    let token: Token
    if (name === 'YAML') {
      while (this.isBlank()) this.skip()
      const major = this.scanVersionNumber(start)
      if (this.at() !== '.') this.scannerError('while scanning a %YAML directive', start, "did not find expected digit or '.' character")
      this.skip()
      const minor = this.scanVersionNumber(start)
      token = { type: 'VERSION-DIRECTIVE', start, end: this.copyMark(), value: `${major}.${minor}` }
    } else if (name === 'TAG') {
      while (this.isBlank()) this.skip()
      const handle = this.scanTagHandle(true, start)
      if (!this.isBlank()) this.scannerError('while scanning a %TAG directive', start, 'did not find expected whitespace')
      while (this.isBlank()) this.skip()
      const prefix = this.scanTagUri(true, '', start)
      if (!this.isBlankz()) this.scannerError('while scanning a %TAG directive', start, 'did not find expected whitespace or line break')
      token = { type: 'TAG-DIRECTIVE', start, end: this.copyMark(), value: handle, suffix: prefix }
    } else {
      this.scannerError('while scanning a directive', start, 'found unknown directive name')
    }
    while (this.isBlank()) this.skip()
    if (this.at() === '#' && !this.isZ()) while (!this.isBreakz()) this.skip()
    if (!this.isBreakz()) this.scannerError('while scanning a directive', start, 'did not find expected comment or line break')
    if (this.isBreak()) this.skipLine()
    return token
  }

  private scanVersionNumber(start: Mark): number {
    let value = 0
    let length = 0
    while (!this.isZ() && /^[0-9]$/.test(this.at())) {
      length++
      if (length > 9) this.scannerError('while scanning a %YAML directive', start, 'found extremely long version number')
      value = value * 10 + Number(this.at())
      this.skip()
    }
    if (length === 0) this.scannerError('while scanning a %YAML directive', start, 'did not find expected version number')
    return value
  }

  private tagError(directive: boolean, start: Mark, problem: string): never {
    this.scannerError(directive ? 'while parsing a %TAG directive' : 'while parsing a tag', start, problem)
  }

  private scanTagHandle(directive: boolean, start: Mark): string {
    if (this.at() !== '!') this.tagError(directive, start, "did not find expected '!'")
    let s = '!'
    this.skip()
    while (!this.isZ() && isAlphaChar(this.at())) {
      s += this.at()
      this.skip()
    }
    if (this.at() === '!') {
      s += '!'
      this.skip()
    } else if (directive && s !== '!') this.tagError(directive, start, "did not find expected '!'")
    return s
  }

  private scanTagUri(directive: boolean, head: string, start: Mark): string {
    let s = head.length > 1 ? head.slice(1) : ''
    let hasTag = head.length > 0
    while (!this.isZ() && (isAlphaChar(this.at()) || URI_CHARS.includes(this.at()))) {
      if (this.at() === '%') {
        // URI escapes: %XX octets forming one UTF-8 character, kept decoded.
        let width = 0
        const octets: number[] = []
        do {
          if (!(this.at() === '%' && isHexChar(this.at(1)) && isHexChar(this.at(2)))) this.tagError(directive, start, 'did not find URI escaped octet')
          const octet = parseInt(this.at(1) + this.at(2), 16)
          if (width === 0) {
            width = (octet & 0x80) === 0 ? 1 : (octet & 0xe0) === 0xc0 ? 2 : (octet & 0xf0) === 0xe0 ? 3 : (octet & 0xf8) === 0xf0 ? 4 : 0
            if (width === 0) this.tagError(directive, start, 'found an incorrect leading UTF-8 octet')
          } else if ((octet & 0xc0) !== 0x80) this.tagError(directive, start, 'found an incorrect trailing UTF-8 octet')
          octets.push(octet)
          this.skip()
          this.skip()
          this.skip()
          width--
        } while (width > 0)
        s += decodeUtf8Octets(octets)
      } else {
        s += this.at()
        this.skip()
      }
      hasTag = true
    }
    if (!hasTag) this.tagError(directive, start, 'did not find expected tag URI')
    return s
  }

  private scanTag(): Token {
    const start = this.copyMark()
    let handle: string
    let suffix: string
    if (this.at(1) === '<') {
      handle = ''
      this.skip()
      this.skip()
      suffix = this.scanTagUri(false, '', start)
      if (this.at() !== '>') this.scannerError('while scanning a tag', start, "did not find the expected '>'")
      this.skip()
    } else {
      handle = this.scanTagHandle(false, start)
      if (handle[0] === '!' && handle.length > 1 && handle[handle.length - 1] === '!') {
        suffix = this.scanTagUri(false, '', start)
      } else {
        suffix = this.scanTagUri(false, handle, start)
        handle = '!'
        if (suffix.length === 0) {
          suffix = handle
          handle = ''
        }
      }
    }
    if (!this.isBlankz()) this.scannerError('while scanning a tag', start, 'did not find expected whitespace or line break')
    return { type: 'TAG', start, end: this.copyMark(), value: handle, suffix }
  }

  // ---- scalars ----

  private scanBlockScalar(): Token {
    const start = this.copyMark()
    const literal = this.at() === '|'
    this.skip()
    let chomping = 0
    let increment = 0
    if (this.at() === '+' || this.at() === '-') {
      chomping = this.at() === '+' ? 1 : -1
      this.skip()
      if (/^[0-9]$/.test(this.at())) {
        if (this.at() === '0') this.scannerError('while scanning a block scalar', start, 'found an indentation indicator equal to 0')
        increment = Number(this.at())
        this.skip()
      }
    } else if (/^[0-9]$/.test(this.at()) && !this.isZ()) {
      if (this.at() === '0') this.scannerError('while scanning a block scalar', start, 'found an indentation indicator equal to 0')
      increment = Number(this.at())
      this.skip()
      if (this.at() === '+' || this.at() === '-') {
        chomping = this.at() === '+' ? 1 : -1
        this.skip()
      }
    }
    while (this.isBlank()) this.skip()
    if (this.at() === '#' && !this.isZ()) while (!this.isBreakz()) this.skip()
    if (!this.isBreakz()) this.scannerError('while scanning a block scalar', start, 'did not find expected comment or line break')
    if (this.isBreak()) this.skipLine()
    let indent = 0
    if (increment > 0) indent = this.indent >= 0 ? this.indent + increment : increment
    let s = ''
    let leadingBreak = ''
    let r = this.scanBlockScalarBreaks(indent, start)
    indent = r.indent
    let trailingBreaks = r.breaks
    let leadingBlank = false
    while (this.mark.column === indent && !this.isZ()) {
      // At the start of a non-empty line: fold the previous break unless this line or the
      // previous one starts with a blank (more-indented lines keep their breaks).
      const trailingBlank = this.isBlank()
      if (!literal && !leadingBlank && !trailingBlank && leadingBreak.length > 0 && leadingBreak[0] === '\n') {
        if (trailingBreaks.length === 0) s += ' '
      } else s += leadingBreak
      leadingBreak = ''
      s += trailingBreaks
      trailingBreaks = ''
      leadingBlank = this.isBlank()
      while (!this.isBreakz()) s += this.read()
      leadingBreak = this.readLine()
      r = this.scanBlockScalarBreaks(indent, start)
      indent = r.indent
      trailingBreaks = r.breaks
    }
    if (chomping !== -1) s += leadingBreak
    if (chomping === 1) s += trailingBreaks
    return { type: 'SCALAR', start, end: this.copyMark(), scalar: s, style: literal ? 'literal' : 'folded' }
  }

  private scanBlockScalarBreaks(indent0: number, start: Mark): { indent: number; breaks: string } {
    let indent = indent0
    let maxIndent = 0
    let breaks = ''
    for (;;) {
      while ((indent === 0 || this.mark.column < indent) && this.at() === ' ' && !this.isZ()) this.skip()
      if (this.mark.column > maxIndent) maxIndent = this.mark.column
      if ((indent === 0 || this.mark.column < indent) && this.at() === '\t' && !this.isZ()) {
        this.scannerError('while scanning a block scalar', start, 'found a tab character where an indentation space is expected')
      }
      if (!this.isBreak()) break
      breaks += this.readLine()
    }
    if (indent === 0) {
      indent = maxIndent
      if (indent < this.indent + 1) indent = this.indent + 1
      if (indent < 1) indent = 1
    }
    return { indent, breaks }
  }

  private isDocumentIndicator(): boolean {
    return (
      this.mark.column === 0 &&
      ((this.at() === '-' && this.at(1) === '-' && this.at(2) === '-') || (this.at() === '.' && this.at(1) === '.' && this.at(2) === '.')) &&
      this.isBlankz(3)
    )
  }

  private scanFlowScalar(single: boolean): Token {
    const start = this.copyMark()
    this.skip()
    let s = ''
    let leadingBreak = ''
    let trailingBreaks = ''
    let whitespaces = ''
    for (;;) {
      if (this.isDocumentIndicator()) this.scannerError('while scanning a quoted scalar', start, 'found unexpected document indicator')
      if (this.isZ()) this.scannerError('while scanning a quoted scalar', start, 'found unexpected end of stream')
      let leadingBlanks = false
      while (!this.isBlankz()) {
        const c = this.at()
        if (single && c === "'" && this.at(1) === "'") {
          s += "'"
          this.skip()
          this.skip()
        } else if (single && c === "'") break
        else if (!single && c === '"') break
        else if (!single && c === '\\' && this.isBreak(1)) {
          this.skip()
          this.skipLine()
          leadingBlanks = true
          break
        } else if (!single && c === '\\') {
          let codeLength = 0
          const e = this.isZ(1) ? '' : this.at(1)
          const simple = ESCAPES[e]
          if (simple !== undefined) s += simple
          else if (e === 'x') codeLength = 2
          else if (e === 'u') codeLength = 4
          else if (e === 'U') codeLength = 8
          else this.scannerError('while parsing a quoted scalar', start, 'found unknown escape character')
          this.skip()
          this.skip()
          if (codeLength > 0) {
            let value = 0
            for (let k = 0; k < codeLength; k++) {
              if (this.isZ(k) || !isHexChar(this.at(k))) this.scannerError('while parsing a quoted scalar', start, 'did not find expected hexdecimal number')
              value = value * 16 + parseInt(this.at(k), 16)
            }
            if ((value >= 0xd800 && value <= 0xdfff) || value > 0x10ffff) {
              this.scannerError('while parsing a quoted scalar', start, 'found invalid Unicode character escape code')
            }
            s += String.fromCodePoint(value)
            for (let k = 0; k < codeLength; k++) this.skip()
          }
        } else s += this.read()
      }
      if (single ? this.at() === "'" && !this.isZ() : this.at() === '"' && !this.isZ()) break
      while (this.isBlank() || this.isBreak()) {
        if (this.isBlank()) {
          if (!leadingBlanks) whitespaces += this.read()
          else this.skip()
        } else if (!leadingBlanks) {
          whitespaces = ''
          leadingBreak = this.readLine()
          leadingBlanks = true
        } else trailingBreaks += this.readLine()
      }
      // Join the whitespace, or fold the line breaks: one break is a space, more keep all but one.
      if (leadingBlanks) {
        if (leadingBreak.length > 0 && leadingBreak[0] === '\n') s += trailingBreaks.length === 0 ? ' ' : trailingBreaks
        else s += leadingBreak + trailingBreaks
        trailingBreaks = ''
        leadingBreak = ''
      } else {
        s += whitespaces
        whitespaces = ''
      }
    }
    this.skip()
    return { type: 'SCALAR', start, end: this.copyMark(), scalar: s, style: single ? 'single' : 'double' }
  }

  private scanPlainScalar(): Token {
    const indent = this.indent + 1
    const start = this.copyMark()
    let end = this.copyMark()
    let s = ''
    let leadingBreak = ''
    let trailingBreaks = ''
    let whitespaces = ''
    let leadingBlanks = false
    for (;;) {
      if (this.isDocumentIndicator()) break
      if (this.at() === '#' && !this.isZ()) break
      while (!this.isBlankz()) {
        const c = this.at()
        if ((c === ':' && this.isBlankz(1)) || (this.flowLevel > 0 && ',?[]{}'.includes(c))) break
        if (leadingBlanks || whitespaces.length > 0) {
          if (leadingBlanks) {
            if (leadingBreak[0] === '\n') s += trailingBreaks.length === 0 ? ' ' : trailingBreaks
            else s += leadingBreak + trailingBreaks
            trailingBreaks = ''
            leadingBreak = ''
            leadingBlanks = false
          } else {
            s += whitespaces
            whitespaces = ''
          }
        }
        s += this.read()
        end = this.copyMark()
      }
      if (!(this.isBlank() || this.isBreak())) break
      while (this.isBlank() || this.isBreak()) {
        if (this.isBlank()) {
          if (leadingBlanks && this.mark.column < indent && this.at() === '\t') {
            this.scannerError('while scanning a plain scalar', start, 'found a tab character that violates indentation')
          }
          if (!leadingBlanks) whitespaces += this.read()
          else this.skip()
        } else if (!leadingBlanks) {
          whitespaces = ''
          leadingBreak = this.readLine()
          leadingBlanks = true
        } else trailingBreaks += this.readLine()
      }
      if (this.flowLevel === 0 && this.mark.column < indent) break
    }
    if (leadingBlanks) this.simpleKeyAllowed = true
    return { type: 'SCALAR', start, end, scalar: s, style: 'plain' }
  }
}
