// Rows of the events list, as `kubectl get events -A` would print them (LAST SEEN, TYPE,
// REASON, OBJECT, MESSAGE), newest first (kubectl itself does not sort; the list does, because
// on a page the newest event is the one you are looking for).
//
// Cells mirror kubernetes/kubernetes pkg/printers/internalversion/printers.go `printEvent`
// (facts §1.3): last seen falls back to first seen (then eventTime); a series uses its
// lastObservedTime; OBJECT is lowercase(kind)/name; the message is trimmed.
import type { Event } from '../state/kube'
import { ageSince } from '../format/time'

export interface EventRow {
  uid: string
  namespace: string
  lastSeen: string
  type: string
  reason: string
  object: string
  message: string
}

/** The time an event was last seen, for ordering (epoch ms; 0 when unknown). */
export function eventLastSeenTime(e: Event): number {
  const t = e.series?.lastObservedTime ?? e.lastTimestamp ?? e.firstTimestamp ?? e.eventTime ?? e.metadata?.creationTimestamp
  const ms = t ? Date.parse(t) : NaN
  return Number.isNaN(ms) ? 0 : ms
}

export function eventRow(e: Event, now: number): EventRow {
  const first = e.firstTimestamp ? ageSince(e.firstTimestamp, now) : ageSince(e.eventTime, now)
  let lastSeen = e.lastTimestamp ? ageSince(e.lastTimestamp, now) : first
  if (e.series) lastSeen = ageSince(e.series.lastObservedTime, now)
  const kind = (e.involvedObject.kind ?? '').toLowerCase()
  const name = e.involvedObject.name ?? ''
  return {
    uid: e.metadata?.uid ?? '',
    namespace: e.metadata?.namespace ?? '',
    lastSeen,
    type: e.type ?? '',
    reason: e.reason ?? '',
    object: name ? `${kind}/${name}` : kind,
    message: (e.message ?? '').trim(),
  }
}

/** Newest first; ties keep a stable order by name so rows do not shuffle. */
export function compareEventsNewestFirst(a: Event, b: Event): number {
  const d = eventLastSeenTime(b) - eventLastSeenTime(a)
  if (d !== 0) return d
  const an = a.metadata?.name ?? '', bn = b.metadata?.name ?? ''
  return an < bn ? 1 : an > bn ? -1 : 0
}
