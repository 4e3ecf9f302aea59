import { describe, it, expect } from 'vitest'
import { compareEventsNewestFirst, eventRow } from './eventRows'
import type { Event } from '../state/kube'

const now = Date.parse('2025-01-01T00:10:00Z')
const ev = (name: string, last: string, extra: Partial<Event> = {}): Event => ({
  metadata: { name, namespace: 'default', uid: name },
  involvedObject: { kind: 'Pod', name: 'nginx', namespace: 'default' },
  type: 'Normal',
  reason: 'Scheduled',
  message: 'Successfully assigned default/nginx to kind-worker  ',
  firstTimestamp: last,
  lastTimestamp: last,
  ...extra,
})

describe('eventRow (printEvent cells)', () => {
  it('prints LAST SEEN as an age, OBJECT as kind/name, the message trimmed', () => {
    expect(eventRow(ev('a', '2025-01-01T00:09:30Z'), now)).toEqual({
      uid: 'a',
      namespace: 'default',
      lastSeen: '30s',
      type: 'Normal',
      reason: 'Scheduled',
      object: 'pod/nginx',
      message: 'Successfully assigned default/nginx to kind-worker',
    })
  })

  it('falls back to first seen, then eventTime', () => {
    expect(eventRow(ev('a', '2025-01-01T00:09:00Z', { lastTimestamp: undefined }), now).lastSeen).toBe('60s')
    expect(eventRow(ev('a', '', { firstTimestamp: undefined, lastTimestamp: undefined, eventTime: '2025-01-01T00:08:00.000000Z' }), now).lastSeen).toBe('2m')
  })

  it('uses the series last observed time', () => {
    const e = ev('a', '2025-01-01T00:00:00Z', { series: { count: 3, lastObservedTime: '2025-01-01T00:09:55.000000Z' } })
    expect(eventRow(e, now).lastSeen).toBe('5s')
  })

  it('prints only the kind when the object has no name', () => {
    expect(eventRow(ev('a', '2025-01-01T00:09:00Z', { involvedObject: { kind: 'Node' } }), now).object).toBe('node')
  })
})

describe('compareEventsNewestFirst', () => {
  it('orders by last seen, newest first', () => {
    const list = [ev('old', '2025-01-01T00:01:00Z'), ev('new', '2025-01-01T00:09:00Z'), ev('mid', '2025-01-01T00:05:00Z')]
    expect(list.sort(compareEventsNewestFirst).map((e) => e.metadata!.name)).toEqual(['new', 'mid', 'old'])
  })
})
