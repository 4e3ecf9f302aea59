// JSON merge patch, RFC 7386 (what `kubectl patch --type=merge` sends; evanphx/json-patch MergePatch).

import { deepCopy } from '../../api/deepCopy'

type Json = unknown

function isObject(v: Json): v is Record<string, Json> {
  return typeof v === 'object' && v !== null && !Array.isArray(v)
}

export function applyMergePatch(target: Json, patch: Json): Json {
  if (!isObject(patch)) return deepCopy(patch)
  const out: Record<string, Json> = isObject(target) ? { ...target } : {}
  for (const [k, v] of Object.entries(patch)) {
    if (v === null) delete out[k]
    else out[k] = applyMergePatch(out[k], v)
  }
  return out
}

/** The merge patch that turns `from` into `to` (used by clients to compute minimal updates). */
export function createMergePatch(from: Json, to: Json): Json {
  if (!isObject(from) || !isObject(to)) return deepCopy(to)
  const patch: Record<string, Json> = {}
  for (const k of Object.keys(from)) if (!(k in to)) patch[k] = null
  for (const [k, v] of Object.entries(to)) {
    if (!(k in from)) patch[k] = deepCopy(v)
    else if (JSON.stringify(from[k]) !== JSON.stringify(v)) {
      patch[k] = isObject(from[k]) && isObject(v) ? createMergePatch(from[k], v) : deepCopy(v)
    }
  }
  return patch
}
