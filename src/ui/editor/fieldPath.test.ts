import { describe, it, expect } from 'vitest'
import { locateField, parseFieldPath } from './fieldPath'

const pod = `apiVersion: v1
kind: Pod
metadata:
  name: My_Pod
  labels:
    app: web
spec:
  containers:
  - name: web
    image: nginx:1.27
    ports:
    - containerPort: 80
  - name: side
    imagez: busybox
`

describe('parseFieldPath', () => {
  it.each([
    ['metadata.name', ['metadata', 'name']],
    ['spec.containers[0].image', ['spec', 'containers', '0', 'image']],
    ['metadata.labels[app.kubernetes.io/name]', ['metadata', 'labels', 'app.kubernetes.io/name']],
    ['spec.template.spec.containers[1].ports[0].containerPort', ['spec', 'template', 'spec', 'containers', '1', 'ports', '0', 'containerPort']],
  ])('%s', (path, want) => expect(parseFieldPath(path)).toEqual(want))
})

describe('locateField', () => {
  it('underlines `key: value` of a scalar field', () => {
    expect(locateField(pod, 0, 'metadata.name')).toEqual({ startLineNumber: 4, startColumn: 3, endLineNumber: 4, endColumn: 15, exact: true })
  })

  it('follows list indexes', () => {
    expect(locateField(pod, 0, 'spec.containers[0].image')).toMatchObject({ startLineNumber: 10, startColumn: 5, exact: true })
    expect(locateField(pod, 0, 'spec.containers[0].ports[0].containerPort')).toMatchObject({ startLineNumber: 12, exact: true })
    expect(locateField(pod, 0, 'spec.containers[1].imagez')).toMatchObject({ startLineNumber: 14, exact: true })
  })

  it('underlines only the key of a nested map', () => {
    expect(locateField(pod, 0, 'metadata.labels')).toEqual({ startLineNumber: 5, startColumn: 3, endLineNumber: 5, endColumn: 9, exact: true })
  })

  it('reads map keys in brackets', () => {
    expect(locateField(pod, 0, 'metadata.labels[app]')).toMatchObject({ startLineNumber: 6, exact: true })
  })

  it('falls back to the deepest written field when the path goes further', () => {
    // "Required value" for a field that is not there: point at the container that lacks it.
    expect(locateField(pod, 0, 'spec.containers[1].image')).toMatchObject({ startLineNumber: 13, exact: false })
    expect(locateField(pod, 0, 'spec.nodeName')).toMatchObject({ startLineNumber: 7, exact: false })
  })

  it('points at the start of the document when there is no field', () => {
    expect(locateField(pod, 0, undefined)).toMatchObject({ startLineNumber: 1, startColumn: 1, exact: true })
  })

  it('picks the right document of a multi-document file', () => {
    const text = `apiVersion: v1\nkind: Namespace\nmetadata:\n  name: a\n---\napiVersion: v1\nkind: Pod\nmetadata:\n  name: b\nspec:\n  containers: []\n`
    expect(locateField(text, 1, 'metadata.name')).toMatchObject({ startLineNumber: 9, exact: true })
    expect(locateField(text, 1, 'spec.containers')).toMatchObject({ startLineNumber: 11, exact: true })
    expect(locateField(text, 1, undefined)).toMatchObject({ startLineNumber: 6 })
  })

  it('survives a document index past the end', () => {
    expect(locateField(pod, 3, 'metadata.name')).toMatchObject({ startLineNumber: 1, exact: false })
  })
})
