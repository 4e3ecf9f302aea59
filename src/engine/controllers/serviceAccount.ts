// serviceaccounts-controller (pkg/controller/serviceaccount/serviceaccounts_controller.go) and
// root-ca-cert-publisher (pkg/controller/certificates/rootcacertpublisher): every active
// namespace gets a "default" ServiceAccount and the "kube-root-ca.crt" ConfigMap.
import type { Namespace } from '../api/types'
import { isAlreadyExists, isNotFound } from '../client/client'
import { keyOf } from '../client/keys'
import { BaseController, type ControllerContext } from './base'

export class ServiceAccountsController extends BaseController {
  private readonly namespaces
  constructor(ctx: ControllerContext, private readonly caCert: string) {
    super('serviceaccount-controller', ctx)
    this.namespaces = ctx.informers.informerFor<Namespace>('namespaces')
    this.namespaces.addEventHandler({ onAdd: (ns) => this.queue.add(keyOf(ns)), onUpdate: (_o, ns) => this.queue.add(keyOf(ns)) })
  }

  sync(key: string): void {
    const ns = this.namespaces.get(key)
    if (!ns || ns.status?.phase !== 'Active') return
    const name = ns.metadata!.name!
    const { client } = this.ctx
    try {
      if (!client.find('serviceaccounts', name, 'default')) {
        client.create('serviceaccounts', name, { apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: 'default', namespace: name } })
      }
      if (!client.find('configmaps', name, 'kube-root-ca.crt')) {
        client.create('configmaps', name, {
          apiVersion: 'v1',
          kind: 'ConfigMap',
          metadata: { name: 'kube-root-ca.crt', namespace: name, annotations: { 'kubernetes.io/description': 'Contains a CA bundle that can be used to verify the kube-apiserver when using internal endpoints such as the internal service IP or kubernetes.default.svc. No other usage is guaranteed across distributions of Kubernetes clusters.' } },
          data: { 'ca.crt': this.caCert },
        })
      }
    } catch (e) {
      if (!isAlreadyExists(e) && !isNotFound(e)) throw e
    }
  }
}
