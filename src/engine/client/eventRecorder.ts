// Records core/v1 Events about objects (client-go tools/record: EventRecorder + EventCorrelator).
// A repeat of the same event (same source, object, type, reason and message) within the
// correlation window patches the existing Event's count and lastTimestamp instead of creating
// a new one, which is what makes `kubectl describe` show "(x6 over 5m9s)".
// `newEventsApi` records the way components on the events.k8s.io API do (the scheduler):
// eventTime set, no first/lastTimestamp, reportingController filled.

import type { Clock } from '../clock/virtualClock'
import type { Event, KubeObject } from '../api/types'
import type { Client } from './client'
import { isNotFound } from './client'

export interface EventSourceSpec {
  component: string
  host?: string
  /** Record as the events.k8s.io/v1 API does (eventTime + action), like the scheduler. */
  newEventsApi?: boolean
  /** events.k8s.io "action" for the new API, e.g. "Binding" for Scheduled. */
  action?: string
}

interface Seen {
  namespace: string
  name: string
  count: number
  first: string
}

const seenLimit = 4096

export class EventRecorder {
  private seen = new Map<string, Seen>()
  private nanoSeq = 0

  constructor(
    private readonly client: Client,
    private readonly clock: Clock,
    private readonly source: EventSourceSpec,
  ) {}

  event(obj: KubeObject, type: 'Normal' | 'Warning', reason: string, message: string, fieldPath?: string): void {
    const m = obj.metadata ?? {}
    const namespace = m.namespace || 'default'
    const involved = {
      kind: obj.kind,
      namespace: m.namespace,
      name: m.name,
      uid: m.uid,
      apiVersion: obj.apiVersion,
      resourceVersion: m.resourceVersion,
      ...(fieldPath ? { fieldPath } : {}),
    }
    if (!involved.namespace) delete involved.namespace
    const now = this.clock.now()
    const ts = seconds(now)
    const key = [this.source.component, this.source.host, involved.kind, involved.namespace, involved.name, involved.uid, fieldPath, type, reason, message].join('\u0000')
    const prior = this.seen.get(key)
    if (prior) {
      prior.count++
      try {
        if (this.source.newEventsApi) {
          this.client.patch('events', prior.namespace, prior.name, { series: { count: prior.count, lastObservedTime: micro(now) } }, 'merge')
        } else {
          this.client.patch('events', prior.namespace, prior.name, { count: prior.count, lastTimestamp: ts }, 'strategic')
        }
        return
      } catch (e) {
        if (!isNotFound(e)) throw e
        this.seen.delete(key) // expired (TTL): record afresh
      }
    }
    // Event names are "<object>.<UnixNano in hex>"; a sequence keeps names unique within one virtual ms.
    const nanos = BigInt(now) * 1_000_000n + BigInt(this.nanoSeq++ % 1_000_000)
    const name = `${m.name}.${nanos.toString(16)}`
    const ev: Event = {
      apiVersion: 'v1',
      kind: 'Event',
      metadata: { name, namespace },
      involvedObject: involved,
      reason,
      message,
      source: this.source.newEventsApi ? {} : { component: this.source.component, ...(this.source.host ? { host: this.source.host } : {}) },
      firstTimestamp: this.source.newEventsApi ? (null as unknown as string) : ts,
      lastTimestamp: this.source.newEventsApi ? (null as unknown as string) : ts,
      count: this.source.newEventsApi ? undefined : 1,
      type,
      eventTime: this.source.newEventsApi ? micro(now) : (null as unknown as string),
      reportingComponent: this.source.newEventsApi ? this.source.component : this.source.component,
      reportingInstance: this.source.newEventsApi ? `${this.source.component}-${this.source.host ?? ''}` : (this.source.host ?? ''),
      ...(this.source.newEventsApi && this.source.action ? { action: this.source.action } : {}),
    }
    if (ev.count === undefined) delete ev.count
    try {
      this.client.create('events', namespace, ev)
    } catch (e) {
      // Events are best effort, as in client-go: a failure to record never fails the caller.
      if (!isNotFound(e)) return
      return
    }
    if (this.seen.size > seenLimit) this.seen.clear()
    this.seen.set(key, { namespace, name, count: 1, first: ts })
  }
}

// Components record many events within one virtual millisecond (the scheduler one per pod it
// binds): the last formatted time is kept rather than formatted again for each.
let lastSecondsMs = NaN
let lastSeconds = ''
let lastMicroMs = NaN
let lastMicro = ''

/** metav1.Time: RFC 3339 in whole seconds. */
function seconds(ms: number): string {
  if (ms !== lastSecondsMs) {
    lastSeconds = new Date(Math.floor(ms / 1000) * 1000).toISOString().replace('.000Z', 'Z')
    lastSecondsMs = ms
  }
  return lastSeconds
}

/** metav1.MicroTime: RFC 3339 with microseconds. */
function micro(ms: number): string {
  if (ms !== lastMicroMs) {
    lastMicro = new Date(ms).toISOString().replace(/\.(\d{3})Z$/, '.$1000Z')
    lastMicroMs = ms
  }
  return lastMicro
}
