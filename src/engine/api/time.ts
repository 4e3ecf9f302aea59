// Times on the wire (metav1.Time, metav1.MicroTime) and as kubectl describe prints them.

/** metav1.Time: RFC 3339 with second precision, UTC. */
export function rfc3339(ms: number): string {
  return new Date(Math.floor(ms / 1000) * 1000).toISOString().replace('.000Z', 'Z')
}

/** metav1.MicroTime (events' eventTime): microsecond precision. */
export function rfc3339Micro(ms: number): string {
  return new Date(ms).toISOString().replace(/\.(\d{3})Z$/, '.$1000Z')
}
