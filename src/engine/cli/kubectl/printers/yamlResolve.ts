// go-yaml v2's decisions about plain scalars, for the YAML printer: whether a string would read
// back as something other than a string if written unquoted (so it must be quoted), how JSON
// numbers come out, and the order of map keys.
// Mirrors: sigs.k8s.io/yaml goyaml.v2 (the go-yaml v2.4 fork kubectl 1.32 uses) resolve.go
// (resolve, parseTimestamp), encode.go (isBase60Float, intv, floatv) and sorter.go (keyList.Less).
// Go's strconv.ParseInt/ParseUint/ParseFloat and time.Parse are reimplemented only as far as
// resolve() uses them. Checked against the real kubectl (yamlPrinter.test.ts and the fidelity
// test), e.g. "0xFFFFFFFFFFFFFFFFFF" stays plain: this fork has no big-integer resolution.
// Dropped: the values resolve() would build (only the yes/no question "is it a string" is
// needed) and explicit tags.

import { formatGoFloat, formatGoInt } from '../../../api/goValues'

// resolveTable: the first byte hints at what a plain scalar might be.
function hintOf(s: string): string {
  if (s === '') return 'N'
  const c = s[0]
  if (c === '+' || c === '-') return 'S'
  if (c >= '0' && c <= '9') return 'D'
  if ('yYnNtTfFoO~'.includes(c)) return 'M'
  if (c === '.') return '.'
  return ''
}

// resolveMap: the YAML 1.1 booleans, nulls and special floats go-yaml v2 knows by name.
const resolveMap = new Set([
  'y', 'Y', 'yes', 'Yes', 'YES', 'true', 'True', 'TRUE', 'on', 'On', 'ON',
  'n', 'N', 'no', 'No', 'NO', 'false', 'False', 'FALSE', 'off', 'Off', 'OFF',
  '', '~', 'null', 'Null', 'NULL',
  '.nan', '.NaN', '.NAN', '.inf', '.Inf', '.INF', '+.inf', '+.Inf', '+.INF', '-.inf', '-.Inf', '-.INF',
  '<<',
])

const INT64_MAX = (1n << 63n) - 1n
const INT64_MIN = -(1n << 63n)
const UINT64_MAX = (1n << 64n) - 1n

/** The digits of an unsigned integer in `base`, or null (strconv's syntax error). */
function parseDigits(digits: string, base: number): bigint | null {
  if (digits === '') return null
  let n = 0n
  for (const ch of digits) {
    const d = parseInt(ch, 36)
    if (Number.isNaN(d) || d >= base) return null
    n = n * BigInt(base) + BigInt(d)
  }
  return n
}

/** strconv.ParseUint(s, 0, 64) without underscores: base prefixes 0b, 0o, 0x and a bare 0 (octal). */
function parseUintBase0(s: string): bigint | null {
  if (s === '') return null
  if (s[0] === '0') {
    const p = s.length >= 3 ? s[1].toLowerCase() : ''
    if (p === 'b') return parseDigits(s.slice(2), 2)
    if (p === 'o') return parseDigits(s.slice(2), 8)
    if (p === 'x') return parseDigits(s.slice(2), 16)
    return s.length === 1 ? 0n : parseDigits(s.slice(1), 8)
  }
  return parseDigits(s, 10)
}

function fitsUint64(n: bigint | null): boolean {
  return n !== null && n <= UINT64_MAX
}

/** strconv.ParseInt(s, base, 64) succeeds. */
function parsesAsInt64(s: string, parse: (digits: string) => bigint | null): boolean {
  let neg = false
  let rest = s
  if (rest[0] === '+' || rest[0] === '-') {
    neg = rest[0] === '-'
    rest = rest.slice(1)
  }
  const n = parse(rest)
  if (n === null) return false
  return neg ? -n >= INT64_MIN : n <= INT64_MAX
}

/** Go's underscoreOK: underscores may only separate digits. */
function underscoreOK(s: string): boolean {
  let saw = '^'
  let i = 0
  if (s.length >= 1 && (s[0] === '-' || s[0] === '+')) s = s.slice(1)
  let hex = false
  if (s.length >= 2 && s[0] === '0' && 'box'.includes(s[1].toLowerCase())) {
    i = 2
    saw = '0'
    hex = s[1].toLowerCase() === 'x'
  }
  for (; i < s.length; i++) {
    const c = s[i]
    if ((c >= '0' && c <= '9') || (hex && /[a-fA-F]/.test(c))) {
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

/** strconv.ParseFloat(s, 64) succeeds, for the decimal strings resolve() hands it. */
function parsesAsDecimalFloat(s: string): boolean {
  const m = /^[+-]?(?:[0-9_]*\.?[0-9_]*)(?:[eE][+-]?[0-9][0-9_]*)?$/.exec(s)
  if (!m || !/[0-9]/.test(s.replace(/[eE].*$/, ''))) return false
  if (s.includes('_') && !underscoreOK(s)) return false
  // Out of range (±Inf) is ErrRange, which resolve() treats as "not a float".
  return Number.isFinite(Number(s.replace(/_/g, '')))
}

const yamlStyleFloat = /^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$/

function daysIn(month: number, year: number): number {
  if (month === 2) return (year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0)) ? 29 : 28
  return [4, 6, 9, 11].includes(month) ? 30 : 31
}

const timestampFormats = [
  // "2006-1-2T15:4:5.999999999Z07:00" and its lower-case "t" twin.
  /^(\d{4})-(\d{1,2})-(\d{1,2})[Tt](\d{1,2}):(\d{1,2}):(\d{1,2})(?:[.,]\d+)?(?:Z|[+-](\d{2}):(\d{2}))$/,
  // "2006-1-2 15:4:5.999999999"
  /^(\d{4})-(\d{1,2})-(\d{1,2}) (\d{1,2}):(\d{1,2}):(\d{1,2})(?:[.,]\d+)?$/,
  // "2006-1-2"
  /^(\d{4})-(\d{1,2})-(\d{1,2})$/,
]

/** parseTimestamp: one of the four layouts, with time.Parse's range checks. */
function isTimestamp(s: string): boolean {
  if (!/^\d{4}-/.test(s)) return false
  for (const re of timestampFormats) {
    const m = re.exec(s)
    if (!m) continue
    const [year, month, day, hour = 0, min = 0, sec = 0] = m.slice(1, 7).map((x) => (x === undefined ? 0 : Number(x)))
    const tzh = m[7] === undefined ? 0 : Number(m[7])
    const tzm = m[8] === undefined ? 0 : Number(m[8])
    if (month < 1 || month > 12 || hour > 23 || min > 59 || sec > 59 || tzh > 24 || tzm > 60) continue
    if (day < 1 || day > daysIn(month, year)) continue
    return true
  }
  return false
}

/**
 * encode.go isBase60Float: YAML 1.1 sexagesimal numbers ("1:30") are quoted on output for the
 * sake of other parsers.
 */
export function isBase60Float(s: string): boolean {
  if (s === '' || !/^[-+0-9]/.test(s) || !s.includes(':')) return false
  return /^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\.[0-9_]*)?$/.test(s)
}

/** resolve("", s) returns a tag other than !!str: written plain, s would not read back as a string. */
export function resolvesToNonString(s: string): boolean {
  const hint = hintOf(s)
  if (hint === '') return false
  if (resolveMap.has(s)) return true
  if (hint === '.') return parsesAsDecimalFloat(s)
  if (hint !== 'D' && hint !== 'S') return false
  if (isTimestamp(s)) return true
  const plain = s.replace(/_/g, '')
  if (parsesAsInt64(plain, parseUintBase0)) return true
  if (fitsUint64(parseUintBase0(plain))) return true
  if (yamlStyleFloat.test(plain) && Number.isFinite(Number(plain))) return true
  if (plain.startsWith('0b')) {
    const digits = plain.slice(2)
    if (parsesAsInt64(digits, (d) => parseDigits(d, 2))) return true
    if (fitsUint64(parseDigits(digits, 2))) return true
  } else if (plain.startsWith('-0b')) {
    if (parsesAsInt64(`-${plain.slice(3)}`, (d) => parseDigits(d, 2))) return true
  }
  return false
}

/**
 * A JSON number as the YAML printer writes it. kubectl marshals to JSON and go-yaml decodes that
 * text again: digits that fit an int64 (or uint64) stay an integer, anything else becomes a
 * float64 printed with strconv 'g' (`1e+21`, `1e-06`, `1.5`).
 */
export function formatYamlNumber(n: number): string {
  if (Number.isInteger(n) && Math.abs(n) < 1e21) {
    const digits = formatGoInt(n)
    const big = BigInt(digits)
    if (big >= INT64_MIN && big <= UINT64_MAX) return digits
  }
  return formatGoFloat(n)
}

const letter = /\p{L}/u
const digit = /\p{Nd}/u

function isLetter(cp: number): boolean {
  return letter.test(String.fromCodePoint(cp))
}

function isDigit(cp: number): boolean {
  return digit.test(String.fromCodePoint(cp))
}

/**
 * sorter.go keyList.Less for two string keys: letters before everything else, and runs of digits
 * compared by value ("a9" < "a10"), which is why `kubectl -o yaml` key order is not plain
 * byte order.
 */
export function yamlKeyLess(a: string, b: string): boolean {
  const ar = Array.from(a, (c) => c.codePointAt(0) as number)
  const br = Array.from(b, (c) => c.codePointAt(0) as number)
  for (let i = 0; i < ar.length && i < br.length; i++) {
    if (ar[i] === br[i]) continue
    const al = isLetter(ar[i])
    const bl = isLetter(br[i])
    if (al && bl) return ar[i] < br[i]
    if (al || bl) return bl
    // Go accumulates in an int64, wrapping on overflow.
    let an = 0n
    let bn = 0n
    if (ar[i] === 0x30 || br[i] === 0x30) {
      for (let j = i - 1; j >= 0 && isDigit(ar[j]); j--) {
        if (ar[j] !== 0x30) {
          an = 1n
          bn = 1n
          break
        }
      }
    }
    let ai = i
    for (; ai < ar.length && isDigit(ar[ai]); ai++) an = BigInt.asIntN(64, an * 10n + BigInt(ar[ai] - 0x30))
    let bi = i
    for (; bi < br.length && isDigit(br[bi]); bi++) bn = BigInt.asIntN(64, bn * 10n + BigInt(br[bi] - 0x30))
    if (an !== bn) return an < bn
    if (ai !== bi) return ai < bi
    return ar[i] < br[i]
  }
  return ar.length < br.length
}
