// The Events table at the end of every describe: Type, Reason, Age, From, Message.
// Mirrors: kubectl pkg/describe/describe.go DescribeEvents and pkg/util/event
// sorted_event_list.go (SortableEvents). Dropped: nothing.
// From is source.component or reportingController; kubectl 1.32 no longer appends the host.

import { parseTimestamp, translateTimestampSince } from '../../../api/duration'
import { goTrimSpace, sortedBy } from '../../../api/printers/helpers'
import type { Event } from '../../../api/types'
import { LEVEL_0, LEVEL_1, type PrefixWriter } from './describe'

/**
 * SortableEvents.Less in kubectl 1.32 compares lastTimestamp alone (Go zero time if unset), so
 * events.k8s.io events without one (the scheduler's Scheduled) sort first. Checked against the
 * real 1.32 binary; later kubectl versions also look at series and eventTime.
 */
function eventTime(e: Event): number {
  const zero = -62135596800000
  return parseTimestamp(e.lastTimestamp) ?? zero
}

/**
 * DescribeEvents: "Events:  <none>", or the table sorted oldest first. A repeated event's age
 * reads "106s (x6 over 5m8s)".
 */
export function describeEvents(events: readonly Event[], nowMs: number, w: PrefixWriter): void {
  if (events.length === 0) {
    w.write(LEVEL_0, 'Events:\t<none>\n')
    return
  }
  w.flush()
  // sort.Sort(SortableEvents): Go's unstable pdqsort (stable only up to 12 events)
  const sorted = sortedBy(events, (a, b) => eventTime(a) < eventTime(b))
  w.write(LEVEL_0, 'Events:\n  Type\tReason\tAge\tFrom\tMessage\n')
  w.write(LEVEL_1, '----\t------\t----\t----\t-------\n')
  for (const e of sorted) {
    let firstTimestampSince = translateTimestampSince(e.eventTime, nowMs)
    if (!parseTimestamp(e.eventTime)) firstTimestampSince = translateTimestampSince(e.firstTimestamp, nowMs)
    let interval: string
    if (e.series) {
      interval = `${translateTimestampSince(e.series.lastObservedTime, nowMs)} (x${e.series.count ?? 0} over ${firstTimestampSince})`
    } else if ((e.count ?? 0) > 1) {
      interval = `${translateTimestampSince(e.lastTimestamp, nowMs)} (x${e.count} over ${firstTimestampSince})`
    } else {
      interval = firstTimestampSince
    }
    const source = e.source?.component || e.reportingComponent || ''
    w.write(LEVEL_1, `${e.type ?? ''}\t${e.reason ?? ''}\t${interval}\t${source}\t${goTrimSpace(e.message ?? '')}\n`)
  }
}
