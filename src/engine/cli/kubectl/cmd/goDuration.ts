// Go's time.ParseDuration, with its exact error texts ("time: missing unit in duration \"5\"").
// pflag's duration flags (--since, --timeout, --pod-running-timeout) call it; kubectl prints its
// error inside `invalid argument "5" for "--since" flag: ...`.
// Mirrors: go/src/time/format.go (ParseDuration, leadingInt, leadingFraction, quote, unitMap),
// Go 1.23. Nothing left out. Durations are nanoseconds as a bigint, as Go's int64.

import { utf8Bytes } from '../../../api/goValues'

export type ParseDurationResult = { ok: true; ns: bigint } | { ok: false; error: string }

const unitMap: Record<string, bigint> = {
  ns: 1n,
  us: 1000n,
  µs: 1000n, // U+00B5 micro sign
  μs: 1000n, // U+03BC Greek small letter mu
  ms: 1_000_000n,
  s: 1_000_000_000n,
  m: 60_000_000_000n,
  h: 3_600_000_000_000n,
}

const maxInt64 = (1n << 63n) - 1n
const lowerhex = '0123456789abcdef'

/**
 * time's own quote(): printable ASCII kept (with \" and \\ escaped), every byte of anything
 * else written as \xNN. It is not strconv.Quote: "µ" becomes "\xc2\xb5".
 */
export function timeQuote(s: string): string {
  let out = '"'
  for (const ch of s) {
    const cp = ch.codePointAt(0) as number
    if (cp >= 0x80 || cp < 0x20) {
      for (const b of utf8Bytes(ch)) out += `\\x${lowerhex[b >> 4]}${lowerhex[b & 15]}`
    } else {
      if (ch === '"' || ch === '\\') out += '\\'
      out += ch
    }
  }
  return `${out}"`
}

function isDigit(c: string | undefined): boolean {
  return c !== undefined && c >= '0' && c <= '9'
}

/** leadingInt: the digits at the start of s; overflow past 1<<63 is an error. */
function leadingInt(s: string): { x: bigint; rest: string } | null {
  let i = 0
  let x = 0n
  for (; i < s.length && isDigit(s[i]); i++) {
    if (x > maxInt64 / 10n) return null
    x = x * 10n + BigInt(s.charCodeAt(i) - 48)
    if (x > 1n << 63n) return null
  }
  return { x, rest: s.slice(i) }
}

/** leadingFraction: the digits after a '.', as value/scale; digits past int64 precision are dropped. */
function leadingFraction(s: string): { x: bigint; scale: number; rest: string } {
  let i = 0
  let x = 0n
  let scale = 1
  let overflow = false
  for (; i < s.length && isDigit(s[i]); i++) {
    if (overflow) continue
    if (x > maxInt64 / 10n) {
      overflow = true
      continue
    }
    const y = x * 10n + BigInt(s.charCodeAt(i) - 48)
    if (y > 1n << 63n) {
      overflow = true
      continue
    }
    x = y
    scale *= 10
  }
  return { x, scale, rest: s.slice(i) }
}

/**
 * time.ParseDuration: "300ms", "-1.5h", "2h45m"; "0" alone needs no unit.
 * @example parseGoDuration('1m30s') // { ok: true, ns: 90000000000n }
 */
export function parseGoDuration(orig: string): ParseDurationResult {
  const invalid = (): ParseDurationResult => ({ ok: false, error: `time: invalid duration ${timeQuote(orig)}` })
  let s = orig
  let d = 0n
  let neg = false
  if (s !== '' && (s[0] === '-' || s[0] === '+')) {
    neg = s[0] === '-'
    s = s.slice(1)
  }
  if (s === '0') return { ok: true, ns: 0n }
  if (s === '') return invalid()
  while (s !== '') {
    if (!(s[0] === '.' || isDigit(s[0]))) return invalid()
    const before = s.length
    const lead = leadingInt(s)
    if (lead === null) return invalid()
    let v = lead.x
    s = lead.rest
    const pre = before !== s.length
    let post = false
    let f = 0n
    let scale = 1
    if (s !== '' && s[0] === '.') {
      s = s.slice(1)
      const pl = s.length
      const frac = leadingFraction(s)
      f = frac.x
      scale = frac.scale
      s = frac.rest
      post = pl !== s.length
    }
    if (!pre && !post) return invalid()
    let i = 0
    while (i < s.length && !(s[i] === '.' || isDigit(s[i]))) i++
    if (i === 0) return { ok: false, error: `time: missing unit in duration ${timeQuote(orig)}` }
    const u = s.slice(0, i)
    s = s.slice(i)
    const unit = unitMap[u]
    if (unit === undefined) {
      return { ok: false, error: `time: unknown unit ${timeQuote(u)} in duration ${timeQuote(orig)}` }
    }
    if (v > (1n << 63n) / unit) return invalid()
    v *= unit
    if (f > 0n) {
      // Go: v += uint64(float64(f) * (float64(unit) / scale)), a float64 product truncated.
      v += BigInt(Math.trunc(Number(f) * (Number(unit) / scale)))
      if (v > 1n << 63n) return invalid()
    }
    d += v
    if (d > 1n << 63n) return invalid()
  }
  if (neg) return { ok: true, ns: -d }
  if (d > maxInt64) return invalid()
  return { ok: true, ns: d }
}
