// `kubectl get --sort-by=<jsonpath>`: ordering list items and server-side Table rows by a field.
// Mirrors: k8s.io/kubectl pkg/cmd/get/sorter.go as of kubectl 1.32 (SortObjects, RuntimeSort,
// isLess, TableSorter, NewTableSorter), with Go's sort.Sort (pdqsort, not stable) from
// api/printers/goSort.ts so equal keys, and objects without the field, end up where the real
// kubectl leaves them.
// Values are what the jsonpath engine finds in decoded JSON, so every value reaches isLess as
// an interface{}: strings compare as Quantities when both parse ("100m" < "1" < "1k"),
// otherwise byte-wise ("pod-10" < "pod-2": the natural order came after 1.32); int64 with int64
// and float64 with float64 numerically; JSON null sorts first. An object without the field is
// "less" than anything (even another one without it), so those come first in an order that
// depends on the algorithm; checked against the real kubectl 1.32.
// An unsortable value (a bool, a map, a list, or two different types) makes kubectl exit through
// klog.Exitf; `UnsortableError` carries that message, without klog's header (the header holds a
// wall-clock time and a process id, which Podlab does not have).

import { goSort } from '../../../api/printers/goSort'
import { cmpQuantity, parseQuantity, QuantityParseError, type Quantity } from '../../../api/quantity'
import { relaxedJsonPathExpression } from '../printers/customColumns'
import { compareGoStrings, goQuote, goTypeName, goTypeOfNumber } from '../../../api/goValues'
import { findJsonPathResults, parseJsonPath, type JsonPathTemplate } from '../printers/jsonpath'

/** klog.Exitf's message from RuntimeSort.Less / TableSorter.Less; kubectl exits 1 after it. */
export class UnsortableError extends Error {}

function quantityOrUndefined(s: string): Quantity | undefined {
  try {
    return parseQuantity(s)
  } catch (e) {
    if (e instanceof QuantityParseError) return undefined
    throw e
  }
}

/** isLess for two interface{} values; throws the error text isLess returns as { unsortable }. */
function isLess(i: unknown, j: unknown): boolean | { unsortable: string } {
  const iNil = i === null || i === undefined
  const jNil = j === null || j === undefined
  if (iNil && jNil) return false
  if (iNil) return true
  if (jNil) return false
  if (typeof i === 'string') {
    if (typeof j !== 'string') return { unsortable: 'unsortable interface: interface' }
    const qi = quantityOrUndefined(i)
    const qj = qi && quantityOrUndefined(j)
    if (qi && qj) return cmpQuantity(qi, qj) < 0
    return compareGoStrings(i, j) < 0
  }
  if (typeof i === 'number') {
    if (typeof j !== 'number' || goTypeOfNumber(i, 'unstructured') !== goTypeOfNumber(j, 'unstructured')) {
      return { unsortable: 'unsortable interface: interface' }
    }
    return i < j
  }
  return { unsortable: `unsortable type: ${goTypeName(i, 'unstructured')}` }
}

/** The first value a template finds in an object (values[0][0]), or undefined for none. */
function firstValue(results: unknown[][]): { value: unknown } | undefined {
  return results.length > 0 && results[0]!.length > 0 ? { value: results[0]![0] } : undefined
}

/** Less over precomputed results, as RuntimeSort.Less and TableSorter.Less do. */
function lessByResults(field: string, goType: string): (a: unknown[][], b: unknown[][]) => boolean {
  return (a, b) => {
    const i = firstValue(a)
    if (!i) return true
    const j = firstValue(b)
    if (!j) return false
    const less = isLess(i.value, j.value)
    if (typeof less === 'boolean') return less
    throw new UnsortableError(`Field ${field} in ${goType} is an unsortable type: interface, err: ${less.unsortable}`)
  }
}

function parseSortField(field: string): JsonPathTemplate | { error: string } {
  return parseJsonPath(field)
}

/**
 * SortObjects: the objects ordered by `fieldInput` (relaxed: `.metadata.name` works), with
 * their original positions, or kubectl's error (a bad expression, or a field no object has).
 */
export function sortObjects<T>(objs: readonly T[], fieldInput: string): { sorted: T[]; positions: number[] } | { error: string } {
  const relaxed = relaxedJsonPathExpression(fieldInput)
  if ('error' in relaxed) return relaxed
  const field = relaxed.expression
  const parsed = parseSortField(field)
  if ('error' in parsed) return parsed
  const results: unknown[][][] = []
  for (const obj of objs) {
    const found = findJsonPathResults(parsed, obj, { allowMissingKeys: true })
    if ('error' in found) return found
    results.push(found.results)
  }
  if (!results.some((r) => firstValue(r))) return { error: `couldn't find any field with path ${goQuote(field)} in the list of objects` }
  const less = lessByResults(field, '*unstructured.Unstructured')
  const order = goSort(
    objs.map((_, ix) => ix),
    (a, b) => less(results[a]!, results[b]!),
  )
  return { sorted: order.map((ix) => objs[ix]!), positions: order }
}

/**
 * NewTableSorter + Sort: rows ordered by the field read from each row's object. `field` is
 * used as given (callers relax it first). Errors as NewTableSorter words them.
 */
export function sortTableRows<R extends { object?: unknown }>(rows: readonly R[], field: string): R[] | { error: string } {
  const parsed = parseSortField(field)
  if ('error' in parsed) return { error: `sorting error: ${parsed.error}` }
  const results: unknown[][][] = []
  for (const row of rows) {
    const found = findJsonPathResults(parsed, row.object, { allowMissingKeys: true })
    if ('error' in found) {
      return { error: `Failed to get values for [][]reflect.Value(nil) using ${field} (&errors.errorString{s:${goQuote(found.error)}})` }
    }
    results.push(found.results)
  }
  if (rows.length > 0 && !results.some((r) => firstValue(r))) {
    return { error: `couldn't find any field with path ${goQuote(field)} in the list of objects` }
  }
  const less = lessByResults(field, '[][][]reflect.Value')
  return goSort(
    rows.map((_, ix) => ix),
    (a, b) => less(results[a]!, results[b]!),
  ).map((ix) => rows[ix]!)
}

/** The field NewRuntimeSorter and SortingPrinter use: relaxed, or as typed when that fails. */
export function relaxedOrRaw(sortBy: string): string {
  const relaxed = relaxedJsonPathExpression(sortBy)
  return 'error' in relaxed ? sortBy : relaxed.expression
}
