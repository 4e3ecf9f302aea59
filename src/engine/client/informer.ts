// A shared informer: list, then watch from the list's resourceVersion, keeping a local cache
// (client-go tools/cache: Reflector + Indexer + SharedIndexInformer). Delivery is synchronous:
// handlers run as the store changes, so they must only enqueue work (STYLE.md §0 rule 4).

import type { KubeObject } from '../api/types'
import type { WatchEvent, WatchHandle } from '../apiserver/apiServer'
import { apiVersionOf, type Client, type ListOptions } from './client'
import { findByResource } from '../api/resources'
import { keyOf, type ObjectKey } from './keys'

export interface EventHandler<T> {
  onAdd?(obj: T): void
  onUpdate?(oldObj: T, newObj: T): void
  onDelete?(obj: T): void
}

/** An index function: the values an object is filed under (cache.IndexFunc). */
export type IndexFunc<T> = (obj: T) => string[]

export class Informer<T extends KubeObject = KubeObject> {
  private readonly cache = new Map<ObjectKey, T>()
  /** Indexer: index name → value → keys (client-go's cache.Indexer). */
  private readonly indexers = new Map<string, { fn: IndexFunc<T>; index: Map<string, Set<ObjectKey>> }>()
  private readonly handlers: EventHandler<T>[] = []
  private watchHandle: WatchHandle | undefined
  private synced = false
  private readonly kind: string
  private readonly apiVersion: string

  constructor(
    private readonly client: Client,
    readonly resource: string,
    private readonly opts: ListOptions & { namespace?: string } = {},
  ) {
    this.kind = findByResource(resource)?.kind ?? ''
    this.apiVersion = apiVersionOf(resource)
  }

  addEventHandler(h: EventHandler<T>): void {
    this.handlers.push(h)
    if (this.synced) for (const obj of this.cache.values()) h.onAdd?.(obj)
  }

  /** List then watch. Idempotent. */
  start(): void {
    if (this.watchHandle) return
    const list = this.client.list<T>(this.resource, this.opts.namespace, this.opts)
    for (const item of list.items) {
      // Items of a list come without apiVersion/kind; the informer's typed objects have them.
      const obj = { apiVersion: this.apiVersion, kind: this.kind, ...item } as T
      this.cache.set(keyOf(obj), obj)
      this.reindex(keyOf(obj), undefined, obj)
    }
    this.synced = true
    for (const obj of this.cache.values()) for (const h of this.handlers) h.onAdd?.(obj)
    this.watchHandle = this.client.watch(
      this.resource,
      this.opts.namespace,
      { ...this.opts, resourceVersion: list.metadata.resourceVersion },
      (e) => this.onWatchEvent(e),
    )
  }

  stop(): void {
    this.watchHandle?.stop()
    this.watchHandle = undefined
  }

  hasSynced(): boolean {
    return this.synced
  }

  get(key: ObjectKey): T | undefined {
    return this.cache.get(key)
  }

  list(): T[] {
    return [...this.cache.values()]
  }

  size(): number {
    return this.cache.size
  }

  /** AddIndexers: file every cached object under the values `fn` gives. */
  addIndexer(name: string, fn: IndexFunc<T>): void {
    const index = new Map<string, Set<ObjectKey>>()
    this.indexers.set(name, { fn, index })
    for (const [key, obj] of this.cache) for (const v of fn(obj)) this.file(index, v, key)
  }

  /** ByIndex: the cached objects filed under `value`. */
  byIndex(name: string, value: string): T[] {
    const idx = this.indexers.get(name)
    if (!idx) throw new Error(`informer ${this.resource}: no index ${name}`)
    const keys = idx.index.get(value)
    return keys ? [...keys].map((k) => this.cache.get(k)!) : []
  }

  private file(index: Map<string, Set<ObjectKey>>, value: string, key: ObjectKey): void {
    let set = index.get(value)
    if (!set) index.set(value, (set = new Set()))
    set.add(key)
  }

  private reindex(key: ObjectKey, old: T | undefined, obj: T | undefined): void {
    for (const { fn, index } of this.indexers.values()) {
      const before = old ? fn(old) : []
      const after = obj ? fn(obj) : []
      for (const v of before) if (!after.includes(v)) index.get(v)?.delete(key)
      for (const v of after) if (!before.includes(v)) this.file(index, v, key)
    }
  }

  private onWatchEvent(e: WatchEvent): void {
    const obj = e.object as T
    const key = keyOf(obj)
    const old = this.cache.get(key)
    switch (e.type) {
      case 'ADDED':
      case 'MODIFIED':
        this.cache.set(key, obj)
        this.reindex(key, old, obj)
        for (const h of this.handlers) {
          if (old) h.onUpdate?.(old, obj)
          else h.onAdd?.(obj)
        }
        break
      case 'DELETED':
        this.cache.delete(key)
        this.reindex(key, old, undefined)
        for (const h of this.handlers) h.onDelete?.(old ?? obj)
        break
    }
  }
}

/** One informer per (resource, options), shared by the components of one process (SharedInformerFactory). */
export class InformerFactory {
  private readonly informers = new Map<string, Informer>()
  constructor(private readonly client: Client) {}

  informerFor<T extends KubeObject>(resource: string, opts: ListOptions & { namespace?: string } = {}): Informer<T> {
    const id = `${resource}?${JSON.stringify(opts)}`
    let inf = this.informers.get(id)
    if (!inf) {
      inf = new Informer(this.client, resource, opts)
      this.informers.set(id, inf)
    }
    return inf as unknown as Informer<T>
  }

  start(): void {
    for (const inf of this.informers.values()) inf.start()
  }

  stop(): void {
    for (const inf of this.informers.values()) inf.stop()
  }
}
