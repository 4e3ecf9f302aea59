// Human-readable ages, as every AGE / LAST SEEN / "(x3 over 5m)" cell prints them.
// Mirrors: k8s.io/apimachinery pkg/util/duration/duration.go (HumanDuration, ShortHumanDuration)
// and the translateTimestampSince helper that printers.go and describe.go both define.
// Dropped: nothing. Go works on integer nanoseconds; we take milliseconds (possibly fractional)
// and truncate toward zero at every step exactly where Go's integer division does.

const SECOND = 1000
const MINUTE = 60 * SECOND
const HOUR = 60 * MINUTE

/** Go `int(x)` of a float and Go integer division both truncate toward zero. */
function trunc(x: number): number {
  return Math.trunc(x)
}

/**
 * duration.HumanDuration: "5s", "2m30s", "179m", "3h5m", "47h", "2d3h", "729d", "3y12d", "9y".
 * @example humanDuration(150_000) // "2m30s"
 */
export function humanDuration(ms: number): string {
  // "Allow deviation no more than 2 seconds (excluded) to tolerate machine time inconsistence."
  const seconds = trunc(ms / SECOND)
  if (seconds < -1) return '<invalid>'
  if (seconds < 0) return '0s'
  if (seconds < 60 * 2) return `${seconds}s`
  const minutes = trunc(ms / MINUTE)
  if (minutes < 10) {
    const s = seconds % 60
    return s === 0 ? `${minutes}m` : `${minutes}m${s}s`
  }
  if (minutes < 60 * 3) return `${minutes}m`
  const hours = trunc(ms / HOUR)
  if (hours < 8) {
    const m = minutes % 60
    return m === 0 ? `${hours}h` : `${hours}h${m}m`
  }
  if (hours < 48) return `${hours}h`
  if (hours < 24 * 8) {
    const h = hours % 24
    return h === 0 ? `${trunc(hours / 24)}d` : `${trunc(hours / 24)}d${h}h`
  }
  if (hours < 24 * 365 * 2) return `${trunc(hours / 24)}d`
  if (hours < 24 * 365 * 8) {
    const dy = trunc(hours / 24) % 365
    const years = trunc(trunc(hours / 24) / 365)
    return dy === 0 ? `${years}y` : `${years}y${dy}d`
  }
  return `${trunc(trunc(hours / 24) / 365)}y`
}

/** duration.ShortHumanDuration: one unit only ("59s", "1m", "23h", "364d", "2y"). */
export function shortHumanDuration(ms: number): string {
  const seconds = trunc(ms / SECOND)
  if (seconds < -1) return '<invalid>'
  if (seconds < 0) return '0s'
  if (seconds < 60) return `${seconds}s`
  const minutes = trunc(ms / MINUTE)
  if (minutes < 60) return `${minutes}m`
  const hours = trunc(ms / HOUR)
  if (hours < 24) return `${hours}h`
  if (hours < 24 * 365) return `${trunc(hours / 24)}d`
  // Go: int(d.Hours()/24/365), a float division then truncation.
  return `${trunc(ms / HOUR / 24 / 365)}y`
}

/** Date.parse('0001-01-01T00:00:00Z'): Go's time.Time{} serialized. */
const GO_ZERO_TIME_MS = -62135596800000

/** Milliseconds since the epoch of an RFC 3339 timestamp, or undefined for a missing/zero one. */
export function parseTimestamp(timestamp: string | undefined | null): number | undefined {
  if (!timestamp) return undefined
  const ms = Date.parse(timestamp)
  if (Number.isNaN(ms)) return undefined
  // metav1.Time.IsZero(): Go's zero time (0001-01-01T00:00:00Z) counts as "no time".
  if (ms === GO_ZERO_TIME_MS) return undefined
  return ms
}

/**
 * translateTimestampSince (printers.go, describe.go): "<unknown>" for a zero time, else the
 * HumanDuration of now - timestamp. A timestamp in the future (a pod's deletionTimestamp
 * during its grace period) yields "<invalid>".
 */
export function translateTimestampSince(timestamp: string | undefined | null, nowMs: number): string {
  const ms = parseTimestamp(timestamp)
  if (ms === undefined) return '<unknown>'
  return humanDuration(nowMs - ms)
}
