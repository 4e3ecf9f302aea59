// flowcontrol.Backoff (client-go util/flowcontrol/backoff.go): per-key exponential back-off,
// initial 10 s doubling to 5 min, forgotten after 2 x max without failures.
import type { Clock } from '../clock/virtualClock'

export class Backoff {
  private entries = new Map<string, { delay: number; lastUpdate: number }>()
  constructor(
    private readonly clock: Clock,
    private readonly initialMs: number,
    private readonly maxMs: number,
  ) {}

  next(key: string): void {
    const now = this.clock.now()
    const e = this.entries.get(key)
    if (!e || now - e.lastUpdate > 2 * this.maxMs) this.entries.set(key, { delay: this.initialMs, lastUpdate: now })
    else this.entries.set(key, { delay: Math.min(e.delay * 2, this.maxMs), lastUpdate: now })
  }

  get(key: string): number {
    return this.entries.get(key)?.delay ?? 0
  }

  reset(key: string): void {
    this.entries.delete(key)
  }
}
