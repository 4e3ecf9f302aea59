// Module-level selectors over the mirror (STYLE.md §8). Selectors that build arrays are used
// with useShallow, so a component re-renders only when the list's contents change.
import type { MirrorState } from './mirrorStore'
import type { Event } from './kube'
import { compareEventsNewestFirst } from '../inspect/eventRows'

const NONE: readonly string[] = []

export const selectClock = (s: MirrorState) => s.clock
export const selectPhase = (s: MirrorState) => s.phase
export const selectFatal = (s: MirrorState) => s.fatal
export const selectPrompt = (s: MirrorState) => s.session?.prompt
export const selectNodeUids = (s: MirrorState) => s.uidsByKind.Node ?? NONE

/** Event uids, newest first. */
export function selectEventUidsNewestFirst(s: MirrorState): string[] {
  const events = (s.uidsByKind.Event ?? NONE).map((uid) => s.byUid[uid] as unknown as Event)
  return events.sort(compareEventsNewestFirst).map((e) => e.metadata?.uid ?? '')
}
