// An etcd-like MVCC key-value store (etcd's mvcc package, in miniature). Every write bumps one
// global revision; each key remembers its create and mod revisions and version; watchers
// receive ordered events for a key prefix, optionally replayed from an earlier revision.
// Values are API objects, deep-frozen on the way in, so readers can share them safely.
// Live keys are kept in byte order in a KeyIndex (etcd's treeIndex), so a range is a search
// plus a walk, and a write never re-sorts the keys. A watch may name a trigger (the watch
// cache's indexed watchers, see watcherGroup.ts) so that only the watchers an event concerns
// are called.
// Only src/engine/apiserver imports this module.

import { KeyIndex } from './keyIndex'
import { WatcherGroup, type IndexedTrigger } from './watcherGroup'

export type { IndexedTrigger } from './watcherGroup'

export interface KeyValue<V = unknown> {
  key: string
  value: V
  createRevision: number
  modRevision: number
  version: number
}

export type WatchEventType = 'PUT' | 'DELETE'

export interface StoreEvent<V = unknown> {
  type: WatchEventType
  /** For PUT, the new key-value; for DELETE, a tombstone with the deleting revision as modRevision. */
  kv: KeyValue<V>
  prevKv?: KeyValue<V>
  /** True when a PUT created the key. */
  created: boolean
}

export interface Watcher<V = unknown> {
  cancel(): void
}

export class CompactedError extends Error {
  constructor(
    readonly requested: number,
    readonly compactRevision: number,
  ) {
    super(`mvcc: required revision has been compacted`)
  }
}

export class ModRevisionMismatch extends Error {
  constructor(
    readonly key: string,
    readonly expected: number,
    readonly actual: number,
  ) {
    super(`mod revision mismatch on ${key}: expected ${expected}, have ${actual}`)
  }
}

/** How many past events are kept for watches that start from an old revision. */
const HISTORY_LIMIT = 20_000

export class Store {
  private data = new Map<string, KeyValue>()
  private rev = 1
  private history: StoreEvent[] = []
  private compacted = 0
  private readonly watchers = new WatcherGroup<unknown, StoreEvent>()
  private readonly index = new KeyIndex()

  /** The current revision (etcd's header.revision). */
  revision(): number {
    return this.rev
  }

  get<V>(key: string): KeyValue<V> | undefined {
    return this.data.get(key) as KeyValue<V> | undefined
  }

  /** All keys with the prefix, in byte order as etcd returns them. */
  range<V>(prefix: string): KeyValue<V>[] {
    return this.index.withPrefix(prefix).map((key) => this.data.get(key) as KeyValue<V>)
  }

  count(prefix: string): number {
    return this.range(prefix).length
  }

  /**
   * Write a value. With `expectModRevision`, the write happens only if the key's current mod
   * revision matches (0 means "must not exist"), as the apiserver's GuaranteedUpdate txn does.
   */
  put<V>(key: string, value: V, expectModRevision?: number): KeyValue<V> {
    const prev = this.data.get(key)
    if (expectModRevision !== undefined && (prev?.modRevision ?? 0) !== expectModRevision) {
      throw new ModRevisionMismatch(key, expectModRevision, prev?.modRevision ?? 0)
    }
    const revision = ++this.rev
    const kv: KeyValue<V> = {
      key,
      value: deepFreeze(value),
      createRevision: prev ? prev.createRevision : revision,
      modRevision: revision,
      version: prev ? prev.version + 1 : 1,
    }
    if (!prev) this.index.insert(key)
    this.data.set(key, kv)
    this.emit({ type: 'PUT', kv, prevKv: prev, created: !prev })
    return kv
  }

  delete(key: string, expectModRevision?: number): KeyValue | undefined {
    const prev = this.data.get(key)
    if (!prev) return undefined
    if (expectModRevision !== undefined && prev.modRevision !== expectModRevision) {
      throw new ModRevisionMismatch(key, expectModRevision, prev.modRevision)
    }
    const revision = ++this.rev
    this.data.delete(key)
    this.index.remove(key)
    const tombstone: KeyValue = { ...prev, modRevision: revision }
    this.emit({ type: 'DELETE', kv: tombstone, prevKv: prev, created: false })
    return prev
  }

  /**
   * Watch a prefix. Events after `fromRevision` (exclusive of it, like etcd's start revision - 1)
   * that are still in history are replayed first; then new events arrive as they happen.
   * With a trigger, new events arrive only when the new or the previous value has the
   * trigger's index value (the replay is not filtered).
   */
  watch(prefix: string, listener: (e: StoreEvent) => void, fromRevision?: number, trigger?: IndexedTrigger): Watcher {
    if (fromRevision !== undefined && fromRevision < this.rev) {
      if (fromRevision < this.compacted) throw new CompactedError(fromRevision, this.compacted)
      for (const e of this.history) {
        if (e.kv.modRevision > fromRevision && e.kv.key.startsWith(prefix)) listener(e)
      }
    }
    return { cancel: this.watchers.add(prefix, listener, trigger) }
  }

  private emit(e: StoreEvent): void {
    this.history.push(e)
    if (this.history.length > HISTORY_LIMIT * 1.5) {
      const drop = this.history.length - HISTORY_LIMIT
      this.compacted = this.history[drop - 1].kv.modRevision
      this.history = this.history.slice(drop)
    }
    this.watchers.deliver(e.kv.key, e, e.kv.value, e.prevKv?.value, e.prevKv !== undefined)
  }
}

/** Freeze a value and everything in it; a frozen sub-tree (shared with a stored object) is skipped. */
export function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value)
    if (Array.isArray(value)) {
      for (let i = 0; i < value.length; i++) deepFreeze(value[i])
    } else {
      const keys = Object.keys(value)
      for (let i = 0; i < keys.length; i++) deepFreeze((value as Record<string, unknown>)[keys[i]])
    }
  }
  return value
}
