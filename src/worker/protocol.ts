// The only bridge between the UI and the engine worker. Plain, structured-cloneable data only.
// The UI imports this file and nothing else from the engine side.
export type { AuditEvent, ObjectChange, ClockState, ApplyResult } from '../engine/publicTypes'
import type { AuditEvent, ObjectChange, ClockState, ApplyResult } from '../engine/publicTypes'

export const PROTOCOL_VERSION = 1

export const SPEEDS = [0.25, 0.5, 1, 2, 5, 10, 20] as const

export type UiToWorker =
  /** Start (or restart) a World. The worker answers with a `ready` message then batches. */
  | { type: 'init'; seed: number; scenario: string }
  /** A line typed in a terminal (without the newline). */
  | { type: 'runLine'; terminalId: string; line: string }
  /** Ctrl-C in a terminal. */
  | { type: 'interrupt'; terminalId: string }
  /** The editor's Apply (or a dry-run for markers). */
  | { type: 'apply'; id: number; fileName: string; content: string; dryRun: boolean }
  | { type: 'clock'; action: 'pause' | 'resume' | 'step' | 'setSpeed'; speed?: number }

export type WorkerToUi =
  | { type: 'ready'; protocol: number; scenario: string; seed: number; terminalIds: string[]; prompt: string }
  | {
      type: 'batch'
      objects: ObjectChange[]
      audit: AuditEvent[]
      terminal: { terminalId: string; data: string }[]
      /** Terminals whose line finished in this batch: the UI prints `prompt` ("$ ", or "> " inside a here-doc). */
      done: { terminalId: string; exitCode: number; prompt: string }[]
      clock: ClockState
    }
  | { type: 'applyResult'; id: number; result: ApplyResult }
  | { type: 'fatal'; message: string }

export function assertNever(x: never): never {
  throw new Error(`unexpected message: ${JSON.stringify(x)}`)
}
