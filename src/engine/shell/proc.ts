// A running program: its arguments, standard streams, environment and exit. Programs are plain
// functions of a Proc; one that returns without calling exit() keeps running on virtual time
// (timers, watches) until it exits by itself or is interrupted. Everything a program arms with
// proc.timer() or proc.defer() is cleaned up when it exits, so a Ctrl-C never leaves a watch
// behind.

import type { Clock } from '../clock/virtualClock'
import { resolvePath, type HostFs } from '../host/fs'

/** The machine a program runs on, as programs see it. */
export interface ProcHost {
  readonly name: string
  readonly fs: HostFs
  readonly clock: Clock
  readonly home: string
}

export interface ProcSink {
  stdout(data: string): void
  stderr(data: string): void
}

/**
 * How a running program uses time. 'wait' ends by itself (sleep, kubectl delete, rollout
 * status): the headless runner lets virtual time run until it does. 'stream' runs until Ctrl-C
 * (get -w, logs -f): in a session file the next line interrupts it.
 */
export type ProcMode = 'wait' | 'stream'

export type Program = (p: Proc) => void

/** Starts a program by name on the same host and terminal (used by `timeout`, `xargs`-like tools). */
export type Spawner = (argv: string[], stdin: string | undefined, sink: ProcSink, onExit: (code: number) => void) => Proc

export class Proc {
  mode: ProcMode = 'wait'
  private code: number | undefined
  private readonly cleanups: (() => void)[] = []
  private interruptHandler: (() => void) | undefined

  constructor(
    readonly host: ProcHost,
    readonly argv: readonly string[],
    /** Standard input as text; undefined when it is the terminal. */
    readonly stdin: string | undefined,
    readonly env: Readonly<Record<string, string>>,
    readonly cwd: string,
    /** Terminal width in columns (kubectl wraps help text to it). */
    readonly columns: number,
    private readonly sink: ProcSink,
    private readonly onExit: (code: number) => void,
    readonly spawn: Spawner,
  ) {}

  get exited(): boolean {
    return this.code !== undefined
  }

  get exitCode(): number | undefined {
    return this.code
  }

  out(data: string): void {
    if (this.code === undefined && data !== '') this.sink.stdout(data)
  }

  err(data: string): void {
    if (this.code === undefined && data !== '') this.sink.stderr(data)
  }

  /** Ends the program. Later calls are ignored: the first exit wins. */
  exit(code: number): void {
    if (this.code !== undefined) return
    this.code = code
    for (const fn of this.cleanups.splice(0).reverse()) fn()
    this.onExit(code)
  }

  /** Runs `fn` when the program exits, however it exits. */
  defer(fn: () => void): void {
    if (this.code !== undefined) fn()
    else this.cleanups.push(fn)
  }

  /** What Ctrl-C does; without a handler the program dies with 130 (128 + SIGINT). */
  onInterrupt(fn: () => void): void {
    this.interruptHandler = fn
  }

  interrupt(): void {
    if (this.code !== undefined) return
    if (this.interruptHandler) this.interruptHandler()
    if (this.code === undefined) this.exit(130)
  }

  /** A virtual-time timer that dies with the program. */
  timer(delayMs: number, fn: () => void, label = this.argv[0] ?? 'proc'): void {
    const id = this.host.clock.setTimer(
      delayMs,
      () => {
        if (this.code === undefined) fn()
      },
      label,
    )
    this.defer(() => this.host.clock.cancel(id))
  }

  /** An absolute path for a path the user typed, relative to the working directory. */
  resolve(path: string): string {
    return resolvePath(this.cwd, path, this.host.home)
  }
}
