// The store's watchers and how an event finds the ones it concerns (etcd mvcc watcher_group.go,
// with the indexed watchers of the apiserver's watch cache: k8s.io/apiserver
// pkg/storage/cacher/cacher.go indexedWatchers and triggerValues).
// A watcher may name a trigger: an index function over stored values (for pods, spec.nodeName)
// and the value it wants. An event is then delivered to it only when the index value of the new
// or the previous object is that value: the kubelet of one node is not called for the pods of
// the 99 others. Watchers without a trigger see every event under their prefix.
// Delivery order is the order the watchers started in, whatever their trigger, so adding a
// trigger changes who is called, never the order.

export interface IndexedTrigger<V = unknown> {
  /** The index, e.g. "spec.nodeName"; watchers naming the same index share one evaluation per event. */
  indexName: string
  /** The index function (upstream's IndexerFunc): the value of an object for this index. */
  indexerFunc: (value: V) => string
  /** The value this watcher wants (upstream's storage.MatchValue.Value). */
  value: string
}

export interface WatcherEntry<E> {
  prefix: string
  listener: (e: E) => void
  /** False once cancelled: an event being delivered skips it from then on. */
  active: boolean
  /** Start order, the order of delivery. */
  readonly seq: number
}

interface TriggerIndex<V> {
  indexerFunc: (value: V) => string
  /** Watchers by wanted value, each list in start order. */
  byValue: Map<string, readonly WatcherEntry<unknown>[]>
}

/**
 * Watchers in start order. Every list is copy-on-write: add and cancel replace the array, so an
 * event being delivered keeps the watchers it started with (a watcher started by a listener
 * sees only later events) without copying any list for each event.
 */
export class WatcherGroup<V, E> {
  private seq = 0
  private untriggered: readonly WatcherEntry<E>[] = []
  private readonly indexes = new Map<string, TriggerIndex<V>>()

  /** Start a watcher; returns its cancel function. */
  add(prefix: string, listener: (e: E) => void, trigger?: IndexedTrigger<V>): () => void {
    const entry: WatcherEntry<E> = { prefix, listener, active: true, seq: this.seq++ }
    if (!trigger) {
      this.untriggered = [...this.untriggered, entry]
      return () => {
        if (!entry.active) return
        entry.active = false
        this.untriggered = this.untriggered.filter((w) => w !== entry)
      }
    }
    let index = this.indexes.get(trigger.indexName)
    if (!index) {
      index = { indexerFunc: trigger.indexerFunc, byValue: new Map() }
      this.indexes.set(trigger.indexName, index)
    }
    const idx = index
    idx.byValue.set(trigger.value, [...(idx.byValue.get(trigger.value) ?? []), entry as WatcherEntry<unknown>])
    return () => {
      if (!entry.active) return
      entry.active = false
      const rest = (idx.byValue.get(trigger.value) ?? []).filter((w) => w !== entry)
      if (rest.length) idx.byValue.set(trigger.value, rest)
      else idx.byValue.delete(trigger.value)
      if (idx.byValue.size === 0) this.indexes.delete(trigger.indexName)
    }
  }

  /**
   * Deliver an event for `key` to every active watcher whose prefix the key starts with, and,
   * for a triggered watcher, whose value is the index value of `value` or of `prevValue`.
   */
  deliver(key: string, event: E, value: V, prevValue: V | undefined, hasPrev: boolean): void {
    const untriggered = this.untriggered
    // triggerValues: the index values of the new and the previous object, and their watchers.
    let triggered: readonly WatcherEntry<E>[] | undefined
    for (const index of this.indexes.values()) {
      const v = index.indexerFunc(value)
      triggered = mergeBySeq(triggered, index.byValue.get(v) as readonly WatcherEntry<E>[] | undefined)
      if (hasPrev) {
        const pv = index.indexerFunc(prevValue as V)
        if (pv !== v) triggered = mergeBySeq(triggered, index.byValue.get(pv) as readonly WatcherEntry<E>[] | undefined)
      }
    }
    if (!triggered) {
      for (const w of untriggered) if (w.active && key.startsWith(w.prefix)) w.listener(event)
      return
    }
    // Interleave the triggered watchers with the others, in start order.
    let j = 0
    for (const w of untriggered) {
      while (j < triggered.length && triggered[j].seq < w.seq) deliverTo(triggered[j++], key, event)
      deliverTo(w, key, event)
    }
    while (j < triggered.length) deliverTo(triggered[j++], key, event)
  }
}

function deliverTo<E>(w: WatcherEntry<E>, key: string, event: E): void {
  if (w.active && key.startsWith(w.prefix)) w.listener(event)
}

/** Two lists in start order (no watcher in both) as one; a missing list is empty. */
function mergeBySeq<E>(a: readonly WatcherEntry<E>[] | undefined, b: readonly WatcherEntry<E>[] | undefined): readonly WatcherEntry<E>[] | undefined {
  if (!a || a.length === 0) return b
  if (!b || b.length === 0) return a
  const out: WatcherEntry<E>[] = []
  let i = 0
  let j = 0
  while (i < a.length && j < b.length) out.push(a[i].seq < b[j].seq ? a[i++] : b[j++])
  while (i < a.length) out.push(a[i++])
  while (j < b.length) out.push(b[j++])
  return out
}
