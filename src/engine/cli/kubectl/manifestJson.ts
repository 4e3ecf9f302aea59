// The JSON side of kubectl's YAMLOrJSONDecoder: a stream of JSON values (`{...} {...}`) read
// one at a time as Go's encoding/json Decoder does, with its syntax errors worded and placed as
// kubectl prints them (`json: offset 36: invalid character '"' after object key:value pair`).
// Mirrors: Go encoding/json scanner.go (the state machine and its error contexts, quoteChar),
// stream.go (Decoder.readValue: offsets counted in bytes from the start of the stream, an
// unfinished value is `unexpected EOF`) and apimachinery util/yaml's JSONSyntaxError.
// Left out: number range errors at decode time (1e400), invalid UTF-8 (JS strings are UTF-16).

import { goQuote } from '../../api/validation/field'

export type JsonValueResult = { kind: 'value'; raw: string; value: unknown } | { kind: 'eof' } | { kind: 'error'; error: string }

const WS = new Set([' ', '\t', '\r', '\n'])

/** quoteChar: how the scanner names the offending byte (the first byte of a multi-byte
 *  character, read as the rune of that value, then strconv.Quote'd between single quotes). */
function quoteChar(c: string): string {
  if (c === "'") return "'\\''"
  if (c === '"') return `'"'`
  const cp = c.codePointAt(0) as number
  const firstByte = cp < 0x80 ? cp : cp < 0x800 ? 0xc0 | (cp >> 6) : cp < 0x10000 ? 0xe0 | (cp >> 12) : 0xf0 | (cp >> 18)
  const q = goQuote(String.fromCharCode(firstByte))
  return `'${q.slice(1, -1)}'`
}

function utf8Len(s: string): number {
  let n = 0
  for (const ch of s) {
    const cp = ch.codePointAt(0) as number
    n += cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4
  }
  return n
}

class SyntaxErr extends Error {
  constructor(
    message: string,
    readonly index: number,
  ) {
    super(message)
  }
}
class UnexpectedEOF extends Error {}

/** Reads consecutive JSON values from `src`, like a json.Decoder over the whole file. */
export class JsonStream {
  private pos = 0

  constructor(private readonly src: string) {}

  private err(i: number, context: string): never {
    throw new SyntaxErr(`invalid character ${quoteChar(String.fromCodePoint(this.src.codePointAt(i) as number))} ${context}`, i)
  }

  private skipWs(): void {
    while (this.pos < this.src.length && WS.has(this.src[this.pos])) this.pos++
  }

  /** The next value, `eof` at the end of the stream, or kubectl's error text. */
  next(): JsonValueResult {
    this.skipWs()
    if (this.pos >= this.src.length) return { kind: 'eof' }
    const start = this.pos
    try {
      this.value('looking for beginning of value')
    } catch (e) {
      if (e instanceof UnexpectedEOF) return { kind: 'error', error: 'unexpected EOF' }
      if (e instanceof SyntaxErr) {
        // SyntaxError.Offset: bytes read from the start of the stream, the bad one included.
        const offset = utf8Len(this.src.slice(0, e.index)) + 1
        return { kind: 'error', error: `json: offset ${offset}: ${e.message}` }
      }
      throw e
    }
    const raw = this.src.slice(start, this.pos)
    return { kind: 'value', raw, value: JSON.parse(raw) }
  }

  private peekChar(): string {
    if (this.pos >= this.src.length) throw new UnexpectedEOF()
    return this.src[this.pos]
  }

  private value(context: string): void {
    this.skipWs()
    const c = this.peekChar()
    if (c === '{') return this.object()
    if (c === '[') return this.array()
    if (c === '"') return this.string()
    if (c === '-' || (c >= '0' && c <= '9')) return this.number()
    if (c === 't') return this.literal('true')
    if (c === 'f') return this.literal('false')
    if (c === 'n') return this.literal('null')
    this.err(this.pos, context)
  }

  private object(): void {
    this.pos++
    this.skipWs()
    if (this.peekChar() === '}') {
      this.pos++
      return
    }
    for (;;) {
      this.skipWs()
      if (this.peekChar() !== '"') this.err(this.pos, 'looking for beginning of object key string')
      this.string()
      this.skipWs()
      if (this.peekChar() !== ':') this.err(this.pos, 'after object key')
      this.pos++
      this.value('looking for beginning of value')
      this.skipWs()
      const c = this.peekChar()
      if (c === ',') {
        this.pos++
        continue
      }
      if (c === '}') {
        this.pos++
        return
      }
      this.err(this.pos, 'after object key:value pair')
    }
  }

  private array(): void {
    this.pos++
    this.skipWs()
    if (this.peekChar() === ']') {
      this.pos++
      return
    }
    for (;;) {
      this.value('looking for beginning of value')
      this.skipWs()
      const c = this.peekChar()
      if (c === ',') {
        this.pos++
        continue
      }
      if (c === ']') {
        this.pos++
        return
      }
      this.err(this.pos, 'after array element')
    }
  }

  private string(): void {
    this.pos++
    for (;;) {
      const c = this.peekChar()
      if (c === '"') {
        this.pos++
        return
      }
      if (c === '\\') {
        this.pos++
        const e = this.peekChar()
        if ('"\\/bfnrt'.includes(e)) {
          this.pos++
          continue
        }
        if (e === 'u') {
          this.pos++
          for (let k = 0; k < 4; k++) {
            const h = this.peekChar()
            if (!/^[0-9a-fA-F]$/.test(h)) this.err(this.pos, 'in \\u hexadecimal character escape')
            this.pos++
          }
          continue
        }
        this.err(this.pos, 'in string escape code')
      }
      if (c < ' ') this.err(this.pos, 'in string literal')
      this.pos++
    }
  }

  private number(): void {
    const isDigit = (c: string) => c >= '0' && c <= '9'
    if (this.src[this.pos] === '-') {
      this.pos++
      const c = this.peekChar()
      if (!isDigit(c)) this.err(this.pos, 'in numeric literal')
    }
    if (this.src[this.pos] === '0') this.pos++
    else while (this.pos < this.src.length && isDigit(this.src[this.pos])) this.pos++
    if (this.pos < this.src.length && this.src[this.pos] === '.') {
      this.pos++
      if (!isDigit(this.peekChar())) this.err(this.pos, 'after decimal point in numeric literal')
      while (this.pos < this.src.length && isDigit(this.src[this.pos])) this.pos++
    }
    if (this.pos < this.src.length && (this.src[this.pos] === 'e' || this.src[this.pos] === 'E')) {
      this.pos++
      let c = this.peekChar()
      if (c === '+' || c === '-') {
        this.pos++
        c = this.peekChar()
      }
      if (!isDigit(c)) this.err(this.pos, 'in exponent of numeric literal')
      while (this.pos < this.src.length && isDigit(this.src[this.pos])) this.pos++
    }
    // A number ends at the first byte that cannot continue it. Inside a container the caller
    // judges that byte; at the top level Go's Decoder ends the value there and the next call
    // starts at it, so `{} 5x` fails at 'x' "looking for beginning of value".
  }

  private literal(word: string): void {
    for (let k = 0; k < word.length; k++) {
      const c = this.peekChar()
      if (c !== word[k]) this.err(this.pos, `in literal ${word} (expecting ${quoteChar(word[k])})`)
      this.pos++
    }
  }
}
