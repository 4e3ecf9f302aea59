import { describe, expect, it } from 'vitest'
import { relaxedOrRaw, sortObjects, sortTableRows, UnsortableError } from './getSorter'

// The pods of a fake apiserver, in the order it listed them, and the orders the real kubectl
// 1.32.5 printed for `kubectl get pods -o name --sort-by=<field>` (and, identically, for the
// table: `kubectl get pods --sort-by=<field>`).
const PODS: [string, Record<string, string>][] = [
  ['pod-10', { q: '100m', n: 'b' }],
  ['pod-2', { q: '1', n: 'a' }],
  ['pod-02', { q: '2Gi', n: 'a' }],
  ['Pod-3', { q: 'abc', n: 'b' }],
  ['pod-1a', { n: 'a' }],
  ['p', { q: '1k', n: 'b' }],
  ['e1', { n: 'a' }],
  ['e2', { n: 'b' }],
  ['e3', { n: 'a' }],
  ['e4', { n: 'b' }],
  ['e5', { n: 'a' }],
  ['e6', { n: 'b' }],
  ['e7', { n: 'a' }],
  ['e8', { n: 'a' }],
]
const objects = PODS.map(([name, labels]) => ({ apiVersion: 'v1', kind: 'Pod', metadata: { name, labels } }))

const REAL: [string, string][] = [
  ['.metadata.name', 'Pod-3 e1 e2 e3 e4 e5 e6 e7 e8 p pod-02 pod-10 pod-1a pod-2'],
  ['.metadata.labels.q', 'e2 e4 e5 pod-1a e6 e7 e8 e3 e1 pod-10 pod-2 p pod-02 Pod-3'],
  ['.metadata.labels.n', 'e3 pod-2 pod-02 e8 pod-1a e7 e1 e5 Pod-3 e4 e2 e6 p pod-10'],
]

describe('sortObjects (RuntimeSort)', () => {
  it.each(REAL)('orders by %s as kubectl 1.32 does', (field, expected) => {
    const r = sortObjects(objects, field)
    if ('error' in r) throw new Error(r.error)
    expect(r.sorted.map((o) => o.metadata.name).join(' ')).toBe(expected)
    expect(r.positions.map((ix) => objects[ix]!.metadata.name)).toEqual(r.sorted.map((o) => o.metadata.name))
  })

  it('reports a field no object has, with the relaxed path', () => {
    expect(sortObjects(objects, '.metadata.foo')).toEqual({ error: 'couldn\'t find any field with path "{.metadata.foo}" in the list of objects' })
  })

  it('rejects an expression RelaxedJSONPathExpression cannot read', () => {
    expect(sortObjects(objects, '{.metadata.name')).toEqual({
      error: "unexpected path string, expected a 'name1.name2' or '.name1.name2' or '{name1.name2}' or '{.name1.name2}'",
    })
  })

  it('sorts numbers numerically and nulls first', () => {
    const items = [{ v: 10 }, { v: 9 }, { v: null }, { v: 100 }]
    const r = sortObjects(items, '.v')
    if ('error' in r) throw new Error(r.error)
    expect(r.sorted.map((o) => o.v)).toEqual([null, 9, 10, 100])
  })

  it('exits like klog.Exitf on a value isLess cannot order', () => {
    expect(() => sortObjects([{ v: true }, { v: false }], '.v')).toThrow(UnsortableError)
    expect(() => sortObjects([{ v: true }, { v: false }], '.v')).toThrow(
      'Field {.v} in *unstructured.Unstructured is an unsortable type: interface, err: unsortable type: bool',
    )
    expect(() => sortObjects([{ v: 'a' }, { v: 1 }], '.v')).toThrow('err: unsortable interface: interface')
  })
})

describe('sortTableRows (TableSorter)', () => {
  const rows = objects.map((object) => ({ cells: [object.metadata.name], object }))
  it.each(REAL)('orders rows by %s as kubectl 1.32 does', (field, expected) => {
    const r = sortTableRows(rows, relaxedOrRaw(field))
    if ('error' in r) throw new Error(r.error)
    expect(r.map((row) => row.cells[0]).join(' ')).toBe(expected)
  })

  it('words its errors as NewTableSorter does', () => {
    expect(sortTableRows(rows, '{.metadata.foo}')).toEqual({ error: 'couldn\'t find any field with path "{.metadata.foo}" in the list of objects' })
    expect(sortTableRows(rows, relaxedOrRaw('{.metadata.name'))).toEqual({ error: 'sorting error: unclosed action' })
    expect(sortTableRows([], '{.metadata.foo}')).toEqual([])
  })
})
