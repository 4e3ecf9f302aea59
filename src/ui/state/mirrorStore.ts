// The mirror: only what the worker said (STYLE.md §8). Objects by uid and per-kind uid lists,
// the clock, the tail of the audit trail and the session's lifecycle. Each batch is applied in
// ONE set(), so React renders once per batch.
import { create } from 'zustand'
import type { AuditEvent, ClockState, WorkerToUi } from '../../worker/protocol'
import { EMPTY_MIRROR, applyObjectChanges, type Mirror } from './mirror'

type Ready = Extract<WorkerToUi, { type: 'ready' }>
type Batch = Extract<WorkerToUi, { type: 'batch' }>

export interface MirrorState extends Mirror {
  phase: 'starting' | 'ready' | 'fatal'
  fatal: string | undefined
  session: Omit<Ready, 'type'> | undefined
  clock: ClockState | undefined
  /** The most recent apiserver requests, oldest first. */
  audit: readonly AuditEvent[]
}

const AUDIT_TAIL = 300

export const useMirror = create<MirrorState>()(() => ({
  ...EMPTY_MIRROR,
  phase: 'starting',
  fatal: undefined,
  session: undefined,
  clock: undefined,
  audit: [],
}))

const sameClock = (a: ClockState | undefined, b: ClockState) =>
  !!a && a.now === b.now && a.paused === b.paused && a.speed === b.speed

export const mirrorActions = {
  ready(msg: Ready): void {
    const { type: _type, ...session } = msg
    useMirror.setState({ ...EMPTY_MIRROR, phase: 'ready', session, audit: [] })
  },
  applyBatch(batch: Batch): void {
    useMirror.setState((s) => {
      const mirror = applyObjectChanges(s, batch.objects)
      return {
        byUid: mirror.byUid,
        uidsByKind: mirror.uidsByKind,
        clock: sameClock(s.clock, batch.clock) ? s.clock : batch.clock,
        audit: batch.audit.length === 0 ? s.audit : [...s.audit, ...batch.audit].slice(-AUDIT_TAIL),
      }
    })
  },
  fatal(message: string): void {
    useMirror.setState({ phase: 'fatal', fatal: message })
  },
}
