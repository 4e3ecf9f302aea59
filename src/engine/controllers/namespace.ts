// namespace-controller (pkg/controller/namespace/deletion/namespaced_resources_deleter.go): a
// Terminating namespace has its contents deleted; once empty, the "kubernetes" finalizer is
// removed through the finalize subresource and the apiserver deletes the namespace.
import type { Namespace } from '../api/types'
import { RESOURCES } from '../api/resources'
import { isNotFound } from '../client/client'
import { keyOf } from '../client/keys'
import { BaseController, type ControllerContext } from './base'

const RECHECK_MS = 1000

export class NamespaceController extends BaseController {
  private readonly namespaces
  constructor(ctx: ControllerContext) {
    super('namespace-controller', ctx)
    this.namespaces = ctx.informers.informerFor<Namespace>('namespaces')
    this.namespaces.addEventHandler({ onAdd: (ns) => this.queue.add(keyOf(ns)), onUpdate: (_o, ns) => this.queue.add(keyOf(ns)) })
  }

  sync(key: string): void {
    const ns = this.namespaces.get(key)
    if (!ns?.metadata?.deletionTimestamp) return
    const name = ns.metadata.name!
    const { client } = this.ctx
    let remaining = 0
    for (const ri of RESOURCES) {
      if (!ri.namespaced || !ri.verbs.includes('list') || ri.resource === 'events') continue
      for (const item of client.list(ri.resource, name).items) {
        remaining++
        if (item.metadata?.deletionTimestamp) continue
        try {
          client.delete(ri.resource, name, item.metadata!.name!, { propagationPolicy: 'Background' })
        } catch (e) {
          if (!isNotFound(e)) throw e
        }
      }
    }
    if (remaining > 0) return this.queue.addAfter(key, RECHECK_MS)
    for (const ev of client.list('events', name).items) {
      try {
        client.delete('events', name, ev.metadata!.name!)
      } catch (e) {
        if (!isNotFound(e)) throw e
      }
    }
    try {
      client.update('namespaces', { ...ns, spec: { finalizers: [] } }, { subresource: 'finalize' })
    } catch (e) {
      if (!isNotFound(e)) throw e
    }
  }
}
