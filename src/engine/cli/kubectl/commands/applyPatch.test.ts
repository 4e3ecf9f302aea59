// The three-way strategic merge patch of `kubectl apply`. The expected patches of the first six
// cases are what the real kubectl 1.32 sent for the same original (last-applied), modified (file)
// and current (live) documents (captured with applyFidelity.test.ts's fake API server; the
// last-applied annotation, which these inputs leave out, removed); the last two follow upstream's
// code (no deletions without an original; mergepatch's error texts).

import { describe, expect, it } from 'vitest'
import { createThreeWayMergePatch, PatchError } from './applyPatch'
import { patchSchemaFor } from '../../../api/strategicpatch/meta'

const POD = patchSchemaFor('v1', 'Pod')
const DEPLOYMENT = patchSchemaFor('apps/v1', 'Deployment')
const j = (v: unknown) => JSON.stringify(v)

const pod = (spec: unknown, metadata: Record<string, unknown> = {}) => ({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'web', ...metadata }, spec })

describe('createThreeWayMergePatch (kubectl 1.32 outputs)', () => {
  it('nothing to change: {}', () => {
    const file = pod({ containers: [{ image: 'nginx', name: 'web' }] })
    const live = pod({ containers: [{ image: 'nginx', name: 'web', imagePullPolicy: 'Always', resources: {} }], dnsPolicy: 'ClusterFirst' }, { uid: 'u' })
    expect(createThreeWayMergePatch(j(file), j(file), j(live), POD)).toBe('{}')
  })

  it('a changed image: the container by name, with $setElementOrder', () => {
    const original = pod({ containers: [{ image: 'nginx:1.25', name: 'web' }] })
    const modified = pod({ containers: [{ image: 'nginx:1.27', name: 'web' }] })
    expect(createThreeWayMergePatch(j(original), j(modified), j(original), POD)).toBe(
      '{"spec":{"$setElementOrder/containers":[{"name":"web"}],"containers":[{"image":"nginx:1.27","name":"web"}]}}',
    )
  })

  it('env and ports: merged by name and containerPort, deletions as $patch: delete', () => {
    const original = pod({ containers: [{ env: [{ name: 'A', value: '0' }, { name: 'C', value: '3' }], image: 'nginx:1.25', name: 'web', ports: [{ containerPort: 80 }] }] })
    const modified = pod({ containers: [{ env: [{ name: 'B', value: '2' }, { name: 'A', value: '1' }], image: 'nginx:1.25', name: 'web', ports: [{ containerPort: 8080 }] }] })
    const current = pod({ containers: [{ name: 'web', image: 'nginx:1.25', env: [{ name: 'A', value: '0' }, { name: 'C', value: '3' }], ports: [{ containerPort: 80, protocol: 'TCP' }] }] })
    expect(createThreeWayMergePatch(j(original), j(modified), j(current), POD)).toBe(
      '{"spec":{"$setElementOrder/containers":[{"name":"web"}],"containers":[{"$setElementOrder/env":[{"name":"B"},{"name":"A"}],"$setElementOrder/ports":[{"containerPort":8080}],"env":[{"name":"B","value":"2"},{"name":"A","value":"1"},{"$patch":"delete","name":"C"}],"name":"web","ports":[{"containerPort":8080},{"$patch":"delete","containerPort":80}]}]}}',
    )
  })

  it('volumes: $retainKeys when a volume changes its source', () => {
    const original = pod({ containers: [{ image: 'nginx:1.25', name: 'web' }], volumes: [{ emptyDir: {}, name: 'data' }] })
    const modified = pod({ containers: [{ image: 'nginx:1.25', name: 'web' }], volumes: [{ hostPath: { path: '/data' }, name: 'data' }] })
    const current = pod({ containers: [{ image: 'nginx:1.25', name: 'web' }], volumes: [{ name: 'data', emptyDir: {} }, { name: 'kube-api-access-abcde', projected: { defaultMode: 420 } }] })
    expect(createThreeWayMergePatch(j(original), j(modified), j(current), POD)).toBe(
      '{"spec":{"$setElementOrder/volumes":[{"name":"data"}],"volumes":[{"$retainKeys":["hostPath","name"],"emptyDir":null,"hostPath":{"path":"/data"},"name":"data"}]}}',
    )
  })

  it('finalizers: $deleteFromPrimitiveList and $setElementOrder for a merging list of strings', () => {
    const original = pod({}, { finalizers: ['example.com/a'] })
    const modified = pod({}, { finalizers: ['example.com/b'] })
    const current = pod({}, { finalizers: ['example.com/a', 'example.com/server'] })
    expect(createThreeWayMergePatch(j(original), j(modified), j(current), POD)).toBe(
      '{"metadata":{"$deleteFromPrimitiveList/finalizers":["example.com/a"],"$setElementOrder/finalizers":["example.com/b"],"finalizers":["example.com/b"]}}',
    )
  })

  it('a deployment strategy switched to Recreate: $retainKeys drops rollingUpdate', () => {
    const rolling = { type: 'RollingUpdate', rollingUpdate: { maxSurge: '25%', maxUnavailable: '25%' } }
    const original = { apiVersion: 'apps/v1', kind: 'Deployment', spec: { replicas: 2, strategy: rolling } }
    const modified = { apiVersion: 'apps/v1', kind: 'Deployment', spec: { replicas: 2, strategy: { type: 'Recreate' } } }
    expect(createThreeWayMergePatch(j(original), j(modified), j(original), DEPLOYMENT)).toBe('{"spec":{"strategy":{"$retainKeys":["type"],"rollingUpdate":null,"type":"Recreate"}}}')
  })

  it('without a last-applied configuration nothing is deleted, only added or changed', () => {
    const modified = pod({ containers: [{ image: 'nginx', name: 'web' }] }, { labels: { tier: 'fe' } })
    const current = pod({ containers: [{ image: 'nginx', name: 'web' }] }, { labels: { app: 'web' } })
    expect(createThreeWayMergePatch(undefined, j(modified), j(current), POD)).toBe('{"metadata":{"labels":{"tier":"fe"}}}')
  })

  it('Go error texts for documents that do not fit the rules', () => {
    const noName = pod({ containers: [{ image: 'nginx' }] })
    const withName = pod({ containers: [{ image: 'nginx', name: 'web' }] })
    expect(() => createThreeWayMergePatch(j(withName), j(noName), j(withName), POD)).toThrow(new PatchError('map: map[image:nginx] does not contain declared merge key: name'))
    expect(() => createThreeWayMergePatch('{not json', j(withName), j(withName), POD)).toThrow(new PatchError('invalid JSON document'))
  })
})
