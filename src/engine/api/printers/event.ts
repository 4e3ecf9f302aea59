// The events table: LAST SEEN TYPE REASON OBJECT MESSAGE, with SUBOBJECT, SOURCE, FIRST SEEN,
// COUNT and NAME as wide columns (in that interleaved order).
// Mirrors: kubernetes pkg/printers/internalversion/printers.go printEvent, formatEventSource,
// translateMicroTimestampSince. Dropped: nothing. Rows keep the order given (kubectl does not
// sort `get events`; the API returns etcd key order).

import { translateTimestampSince } from '../duration'
import type { Event, EventSource } from '../types'
import { column, nameColumn, SWAGGER_DOC } from './columns'
import type { Cell, TableHandler } from './handler'
import { goTrimSpace } from './helpers'

export const eventColumnDefinitions = [
  column('Last Seen', 'string', SWAGGER_DOC['Event.lastTimestamp']),
  column('Type', 'string', SWAGGER_DOC['Event.type']),
  column('Reason', 'string', SWAGGER_DOC['Event.reason']),
  column('Object', 'string', SWAGGER_DOC['Event.involvedObject']),
  column('Subobject', 'string', SWAGGER_DOC['ObjectReference.fieldPath'], 1),
  column('Source', 'string', SWAGGER_DOC['Event.source'], 1),
  column('Message', 'string', SWAGGER_DOC['Event.message']),
  column('First Seen', 'string', SWAGGER_DOC['Event.firstTimestamp'], 1),
  column('Count', 'string', SWAGGER_DOC['Event.count'], 1),
  nameColumn(1),
]

/** formatEventSource: "component, host", or component alone; reportingController/Instance as fallbacks. */
export function formatEventSource(es: EventSource | undefined, reportingController?: string, reportingInstance?: string): string {
  const component = es?.component || reportingController || ''
  const instance = es?.host || reportingInstance || ''
  return instance.length === 0 ? component : `${component}, ${instance}`
}

/** printEvent: LAST SEEN falls back to first seen; a series reports its own last time and count. */
export function printEvent(event: Event, nowMs: number): Cell[] {
  let firstTimestamp = translateTimestampSince(event.firstTimestamp, nowMs)
  if (firstTimestamp === '<unknown>') firstTimestamp = translateTimestampSince(event.eventTime, nowMs)

  let lastTimestamp = translateTimestampSince(event.lastTimestamp, nowMs)
  if (lastTimestamp === '<unknown>') lastTimestamp = firstTimestamp

  let count = event.count ?? 0
  if (event.series) {
    lastTimestamp = translateTimestampSince(event.series.lastObservedTime, nowMs)
    count = event.series.count ?? 0
  } else if (count === 0) {
    // Singleton events don't have a count set in the new API.
    count = 1
  }

  const involved = event.involvedObject
  const kind = (involved?.kind ?? '').toLowerCase()
  const target = involved?.name ? `${kind}/${involved.name}` : kind

  return [
    lastTimestamp,
    event.type ?? '',
    event.reason ?? '',
    target,
    involved?.fieldPath ?? '',
    formatEventSource(event.source, event.reportingComponent, event.reportingInstance),
    goTrimSpace(event.message ?? ''),
    firstTimestamp,
    count,
    event.metadata?.name ?? '',
  ]
}

export const eventTableHandler: TableHandler<Event> = { columns: eventColumnDefinitions, printRow: printEvent }
