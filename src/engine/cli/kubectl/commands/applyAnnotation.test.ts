// The last-applied-configuration annotation as kubectl 1.32 writes it. Expected texts were sent
// by the real binary (to applyFidelity.test.ts's fake API server).

import { describe, expect, it } from 'vitest'
import type { KubeObject } from '../../../api/types'
import { buildRun } from '../generators/run'
import { createApplyAnnotation, createOrUpdateAnnotation, getModifiedConfiguration, LAST_APPLIED_CONFIG_ANNOTATION } from './applyAnnotation'

const fromFile: KubeObject = { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'web', namespace: 'default' }, spec: { containers: [{ image: 'nginx', name: 'web' }] } }

describe('last-applied-configuration', () => {
  it('an object read from a file: compact, keys sorted, "annotations":{} and a final newline', () => {
    expect(createApplyAnnotation(fromFile, 'unstructured').metadata?.annotations).toEqual({
      [LAST_APPLIED_CONFIG_ANNOTATION]: '{"apiVersion":"v1","kind":"Pod","metadata":{"annotations":{},"name":"web","namespace":"default"},"spec":{"containers":[{"image":"nginx","name":"web"}]}}\n',
    })
  })

  it('the modified configuration embeds the annotation of the configuration without it', () => {
    const withOther = { ...fromFile, metadata: { ...fromFile.metadata, annotations: { a: 'b<&>' } } }
    const inner = '{"apiVersion":"v1","kind":"Pod","metadata":{"annotations":{"a":"b\\u003c\\u0026\\u003e"},"name":"web","namespace":"default"},"spec":{"containers":[{"image":"nginx","name":"web"}]}}\n'
    expect(getModifiedConfiguration(withOther, false, 'unstructured')).toBe(inner)
    expect(JSON.parse(getModifiedConfiguration(withOther, true, 'unstructured'))).toEqual({ ...withOther, metadata: { ...withOther.metadata, annotations: { a: 'b<&>', [LAST_APPLIED_CONFIG_ANNOTATION]: inner } } })
  })

  it('a typed object (kubectl run --save-config): Go field order, no empty annotations map', () => {
    const r = buildRun({ args: ['x'], image: 'nginx' })
    if (!r.ok) throw new Error(r.error)
    expect(createOrUpdateAnnotation(true, r.value.pod, 'typed').metadata?.annotations).toEqual({
      [LAST_APPLIED_CONFIG_ANNOTATION]:
        '{"kind":"Pod","apiVersion":"v1","metadata":{"name":"x","creationTimestamp":null,"labels":{"run":"x"}},"spec":{"containers":[{"name":"x","image":"nginx","resources":{}}],"restartPolicy":"Always","dnsPolicy":"ClusterFirst"},"status":{}}\n',
    })
  })

  it('without --save-config only an existing annotation is refreshed', () => {
    expect(createOrUpdateAnnotation(false, fromFile, 'unstructured')).toBe(fromFile)
    const stale = { ...fromFile, metadata: { ...fromFile.metadata, annotations: { [LAST_APPLIED_CONFIG_ANNOTATION]: 'old' } } }
    expect(createOrUpdateAnnotation(false, stale, 'unstructured').metadata?.annotations?.[LAST_APPLIED_CONFIG_ANNOTATION]).toBe(
      '{"apiVersion":"v1","kind":"Pod","metadata":{"annotations":{},"name":"web","namespace":"default"},"spec":{"containers":[{"image":"nginx","name":"web"}]}}\n',
    )
  })
})
