// Go's strconv.ParseInt / ParseBool / QuoteRune / CanBackquote, with their exact error texts,
// for flag values (pflag's int and bool values call them; their errors reach the user as
// `invalid argument "x" for "--replicas" flag: strconv.ParseInt: parsing "x": invalid syntax`).
// Mirrors: go/src/strconv/atoi.go (ParseUint, ParseInt, underscoreOK, NumError.Error),
// atob.go (ParseBool) and quote.go (QuoteRune, CanBackquote), Go 1.23 as kubectl 1.32 is built.
// Left out: ParseUint's own entry point and bases other than 0 and 10 (no flag uses them).

import { codePoints, goQuote, isGoPrint } from '../../../api/goValues'

export type ParseIntResult = { ok: true; value: bigint } | { ok: false; error: string }

function numError(fn: string, num: string, err: 'invalid syntax' | 'value out of range'): string {
  return `strconv.${fn}: parsing ${goQuote(num)}: ${err}`
}

/** Go's lower(c) = c | 0x20: ASCII only, unlike toLowerCase (which folds U+212A to "k"). */
function lower(c: string): string {
  return c >= 'A' && c <= 'Z' ? String.fromCharCode(c.charCodeAt(0) + 32) : c
}

/** strconv.underscoreOK: underscores only between digits (or after a base prefix). */
function underscoreOK(str: string): boolean {
  let s = str
  let saw = '^'
  let i = 0
  if (s.length >= 1 && (s[0] === '-' || s[0] === '+')) s = s.slice(1)
  let hex = false
  if (s.length >= 2 && s[0] === '0' && 'box'.includes(lower(s[1]))) {
    i = 2
    saw = '0'
    hex = lower(s[1]) === 'x'
  }
  for (; i < s.length; i++) {
    const c = s[i]
    if ((c >= '0' && c <= '9') || (hex && lower(c) >= 'a' && lower(c) <= 'f')) {
      saw = '0'
      continue
    }
    if (c === '_') {
      if (saw !== '0') return false
      saw = '_'
      continue
    }
    if (saw === '_') return false
    saw = '!'
  }
  return saw !== '_'
}

type UintResult = { value: bigint; err?: 'invalid syntax' | 'value out of range' }

/** strconv.ParseUint, reporting errors the way ParseInt needs them. */
function parseUint(str: string, base0: number, bitSize: number): UintResult {
  if (str === '') return { value: 0n, err: 'invalid syntax' }
  const isBase0 = base0 === 0
  let base = base0
  let s = str
  if (base === 0) {
    base = 10
    if (s[0] === '0') {
      if (s.length >= 3 && lower(s[1]) === 'b') {
        base = 2
        s = s.slice(2)
      } else if (s.length >= 3 && lower(s[1]) === 'o') {
        base = 8
        s = s.slice(2)
      } else if (s.length >= 3 && lower(s[1]) === 'x') {
        base = 16
        s = s.slice(2)
      } else {
        base = 8
        s = s.slice(1)
      }
    }
  }
  const maxUint64 = (1n << 64n) - 1n
  const cutoff = maxUint64 / BigInt(base) + 1n
  const maxVal = (1n << BigInt(bitSize)) - 1n
  let underscores = false
  let n = 0n
  // Go walks the bytes; a non-ASCII character is never a digit, so walking UTF-16 units is the same.
  for (const c of s) {
    let d: number
    if (c === '_' && isBase0) {
      underscores = true
      continue
    } else if (c >= '0' && c <= '9') d = c.charCodeAt(0) - 48
    else if (lower(c) >= 'a' && lower(c) <= 'z') d = lower(c).charCodeAt(0) - 97 + 10
    else return { value: 0n, err: 'invalid syntax' }
    if (d >= base) return { value: 0n, err: 'invalid syntax' }
    if (n >= cutoff) return { value: maxVal, err: 'value out of range' }
    n *= BigInt(base)
    const n1 = n + BigInt(d)
    if (n1 > maxVal) return { value: maxVal, err: 'value out of range' }
    n = n1
  }
  if (underscores && !underscoreOK(str)) return { value: 0n, err: 'invalid syntax' }
  return { value: n }
}

/**
 * strconv.ParseInt(s, base, bitSize) for base 0 (prefixes and underscores) or 10.
 * @example parseGoInt('0x10', 0, 64) // { ok: true, value: 16n }
 */
export function parseGoInt(s: string, base: 0 | 10, bitSize: 32 | 64): ParseIntResult {
  if (s === '') return { ok: false, error: numError('ParseInt', s, 'invalid syntax') }
  let rest = s
  let neg = false
  if (rest[0] === '+') rest = rest.slice(1)
  else if (rest[0] === '-') {
    neg = true
    rest = rest.slice(1)
  }
  const un = parseUint(rest, base, bitSize)
  if (un.err === 'invalid syntax') return { ok: false, error: numError('ParseInt', s, 'invalid syntax') }
  const cutoff = 1n << BigInt(bitSize - 1)
  if (!neg && un.value >= cutoff) return { ok: false, error: numError('ParseInt', s, 'value out of range') }
  if (neg && un.value > cutoff) return { ok: false, error: numError('ParseInt', s, 'value out of range') }
  return { ok: true, value: neg ? -un.value : un.value }
}

/** strconv.ParseBool: 1 t T TRUE true True / 0 f F FALSE false False. */
export function parseGoBool(s: string): { ok: true; value: boolean } | { ok: false; error: string } {
  if (['1', 't', 'T', 'TRUE', 'true', 'True'].includes(s)) return { ok: true, value: true }
  if (['0', 'f', 'F', 'FALSE', 'false', 'False'].includes(s)) return { ok: true, value: false }
  return { ok: false, error: numError('ParseBool', s, 'invalid syntax') }
}

/** strconv.QuoteRune, as fmt's %q prints a byte or rune: 'z', '\'', '\x00'. */
export function quoteGoRune(cp: number): string {
  if (cp === 0x27) return "'\\''"
  if (cp === 0x5c) return "'\\\\'"
  if (isGoPrint(cp)) return `'${String.fromCodePoint(cp)}'`
  const escapes: Record<number, string> = { 7: 'a', 8: 'b', 12: 'f', 10: 'n', 13: 'r', 9: 't', 11: 'v' }
  if (escapes[cp]) return `'\\${escapes[cp]}'`
  if (cp < 0x20 || cp === 0x7f) return `'\\x${cp.toString(16).padStart(2, '0')}'`
  if (cp < 0x10000) return `'\\u${cp.toString(16).padStart(4, '0')}'`
  return `'\\U${cp.toString(16).padStart(8, '0')}'`
}

/** strconv.CanBackquote: no backquote, no control character but tab, no U+FEFF. */
export function canGoBackquote(s: string): boolean {
  return codePoints(s).every((cp) => cp !== 0x60 && cp !== 0xfeff && (cp >= 0x20 || cp === 9) && cp !== 0x7f)
}

/** fmt's %#q: a backquoted raw string when possible, else a double-quoted one. */
export function goSharpQ(s: string): string {
  return canGoBackquote(s) ? `\`${s}\`` : goQuote(s)
}
