// The Go semantics the strategic merge patch code (kubectl's and the apiserver's) depends on, for decoded JSON values:
// their reflect kinds and equality, fmt's %v (which orders merge lists), sort.SliceStable (ported
// exactly: upstream's comparators are not strict orders, so another stable sort could order lists
// differently), the in-place deduplicateScalars, the directive names and mergepatch's error texts.
// Mirrors: k8s.io/apimachinery v0.32 pkg/util/strategicpatch/patch.go (the helpers and
// constants), pkg/util/mergepatch/errors.go, pkg/util/json (integral numbers decode as int64,
// others as float64), and Go's sort/zsortfunc.go (stable_func, insertionSort_func, symMerge_func,
// rotate_func).

import { compareGoStrings, goSprint } from '../goValues'

/** A patch computation failure; `message` is the Go error's text. */
export class PatchError extends Error {}

export type Json = null | boolean | number | string | Json[] | JsonMap
export type JsonMap = { [key: string]: Json }

export const DIRECTIVE_MARKER = '$patch'
export const DELETE_DIRECTIVE = 'delete'
export const REPLACE_DIRECTIVE = 'replace'
export const MERGE_DIRECTIVE = 'merge'
export const RETAIN_KEYS_STRATEGY = 'retainKeys'
export const DELETE_FROM_PRIMITIVE_LIST_PREFIX = '$deleteFromPrimitiveList'
export const RETAIN_KEYS_DIRECTIVE = '$retainKeys'
export const SET_ELEMENT_ORDER_PREFIX = '$setElementOrder'

// mergepatch/errors.go
export const ERR_BAD_JSON_DOC = 'invalid JSON document'
export const ERR_NO_LIST_OF_LISTS = 'lists of lists are not supported'
export const ERR_BAD_PATCH_FORMAT_FOR_PRIMITIVE_LIST = 'invalid patch format of primitive list'
export const ERR_BAD_PATCH_FORMAT_FOR_RETAIN_KEYS = 'invalid patch format of retainKeys'
export const ERR_BAD_PATCH_FORMAT_FOR_SET_ELEMENT_ORDER_LIST = 'invalid patch format of setElementOrder list'

export interface DiffOptions {
  setElementOrder?: boolean
  ignoreChangesAndAdditions?: boolean
  ignoreDeletions?: boolean
  buildRetainKeysDirective?: boolean
}

export interface MergeOptions {
  mergeParallelList?: boolean
  ignoreUnmatchedNulls?: boolean
}

// ---- Go values ----

export type GoKind = 'nil' | 'string' | 'bool' | 'int64' | 'float64' | 'map' | 'slice'

export function isMap(v: Json | undefined): v is JsonMap {
  return typeof v === 'object' && v !== null && !Array.isArray(v)
}

/** reflect.TypeOf of a decoded JSON value (util/json: integral numbers are int64). */
export function goKind(v: Json | undefined): GoKind {
  if (v === null || v === undefined) return 'nil'
  if (typeof v === 'string') return 'string'
  if (typeof v === 'boolean') return 'bool'
  if (typeof v === 'number') return Number.isInteger(v) && Math.abs(v) < 2 ** 63 ? 'int64' : 'float64'
  return Array.isArray(v) ? 'slice' : 'map'
}

/** reflect.Type.String() of a decoded JSON value. */
export function goTypeString(v: Json | undefined): string {
  const k = goKind(v)
  if (k === 'map') return 'map[string]interface {}'
  if (k === 'slice') return '[]interface {}'
  return k === 'nil' ? '<nil>' : k
}

/** Go's == on two interface values holding scalars (maps never get here). */
export function goScalarEqual(a: Json | undefined, b: Json | undefined): boolean {
  return goKind(a) === goKind(b) && (a ?? null) === (b ?? null)
}

/** reflect.DeepEqual of decoded JSON values. */
export function deepEqual(a: Json | undefined, b: Json | undefined): boolean {
  if (goKind(a) !== goKind(b)) return false
  if (Array.isArray(a)) {
    const bl = b as Json[]
    return a.length === bl.length && a.every((x, i) => deepEqual(x, bl[i]))
  }
  if (isMap(a)) {
    const bm = b as JsonMap
    const ka = Object.keys(a)
    return ka.length === Object.keys(bm).length && ka.every((k) => Object.prototype.hasOwnProperty.call(bm, k) && deepEqual(a[k], bm[k]))
  }
  return (a ?? null) === (b ?? null)
}

export const sprint = (v: Json | undefined): string => goSprint(v ?? null, 'unstructured')

export const has = (m: JsonMap, k: string): boolean => Object.prototype.hasOwnProperty.call(m, k)

/** Keys in a fixed order (Go walks maps in random order; upstream's results do not depend on it). */
export const keysOf = (m: JsonMap): string[] => Object.keys(m).sort(compareGoStrings)

export function errBadArgType(expected: string, actual: Json | undefined): PatchError {
  return new PatchError(`expected a ${expected}, but received a ${goTypeString(actual)}`)
}

export function errNoMergeKey(m: JsonMap | undefined, key: string): PatchError {
  return new PatchError(`map: ${sprint(m ?? null)} does not contain declared merge key: ${key}`)
}

export function errBadPatchType(t: Json, m: JsonMap): PatchError {
  return new PatchError(`unknown patch type: ${sprint(t)} in map: ${sprint(m)}`)
}

// ---- Go's sort.SliceStable (insertion sort in blocks of 20, then SymMerge) ----

export function stableSort<T>(data: T[], less: (a: T, b: T) => boolean): void {
  const lessAt = (i: number, j: number) => less(data[i], data[j])
  const swap = (i: number, j: number) => {
    const t = data[i]
    data[i] = data[j]
    data[j] = t
  }
  const insertionSort = (a: number, b: number) => {
    for (let i = a + 1; i < b; i++) for (let j = i; j > a && lessAt(j, j - 1); j--) swap(j, j - 1)
  }
  const swapRange = (a: number, b: number, n: number) => {
    for (let i = 0; i < n; i++) swap(a + i, b + i)
  }
  const rotate = (a: number, m: number, b: number) => {
    let i = m - a
    let j = b - m
    while (i !== j) {
      if (i > j) {
        swapRange(m - i, m, j)
        i -= j
      } else {
        swapRange(m - i, m + j - i, i)
        j -= i
      }
    }
    swapRange(m - i, m, i)
  }
  const symMerge = (a: number, m: number, b: number): void => {
    if (m - a === 1) {
      let i = m
      let j = b
      while (i < j) {
        const h = (i + j) >>> 1
        if (lessAt(h, a)) i = h + 1
        else j = h
      }
      for (let k = a; k < i - 1; k++) swap(k, k + 1)
      return
    }
    if (b - m === 1) {
      let i = a
      let j = m
      while (i < j) {
        const h = (i + j) >>> 1
        if (!lessAt(m, h)) i = h + 1
        else j = h
      }
      for (let k = m; k > i; k--) swap(k, k - 1)
      return
    }
    const mid = (a + b) >>> 1
    const n = mid + m
    let start: number
    let r: number
    if (m > mid) {
      start = n - b
      r = mid
    } else {
      start = a
      r = m
    }
    const p = n - 1
    while (start < r) {
      const c = (start + r) >>> 1
      if (!lessAt(p - c, c)) start = c + 1
      else r = c
    }
    const end = n - start
    if (start < m && m < end) rotate(start, m, end)
    if (a < start && start < mid) symMerge(a, start, mid)
    if (mid < end && end < b) symMerge(mid, end, b)
  }
  const n = data.length
  let blockSize = 20
  let a = 0
  let b = blockSize
  while (b <= n) {
    insertionSort(a, b)
    a = b
    b += blockSize
  }
  insertionSort(a, n)
  while (blockSize < n) {
    a = 0
    b = 2 * blockSize
    while (b <= n) {
      symMerge(a, a + blockSize, b)
      a = b
      b += 2 * blockSize
    }
    const m = a + blockSize
    if (m < n) symMerge(a, m, n)
    blockSize *= 2
  }
}

/** sortScalars: in place, by the %v text of each value. */
export function sortScalars(s: Json[]): Json[] {
  stableSort(s, (a, b) => compareGoStrings(sprint(a), sprint(b)) < 0)
  return s
}

/** deduplicateScalars: upstream's in-place algorithm (it moves the last element into each hole). */
export function deduplicateScalars(input: Json[]): Json[] {
  let s = input
  let length = s.length - 1
  for (let i = 0; i < length; i++) {
    for (let j = i + 1; j <= length; j++) {
      if (goScalarEqual(s[i], s[j])) {
        s[j] = s[length]
        s = s.slice(0, length)
        length--
        j--
      }
    }
  }
  return s
}

/** sliceElementType: the one Go kind of every element of the slices. */
export function sliceElementKind(...slices: Json[][]): GoKind {
  let prev: GoKind | undefined
  for (const s of slices) {
    for (const v of s) {
      const k = goKind(v)
      if (prev === undefined) {
        prev = k
        if (prev === 'slice') throw new PatchError(ERR_NO_LIST_OF_LISTS)
      } else if (prev !== k) {
        throw new PatchError(`list element types are not identical: ${sprint(slices as Json)}`)
      }
    }
  }
  if (prev === undefined) throw new PatchError('no elements in any of the given slices')
  return prev
}

export function extractRetainKeysPatchStrategy(strategies: readonly string[]): { retainKeys: boolean; strategy: string } {
  switch (strategies.length) {
    case 0:
      return { retainKeys: false, strategy: '' }
    case 1:
      return strategies[0] === RETAIN_KEYS_STRATEGY ? { retainKeys: true, strategy: '' } : { retainKeys: false, strategy: strategies[0] }
    case 2:
      if (strategies[0] === RETAIN_KEYS_STRATEGY) return { retainKeys: true, strategy: strategies[1] }
      if (strategies[1] === RETAIN_KEYS_STRATEGY) return { retainKeys: true, strategy: strategies[0] }
  }
  throw new PatchError(`unexpected patch strategy: [${strategies.join(' ')}]`)
}

// ---- list helpers both halves use ----

export function mergeKeyValueEqual(left: Json, right: Json, mergeKey: string): boolean {
  if (mergeKey.length === 0) return goScalarEqual(left, right)
  if (!isMap(left)) throw errBadArgType('map[string]interface {}', left)
  if (!isMap(right)) throw errBadArgType('map[string]interface {}', right)
  if (!has(left, mergeKey)) throw errNoMergeKey(left, mergeKey)
  if (!has(right, mergeKey)) throw errNoMergeKey(right, mergeKey)
  return goScalarEqual(left[mergeKey], right[mergeKey])
}

/** index: where the item (by merge key for maps) is in the list, or -1. */
export function indexOf(list: Json[], val: Json, mergeKey: string, kind: GoKind): number {
  const get = (item: Json): Json => (kind === 'map' ? (isMap(item) ? (item[mergeKey] ?? null) : null) : item)
  const want = get(val)
  return list.findIndex((v) => goScalarEqual(want, get(v)))
}

export function extractToDeleteItems(l: Json[]): { nonDelete: Json[]; toDelete: Json[] } {
  const nonDelete: Json[] = []
  const toDelete: Json[] = []
  for (const v of l) {
    if (!isMap(v)) throw errBadArgType('map[string]interface {}', v)
    if (has(v, DIRECTIVE_MARKER) && v[DIRECTIVE_MARKER] === DELETE_DIRECTIVE) toDelete.push(v)
    else nonDelete.push(v)
  }
  return { nonDelete, toDelete }
}

export function normalizeSliceOrder(toSortIn: Json[], order: Json[], mergeKey: string, kind: GoKind): Json[] {
  let toSort = toSortIn
  let toDelete: Json[] = []
  if (kind === 'map') {
    for (const list of [toSort, order]) {
      for (const item of list) {
        if (!isMap(item)) throw errBadArgType('map[string]interface {}', item)
        if (!has(item, mergeKey)) throw errNoMergeKey(item, mergeKey)
      }
    }
    ;({ nonDelete: toSort, toDelete } = extractToDeleteItems(toSort))
  }
  stableSort(toSort, (a, b) => {
    const ia = indexOf(order, a, mergeKey, kind)
    if (ia >= 0) {
      const ib = indexOf(order, b, mergeKey, kind)
      if (ib >= 0) return ia < ib
    }
    return true
  })
  return [...toSort, ...toDelete]
}
