// The registry works on the request's decoded copy in place, as the Go strategies mutate the
// object they are handed. Defaulting and admission are ported as pure functions that return new
// objects, so their result is written back into that copy.

import type { KubeObject } from '../../api/types'

function replaceKeys(target: Record<string, unknown>, source: Record<string, unknown>): void {
  for (const k of Object.keys(target)) delete target[k]
  Object.assign(target, source)
}

/**
 * Replace the contents of `target` with those of `source`, keeping `source`'s key order. The
 * target's metadata object keeps its identity (its contents are replaced too): the apiserver
 * holds a reference to it across the strategy hooks.
 */
export function replaceObject(target: KubeObject, source: KubeObject): void {
  if (target === source) return
  const meta = target.metadata
  const sourceMeta = source.metadata
  replaceKeys(target as Record<string, unknown>, source as Record<string, unknown>)
  if (meta && sourceMeta && meta !== sourceMeta) {
    replaceKeys(meta as Record<string, unknown>, sourceMeta as Record<string, unknown>)
    target.metadata = meta
  }
}
