// Time formatting for the page: ages as kubectl prints them, and the clock's HH:MM:SS.
//
// humanDuration mirrors kubernetes/apimachinery pkg/util/duration/duration.go HumanDuration
// (facts §1.2); the engine has its own copy for kubectl's tables, but the UI may not import
// engine code (it reads only the worker protocol), so the few lines live here too.

export function humanDuration(ms: number): string {
  const seconds = Math.trunc(ms / 1000)
  if (seconds < -1) return '<invalid>'
  if (seconds < 0) return '0s'
  if (seconds < 60 * 2) return `${seconds}s`
  const minutes = Math.trunc(seconds / 60)
  if (minutes < 10) {
    const s = seconds % 60
    return s === 0 ? `${minutes}m` : `${minutes}m${s}s`
  }
  if (minutes < 60 * 3) return `${minutes}m`
  const hours = Math.trunc(minutes / 60)
  if (hours < 8) {
    const m = minutes % 60
    return m === 0 ? `${hours}h` : `${hours}h${m}m`
  }
  if (hours < 48) return `${hours}h`
  if (hours < 24 * 8) {
    const h = hours % 24
    const d = Math.trunc(hours / 24)
    return h === 0 ? `${d}d` : `${d}d${h}h`
  }
  if (hours < 24 * 365 * 2) return `${Math.trunc(hours / 24)}d`
  if (hours < 24 * 365 * 8) {
    const dy = Math.trunc(hours / 24) % 365
    const y = Math.trunc(hours / 24 / 365)
    return dy === 0 ? `${y}y` : `${y}y${dy}d`
  }
  return `${Math.trunc(hours / 24 / 365)}y`
}

/** kubectl's translateTimestampSince: `<unknown>` for a missing time. */
export function ageSince(timestamp: string | undefined, now: number): string {
  if (!timestamp) return '<unknown>'
  const t = Date.parse(timestamp)
  if (Number.isNaN(t)) return '<unknown>'
  return humanDuration(now - t)
}

/** The virtual clock as HH:MM:SS in UTC (UTC so every machine shows the same time). */
export function clockTime(epochMs: number): string {
  return new Date(epochMs).toISOString().slice(11, 19)
}
