// kubectl api-resources in the kind world. The expected texts are the real kubectl 1.32's output
// against a stand-in API server whose discovery documents were generated from
// src/engine/api/resources.ts (the fidelity block below does that live when the binary is here).

import { execFile, spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { RESOURCES, groupVersion } from '../../../api/resources'
import { runTranscript } from '../../../sim/transcript'
import { createWorld } from '../../../world'
import { apiResourcesHeader, apiResourcesRows } from './apiResources'

function run(line: string): string {
  const world = createWorld({ seed: 1 })
  return runTranscript(world, `${line}\n`)
}

const DEFAULT = `NAME              SHORTNAMES   APIVERSION               NAMESPACED   KIND
bindings                       v1                       true         Binding
configmaps        cm           v1                       true         ConfigMap
endpoints         ep           v1                       true         Endpoints
events            ev           v1                       true         Event
namespaces        ns           v1                       false        Namespace
nodes             no           v1                       false        Node
pods              po           v1                       true         Pod
secrets                        v1                       true         Secret
serviceaccounts   sa           v1                       true         ServiceAccount
services          svc          v1                       true         Service
daemonsets        ds           apps/v1                  true         DaemonSet
deployments       deploy       apps/v1                  true         Deployment
replicasets       rs           apps/v1                  true         ReplicaSet
leases                         coordination.k8s.io/v1   true         Lease
endpointslices                 discovery.k8s.io/v1      true         EndpointSlice
`

const WIDE = `NAME              SHORTNAMES   APIVERSION               NAMESPACED   KIND             VERBS                                                        CATEGORIES
bindings                       v1                       true         Binding          create                                                       
configmaps        cm           v1                       true         ConfigMap        create,delete,deletecollection,get,list,patch,update,watch   
endpoints         ep           v1                       true         Endpoints        create,delete,deletecollection,get,list,patch,update,watch   
events            ev           v1                       true         Event            create,delete,deletecollection,get,list,patch,update,watch   
namespaces        ns           v1                       false        Namespace        create,delete,get,list,patch,update,watch                    
nodes             no           v1                       false        Node             create,delete,deletecollection,get,list,patch,update,watch   
pods              po           v1                       true         Pod              create,delete,deletecollection,get,list,patch,update,watch   all
secrets                        v1                       true         Secret           create,delete,deletecollection,get,list,patch,update,watch   
serviceaccounts   sa           v1                       true         ServiceAccount   create,delete,deletecollection,get,list,patch,update,watch   
services          svc          v1                       true         Service          create,delete,deletecollection,get,list,patch,update,watch   all
daemonsets        ds           apps/v1                  true         DaemonSet        create,delete,deletecollection,get,list,patch,update,watch   all
deployments       deploy       apps/v1                  true         Deployment       create,delete,deletecollection,get,list,patch,update,watch   all
replicasets       rs           apps/v1                  true         ReplicaSet       create,delete,deletecollection,get,list,patch,update,watch   all
leases                         coordination.k8s.io/v1   true         Lease            create,delete,deletecollection,get,list,patch,update,watch   
endpointslices                 discovery.k8s.io/v1      true         EndpointSlice    create,delete,deletecollection,get,list,patch,update,watch   
`

describe('kubectl api-resources (kind world)', () => {
  it.each([
    ['kubectl api-resources', DEFAULT],
    ['kubectl api-resources -o wide', WIDE],
    [
      'kubectl api-resources -o name',
      'bindings\nconfigmaps\nendpoints\nevents\nnamespaces\nnodes\npods\nsecrets\nserviceaccounts\nservices\ndaemonsets.apps\ndeployments.apps\nreplicasets.apps\nleases.coordination.k8s.io\nendpointslices.discovery.k8s.io\n',
    ],
    [
      'kubectl api-resources --sort-by=kind --no-headers',
      `bindings                   v1                       true    Binding
configmaps        cm       v1                       true    ConfigMap
daemonsets        ds       apps/v1                  true    DaemonSet
deployments       deploy   apps/v1                  true    Deployment
endpointslices             discovery.k8s.io/v1      true    EndpointSlice
endpoints         ep       v1                       true    Endpoints
events            ev       v1                       true    Event
leases                     coordination.k8s.io/v1   true    Lease
namespaces        ns       v1                       false   Namespace
nodes             no       v1                       false   Node
pods              po       v1                       true    Pod
replicasets       rs       apps/v1                  true    ReplicaSet
secrets                    v1                       true    Secret
services          svc      v1                       true    Service
serviceaccounts   sa       v1                       true    ServiceAccount
`,
    ],
    [
      'kubectl api-resources --namespaced=false -o wide',
      `NAME         SHORTNAMES   APIVERSION   NAMESPACED   KIND        VERBS                                                        CATEGORIES
namespaces   ns           v1           false        Namespace   create,delete,get,list,patch,update,watch                    
nodes        no           v1           false        Node        create,delete,deletecollection,get,list,patch,update,watch   
`,
    ],
    [
      'kubectl api-resources --api-group=apps --verbs=list,watch',
      `NAME          SHORTNAMES   APIVERSION   NAMESPACED   KIND
daemonsets    ds           apps/v1      true         DaemonSet
deployments   deploy       apps/v1      true         Deployment
replicasets   rs           apps/v1      true         ReplicaSet
`,
    ],
    [
      'kubectl api-resources --categories=all',
      `NAME          SHORTNAMES   APIVERSION   NAMESPACED   KIND
pods          po           v1           true         Pod
services      svc          v1           true         Service
daemonsets    ds           apps/v1      true         DaemonSet
deployments   deploy       apps/v1      true         Deployment
replicasets   rs           apps/v1      true         ReplicaSet
`,
    ],
    ['kubectl api-resources --api-group=nope', 'NAME   SHORTNAMES   APIVERSION   NAMESPACED   KIND\n'],
    ['kubectl api-resources -o json', 'error: --output json is not available\n'],
    ['kubectl api-resources --sort-by=foo', 'error: --sort-by accepts only name or kind\n'],
    ['kubectl api-resources foo', "error: unexpected arguments: [foo]\nSee 'kubectl api-resources -h' for help and examples\n"],
  ])('%s', (line, want) => {
    expect(run(line)).toBe(`$ ${line}\n${want}`)
  })

  it('--api-group= keeps the core group only', () => {
    expect(run('kubectl api-resources --api-group=')).toBe(`$ kubectl api-resources --api-group=
NAME              SHORTNAMES   APIVERSION   NAMESPACED   KIND
bindings                       v1           true         Binding
configmaps        cm           v1           true         ConfigMap
endpoints         ep           v1           true         Endpoints
events            ev           v1           true         Event
namespaces        ns           v1           false        Namespace
nodes             no           v1           false        Node
pods              po           v1           true         Pod
secrets                        v1           true         Secret
serviceaccounts   sa           v1           true         ServiceAccount
services          svc          v1           true         Service
`)
  })

  it('prints the header between the discovery error and kubectl\'s sentence when nothing listens', () => {
    const world = createWorld({ scenario: 'empty' })
    expect(runTranscript(world, 'kubectl api-resources -o wide\n')).toBe(
      '$ kubectl api-resources -o wide\n' +
        'E1122 09:00:00.000000    2417 memcache.go:265] "Unhandled Error" err="couldn\'t get current server API group list: Get \\"http://localhost:8080/api?timeout=32s\\": dial tcp 127.0.0.1:8080: connect: connection refused"\n' +
        'NAME   SHORTNAMES   APIVERSION   NAMESPACED   KIND   VERBS   CATEGORIES\n' +
        'The connection to the server localhost:8080 was refused - did you specify the right host or port?\n',
    )
  })

  it('builds rows from any discovery list (pure)', () => {
    const o = { output: '' as const, sortBy: 'name' as const, verbs: [], categories: [], noHeaders: false }
    expect(apiResourcesHeader(o)).toBe('NAME\tSHORTNAMES\tAPIVERSION\tNAMESPACED\tKIND\n')
    expect(apiResourcesRows(RESOURCES.filter((r) => r.group === 'apps'), o)).toBe(
      'daemonsets\tds\tapps/v1\ttrue\tDaemonSet\ndeployments\tdeploy\tapps/v1\ttrue\tDeployment\nreplicasets\trs\tapps/v1\ttrue\tReplicaSet\n',
    )
  })
})

// Live fidelity: the real kubectl against a plain-HTTP stand-in API server whose discovery is
// generated from RESOURCES, Podlab against its own apiserver.
const REAL = '/usr/lib/google-cloud-sdk/bin/kubectl.1.32'
const hasReal = existsSync(REAL) && spawnSync(REAL, ['version', '--client'], { encoding: 'utf8' }).status === 0
if (!hasReal) console.log(`skipping api-resources fidelity tests: no ${REAL}`)

function discoveryServer(): Promise<Server> {
  const byGv = new Map<string, unknown[]>()
  for (const r of RESOURCES) {
    const gv = groupVersion(r)
    const list = byGv.get(gv) ?? []
    const entry: Record<string, unknown> = { name: r.resource, singularName: r.singular, namespaced: r.namespaced, kind: r.kind, verbs: r.verbs }
    if (r.shortNames.length) entry.shortNames = r.shortNames
    if (r.categories.length) entry.categories = r.categories
    list.push(entry)
    for (const s of r.subresources) list.push({ name: `${r.resource}/${s}`, singularName: '', namespaced: r.namespaced, kind: r.kind, verbs: ['get'] })
    byGv.set(gv, list)
  }
  const groups = [...byGv.keys()]
    .filter((gv) => gv.includes('/'))
    .map((gv) => {
      const [name, version] = gv.split('/')
      return { name, versions: [{ groupVersion: gv, version }], preferredVersion: { groupVersion: gv, version } }
    })
  const server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname
    const send = (code: number, body: unknown) => {
      res.writeHead(code, { 'Content-Type': 'application/json' })
      res.end(JSON.stringify(body))
    }
    if (path === '/api') return send(200, { kind: 'APIVersions', versions: ['v1'], serverAddressByClientCIDRs: [{ clientCIDR: '0.0.0.0/0', serverAddress: '172.18.0.2:6443' }] })
    if (path === '/apis') return send(200, { kind: 'APIGroupList', apiVersion: 'v1', groups })
    const gv = path === '/api/v1' ? 'v1' : path.replace(/^\/apis\//, '')
    if (byGv.has(gv)) return send(200, { kind: 'APIResourceList', apiVersion: 'v1', groupVersion: gv, resources: byGv.get(gv) })
    send(404, { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message: 'the server could not find the requested resource', reason: 'NotFound', details: {}, code: 404 })
  })
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)))
}

describe.skipIf(!hasReal)('kubectl api-resources: Podlab against the real kubectl 1.32', () => {
  it.each([
    [[]],
    [['-o', 'wide']],
    [['-o', 'name']],
    [['--sort-by=name', '-o', 'wide']],
    [['--sort-by=kind']],
    [['--namespaced=true', '--no-headers']],
    [['--namespaced=false']],
    [['--api-group=apps']],
    [['--api-group=']],
    [['--verbs=create,deletecollection']],
    [['--categories=all', '-o', 'name']],
  ])('kubectl api-resources %j', async (args: string[]) => {
    const server = await discoveryServer()
    const dir = mkdtempSync(join(tmpdir(), 'podlab-api-resources-'))
    try {
      const port = (server.address() as AddressInfo).port
      writeFileSync(
        join(dir, 'config'),
        `apiVersion: v1\nkind: Config\nclusters:\n- name: c\n  cluster:\n    server: http://127.0.0.1:${port}\ncontexts:\n- name: c\n  context:\n    cluster: c\ncurrent-context: c\n`,
      )
      const real = await new Promise<string>((resolve, reject) =>
        execFile(REAL, ['api-resources', ...args], { env: { PATH: '/usr/bin:/bin', HOME: dir, KUBECONFIG: join(dir, 'config') } }, (err, stdout, stderr) =>
          err ? reject(new Error(stderr)) : resolve(stdout),
        ),
      )
      const line = ['kubectl', 'api-resources', ...args].join(' ')
      expect(run(line)).toBe(`$ ${line}\n${real}`)
    } finally {
      server.close()
      rmSync(dir, { recursive: true, force: true })
    }
  })
})
