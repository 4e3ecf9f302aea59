// The cluster's Events (mirrored Event objects), as `kubectl get events -A` prints them, newest
// first. Each row reads its own event by uid; ages follow the virtual clock.
import { memo } from 'react'
import { useShallow } from 'zustand/react/shallow'
import { useMirror } from '../state/mirrorStore'
import { selectEventUidsNewestFirst } from '../state/selectors'
import type { Event } from '../state/kube'
import { useClusterObject } from '../graph/useClusterObject'
import { eventRow } from './eventRows'
import { TestIds } from '../testIds'

/** Rows drawn at most; older events stay in the mirror. */
const MAX_ROWS = 300

/** The virtual now, rounded to the second: ages only change once a second. */
const selectNowSecond = (s: { clock?: { now: number } }) => Math.floor((s.clock?.now ?? 0) / 1000) * 1000

const EventRowView = memo(function EventRowView({ uid }: { uid: string }) {
  const ev = useClusterObject<Event>(uid)
  const now = useMirror(selectNowSecond)
  if (!ev) return null
  const r = eventRow(ev, now)
  return (
    <tr
      className={r.type === 'Warning' ? 'warning' : undefined}
      data-kind="Event"
      data-name={ev.metadata?.name ?? ''}
      data-namespace={r.namespace}
      data-status={r.type}
    >
      <td className="age">{r.lastSeen}</td>
      <td className="type">{r.type}</td>
      <td className="reason" title={r.reason}>
        {r.reason}
      </td>
      <td className="object" title={r.namespace ? `${r.namespace}/${r.object}` : r.object}>
        <div className="object-name">{r.object}</div>
        {r.namespace && <div className="object-ns">{r.namespace}</div>}
      </td>
      <td className="message">{r.message}</td>
    </tr>
  )
})

export function EventsPanel() {
  const uids = useMirror(useShallow(selectEventUidsNewestFirst))
  return (
    <div className="panel events-panel">
      <div className="panel-header">
        <span className="panel-tab active">Events</span>
        <span className="panel-hint">{uids.length}</span>
      </div>
      <div className="panel-body scroll" data-testid={TestIds.events}>
        {uids.length === 0 ? (
          <div className="empty">No events yet.</div>
        ) : (
          <table className="events">
            {/* Fixed columns: the message wraps, the rest stay on one line. The namespace
                (kubectl -A's first column) sits under the object to leave the message room. */}
            <colgroup>
              <col className="c-age" />
              <col className="c-type" />
              <col className="c-reason" />
              <col className="c-object" />
              <col />
            </colgroup>
            <thead>
              <tr>
                <th>LAST SEEN</th>
                <th>TYPE</th>
                <th>REASON</th>
                <th>OBJECT</th>
                <th>MESSAGE</th>
              </tr>
            </thead>
            <tbody>
              {uids.slice(0, MAX_ROWS).map((uid) => (
                <EventRowView key={uid} uid={uid} />
              ))}
            </tbody>
          </table>
        )}
      </div>
    </div>
  )
}
