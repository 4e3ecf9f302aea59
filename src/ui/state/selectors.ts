// Module-level selectors over the mirror (STYLE.md §8). Selectors that build arrays are used
// with useShallow, so a component re-renders only when the list's contents change.
import type { MirrorState } from './mirrorStore'
import type { Event, Pod } from './kube'
import { compareEventsNewestFirst } from '../inspect/eventRows'

const NONE: readonly string[] = []

export const selectClock = (s: MirrorState) => s.clock
export const selectPhase = (s: MirrorState) => s.phase
export const selectFatal = (s: MirrorState) => s.fatal
export const selectPrompt = (s: MirrorState) => s.session?.prompt
export const selectNodeUids = (s: MirrorState) => s.uidsByKind.Node ?? NONE

/**
 * What the cluster layout depends on, as flat strings: machine uid and name; pod uid,
 * namespace, name and node. A status change leaves these strings equal, so the layout (and the
 * React Flow node list) is not recomputed; only the changed pod's component re-renders.
 */
export function selectClusterStructure(s: MirrorState): string[] {
  const out: string[] = []
  for (const uid of s.uidsByKind.Node ?? NONE) out.push(`N\t${uid}\t${s.byUid[uid]?.metadata?.name ?? ''}`)
  for (const uid of s.uidsByKind.Pod ?? NONE) {
    const p = s.byUid[uid] as Pod | undefined
    out.push(`P\t${uid}\t${p?.metadata?.namespace ?? ''}\t${p?.metadata?.name ?? ''}\t${p?.spec?.nodeName ?? ''}`)
  }
  return out
}

/** Event uids, newest first. */
export function selectEventUidsNewestFirst(s: MirrorState): string[] {
  const events = (s.uidsByKind.Event ?? NONE).map((uid) => s.byUid[uid] as unknown as Event)
  return events.sort(compareEventsNewestFirst).map((e) => e.metadata?.uid ?? '')
}
