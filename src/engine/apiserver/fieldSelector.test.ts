import { describe, it, expect } from 'vitest'
import { FieldSelectorError, matchesFields, parseFieldSelector, validateFieldSelector, watchTriggerFor } from './fieldSelector'
import type { KubeObject } from '../api/types'
import { Rng } from '../clock/random'

const pod = (nodeName?: string, extra: Record<string, unknown> = {}): KubeObject =>
  ({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p', namespace: 'd' }, spec: nodeName === undefined ? {} : { nodeName }, ...extra }) as KubeObject

describe('field selectors', () => {
  it('parses terms with =, == and !=', () => {
    expect(parseFieldSelector('spec.nodeName==n1, status.phase!=Running,metadata.name=x')).toEqual([
      { field: 'spec.nodeName', op: '=', value: 'n1' },
      { field: 'status.phase', op: '!=', value: 'Running' },
      { field: 'metadata.name', op: '=', value: 'x' },
    ])
    expect(parseFieldSelector(undefined)).toEqual([])
    expect(() => parseFieldSelector('spec.nodeName')).toThrow(FieldSelectorError)
  })

  it('rejects fields a resource does not select on, with the apiserver text', () => {
    expect(() => validateFieldSelector('pods', parseFieldSelector('spec.foo=1'))).toThrow('field label not supported: spec.foo')
    expect(() => validateFieldSelector('pods', parseFieldSelector('spec.nodeName=a'))).not.toThrow()
  })

  it('reads missing fields as empty and converts the special ones', () => {
    expect(matchesFields(pod(), parseFieldSelector('spec.nodeName='))).toBe(true)
    expect(matchesFields(pod('n1'), parseFieldSelector('spec.nodeName=n1'))).toBe(true)
    expect(matchesFields(pod('n1'), parseFieldSelector('spec.nodeName!=n1'))).toBe(false)
    expect(matchesFields(pod('n1'), parseFieldSelector('spec.hostNetwork=false'))).toBe(true)
    expect(matchesFields(pod('n1', { spec: { hostNetwork: true } }), parseFieldSelector('spec.hostNetwork=true'))).toBe(true)
    expect(matchesFields({ source: { component: 'kubelet' } } as KubeObject, parseFieldSelector('source=kubelet'))).toBe(true)
    expect(matchesFields({ count: 0 } as unknown as KubeObject, parseFieldSelector('count=0'))).toBe(true)
    expect(matchesFields(pod(), [])).toBe(true)
  })
})

describe('watchTriggerFor', () => {
  it('indexes pod watches that require an exact spec.nodeName', () => {
    const t = watchTriggerFor('pods', parseFieldSelector('status.phase!=Failed,spec.nodeName=kind-worker'))!
    expect(t.indexName).toBe('spec.nodeName')
    expect(t.value).toBe('kind-worker')
    expect(t.indexerFunc(pod('kind-worker'))).toBe('kind-worker')
    expect(t.indexerFunc(pod())).toBe('')
    expect(watchTriggerFor('pods', parseFieldSelector('spec.nodeName='))!.value).toBe('')
  })

  it('does not index other selectors or resources', () => {
    expect(watchTriggerFor('pods', parseFieldSelector('spec.nodeName!=kind-worker'))).toBeUndefined()
    expect(watchTriggerFor('pods', parseFieldSelector('metadata.name=x'))).toBeUndefined()
    expect(watchTriggerFor('pods', [])).toBeUndefined()
    expect(watchTriggerFor('events', parseFieldSelector('spec.nodeName=x'))).toBeUndefined()
  })

  // The trigger may only skip events the selector would drop anyway: if neither the new nor the
  // previous object has the trigger's value, neither matches the selector.
  it('never skips an object the selector matches', () => {
    const rng = new Rng(5)
    const nodes = ['a', 'b', '']
    const selectors = ['spec.nodeName=a', 'spec.nodeName=,status.phase=Running', 'status.phase!=Running,spec.nodeName==b', 'spec.nodeName=a,spec.nodeName=b']
    for (let i = 0; i < 500; i++) {
      const reqs = parseFieldSelector(selectors[rng.int(selectors.length)])
      const t = watchTriggerFor('pods', reqs)!
      const node = nodes[rng.int(nodes.length)]
      const obj = pod(node === '' && rng.int(2) === 0 ? undefined : node, { status: { phase: rng.int(2) ? 'Running' : 'Pending' } })
      if (t.indexerFunc(obj) !== t.value) expect(matchesFields(obj, reqs)).toBe(false)
    }
  })
})
