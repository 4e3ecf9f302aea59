// The virtual clock: a discrete event queue of timers. Nothing in the engine reads the wall
// clock; everything that waits schedules a timer here. Like KWOK's fake clock and XState's
// SimulatedClock: the host (worker, runner, test) decides how fast virtual time moves.

export type TimerId = number

export interface Clock {
  /** Virtual time, epoch milliseconds. */
  now(): number
  /** Run `fn` once, `delayMs` from now. Timers due at the same instant fire in insertion order. */
  setTimer(delayMs: number, fn: () => void, label?: string): TimerId
  cancel(id: TimerId): void
}

interface Timer {
  id: TimerId
  due: number
  seq: number
  fn: () => void
  label: string
}

export class VirtualClock implements Clock {
  private t: number
  private seq = 0
  private heap: Timer[] = []
  private live = new Map<TimerId, Timer>()
  /** Runs after every fired timer, so the world can drain work queues between timers. */
  afterTimer: (() => void) | undefined

  constructor(startMs: number) {
    this.t = startMs
  }

  now(): number {
    return this.t
  }

  setTimer(delayMs: number, fn: () => void, label = ''): TimerId {
    const id = ++this.seq
    const timer: Timer = { id, due: this.t + Math.max(0, delayMs), seq: id, fn, label }
    this.live.set(id, timer)
    this.push(timer)
    return id
  }

  cancel(id: TimerId): void {
    // Lazy deletion: the heap entry is skipped when it surfaces.
    this.live.delete(id)
  }

  /** Virtual time of the next live timer, or undefined when none is scheduled. */
  nextDueAt(): number | undefined {
    this.dropCancelled()
    return this.heap.length ? this.heap[0].due : undefined
  }

  /** Number of live timers (for tests and diagnostics). */
  pending(): number {
    return this.live.size
  }

  /** Fire every timer due at or before `target`, in (due, insertion) order, then set now = target. */
  advanceTo(target: number): void {
    if (target < this.t) throw new Error(`virtual clock cannot go back from ${this.t} to ${target}`)
    for (;;) {
      this.dropCancelled()
      const next = this.heap[0]
      if (!next || next.due > target) break
      this.pop()
      this.live.delete(next.id)
      this.t = next.due
      next.fn()
      this.afterTimer?.()
    }
    this.t = target
  }

  advance(ms: number): void {
    this.advanceTo(this.t + ms)
  }

  private dropCancelled(): void {
    while (this.heap.length && !this.live.has(this.heap[0].id)) this.pop()
  }

  private less(a: Timer, b: Timer): boolean {
    return a.due < b.due || (a.due === b.due && a.seq < b.seq)
  }

  private push(timer: Timer): void {
    const h = this.heap
    h.push(timer)
    let i = h.length - 1
    while (i > 0) {
      const p = (i - 1) >> 1
      if (!this.less(h[i], h[p])) break
      ;[h[i], h[p]] = [h[p], h[i]]
      i = p
    }
  }

  private pop(): Timer | undefined {
    const h = this.heap
    const top = h[0]
    const last = h.pop()
    if (h.length && last) {
      h[0] = last
      let i = 0
      for (;;) {
        const l = 2 * i + 1
        const r = l + 1
        let m = i
        if (l < h.length && this.less(h[l], h[m])) m = l
        if (r < h.length && this.less(h[r], h[m])) m = r
        if (m === i) break
        ;[h[i], h[m]] = [h[m], h[i]]
        i = m
      }
    }
    return top
  }
}
