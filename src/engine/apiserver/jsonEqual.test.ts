import { describe, expect, it } from 'vitest'
import { Rng } from '../clock/random'
import { jsonEqual, sameObject } from './jsonEqual'

/** A random JSON-ish value, small, with repeated shapes so that equal pairs happen. */
function value(rng: Rng, depth: number): unknown {
  const k = rng.int(depth > 2 ? 5 : 8)
  switch (k) {
    case 0: return rng.int(3)
    case 1: return ['a', 'b', ''][rng.int(3)]
    case 2: return rng.int(2) === 0
    case 3: return null
    case 4: return undefined
    case 5: return Array.from({ length: rng.int(3) }, () => value(rng, depth + 1))
    default: {
      const o: Record<string, unknown> = {}
      const keys = ['x', 'y', 'z']
      for (let i = 0; i < rng.int(3); i++) o[keys[rng.int(3)]!] = value(rng, depth + 1)
      return o
    }
  }
}

describe('jsonEqual', () => {
  it('agrees with comparing JSON.stringify texts', () => {
    const rng = new Rng(5)
    let equalPairs = 0
    for (let i = 0; i < 20_000; i++) {
      const a = value(rng, 0)
      const b = rng.int(4) === 0 ? JSON.parse(JSON.stringify(a ?? null)) : value(rng, 0)
      const expected = JSON.stringify(a) === JSON.stringify(b)
      if (expected) equalPairs++
      expect(jsonEqual(a, b), `${JSON.stringify(a)} vs ${JSON.stringify(b)}`).toBe(expected)
    }
    expect(equalPairs).toBeGreaterThan(1000)
  })

  it('sameObject ignores resourceVersion and managedFields, and key order counts', () => {
    const a = { kind: 'Pod', metadata: { name: 'x', resourceVersion: '1', managedFields: [1] }, spec: { a: 1, b: 2 } }
    expect(sameObject(a, { kind: 'Pod', metadata: { name: 'x', resourceVersion: '9' }, spec: { a: 1, b: 2 } })).toBe(true)
    expect(sameObject(a, { kind: 'Pod', metadata: { name: 'x' }, spec: { b: 2, a: 1 } })).toBe(false)
    expect(sameObject(a, { kind: 'Pod', metadata: { name: 'y' }, spec: { a: 1, b: 2 } })).toBe(false)
  })
})
