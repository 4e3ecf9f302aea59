// Queue keys, as client-go's cache.MetaNamespaceKeyFunc: "namespace/name", or "name" for cluster-scoped objects.
import type { KubeObject } from '../api/types'

export type ObjectKey = string

export function keyOf(obj: KubeObject): ObjectKey {
  const m = obj.metadata ?? {}
  return m.namespace ? `${m.namespace}/${m.name}` : `${m.name}`
}

export function splitKey(key: ObjectKey): { namespace?: string; name: string } {
  const i = key.indexOf('/')
  return i < 0 ? { name: key } : { namespace: key.slice(0, i), name: key.slice(i + 1) }
}
