// The apiserver's non-resource paths (/version, discovery, the 404s) and DELETE's options, through
// ApiServer.handle, and `kubectl version` against it (expected text as in version.test.ts, checked
// there against the real kubectl 1.32 with the same /version body).

import { describe, expect, it } from 'vitest'
import { ApiServer, type ApiRequest } from './apiServer'
import { Client } from '../client/client'
import { Store } from '../store/store'
import { VirtualClock } from '../clock/virtualClock'
import { Rng } from '../clock/random'
import { formatKubectlError } from '../api/errors'
import type { Deployment, Pod, Status } from '../api/types'
import { createWorld } from '../world'
import { kubectlProgram } from '../cli/kubectl/kubectl'
import { runTranscript } from '../sim/transcript'

function cluster(opts: { version?: string; advertiseAddress?: string } = {}) {
  const api = new ApiServer({ store: new Store(), clock: new VirtualClock(Date.UTC(2025, 0, 1)), rng: new Rng(7), ...opts })
  const c = new Client(api, 'kubectl')
  c.create('namespaces', undefined, { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'default' } })
  c.create('serviceaccounts', 'default', { apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: 'default', namespace: 'default' } })
  const send = (r: Omit<ApiRequest, 'user'>) => api.handle({ ...r, user: 'test' })
  return { api, c, send }
}

const KIND_1_32_2 = {
  major: '1',
  minor: '32',
  gitVersion: 'v1.32.2',
  gitCommit: '67a30c0adcf52bd3f56ff0893ce19966be12991f',
  gitTreeState: 'clean',
  buildDate: '2025-02-12T21:19:47Z',
  goVersion: 'go1.23.6',
  compiler: 'gc',
  platform: 'linux/amd64',
}

const PAGE_NOT_FOUND = {
  kind: 'Status',
  apiVersion: 'v1',
  metadata: {},
  status: 'Failure',
  message: 'the server could not find the requested resource',
  reason: 'NotFound',
  details: { causes: [{ reason: 'UnexpectedServerResponse', message: '404 page not found' }] },
  code: 404,
}
const ROUTE_NOT_FOUND = { ...PAGE_NOT_FOUND, details: {} }

describe('non-resource paths', () => {
  it('GET /version: the kind cluster apiserver build, in version.Info order', () => {
    const { send } = cluster({ version: 'v1.32.2' })
    const res = send({ method: 'GET', path: '/version' })
    expect(res.code).toBe(200)
    expect(JSON.stringify(res.body)).toBe(JSON.stringify(KIND_1_32_2))
    expect(() => cluster({ version: 'v1.99.0' })).toThrow('no release build data for kube-apiserver v1.99.0')
  })

  it('discovery: /api lists the advertised address; /apis, /apis/apps, /api/v1, /apis/apps/v1', () => {
    const { send } = cluster({ advertiseAddress: '172.18.0.2:6443' })
    expect(send({ method: 'GET', path: '/api' }).body).toEqual({ kind: 'APIVersions', versions: ['v1'], serverAddressByClientCIDRs: [{ clientCIDR: '0.0.0.0/0', serverAddress: '172.18.0.2:6443' }] })
    expect((send({ method: 'GET', path: '/apis' }).body as { kind: string }).kind).toBe('APIGroupList')
    expect((send({ method: 'GET', path: '/apis/apps' }).body as { kind: string }).kind).toBe('APIGroup')
    expect((send({ method: 'GET', path: '/api/v1' }).body as { groupVersion: string }).groupVersion).toBe('v1')
    expect((send({ method: 'GET', path: '/apis/discovery.k8s.io/v1' }).body as { groupVersion: string }).groupVersion).toBe('discovery.k8s.io/v1')
  })

  it('404: a path nothing serves (as client-go reads "404 page not found"), a route a served group-version lacks', () => {
    const { send } = cluster()
    for (const path of ['/version', '/foo', '/api/v2', '/apis/batch/v1/namespaces/default/jobs', '/apis/apps/v2/deployments', '/apis/batch']) {
      const res = send({ method: 'GET', path })
      expect([path, res.code, res.body]).toEqual([path, 404, PAGE_NOT_FOUND])
    }
    for (const path of ['/api/v1/namespaces/default/foos', '/api/v1/namespaces/default/nodes/x', '/api/v1/pods/x', '/api/v1/namespaces/default/pods/x/foo']) {
      const res = send({ method: 'GET', path })
      expect([path, res.code, res.body]).toEqual([path, 404, ROUTE_NOT_FOUND])
    }
    expect(formatKubectlError(PAGE_NOT_FOUND as Status)).toBe('Error from server (NotFound): the server could not find the requested resource')
    expect(send({ method: 'POST', path: '/api' }).code).toBe(405)
  })

  it('kubectl version reaches /version: Client, Kustomize and Server Version lines', () => {
    const world = createWorld({ scenario: 'empty' })
    const { api } = cluster({ version: 'v1.32.2' })
    const server = 'https://127.0.0.1:6443'
    world.host.install('kubectl', kubectlProgram({ clientFor: (s) => (s === server ? new Client(api, 'kubectl') : undefined), now: () => world.now() }))
    world.host.fs.mkdirAll('/root/.kube')
    world.host.fs.writeFile('/root/.kube/config', `clusters:\n- name: c\n  cluster:\n    server: ${server}\ncontexts:\n- name: c\n  context:\n    cluster: c\ncurrent-context: c\n`)
    expect(runTranscript(world, 'kubectl version\n')).toBe('$ kubectl version\nClient Version: v1.32.5\nKustomize Version: v5.5.0\nServer Version: v1.32.2\n')
  })
})

describe('DELETE options (delete.go, rest.BeforeDelete, ValidateDeleteOptions)', () => {
  const podPath = '/api/v1/namespaces/default/pods/web'
  function withPod() {
    const k = cluster()
    const p = k.c.create<Pod>('pods', 'default', { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'web' }, spec: { containers: [{ name: 'c', image: 'nginx' }] } })
    return { ...k, uid: p.metadata!.uid!, rv: p.metadata!.resourceVersion! }
  }

  it('dryRun in the body (what kubectl sends) does not delete', () => {
    const { c, send } = withPod()
    const res = send({ method: 'DELETE', path: podPath, body: { propagationPolicy: 'Background', dryRun: ['All'] } })
    expect(res.code).toBe(200)
    expect(c.find('pods', 'default', 'web')).toBeDefined()
    expect(send({ method: 'DELETE', path: podPath, body: { propagationPolicy: 'Background' } }).code).toBe(200)
    expect(c.find('pods', 'default', 'web')).toBeUndefined()
  })

  it('with a body the query is not read; without one it is', () => {
    const { c, send } = withPod()
    send({ method: 'DELETE', path: podPath, body: { propagationPolicy: 'Background' }, query: { dryRun: 'All' } })
    expect(c.find('pods', 'default', 'web')).toBeUndefined()
    const again = withPod()
    again.send({ method: 'DELETE', path: podPath, query: { dryRun: 'All' } })
    expect(again.c.find('pods', 'default', 'web')).toBeDefined()
  })

  it('preconditions: the UID and the resourceVersion, named by kind', () => {
    const { send, uid, rv } = withPod()
    const byUid = send({ method: 'DELETE', path: podPath, body: { preconditions: { uid: 'other' } } })
    expect(byUid.code).toBe(409)
    expect((byUid.body as Status).message).toBe(
      `Operation cannot be fulfilled on Pod "web": the UID in the precondition (other) does not match the UID in record (${uid}). The object might have been deleted and then recreated`,
    )
    expect((byUid.body as Status).details).toEqual({ name: 'web', kind: 'Pod' })
    const byRv = send({ method: 'DELETE', path: podPath, body: { preconditions: { resourceVersion: '1' } } })
    expect((byRv.body as Status).message).toBe(
      `Operation cannot be fulfilled on Pod "web": the ResourceVersion in the precondition (1) does not match the ResourceVersion in record (${rv}). The object might have been modified`,
    )
    expect(send({ method: 'DELETE', path: podPath, body: { preconditions: { uid, resourceVersion: rv } } }).code).toBe(200)
  })

  it('invalid options, once the object is found', () => {
    const { send } = withPod()
    expect((send({ method: 'DELETE', path: '/api/v1/namespaces/default/pods/none', body: { propagationPolicy: 'Bad' } }).body as Status).reason).toBe('NotFound')
    const bad = send({ method: 'DELETE', path: podPath, body: { propagationPolicy: 'Bad', dryRun: ['x'] } })
    expect(bad.code).toBe(422)
    expect((bad.body as Status).message).toBe(
      'DeleteOptions.meta.k8s.io "" is invalid: [propagationPolicy: Unsupported value: "Bad": supported values: "Foreground", "Background", "Orphan", "nil", dryRun: Unsupported value: []string{"x"}: supported values: "All"]',
    )
    const both = send({ method: 'DELETE', path: podPath, body: { propagationPolicy: 'Orphan', orphanDependents: true } })
    expect((both.body as Status).message).toBe('DeleteOptions.meta.k8s.io "" is invalid: propagationPolicy: Invalid value: "Orphan": orphanDependents and deletionPropagation cannot be both set')
  })

  it('propagation: Foreground and Orphan put their finalizer on (the first mark bumps the generation); orphanDependents=true orphans', () => {
    const { c, send } = cluster()
    const deploy = (name: string) =>
      c.create<Deployment>('deployments', 'default', {
        apiVersion: 'apps/v1',
        kind: 'Deployment',
        metadata: { name },
        spec: { selector: { matchLabels: { app: name } }, template: { metadata: { labels: { app: name } }, spec: { containers: [{ name: 'c', image: 'nginx' }] } } },
      })
    deploy('fg')
    const fg = send({ method: 'DELETE', path: '/apis/apps/v1/namespaces/default/deployments/fg', body: { propagationPolicy: 'Foreground' } })
    expect((fg.body as Deployment).metadata).toMatchObject({ finalizers: ['foregroundDeletion'], generation: 2, deletionGracePeriodSeconds: 0 })
    // A second delete naming Orphan swaps the GC finalizer.
    const orphan = send({ method: 'DELETE', path: '/apis/apps/v1/namespaces/default/deployments/fg', body: { propagationPolicy: 'Orphan' } })
    expect((orphan.body as Deployment).metadata?.finalizers).toEqual(['orphan'])
    expect((orphan.body as Deployment).metadata?.generation).toBe(2)
    deploy('old')
    const old = send({ method: 'DELETE', path: '/apis/apps/v1/namespaces/default/deployments/old', body: { orphanDependents: true } })
    expect((old.body as Deployment).metadata?.finalizers).toEqual(['orphan'])
  })
})
