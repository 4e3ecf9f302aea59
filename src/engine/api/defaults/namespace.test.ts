import { describe, expect, it } from 'vitest'
import { canonicalizeNamespace, prepareNamespaceForCreate, prepareNamespaceForUpdate, setDefaultsNamespace } from './namespace'

describe('Namespace defaults (facts §6: finalizers [kubernetes], phase Active, kubernetes.io/metadata.name)', () => {
  // What `kubectl create namespace dev` sends (facts §6.1).
  const sent = Object.freeze({ kind: 'Namespace', apiVersion: 'v1', metadata: { name: 'dev', creationTimestamp: null as unknown as string }, spec: {}, status: {} })

  it('create: label, finalizer, phase, in v1 key order', () => {
    const ns = prepareNamespaceForCreate(setDefaultsNamespace(sent))
    expect(JSON.stringify(ns)).toBe(
      '{"kind":"Namespace","apiVersion":"v1","metadata":{"name":"dev","creationTimestamp":null,"labels":{"kubernetes.io/metadata.name":"dev"}},"spec":{"finalizers":["kubernetes"]},"status":{"phase":"Active"}}',
    )
    expect(sent.spec).toEqual({})
  })

  it('keeps other finalizers and fixes a wrong name label', () => {
    const ns = canonicalizeNamespace(prepareNamespaceForCreate({ metadata: { name: 'a', labels: { 'kubernetes.io/metadata.name': 'b', x: 'y' } }, spec: { finalizers: ['example.com/f'] } }))
    expect(ns.spec?.finalizers).toEqual(['example.com/f', 'kubernetes'])
    expect(ns.metadata?.labels).toEqual({ 'kubernetes.io/metadata.name': 'a', x: 'y' })
  })

  it('update keeps spec and status from the stored object', () => {
    const old = prepareNamespaceForCreate({ metadata: { name: 'a' } })
    const upd = prepareNamespaceForUpdate({ metadata: { name: 'a', labels: {} }, spec: { finalizers: [] }, status: { phase: 'Terminating' } }, old)
    expect(upd.spec).toEqual({ finalizers: ['kubernetes'] })
    expect(upd.status).toEqual({ phase: 'Active' })
    expect(upd.metadata?.labels).toEqual({ 'kubernetes.io/metadata.name': 'a' })
  })

  it('generateName namespaces get the label once named', () => {
    expect(setDefaultsNamespace({ metadata: { generateName: 'ns-' } }).metadata?.labels).toBeUndefined()
    expect(canonicalizeNamespace({ metadata: { name: 'ns-abcde' } }).metadata?.labels).toEqual({ 'kubernetes.io/metadata.name': 'ns-abcde' })
  })
})
