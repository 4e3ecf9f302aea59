// PATCH with application/strategic-merge-patch+json: the apiserver's side of strategic merge
// patch, the same merge kubectl's apply uses (src/engine/api/strategicpatch), with the options the
// server passes. Mirrors k8s.io/apimachinery strategicpatch.StrategicMergeMapPatchUsingLookupPatchMeta
// (MergeParallelList and IgnoreUnmatchedNulls), as k8s.io/apiserver's patch handler calls it with
// the patch metadata of the object's kind.

import { deepCopy } from '../../api/deepCopy'
import { mergeMap } from '../../api/strategicpatch/merge'
import type { PatchSchema } from '../../api/strategicpatch/meta'
import { isMap, type Json, type JsonMap } from '../../api/strategicpatch/types'

/** The patched object; throws PatchError with upstream's message for a malformed patch. */
export function applyStrategicMergePatch(original: unknown, patch: unknown, schema: PatchSchema): JsonMap {
  const base = deepCopy(original) as Json
  const p = deepCopy(patch) as Json
  return mergeMap(isMap(base) ? base : {}, isMap(p) ? p : {}, schema, { mergeParallelList: true, ignoreUnmatchedNulls: true })
}
