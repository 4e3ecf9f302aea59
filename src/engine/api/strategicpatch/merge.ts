// The merge half of kubectl's strategic merge patch, as the client calls it to combine the
// deletions patch and the changes patch of a three-way apply (MergeOptions{}: parallel lists are
// carried, not applied; unmatched nulls are kept). It is also what the apiserver runs with
// MergeParallelList and IgnoreUnmatchedNulls, which the options allow.
// Mirrors: k8s.io/apimachinery v0.32 pkg/util/strategicpatch/patch.go (mergeMap,
// applyRetainKeysDirective, mergePatchIntoOriginal, validatePatchWithSetOrderList, mergeSlice,
// mergeSliceWithSpecialElements, mergeSliceWithoutSpecialElements, normalizeElementOrder,
// mergeSortedSlice, removeDirectives, discardNullValuesFromPatch, ...). Upstream mutates its maps
// and slices while merging; so does this port, on the caller's copies. Go's append leaves a
// caller's slice at its old length; where upstream relies on that, the port copies.

import { lookupPatchMetadata, type PatchSchema } from './meta'
import {
  type Json,
  type JsonMap,
  DIRECTIVE_MARKER,
  DELETE_DIRECTIVE,
  REPLACE_DIRECTIVE,
  MERGE_DIRECTIVE,
  DELETE_FROM_PRIMITIVE_LIST_PREFIX,
  RETAIN_KEYS_DIRECTIVE,
  SET_ELEMENT_ORDER_PREFIX,
  ERR_BAD_PATCH_FORMAT_FOR_PRIMITIVE_LIST,
  ERR_BAD_PATCH_FORMAT_FOR_RETAIN_KEYS,
  ERR_BAD_PATCH_FORMAT_FOR_SET_ELEMENT_ORDER_LIST,
  type MergeOptions,
  type GoKind,
  isMap,
  goKind,
  goScalarEqual,
  deepEqual,
  sprint,
  has,
  keysOf,
  errBadArgType,
  errNoMergeKey,
  errBadPatchType,
  deduplicateScalars,
  sliceElementKind,
  extractRetainKeysPatchStrategy,
  PatchError,
  mergeKeyValueEqual,
  normalizeSliceOrder,
  indexOf,
  extractToDeleteItems,
} from './types'


export function mergeMap(originalIn: JsonMap | null, patch: JsonMap, schema: PatchSchema, options: MergeOptions): JsonMap {
  if (has(patch, DIRECTIVE_MARKER)) return handleDirectiveInMergeMap(patch[DIRECTIVE_MARKER], patch)
  const original = originalIn ?? {}
  applyRetainKeysDirective(original, patch, options)
  mergePatchIntoOriginal(original, patch, schema, options)
  for (const key of keysOf(patch)) {
    const patchV = patch[key]
    let k = key
    // preprocessDeletionListForMerging
    let isDeleteList = false
    if (k.startsWith(DELETE_FROM_PRIMITIVE_LIST_PREFIX)) {
      if (!options.mergeParallelList) {
        original[k] = patchV
        continue
      }
      k = extractKey(k, DELETE_FROM_PRIMITIVE_LIST_PREFIX)
      isDeleteList = true
    }
    if (patchV === null) {
      delete original[k]
      if (options.ignoreUnmatchedNulls) continue
    }
    if (!has(original, k) || goKind(original[k]) !== goKind(patchV)) {
      if (!isDeleteList) {
        if (options.ignoreUnmatchedNulls) discardNullValuesFromPatch(patchV)
        const kept = removeDirectives(patchV)
        if (kept.keep) original[k] = kept.value
        else delete original[k]
      }
      continue
    }
    const originalValue = original[k]
    if (isMap(originalValue)) {
      const { schema: subschema, meta } = lookupPatchMetadata(schema, k)
      const { strategy } = extractRetainKeysPatchStrategy(meta.strategies)
      original[k] = strategy !== REPLACE_DIRECTIVE ? mergeMap(originalValue, patchV as JsonMap, subschema, options) : (patchV as JsonMap)
    } else if (Array.isArray(originalValue)) {
      const { schema: subschema, meta } = lookupPatchMetadata(schema, k)
      const { strategy } = extractRetainKeysPatchStrategy(meta.strategies)
      original[k] = mergeSliceHandler(originalValue, patchV as Json[], subschema, strategy, meta.mergeKey, isDeleteList, options)
    } else {
      const kept = removeDirectives(patchV)
      if (kept.keep) original[k] = kept.value
      else delete original[k]
    }
  }
  return original
}

function discardNullValuesFromPatch(v: Json): void {
  if (isMap(v)) {
    for (const k of Object.keys(v)) {
      if (v[k] === null) delete v[k]
      else discardNullValuesFromPatch(v[k])
    }
  } else if (Array.isArray(v)) v.forEach(discardNullValuesFromPatch)
}

/** removeDirectives: $patch directives dropped from a value taken as is; false when the value is one. */
function removeDirectives(v: Json): { value: Json; keep: boolean } {
  if (isMap(v)) {
    if (has(v, DIRECTIVE_MARKER)) return { value: null, keep: false }
    for (const k of Object.keys(v)) {
      const r = removeDirectives(v[k])
      if (r.keep) v[k] = r.value
      else delete v[k]
    }
    return { value: v, keep: true }
  }
  if (Array.isArray(v)) {
    const res: Json[] = []
    for (const e of v) {
      const r = removeDirectives(e)
      if (r.keep) res.push(r.value)
    }
    return { value: res, keep: true }
  }
  return { value: v, keep: true }
}

function handleDirectiveInMergeMap(directive: Json, patch: JsonMap): JsonMap {
  if (directive === REPLACE_DIRECTIVE) {
    delete patch[DIRECTIVE_MARKER]
    return patch
  }
  if (directive === DELETE_DIRECTIVE) return {}
  throw errBadPatchType(directive, patch)
}

function applyRetainKeysDirective(original: JsonMap, patch: JsonMap, options: MergeOptions): void {
  if (!has(patch, RETAIN_KEYS_DIRECTIVE)) return
  const retainKeysInPatch = patch[RETAIN_KEYS_DIRECTIVE]
  delete patch[RETAIN_KEYS_DIRECTIVE]
  if (!options.mergeParallelList) {
    // The "original" is the deletions patch: both patches must agree on the directive.
    if (has(original, RETAIN_KEYS_DIRECTIVE)) {
      if (!deepEqual(original[RETAIN_KEYS_DIRECTIVE], retainKeysInPatch)) {
        throw new PatchError(
          `${sprint(original[RETAIN_KEYS_DIRECTIVE])} and ${sprint(retainKeysInPatch)} are not deep equal: this may happen when calculating the 3-way diff patch`,
        )
      }
    } else original[RETAIN_KEYS_DIRECTIVE] = retainKeysInPatch
    return
  }
  if (!Array.isArray(retainKeysInPatch)) throw new PatchError(ERR_BAD_PATCH_FORMAT_FOR_RETAIN_KEYS)
  const keep = new Set(retainKeysInPatch.map((k) => sprint(k)))
  for (const k of Object.keys(patch)) {
    const v = patch[k]
    if (v === null || k.startsWith(DELETE_FROM_PRIMITIVE_LIST_PREFIX) || k.startsWith(SET_ELEMENT_ORDER_PREFIX)) continue
    if (!keep.has(k)) throw new PatchError(ERR_BAD_PATCH_FORMAT_FOR_RETAIN_KEYS)
  }
  for (const k of Object.keys(original)) if (!keep.has(k)) delete original[k]
}

function extractKey(s: string, prefix: string): string {
  const slash = s.indexOf('/')
  if (slash < 0 || s.slice(0, slash) !== prefix) {
    if (prefix === DELETE_FROM_PRIMITIVE_LIST_PREFIX) throw new PatchError(ERR_BAD_PATCH_FORMAT_FOR_PRIMITIVE_LIST)
    if (prefix === SET_ELEMENT_ORDER_PREFIX) throw new PatchError(ERR_BAD_PATCH_FORMAT_FOR_SET_ELEMENT_ORDER_LIST)
    throw new PatchError(`fail to find unknown prefix ${JSON.stringify(prefix)} in ${s}\n`)
  }
  return s.slice(slash + 1)
}

function mergePatchIntoOriginal(original: JsonMap, patch: JsonMap, schema: PatchSchema, options: MergeOptions): void {
  for (const key of keysOf(patch)) {
    if (!key.startsWith(SET_ELEMENT_ORDER_PREFIX)) continue
    const setElementOrderInPatch = patch[key]
    if (!options.mergeParallelList) {
      if (has(original, key)) {
        if (!deepEqual(original[key], setElementOrderInPatch)) throw new PatchError(ERR_BAD_PATCH_FORMAT_FOR_SET_ELEMENT_ORDER_LIST)
      } else original[key] = setElementOrderInPatch
    }
    delete patch[key]
    if (!Array.isArray(setElementOrderInPatch)) throw errBadArgType('[]interface {}', setElementOrderInPatch)
    const originalKey = extractKey(key, SET_ELEMENT_ORDER_PREFIX)
    const foundOriginal = has(original, originalKey)
    const foundPatch = has(patch, originalKey)
    let originalFieldValue: Json[] = []
    let patchFieldValue: Json[] = []
    if (foundOriginal) {
      const v = original[originalKey]
      if (!Array.isArray(v)) throw errBadArgType('[]interface {}', v)
      originalFieldValue = v
    }
    if (foundPatch) {
      const v = patch[originalKey]
      if (!Array.isArray(v)) throw errBadArgType('[]interface {}', v)
      patchFieldValue = v
    }
    const { schema: subschema, meta } = lookupPatchMetadata(schema, originalKey)
    const { strategy } = extractRetainKeysPatchStrategy(meta.strategies)
    const mergeKey = meta.mergeKey
    validatePatchWithSetOrderList(patchFieldValue, setElementOrderInPatch, mergeKey)
    let merged: Json[]
    if (foundOriginal && !foundPatch) merged = originalFieldValue
    else if (!foundOriginal && foundPatch) merged = removeDirectives(patchFieldValue).value as Json[]
    else if (foundOriginal && foundPatch) merged = mergeSliceHandler(originalFieldValue, patchFieldValue, subschema, strategy, mergeKey, false, options)
    else continue
    const { patchItems, serverOnlyItems } =
      mergeKey.length === 0 ? partitionPrimitivesByPresentInList(merged, setElementOrderInPatch) : partitionMapsByPresentInList(merged, setElementOrderInPatch, mergeKey)
    const kind = sliceElementKind(originalFieldValue, patchFieldValue)
    original[originalKey] = normalizeElementOrder(patchItems, serverOnlyItems, setElementOrderInPatch, originalFieldValue, mergeKey, kind)
    delete patch[originalKey]
  }
}

function validatePatchWithSetOrderList(patchList: Json[], setOrderList: Json[], mergeKey: string): void {
  if (setOrderList.length === 0 || patchList.length === 0) return
  const nonDeleteList = mergeKey.length > 0 ? extractToDeleteItems(patchList).nonDelete : patchList
  let patchIndex = 0
  let setOrderIndex = 0
  while (patchIndex < nonDeleteList.length && setOrderIndex < setOrderList.length) {
    if (isMap(nonDeleteList[patchIndex]) && has(nonDeleteList[patchIndex] as JsonMap, DIRECTIVE_MARKER)) {
      patchIndex++
      continue
    }
    if (mergeKeyValueEqual(nonDeleteList[patchIndex], setOrderList[setOrderIndex], mergeKey)) patchIndex++
    setOrderIndex++
  }
  if (patchIndex < nonDeleteList.length && setOrderIndex >= setOrderList.length) {
    throw new PatchError(`The order in patch list:\n${sprint(patchList)}\n doesn't match ${SET_ELEMENT_ORDER_PREFIX} list:\n${sprint(setOrderList)}\n`)
  }
}

function partitionPrimitivesByPresentInList(original: Json[], partitionBy: Json[]): { patchItems: Json[]; serverOnlyItems: Json[] } {
  const patchItems: Json[] = []
  const serverOnlyItems: Json[] = []
  for (const v of original) {
    if (partitionBy.some((p) => goScalarEqual(p, v))) patchItems.push(v)
    else serverOnlyItems.push(v)
  }
  return { patchItems, serverOnlyItems }
}

function partitionMapsByPresentInList(original: Json[], partitionBy: Json[], mergeKey: string): { patchItems: Json[]; serverOnlyItems: Json[] } {
  const patchItems: Json[] = []
  const serverOnlyItems: Json[] = []
  for (const v of original) {
    if (!isMap(v)) throw errBadArgType('map[string]interface {}', v)
    if (!has(v, mergeKey)) throw errNoMergeKey(v, mergeKey)
    if (findMapInSliceBasedOnKeyValue(partitionBy, mergeKey, v[mergeKey]).found) patchItems.push(v)
    else serverOnlyItems.push(v)
  }
  return { patchItems, serverOnlyItems }
}

function mergeSliceHandler(
  original: Json[],
  patch: Json[],
  schema: PatchSchema,
  strategy: string,
  mergeKey: string,
  isDeleteList: boolean,
  options: MergeOptions,
): Json[] {
  if (strategy === MERGE_DIRECTIVE) return mergeSlice(original, patch, schema, mergeKey, options, isDeleteList)
  return patch
}

function mergeSlice(originalIn: Json[], patchIn: Json[], schema: PatchSchema, mergeKey: string, options: MergeOptions, isDeleteList: boolean): Json[] {
  let original = originalIn
  let patch = patchIn
  if (original.length === 0 && patch.length === 0) return original
  const kind = sliceElementKind(original, patch)
  let merged: Json[]
  if (kind !== 'map') {
    if (options.mergeParallelList && isDeleteList) return deleteFromSlice(original, patch)
    merged = deduplicateScalars([...original, ...patch])
  } else {
    if (mergeKey === '') throw new PatchError(`cannot merge lists without merge key for ${schema.name}`)
    const special = mergeSliceWithSpecialElements(original, patch, mergeKey)
    original = special.original
    patch = special.patch
    merged = mergeSliceWithoutSpecialElements(original, patch, mergeKey, schema, options)
  }
  const { patchItems, serverOnlyItems } =
    mergeKey.length === 0 ? partitionPrimitivesByPresentInList(merged, patch) : partitionMapsByPresentInList(merged, patch, mergeKey)
  return normalizeElementOrder(patchItems, serverOnlyItems, patch, original, mergeKey, kind)
}

function mergeSliceWithSpecialElements(original: Json[], patch: Json[], mergeKey: string): { original: Json[]; patch: Json[] } {
  const withoutSpecial: Json[] = []
  let replace = false
  let out = original
  for (const v of patch) {
    const m = v as JsonMap
    if (!has(m, DIRECTIVE_MARKER)) {
      withoutSpecial.push(v)
      continue
    }
    const patchType = m[DIRECTIVE_MARKER]
    if (patchType === DELETE_DIRECTIVE) {
      if (!has(m, mergeKey)) throw errNoMergeKey(m, mergeKey)
      out = deleteMatchingEntries(out, mergeKey, m[mergeKey])
    } else if (patchType === REPLACE_DIRECTIVE) replace = true
    else if (patchType === MERGE_DIRECTIVE) throw new PatchError('merging lists cannot yet be specified in the patch')
    else throw errBadPatchType(patchType, m)
  }
  if (replace) return { original: withoutSpecial, patch: [] }
  return { original: out, patch: withoutSpecial }
}

function deleteMatchingEntries(original: Json[], mergeKey: string, mergeValue: Json): Json[] {
  let out = original
  for (;;) {
    const found = findMapInSliceBasedOnKeyValue(out, mergeKey, mergeValue)
    if (!found.found) return out
    out = [...out.slice(0, found.index), ...out.slice(found.index + 1)]
  }
}

function mergeSliceWithoutSpecialElements(original: Json[], patch: Json[], mergeKey: string, schema: PatchSchema, options: MergeOptions): Json[] {
  // Go's append leaves the caller's slice (its server order) at its old length.
  const out = [...original]
  for (const v of patch) {
    const m = v as JsonMap
    if (!has(m, mergeKey)) throw errNoMergeKey(m, mergeKey)
    const found = findMapInSliceBasedOnKeyValue(out, mergeKey, m[mergeKey])
    if (found.found) out[found.index] = mergeMap(found.map as JsonMap, m, schema, options)
    else out.push(v)
  }
  return out
}

function deleteFromSlice(current: Json[], toDelete: Json[]): Json[] {
  return current.filter((v) => !toDelete.some((d) => goScalarEqual(d, v)))
}

function findMapInSliceBasedOnKeyValue(m: Json[], key: string, value: Json): { map?: JsonMap; index: number; found: boolean } {
  for (let k = 0; k < m.length; k++) {
    const v = m[k]
    if (!isMap(v)) throw new PatchError(`value for key ${k} is not a map.`)
    if (has(v, key) && goScalarEqual(v[key], value)) return { map: v, index: k, found: true }
  }
  return { index: 0, found: false }
}

function normalizeElementOrder(patch: Json[], serverOnly: Json[], patchOrder: Json[], serverOrder: Json[], mergeKey: string, kind: GoKind): Json[] {
  const p = normalizeSliceOrder(patch, patchOrder, mergeKey, kind)
  const s = normalizeSliceOrder(serverOnly, serverOrder, mergeKey, kind)
  return mergeSortedSlice(s, p, serverOrder, mergeKey, kind)
}

function mergeSortedSlice(left: Json[], right: Json[], serverOrder: Json[], mergeKey: string, kind: GoKind): Json[] {
  const size = left.length + right.length
  const out: Json[] = []
  let i = 0
  let j = 0
  for (let k = 0; k < size; k++) {
    if (i >= left.length && j < right.length) out.push(right[j++])
    else if (j >= right.length && i < left.length) out.push(left[i++])
    else {
      const li = indexOf(serverOrder, left[i], mergeKey, kind)
      const ri = indexOf(serverOrder, right[j], mergeKey, kind)
      if (li >= 0 && ri >= 0 && li < ri) out.push(left[i++])
      else out.push(right[j++])
    }
  }
  return out
}

