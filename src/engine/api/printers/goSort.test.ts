import { describe, it, expect } from 'vitest'
import { goSort } from './goSort'

describe('goSort (Go sort.Sort / sort.Slice pdqsort)', () => {
  it('sorts like any sort', () => {
    const xs = [5, 3, 9, 1, 7, 2, 8, 6, 4, 0, 15, 12, 11, 14, 13, 10, 19, 18, 17, 16]
    expect(goSort(xs, (a, b) => a < b)).toEqual([...xs].sort((a, b) => a - b))
    expect(xs[0]).toBe(5) // input untouched
  })

  it('keeps the input order of equal elements up to 12 elements (insertion sort)', () => {
    const xs = Array.from({ length: 12 }, (_, i) => ({ k: i % 2, i }))
    expect(goSort(xs, (a, b) => a.k < b.k).map((x) => x.i)).toEqual([0, 2, 4, 6, 8, 10, 1, 3, 5, 7, 9, 11])
  })

  it('orders 20 events of two distinct times as kubectl 1.32 describe does (observed with the real binary)', () => {
    // events R00..R19; every third one is older; sorted oldest first by SortableEvents
    const events = Array.from({ length: 20 }, (_, i) => ({ reason: `R${String(i).padStart(2, '0')}`, age: i % 3 === 0 ? 50 : 40 }))
    const sorted = goSort(events, (a, b) => a.age > b.age).map((e) => e.reason)
    expect(sorted.join(',')).toBe('R09,R18,R15,R03,R12,R00,R06,R05,R08,R07,R10,R11,R04,R13,R14,R02,R16,R17,R01,R19')
  })

  it('handles reverse-sorted, all-equal and long inputs', () => {
    const rev = Array.from({ length: 200 }, (_, i) => 200 - i)
    expect(goSort(rev, (a, b) => a < b)).toEqual(Array.from({ length: 200 }, (_, i) => i + 1))
    const eq = Array.from({ length: 100 }, () => 1)
    expect(goSort(eq, (a, b) => a < b)).toHaveLength(100)
    let seed = 7
    const rnd = Array.from({ length: 500 }, () => (seed = (seed * 1103515245 + 12345) % 2147483648) % 50)
    expect(goSort(rnd, (a, b) => a < b)).toEqual([...rnd].sort((a, b) => a - b))
  })
})
