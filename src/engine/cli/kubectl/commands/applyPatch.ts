// The client-side three-way strategic merge patch of `kubectl apply`: the changes from the live
// object to the file (without deletions), plus the deletions from the last-applied configuration
// to the file, with kubectl's `$setElementOrder`, `$deleteFromPrimitiveList`, `$retainKeys` and
// `$patch: delete` directives, serialised as Go's json.Marshal writes it.
// Mirrors: k8s.io/apimachinery v0.32 pkg/util/strategicpatch/patch.go (CreateThreeWayMergePatch
// and the diff half: diffMaps, handleMapDiff, handleSliceDiff, diffLists, diffListsOfMaps,
// diffListsOfScalars, sortMergeListsByNameArray, ...); the merge half is api/strategicpatch/merge.ts, the Go
// semantics both need api/strategicpatch/types.ts. Go's map iteration order is random; nothing here depends
// on it except where upstream's result does not either, so maps are walked in sorted order.
// Left out: the `--overwrite=false` conflict check (MergingMapsHaveConflicts) and precondition
// functions (kubectl apply passes none).

import { marshalGoJson } from '../printers/goJson'
import { compareGoStrings } from '../../../api/goValues'
import { lookupPatchMetadata, type PatchSchema } from '../../../api/strategicpatch/meta'
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
  ERR_BAD_JSON_DOC,
  type DiffOptions,
  isMap,
  goKind,
  deepEqual,
  sprint,
  has,
  keysOf,
  errBadArgType,
  errNoMergeKey,
  stableSort,
  sortScalars,
  deduplicateScalars,
  sliceElementKind,
  extractRetainKeysPatchStrategy,
  PatchError,
  normalizeSliceOrder,
  mergeKeyValueEqual,
} from '../../../api/strategicpatch/types'
import { mergeMap } from '../../../api/strategicpatch/merge'

export { PatchError } from '../../../api/strategicpatch/types'

function diffMaps(original: JsonMap, modified: JsonMap, schema: PatchSchema, options: DiffOptions): JsonMap {
  const patch: JsonMap = {}
  const retainKeysList: Json[] = []
  for (const key of keysOf(modified)) {
    const modifiedValue = modified[key]
    if (options.buildRetainKeysDirective && modifiedValue !== null) retainKeysList.push(key)
    if (!has(original, key)) {
      if (!options.ignoreChangesAndAdditions) patch[key] = modifiedValue
      continue
    }
    const originalValue = original[key]
    if (key === DIRECTIVE_MARKER) {
      if (typeof originalValue !== 'string' || typeof modifiedValue !== 'string') throw new PatchError(`invalid value for special key: ${DIRECTIVE_MARKER}`)
      if (modifiedValue !== originalValue) patch[DIRECTIVE_MARKER] = modifiedValue
      continue
    }
    if (goKind(originalValue) !== goKind(modifiedValue)) {
      if (!options.ignoreChangesAndAdditions) patch[key] = modifiedValue
      continue
    }
    if (isMap(originalValue)) handleMapDiff(key, originalValue, modifiedValue as JsonMap, patch, schema, options)
    else if (Array.isArray(originalValue)) handleSliceDiff(key, originalValue, modifiedValue as Json[], patch, schema, options)
    else replacePatchFieldIfNotEqual(key, originalValue, modifiedValue, patch, options)
  }
  updatePatchIfMissing(original, modified, patch, options)
  if (retainKeysList.length > 0 && (Object.keys(patch).length > 0 || hasAdditionalNewField(original, modified))) {
    patch[RETAIN_KEYS_DIRECTIVE] = sortScalars(retainKeysList)
  }
  return patch
}

function handleMapDiff(key: string, originalValue: JsonMap, modifiedValue: JsonMap, patch: JsonMap, schema: PatchSchema, options: DiffOptions): void {
  const { schema: subschema, meta } = lookupPatchMetadata(schema, key)
  const { retainKeys, strategy } = extractRetainKeysPatchStrategy(meta.strategies)
  const opts = { ...options, buildRetainKeysDirective: retainKeys }
  if (strategy === REPLACE_DIRECTIVE) {
    if (!opts.ignoreChangesAndAdditions) patch[key] = modifiedValue
    return
  }
  const patchValue = diffMaps(originalValue, modifiedValue, subschema, opts)
  if (Object.keys(patchValue).length > 0) patch[key] = patchValue
}

function handleSliceDiff(key: string, originalValue: Json[], modifiedValue: Json[], patch: JsonMap, schema: PatchSchema, options: DiffOptions): void {
  const { schema: subschema, meta } = lookupPatchMetadata(schema, key)
  const { retainKeys, strategy } = extractRetainKeysPatchStrategy(meta.strategies)
  if (strategy !== MERGE_DIRECTIVE) {
    replacePatchFieldIfNotEqual(key, originalValue, modifiedValue, patch, options)
    return
  }
  const opts = { ...options, buildRetainKeysDirective: retainKeys }
  const { addList, deletionList, setOrderList } = diffLists(originalValue, modifiedValue, subschema, meta.mergeKey, opts)
  if (addList.length > 0) patch[key] = addList
  if (deletionList.length > 0) patch[`${DELETE_FROM_PRIMITIVE_LIST_PREFIX}/${key}`] = deletionList
  if (setOrderList.length > 0) patch[`${SET_ELEMENT_ORDER_PREFIX}/${key}`] = setOrderList
}

function replacePatchFieldIfNotEqual(key: string, original: Json, modified: Json, patch: JsonMap, options: DiffOptions): void {
  if (options.ignoreChangesAndAdditions) return
  if (deepEqual(original, modified)) return
  patch[key] = modified
}

function updatePatchIfMissing(original: JsonMap, modified: JsonMap, patch: JsonMap, options: DiffOptions): void {
  if (options.ignoreDeletions) return
  for (const key of keysOf(original)) if (!has(modified, key)) patch[key] = null
}

function hasAdditionalNewField(original: JsonMap, modified: JsonMap): boolean {
  return Object.keys(original).some((k) => original[k] !== null && !has(modified, k))
}

function diffLists(
  original: Json[],
  modified: Json[],
  schema: PatchSchema,
  mergeKey: string,
  options: DiffOptions,
): { addList: Json[]; deletionList: Json[]; setOrderList: Json[] } {
  if (original.length === 0) {
    if (modified.length === 0 || options.ignoreChangesAndAdditions) return { addList: [], deletionList: [], setOrderList: [] }
    return { addList: modified, deletionList: [], setOrderList: [] }
  }
  const kind = sliceElementKind(original, modified)
  let setOrderList: Json[] = []
  if (kind === 'map') {
    const diffed = diffListsOfMaps(original, modified, schema, mergeKey, options)
    let patchList = normalizeSliceOrder(diffed.patch, modified, mergeKey, kind)
    const orderSame = isOrderSame(original, modified, mergeKey)
    patchList = [...patchList, ...diffed.deletionList]
    if (
      options.setElementOrder &&
      ((!options.ignoreChangesAndAdditions && (patchList.length > 0 || !orderSame)) || (!options.ignoreDeletions && patchList.length > 0))
    ) {
      setOrderList = modified.map((v) => ({ [mergeKey]: (v as JsonMap)[mergeKey] ?? null }))
    }
    return { addList: patchList, deletionList: [], setOrderList }
  }
  const diffed = diffListsOfScalars(original, modified, options)
  const patchList = normalizeSliceOrder(diffed.addList, modified, mergeKey, kind)
  // `original` was sorted in place by diffListsOfScalars, as upstream's is, before this compare.
  if (options.setElementOrder && ((!options.ignoreDeletions && diffed.deletionList.length > 0) || (!options.ignoreChangesAndAdditions && !deepEqual(original, modified)))) {
    setOrderList = modified
  }
  return { addList: patchList, deletionList: diffed.deletionList, setOrderList }
}

function isOrderSame(original: Json[], modified: Json[], mergeKey: string): boolean {
  if (original.length !== modified.length) return false
  for (let i = 0; i < modified.length; i++) if (!mergeKeyValueEqual(original[i], modified[i], mergeKey)) return false
  return true
}

function diffListsOfScalars(original: Json[], modified: Json[], options: DiffOptions): { addList: Json[]; deletionList: Json[] } {
  const originalScalars = sortScalars(original)
  const modifiedScalars = sortScalars([...modified])
  const addList: Json[] = []
  const deletionList: Json[] = []
  let oi = 0
  let mi = 0
  for (;;) {
    const oIn = oi < originalScalars.length
    const mIn = mi < modifiedScalars.length
    if (!oIn && !mIn) break
    const os = oIn ? sprint(originalScalars[oi]) : ''
    const ms = mIn ? sprint(modifiedScalars[mi]) : ''
    const cmp = compareGoStrings(os, ms)
    if (oIn && mIn && cmp === 0) {
      oi++
      mi++
    } else if (!oIn || (oIn && mIn && cmp > 0)) {
      if (!options.ignoreChangesAndAdditions) addList.push(modifiedScalars[mi])
      mi++
    } else {
      if (!options.ignoreDeletions) deletionList.push(originalScalars[oi])
      oi++
    }
  }
  return { addList, deletionList: deduplicateScalars(deletionList) }
}

function mapAndMergeKeyValue(list: Json[], index: number, mergeKey: string): { m: JsonMap; value: Json } {
  const m = list[index]
  if (!isMap(m)) throw errBadArgType('map[string]interface {}', m)
  if (!has(m, mergeKey)) throw errNoMergeKey(m, mergeKey)
  return { m, value: m[mergeKey] }
}

function diffListsOfMaps(original: Json[], modified: Json[], schema: PatchSchema, mergeKey: string, options: DiffOptions): { patch: Json[]; deletionList: Json[] } {
  const patch: Json[] = []
  const deletionList: Json[] = []
  const originalSorted = sortMergeListsByNameArray(original, mergeKey)
  const modifiedSorted = sortMergeListsByNameArray(modified, mergeKey)
  let oi = 0
  let mi = 0
  for (;;) {
    const oIn = oi < originalSorted.length
    const mIn = mi < modifiedSorted.length
    if (!oIn && !mIn) break
    const o = oIn ? mapAndMergeKeyValue(originalSorted, oi, mergeKey) : undefined
    const m = mIn ? mapAndMergeKeyValue(modifiedSorted, mi, mergeKey) : undefined
    const cmp = o && m ? compareGoStrings(sprint(o.value), sprint(m.value)) : 0
    if (o && m && cmp === 0) {
      const patchValue = diffMaps(o.m, m.m, schema, options)
      if (Object.keys(patchValue).length > 0) {
        patchValue[mergeKey] = m.value
        patch.push(patchValue)
      }
      oi++
      mi++
    } else if (!o || (m && cmp > 0)) {
      if (!options.ignoreChangesAndAdditions) patch.push((m as { m: JsonMap }).m)
      mi++
    } else {
      if (!options.ignoreDeletions) deletionList.push({ [mergeKey]: o.value, [DIRECTIVE_MARKER]: DELETE_DIRECTIVE })
      oi++
    }
  }
  return { patch, deletionList }
}

/** sortMergeListsByNameArray without recursion: scalars deduplicated and sorted, maps sorted by merge key. */
function sortMergeListsByNameArray(s: Json[], mergeKey: string): Json[] {
  if (s.length === 0) return s
  const kind = sliceElementKind(s)
  if (kind !== 'map') return sortScalars(deduplicateScalars(s))
  const out = [...s]
  stableSort(out, (a, b) => compareGoStrings(sprint((a as JsonMap)[mergeKey]), sprint((b as JsonMap)[mergeKey])) < 0)
  return out
}

// ---- the entry point ----

function parseDocument(doc: string | undefined): JsonMap {
  if (doc === undefined || doc.length === 0) return {}
  let v: unknown
  try {
    v = JSON.parse(doc)
  } catch {
    throw new PatchError(ERR_BAD_JSON_DOC)
  }
  if (!isMap(v as Json)) throw new PatchError(ERR_BAD_JSON_DOC)
  return v as JsonMap
}

/**
 * CreateThreeWayMergePatch(original, modified, current, schema, overwrite=true): the patch
 * kubectl apply sends, as Go's json.Marshal writes it (`{}` when there is nothing to change).
 * The three documents are JSON texts (original may be empty: no last-applied annotation).
 * Throws PatchError with upstream's message when a document does not fit the patch rules.
 */
export function createThreeWayMergePatch(original: string | undefined, modified: string, current: string, schema: PatchSchema): string {
  const originalMap = parseDocument(original)
  const modifiedMap = parseDocument(modified)
  const currentMap = parseDocument(current)
  const deltaMap = diffMaps(currentMap, modifiedMap, schema, { ignoreDeletions: true, setElementOrder: true })
  const deletionsMap = diffMaps(originalMap, modifiedMap, schema, { setElementOrder: true, ignoreChangesAndAdditions: true })
  const patchMap = mergeMap(deletionsMap, deltaMap, schema, {})
  return marshalGoJson(patchMap)
}
