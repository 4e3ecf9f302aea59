// Admission plugins on the create path (k8s.io/apiserver admission, plugin/pkg/admission):
// NamespaceLifecycle, ServiceAccount and DefaultTolerationSeconds.
import type { ResourceInfo } from '../api/resources'
import type { KubeObject, Namespace, Pod } from '../api/types'
import { StatusError, newForbidden, newNotFound } from '../api/errors'
import type { StrategyContext } from './registry/strategies'

export function admit(op: 'create' | 'update', ri: ResourceInfo, obj: KubeObject, old: KubeObject | undefined, ctx: StrategyContext): void {
  void old
  if (op === 'create' && ri.namespaced) namespaceLifecycle(ri, obj, ctx)
  if (op === 'create' && ri.resource === 'pods') {
    serviceAccount(obj as Pod, ctx)
    defaultTolerationSeconds(obj as Pod)
  }
}

function namespaceLifecycle(ri: ResourceInfo, obj: KubeObject, ctx: StrategyContext): void {
  const nsName = obj.metadata!.namespace!
  const ns = ctx.get('namespaces', undefined, nsName) as Namespace | undefined
  if (!ns) throw new StatusError(newNotFound({ group: '', resource: 'namespaces' }, nsName))
  if (ns.status?.phase === 'Terminating' && ri.resource !== 'events') {
    throw new StatusError(
      newForbidden({ group: ri.group, resource: ri.resource }, obj.metadata!.name ?? '', `unable to create new content in namespace ${nsName} because it is being terminated`),
    )
  }
}

function serviceAccount(pod: Pod, ctx: StrategyContext): void {
  const spec = pod.spec!
  // Mirror pods (static pods) do not get a service account.
  if (pod.metadata?.annotations?.['kubernetes.io/config.mirror']) return
  spec.serviceAccountName = spec.serviceAccountName || spec.serviceAccount || 'default'
  spec.serviceAccount = spec.serviceAccountName
  if (spec.automountServiceAccountToken === false) return
  if ((spec.volumes ?? []).some((v) => v.name.startsWith('kube-api-access-'))) return
  const name = `kube-api-access-${ctx.rng.nameSuffix(5)}`
  spec.volumes = [
    ...(spec.volumes ?? []),
    {
      name,
      projected: {
        defaultMode: 420,
        sources: [
          { serviceAccountToken: { expirationSeconds: 3607, path: 'token' } },
          { configMap: { name: 'kube-root-ca.crt', items: [{ key: 'ca.crt', path: 'ca.crt' }] } },
          { downwardAPI: { items: [{ fieldRef: { apiVersion: 'v1', fieldPath: 'metadata.namespace' }, path: 'namespace' }] } },
        ],
      },
    },
  ]
  for (const c of spec.containers) {
    c.volumeMounts = [...(c.volumeMounts ?? []), { name, readOnly: true, mountPath: '/var/run/secrets/kubernetes.io/serviceaccount' }]
  }
}

function defaultTolerationSeconds(pod: Pod): void {
  const spec = pod.spec!
  const tol = [...(spec.tolerations ?? [])]
  for (const key of ['node.kubernetes.io/not-ready', 'node.kubernetes.io/unreachable']) {
    if (!tol.some((t) => (t.key === key || (!t.key && t.operator === 'Exists')) && (!t.effect || t.effect === 'NoExecute'))) {
      tol.push({ key, operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 })
    }
  }
  spec.tolerations = tol
}
