// Go's time.Duration.String(), truncated to milliseconds as the kubelet's messages print it:
// "512ms", "7.826s", "1m20s", "5m0s".
export function goDuration(ms: number): string {
  ms = Math.floor(ms)
  if (ms === 0) return '0s'
  if (ms < 1000) return `${ms}ms`
  const h = Math.floor(ms / 3_600_000)
  const m = Math.floor((ms % 3_600_000) / 60_000)
  const s = (ms % 60_000) / 1000
  const secs = Number.isInteger(s) ? String(s) : String(Number(s.toFixed(3)))
  if (h) return `${h}h${m}m${secs}s`
  if (m) return `${m}m${secs}s`
  return `${secs}s`
}
