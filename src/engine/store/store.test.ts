import { describe, it, expect } from 'vitest'
import { Store, type IndexedTrigger, type StoreEvent } from './store'
import { Rng } from '../clock/random'

interface PodLike {
  spec?: { nodeName?: string }
  n: number
}

const nodeNameTrigger = (value: string): IndexedTrigger => ({
  indexName: 'spec.nodeName',
  indexerFunc: (obj) => (obj as PodLike).spec?.nodeName ?? '',
  value,
})

describe('Store', () => {
  it('ranges keys in byte order, and forgets deleted keys', () => {
    const s = new Store()
    for (const k of ['/registry/pods/b/x', '/registry/pods/a/y', '/registry/minions/n1', '/registry/pods/a/x']) s.put(k, { k })
    s.delete('/registry/pods/a/y')
    s.put('/registry/pods/a/x', { k: 'again' })
    expect(s.range('/registry/pods/').map((kv) => kv.key)).toEqual(['/registry/pods/a/x', '/registry/pods/b/x'])
    expect(s.range<{ k: string }>('/registry/pods/a/')[0]).toMatchObject({ value: { k: 'again' }, version: 2, createRevision: 5, modRevision: 7 })
    expect(s.count('/registry/')).toBe(3)
  })

  it('freezes values deeply, skipping what is frozen already', () => {
    const s = new Store()
    const shared = Object.freeze({ a: [1] })
    const kv = s.put('/registry/x/y', { spec: { list: [{ a: 1 }] }, shared })
    const v = kv.value as { spec: { list: { a: number }[] } }
    expect(Object.isFrozen(v) && Object.isFrozen(v.spec) && Object.isFrozen(v.spec.list) && Object.isFrozen(v.spec.list[0])).toBe(true)
    // A frozen sub-tree is not walked: its own children stay as they were.
    expect(Object.isFrozen(shared.a)).toBe(false)
  })

  it('calls a triggered watcher only for objects that have or had its value, in start order with the others', () => {
    const s = new Store()
    const calls: string[] = []
    s.watch('/registry/pods/', (e) => calls.push(`all ${e.type} ${e.kv.key}`))
    s.watch('/registry/pods/', (e) => calls.push(`n1 ${e.type} ${e.kv.key}`), undefined, nodeNameTrigger('n1'))
    s.watch('/registry/', (e) => calls.push(`registry ${e.type} ${e.kv.key}`))
    s.watch('/registry/pods/', (e) => calls.push(`n2 ${e.type} ${e.kv.key}`), undefined, nodeNameTrigger('n2'))
    s.watch('/registry/pods/', (e) => calls.push(`unbound ${e.type} ${e.kv.key}`), undefined, nodeNameTrigger(''))
    s.put('/registry/pods/d/p', { n: 1 })
    s.put('/registry/pods/d/p', { n: 2, spec: { nodeName: 'n1' } })
    s.put('/registry/pods/d/p', { n: 3, spec: { nodeName: 'n2' } })
    s.delete('/registry/pods/d/p')
    s.put('/registry/events/d/e', { n: 4, spec: { nodeName: 'n1' } })
    expect(calls).toEqual([
      'all PUT /registry/pods/d/p',
      'registry PUT /registry/pods/d/p',
      'unbound PUT /registry/pods/d/p',
      'all PUT /registry/pods/d/p',
      'n1 PUT /registry/pods/d/p',
      'registry PUT /registry/pods/d/p',
      'unbound PUT /registry/pods/d/p',
      'all PUT /registry/pods/d/p',
      'n1 PUT /registry/pods/d/p',
      'registry PUT /registry/pods/d/p',
      'n2 PUT /registry/pods/d/p',
      'all DELETE /registry/pods/d/p',
      'registry DELETE /registry/pods/d/p',
      'n2 DELETE /registry/pods/d/p',
      'registry PUT /registry/events/d/e',
    ])
  })

  it('replays history to a watch that starts from an old revision, whatever its trigger', () => {
    const s = new Store()
    s.put('/registry/pods/d/a', { n: 1, spec: { nodeName: 'n1' } })
    s.put('/registry/pods/d/b', { n: 2, spec: { nodeName: 'n2' } })
    const seen: number[] = []
    s.watch('/registry/pods/', (e) => seen.push((e.kv.value as PodLike).n), 1, nodeNameTrigger('n1'))
    s.put('/registry/pods/d/c', { n: 3, spec: { nodeName: 'n2' } })
    s.put('/registry/pods/d/d', { n: 4, spec: { nodeName: 'n1' } })
    expect(seen).toEqual([1, 2, 4])
  })

  // The reference: the store's delivery before watchers could be triggered, plus the trigger
  // rule spelled out. A Set of watchers copied for each event; a watcher cancelled by an earlier
  // listener of the same event is skipped; one started by a listener waits for the next event.
  for (const seed of [1, 7, 99]) {
    it(`calls the same watchers in the same order as a naive reference (seed ${seed})`, () => {
      const rng = new Rng(seed)
      const prefixes = ['/registry/', '/registry/pods/', '/registry/pods/a/', '/registry/pods/b/', '/registry/events/']
      const nodes = ['n0', 'n1', 'n2', '']
      // A watcher's prefix and trigger follow from its id, so both worlds start the same ones.
      const params = (id: number) => ({ prefix: prefixes[(id * 7) % prefixes.length], node: id % 3 === 0 ? undefined : nodes[(id * 5) % nodes.length] })
      const node = (o: PodLike | undefined) => o?.spec?.nodeName ?? ''

      // The reference world.
      interface RefWatcher {
        id: number
        prefix: string
        node?: string
      }
      const ref = new Set<RefWatcher>()
      const refLog: string[] = []
      let refNextId = 0
      const refStart = () => {
        const id = refNextId++
        ref.add({ id, ...params(id) })
      }
      const refEmit = (key: string, value: PodLike, prev: PodLike | undefined) => {
        for (const w of [...ref]) {
          if (!ref.has(w) || !key.startsWith(w.prefix)) continue
          if (w.node !== undefined && w.node !== node(value) && !(prev && w.node === node(prev))) continue
          refLog.push(`${w.id}:${value.n}`)
          // Side effects: cancel another watcher, or start one (at most 40 alive).
          if ((value.n + w.id) % 9 === 0) {
            const victim = [...ref].find((x) => x.id % 5 === value.n % 5 && x !== w)
            if (victim) ref.delete(victim)
          }
          if ((value.n * 3 + w.id) % 17 === 0 && ref.size < 40) refStart()
        }
      }

      // The store.
      const s = new Store()
      const cancels = new Map<number, () => void>()
      const log: string[] = []
      let nextId = 0
      const start = () => {
        const id = nextId++
        const p = params(id)
        const h = s.watch(
          p.prefix,
          (e) => {
            const value = e.kv.value as PodLike
            log.push(`${id}:${value.n}`)
            if ((value.n + id) % 9 === 0) {
              const victim = [...cancels.keys()].find((x) => x % 5 === value.n % 5 && x !== id)
              if (victim !== undefined) {
                cancels.get(victim)!()
                cancels.delete(victim)
              }
            }
            if ((value.n * 3 + id) % 17 === 0 && cancels.size < 40) start()
          },
          undefined,
          p.node === undefined ? undefined : nodeNameTrigger(p.node),
        )
        cancels.set(id, () => h.cancel())
      }

      for (let i = 0; i < 15; i++) {
        start()
        refStart()
      }
      const objects = new Map<string, PodLike>()
      for (let step = 0; step < 3000; step++) {
        const key = `${prefixes[1 + rng.int(4)]}p${rng.int(20)}`
        const prev = objects.get(key)
        if (prev && rng.int(4) === 0) {
          s.delete(key)
          objects.delete(key)
          refEmit(key, prev, prev)
        } else {
          const value: PodLike = { n: step, spec: rng.int(3) === 0 ? {} : { nodeName: nodes[rng.int(3)] } }
          s.put(key, value)
          objects.set(key, value)
          refEmit(key, value, prev)
        }
        if (rng.int(40) === 0 && cancels.size < 40) {
          start()
          refStart()
        }
      }
      expect(log).toEqual(refLog)
      expect(log.length).toBeGreaterThan(3000)
    })
  }
})
