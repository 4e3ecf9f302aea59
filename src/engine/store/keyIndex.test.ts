import { describe, it, expect } from 'vitest'
import { KeyIndex } from './keyIndex'
import { Rng } from '../clock/random'

/** The naive model: a Set, sorted on every read (what the store did before the index). */
class NaiveIndex {
  readonly keys = new Set<string>()
  withPrefix(prefix: string): string[] {
    return [...this.keys].filter((k) => k.startsWith(prefix)).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
  }
}

const RESOURCES = ['pods', 'events', 'minions', 'services/specs', 'services/endpoints', 'namespaces', 'a', 'podsx']
const NAMESPACES = ['default', 'kube-system', 'bench', 'b', 'default-x']

function randomKey(rng: Rng): string {
  const resource = RESOURCES[rng.int(RESOURCES.length)]
  const ns = NAMESPACES[rng.int(NAMESPACES.length)]
  const name = `n${rng.int(50)}${rng.int(4) === 0 ? '.x' : ''}`
  return rng.int(5) === 0 ? `/registry/${resource}/${name}` : `/registry/${resource}/${ns}/${name}`
}

function randomPrefix(rng: Rng): string {
  switch (rng.int(5)) {
    case 0:
      return ''
    case 1:
      return '/registry/'
    case 2:
      return `/registry/${RESOURCES[rng.int(RESOURCES.length)]}/`
    case 3:
      return `/registry/${RESOURCES[rng.int(RESOURCES.length)]}/${NAMESPACES[rng.int(NAMESPACES.length)]}/`
    default: {
      // A prefix cut from an arbitrary key: it may end in the middle of a name.
      const k = randomKey(rng)
      return k.slice(0, rng.int(k.length + 1))
    }
  }
}

describe('KeyIndex', () => {
  it('is empty at first', () => {
    const idx = new KeyIndex()
    expect(idx.size).toBe(0)
    expect(idx.withPrefix('')).toEqual([])
    expect(idx.all()).toEqual([])
    expect(idx.remove('/registry/pods/default/a')).toBe(false)
  })

  it('keeps keys in byte order and ranges by prefix', () => {
    const idx = new KeyIndex()
    for (const k of ['/registry/pods/b/x', '/registry/pods/a/y', '/registry/minions/n1', '/registry/pods/a/x', '/registry/podsx/a']) idx.insert(k)
    expect(idx.all()).toEqual(['/registry/minions/n1', '/registry/pods/a/x', '/registry/pods/a/y', '/registry/pods/b/x', '/registry/podsx/a'])
    expect(idx.withPrefix('/registry/pods/')).toEqual(['/registry/pods/a/x', '/registry/pods/a/y', '/registry/pods/b/x'])
    expect(idx.withPrefix('/registry/pods/a/')).toEqual(['/registry/pods/a/x', '/registry/pods/a/y'])
    expect(idx.withPrefix('/registry/pods/c/')).toEqual([])
    expect(idx.withPrefix('/registry/z')).toEqual([])
  })

  it('ignores a second insert of the same key', () => {
    const idx = new KeyIndex()
    idx.insert('k')
    idx.insert('k')
    expect(idx.size).toBe(1)
    expect(idx.all()).toEqual(['k'])
  })

  it('orders by UTF-16 code units, as the store always compared keys', () => {
    const idx = new KeyIndex()
    for (const k of ['b', 'B', 'a-', 'a', 'a0', '\u00e9', 'Z']) idx.insert(k)
    expect(idx.all()).toEqual(['B', 'Z', 'a', 'a-', 'a0', 'b', '\u00e9'])
  })

  // Enough operations to split leaves many times over and to empty some of them again.
  for (const seed of [1, 2, 3, 42]) {
    it(`agrees with a naive sorted model over random inserts, removes and ranges (seed ${seed})`, () => {
      const rng = new Rng(seed)
      const idx = new KeyIndex()
      const model = new NaiveIndex()
      for (let step = 0; step < 6000; step++) {
        const op = rng.int(10)
        if (op < 6) {
          const k = randomKey(rng)
          idx.insert(k)
          model.keys.add(k)
        } else if (op < 9) {
          // Remove a key that exists most of the time, else one that may not.
          const existing = [...model.keys]
          const k = existing.length && rng.int(4) !== 0 ? existing[rng.int(existing.length)] : randomKey(rng)
          expect(idx.remove(k)).toBe(model.keys.delete(k))
        } else {
          const p = randomPrefix(rng)
          expect(idx.withPrefix(p)).toEqual(model.withPrefix(p))
        }
        expect(idx.size).toBe(model.keys.size)
      }
      expect(idx.all()).toEqual(model.withPrefix(''))
    })
  }

  it('agrees with the model when thousands of keys arrive in order and leave in reverse', () => {
    const idx = new KeyIndex()
    const model = new NaiveIndex()
    const keys = Array.from({ length: 3000 }, (_, i) => `/registry/events/bench/e-${String(i).padStart(5, '0')}`)
    for (const k of keys) {
      idx.insert(k)
      model.keys.add(k)
    }
    expect(idx.withPrefix('/registry/events/bench/e-01')).toEqual(model.withPrefix('/registry/events/bench/e-01'))
    for (const k of [...keys].reverse()) {
      expect(idx.remove(k)).toBe(true)
      model.keys.delete(k)
      if (model.keys.size % 500 === 0) expect(idx.all()).toEqual(model.withPrefix(''))
    }
    expect(idx.size).toBe(0)
  })
})
