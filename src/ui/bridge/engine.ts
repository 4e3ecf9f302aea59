// The UI's end of the worker protocol: starts the engine worker, routes its messages into the
// mirror store and the terminals, and turns `apply` into a promise. Nothing else in the UI calls
// postMessage. Created once, outside React, so StrictMode's double effects cannot start a second
// worker.
import {
  assertNever,
  type ApplyResult,
  type ClockState,
  type UiToWorker,
  type WorkerToUi,
} from '../../worker/protocol'
import { mirrorActions } from '../state/mirrorStore'

/** What a terminal view receives, in order. */
export type TerminalEvent =
  | { kind: 'ready'; prompt: string }
  | { kind: 'data'; data: string }
  | { kind: 'done'; exitCode: number; prompt: string }

export type TerminalSink = (e: TerminalEvent) => void

type ClockAction = Extract<UiToWorker, { type: 'clock' }>['action']

export interface EngineClient {
  runLine(terminalId: string, line: string): void
  interrupt(terminalId: string): void
  apply(fileName: string, content: string, dryRun: boolean): Promise<ApplyResult>
  clock(action: ClockAction, speed?: ClockState['speed']): void
  /** Receives this terminal's events; those that arrived before attaching are replayed first. */
  attachTerminal(terminalId: string, sink: TerminalSink): () => void
}

export interface EngineOptions {
  seed: number
  scenario: string
}

export class WorkerEngine implements EngineClient {
  private nextId = 1
  private pendingApplies = new Map<number, (r: ApplyResult) => void>()
  private sinks = new Map<string, TerminalSink>()
  private backlog = new Map<string, TerminalEvent[]>()

  constructor(private readonly worker: Worker) {
    worker.onmessage = (ev: MessageEvent<WorkerToUi>) => this.receive(ev.data)
    worker.onerror = (ev) => {
      ev.preventDefault()
      mirrorActions.fatal(`the engine worker failed: ${ev.message || 'script error'}`)
    }
  }

  start(opts: EngineOptions): void {
    this.post({ type: 'init', seed: opts.seed, scenario: opts.scenario })
  }

  runLine(terminalId: string, line: string): void {
    this.post({ type: 'runLine', terminalId, line })
  }

  interrupt(terminalId: string): void {
    this.post({ type: 'interrupt', terminalId })
  }

  apply(fileName: string, content: string, dryRun: boolean): Promise<ApplyResult> {
    const id = this.nextId++
    return new Promise((resolve) => {
      this.pendingApplies.set(id, resolve)
      this.post({ type: 'apply', id, fileName, content, dryRun })
    })
  }

  clock(action: ClockAction, speed?: number): void {
    this.post(speed === undefined ? { type: 'clock', action } : { type: 'clock', action, speed })
  }

  attachTerminal(terminalId: string, sink: TerminalSink): () => void {
    this.sinks.set(terminalId, sink)
    const backlog = this.backlog.get(terminalId) ?? []
    this.backlog.delete(terminalId)
    for (const e of backlog) sink(e)
    return () => {
      if (this.sinks.get(terminalId) === sink) this.sinks.delete(terminalId)
    }
  }

  private post(msg: UiToWorker): void {
    this.worker.postMessage(msg)
  }

  private toTerminal(terminalId: string, e: TerminalEvent): void {
    const sink = this.sinks.get(terminalId)
    if (sink) {
      sink(e)
      return
    }
    const list = this.backlog.get(terminalId) ?? []
    list.push(e)
    this.backlog.set(terminalId, list)
  }

  private receive(msg: WorkerToUi): void {
    switch (msg.type) {
      case 'ready':
        mirrorActions.ready(msg)
        for (const id of msg.terminalIds) this.toTerminal(id, { kind: 'ready', prompt: msg.prompt })
        return
      case 'batch':
        mirrorActions.applyBatch(msg)
        // Output first, then completions: the prompt goes after the command's last line.
        for (const t of msg.terminal) this.toTerminal(t.terminalId, { kind: 'data', data: t.data })
        for (const d of msg.done) this.toTerminal(d.terminalId, { kind: 'done', exitCode: d.exitCode, prompt: d.prompt })
        return
      case 'applyResult': {
        const resolve = this.pendingApplies.get(msg.id)
        this.pendingApplies.delete(msg.id)
        resolve?.(msg.result)
        return
      }
      case 'fatal':
        console.error(`Podlab engine stopped: ${msg.message}`)
        mirrorActions.fatal(msg.message)
        return
      default:
        assertNever(msg)
    }
  }
}

let current: EngineClient | undefined

export function startEngine(opts: EngineOptions): EngineClient {
  const worker = new Worker(new URL('../../worker/worker.ts', import.meta.url), { type: 'module', name: 'podlab-engine' })
  const client = new WorkerEngine(worker)
  client.start(opts)
  current = client
  return client
}

export function engine(): EngineClient {
  if (!current) throw new Error('engine not started')
  return current
}
