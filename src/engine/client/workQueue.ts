// A rate-limited work queue on the virtual clock (client-go util/workqueue): a key is queued at
// most once; a key being processed that is added again is processed once more afterwards;
// addAfter and addRateLimited delay through clock timers. The default controller rate limiter
// is per-item exponential back-off from 5 ms to 1000 s (DefaultControllerRateLimiter's
// ItemExponentialFailureRateLimiter; its overall token bucket is left out: one process, no QPS).

import type { Clock, TimerId } from '../clock/virtualClock'

export class WorkQueue<K = string> {
  private queue: K[] = []
  private head = 0
  private dirty = new Set<K>()
  private processing = new Set<K>()
  private failures = new Map<K, number>()
  private waiting = new Map<K, { at: number; timer: TimerId }>()
  /** Called whenever a key becomes ready, so the host can schedule processing. */
  onReady: (() => void) | undefined

  constructor(
    private readonly clock: Clock,
    readonly name: string,
    private readonly baseDelayMs = 5,
    private readonly maxDelayMs = 1000 * 1000,
  ) {}

  add(key: K): void {
    if (this.dirty.has(key)) return
    this.dirty.add(key)
    if (this.processing.has(key)) return
    this.queue.push(key)
    this.onReady?.()
  }

  addAfter(key: K, delayMs: number): void {
    if (delayMs <= 0) return this.add(key)
    const at = this.clock.now() + delayMs
    const existing = this.waiting.get(key)
    if (existing && existing.at <= at) return
    if (existing) this.clock.cancel(existing.timer)
    const timer = this.clock.setTimer(
      delayMs,
      () => {
        this.waiting.delete(key)
        this.add(key)
      },
      `${this.name} requeue`,
    )
    this.waiting.set(key, { at, timer })
  }

  addRateLimited(key: K): void {
    const n = this.failures.get(key) ?? 0
    this.failures.set(key, n + 1)
    this.addAfter(key, Math.min(this.baseDelayMs * 2 ** n, this.maxDelayMs))
  }

  forget(key: K): void {
    this.failures.delete(key)
  }

  numRequeues(key: K): number {
    return this.failures.get(key) ?? 0
  }

  len(): number {
    return this.queue.length - this.head
  }

  /** The next key, marked as processing; call done(key) after. */
  get(): K | undefined {
    if (this.head >= this.queue.length) return undefined
    const key = this.queue[this.head++]
    if (this.head > 1024 && this.head * 2 > this.queue.length) {
      this.queue = this.queue.slice(this.head)
      this.head = 0
    }
    this.dirty.delete(key)
    this.processing.add(key)
    return key
  }

  done(key: K): void {
    this.processing.delete(key)
    if (this.dirty.has(key)) {
      this.queue.push(key)
      this.onReady?.()
    }
  }
}
