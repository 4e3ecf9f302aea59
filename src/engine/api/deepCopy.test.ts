import { describe, it, expect } from 'vitest'
import { deepCopy } from './deepCopy'

describe('deepCopy', () => {
  it('returns primitives and null as they are', () => {
    for (const v of [null, undefined, 0, -1.5, '', 'x', true, false]) expect(deepCopy(v)).toBe(v)
  })

  it('copies nested objects and arrays into new, unfrozen ones, keeping key order', () => {
    const src = Object.freeze({
      b: 1,
      a: Object.freeze([Object.freeze({ z: 'z', y: null }), 2]),
      c: Object.freeze({ d: Object.freeze({ e: [true] }) }),
    })
    const out = deepCopy(src)
    expect(out).toEqual(src)
    expect(Object.keys(out)).toEqual(['b', 'a', 'c'])
    expect(Object.keys(out.a[0] as object)).toEqual(['z', 'y'])
    expect(out).not.toBe(src)
    expect(out.a).not.toBe(src.a)
    expect(out.a[0]).not.toBe(src.a[0])
    expect(out.c.d).not.toBe(src.c.d)
    expect(Object.isFrozen(out) || Object.isFrozen(out.a) || Object.isFrozen(out.c.d)).toBe(false)
  })

  it('leaves out undefined properties, as JSON does, but keeps undefined array elements', () => {
    const out = deepCopy({ a: undefined, b: [undefined, 1], c: { d: undefined } })
    expect(Object.keys(out)).toEqual(['b', 'c'])
    expect(out.b).toHaveLength(2)
    expect(out.b[0]).toBeUndefined()
    expect(Object.keys(out.c)).toEqual([])
  })

  it('gives the same JSON as the input for API-shaped data', () => {
    const pod = {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: 'p', labels: { app: 'web' }, ownerReferences: [{ uid: 'u', controller: true }] },
      spec: { containers: [{ name: 'c', image: 'nginx', ports: [{ containerPort: 80 }], resources: { requests: { cpu: '10m' } } }] },
      status: { conditions: [{ type: 'PodScheduled', status: 'True', lastProbeTime: null }] },
    }
    expect(JSON.stringify(deepCopy(pod))).toBe(JSON.stringify(pod))
  })
})
