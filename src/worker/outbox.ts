// The worker's outbox: everything the World reports between two frames (object changes, audit
// events, terminal output and completions, clock state) is collected here and leaves as ONE
// `batch` message per frame (DESIGN.md §4, STYLE.md §4).
//
// Squashing rules, and why:
// - Object changes are keyed by uid and the last one wins: the UI mirrors the latest state, so
//   ten status updates of one pod inside a frame are one upsert (tldraw's history accumulator).
// - Consecutive output chunks of one terminal are joined into one string.
// - A terminal's output after its `done` in the same frame waits for the next batch: the UI
//   prints the prompt when it reads `done`, after the batch's output, so output that followed
//   the completion would otherwise land before the prompt instead of after it.
// - A clock-only batch is sent only when what the UI shows changed (the second, pause, speed),
//   so a running clock costs one message per virtual second, not one per frame.
import type { AuditEvent, ClockState, ObjectChange, WorkerToUi } from './protocol'

export type Batch = Extract<WorkerToUi, { type: 'batch' }>

type TerminalEntry =
  | { terminalId: string; kind: 'data'; data: string }
  | { terminalId: string; kind: 'done'; exitCode: number; prompt: string }

export class Outbox {
  private objects = new Map<string, ObjectChange>()
  private audit: AuditEvent[] = []
  private terminal: TerminalEntry[] = []
  private clock: ClockState
  private sentClock: ClockState | undefined

  constructor(clock: ClockState) {
    this.clock = clock
  }

  addObject(change: ObjectChange): void {
    // Delete the key first so the squashed change takes the position of the latest one: a uid
    // deleted and re-created (never in Kubernetes, but cheap to get right) stays ordered.
    this.objects.delete(change.uid)
    this.objects.set(change.uid, change)
  }

  addAudit(event: AuditEvent): void {
    this.audit.push(event)
  }

  addOutput(terminalId: string, data: string): void {
    if (data === '') return
    this.terminal.push({ terminalId, kind: 'data', data })
  }

  addDone(terminalId: string, exitCode: number, prompt: string): void {
    this.terminal.push({ terminalId, kind: 'done', exitCode, prompt })
  }

  setClock(clock: ClockState): void {
    this.clock = clock
  }

  /** Sends the clock with the next batch even if the second shown did not change (a user's step). */
  forceClock(clock: ClockState): void {
    this.clock = clock
    this.sentClock = undefined
  }

  /** True when `take()` would return a batch. */
  hasWork(): boolean {
    return (
      this.objects.size > 0 || this.audit.length > 0 || this.terminal.length > 0 || this.clockChanged()
    )
  }

  /** The next batch, or undefined when there is nothing the UI would notice. */
  take(): Batch | undefined {
    if (!this.hasWork()) return undefined
    const { terminal, done, rest } = splitTerminal(this.terminal)
    const batch: Batch = {
      type: 'batch',
      objects: [...this.objects.values()],
      audit: this.audit,
      terminal,
      done,
      clock: this.clock,
    }
    this.objects = new Map()
    this.audit = []
    this.terminal = rest
    this.sentClock = this.clock
    return batch
  }

  private clockChanged(): boolean {
    const sent = this.sentClock
    if (!sent) return true
    return (
      sent.paused !== this.clock.paused ||
      sent.speed !== this.clock.speed ||
      Math.floor(sent.now / 1000) !== Math.floor(this.clock.now / 1000)
    )
  }
}

/**
 * Splits queued terminal entries into what this batch carries and what waits: per terminal,
 * everything up to and including its first `done`. Adjacent chunks of one terminal are joined.
 */
export function splitTerminal(entries: readonly TerminalEntry[]): {
  terminal: Batch['terminal']
  done: Batch['done']
  rest: TerminalEntry[]
} {
  const terminal: Batch['terminal'] = []
  const done: Batch['done'] = []
  const rest: TerminalEntry[] = []
  const finished = new Set<string>()
  for (const e of entries) {
    if (finished.has(e.terminalId)) {
      rest.push(e)
      continue
    }
    if (e.kind === 'done') {
      done.push({ terminalId: e.terminalId, exitCode: e.exitCode, prompt: e.prompt })
      finished.add(e.terminalId)
      continue
    }
    const last = terminal[terminal.length - 1]
    if (last && last.terminalId === e.terminalId) last.data += e.data
    else terminal.push({ terminalId: e.terminalId, data: e.data })
  }
  return { terminal, done, rest }
}
