// kubectl cluster-info: the kind world, the empty world, and (when the real kubectl 1.32 is on
// this machine) the real binary against a plain-HTTP stand-in API server serving the same
// services.

import { execFile, spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { Service } from '../../../api/types'
import { runTranscript } from '../../../sim/transcript'
import { createWorld, type World } from '../../../world'
import { clusterInfoLines, joinSchemeNamePort } from './info'

function kindServer(world: World): string {
  const m = /server: (\S+)/.exec(world.host.fs.readFile('/root/.kube/config'))
  if (!m) throw new Error('no server in the kind kubeconfig')
  return m[1]
}

const FOOTER = "\nTo further debug and diagnose cluster problems, use 'kubectl cluster-info dump'.\n"

describe('kubectl cluster-info (kind world)', () => {
  it('shows the control plane and CoreDNS, without colours (kubectl 1.32 prints none)', () => {
    const world = createWorld({ seed: 1 })
    const server = kindServer(world)
    expect(runTranscript(world, 'kubectl cluster-info\n')).toBe(
      '$ kubectl cluster-info\n' +
        `Kubernetes control plane is running at ${server}\n` +
        `CoreDNS is running at ${server}/api/v1/namespaces/kube-system/services/kube-dns:dns/proxy\n` +
        FOOTER,
    )
  })

  it('-n picks the namespace (the context\'s namespace does not count)', () => {
    const world = createWorld({ seed: 1 })
    const server = kindServer(world)
    expect(runTranscript(world, 'kubectl config set-context --current --namespace=default\nkubectl cluster-info\nkubectl cluster-info -n default\n')).toBe(
      '$ kubectl config set-context --current --namespace=default\nContext "kind-kind" modified.\n' +
        '$ kubectl cluster-info\n' +
        `Kubernetes control plane is running at ${server}\n` +
        `CoreDNS is running at ${server}/api/v1/namespaces/kube-system/services/kube-dns:dns/proxy\n` +
        FOOTER +
        '$ kubectl cluster-info -n default\n' +
        `Kubernetes control plane is running at ${server}\n` +
        FOOTER,
    )
  })

  it('says plainly that dump is not simulated', () => {
    const world = createWorld({ seed: 1 })
    expect(runTranscript(world, 'kubectl cluster-info dump\n')).toBe(
      '$ kubectl cluster-info dump\nerror: "kubectl cluster-info dump" is not simulated by Podlab yet\n',
    )
  })
})

describe('kubectl cluster-info with nothing listening (empty world)', () => {
  it('logs five discovery errors, prints the footer, then the refusal (real kubectl 1.32)', () => {
    const world = createWorld({ scenario: 'empty' })
    const line =
      'E1122 09:00:00.000000    2417 memcache.go:265] "Unhandled Error" err="couldn\'t get current server API group list: Get \\"http://localhost:8080/api?timeout=32s\\": dial tcp 127.0.0.1:8080: connect: connection refused"\n'
    expect(runTranscript(world, 'kubectl cluster-info\n')).toBe(
      '$ kubectl cluster-info\n' +
        line.repeat(5) +
        FOOTER +
        'The connection to the server localhost:8080 was refused - did you specify the right host or port?\n',
    )
  })
})

const SERVICES: Service[] = [
  {
    metadata: { name: 'kube-dns', namespace: 'kube-system', labels: { 'kubernetes.io/cluster-service': 'true', 'kubernetes.io/name': 'CoreDNS' } },
    spec: { ports: [{ name: 'dns', port: 53, protocol: 'UDP' }, { name: 'dns-tcp', port: 53, protocol: 'TCP' }] },
  },
  {
    metadata: { name: 'lb', namespace: 'kube-system', labels: { 'kubernetes.io/cluster-service': 'true' } },
    spec: { type: 'LoadBalancer', ports: [{ name: 'http', port: 80 }, { name: 'https', port: 443 }] },
    status: { loadBalancer: { ingress: [{ hostname: 'lb.example.test' }] } },
  },
  { metadata: { name: 'secure', namespace: 'kube-system', labels: { 'kubernetes.io/cluster-service': 'true' } }, spec: { ports: [{ port: 443 }] } },
  { metadata: { name: 'named-https', namespace: 'kube-system', labels: { 'kubernetes.io/cluster-service': 'true' } }, spec: { ports: [{ name: 'https', port: 8443 }] } },
  { metadata: { name: 'portless', namespace: 'kube-system', labels: { 'kubernetes.io/cluster-service': 'true' } }, spec: {} },
]

describe('clusterInfoLines', () => {
  it('links LoadBalancers directly and everything else through the API server proxy', () => {
    expect(clusterInfoLines('https://h:1', SERVICES)).toBe(
      'Kubernetes control plane is running at https://h:1\n' +
        'CoreDNS is running at https://h:1/api/v1/namespaces/kube-system/services/kube-dns:dns/proxy\n' +
        'lb is running at http://lb.example.test:80 http://lb.example.test:443 \n' +
        'secure is running at https://h:1/api/v1/namespaces/kube-system/services/https:secure:/proxy\n' +
        'named-https is running at https://h:1/api/v1/namespaces/kube-system/services/https:named-https:https/proxy\n' +
        'portless is running at https://h:1/api/v1/namespaces/kube-system/services/portless/proxy\n',
    )
  })

  it('joinSchemeNamePort', () => {
    expect(joinSchemeNamePort('', 'a', '')).toBe('a')
    expect(joinSchemeNamePort('', 'a', 'p')).toBe('a:p')
    expect(joinSchemeNamePort('https', 'a', '')).toBe('https:a:')
  })
})

const REAL = '/usr/lib/google-cloud-sdk/bin/kubectl.1.32'
const hasReal = existsSync(REAL) && spawnSync(REAL, ['version', '--client'], { encoding: 'utf8' }).status === 0
if (!hasReal) console.log(`skipping cluster-info fidelity tests: no ${REAL}`)

function servicesServer(items: Service[]): Promise<Server> {
  const server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname
    res.writeHead(200, { 'Content-Type': 'application/json' })
    if (path === '/api') return res.end(JSON.stringify({ kind: 'APIVersions', versions: ['v1'] }))
    if (path === '/apis') return res.end(JSON.stringify({ kind: 'APIGroupList', apiVersion: 'v1', groups: [] }))
    if (path === '/api/v1') {
      return res.end(
        JSON.stringify({ kind: 'APIResourceList', groupVersion: 'v1', resources: [{ name: 'services', singularName: 'service', namespaced: true, kind: 'Service', verbs: ['get', 'list'], shortNames: ['svc'] }] }),
      )
    }
    const ns = /^\/api\/v1\/namespaces\/([^/]+)\/services$/.exec(path)?.[1]
    res.end(JSON.stringify({ kind: 'ServiceList', apiVersion: 'v1', metadata: { resourceVersion: '1' }, items: items.filter((s) => s.metadata?.namespace === ns) }))
  })
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)))
}

describe.skipIf(!hasReal)('kubectl cluster-info: Podlab against the real kubectl 1.32', () => {
  it('prints the same lines for the same services', async () => {
    const server = await servicesServer(SERVICES)
    const dir = mkdtempSync(join(tmpdir(), 'podlab-cluster-info-'))
    try {
      const host = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
      writeFileSync(join(dir, 'config'), `clusters:\n- name: c\n  cluster:\n    server: ${host}\ncontexts:\n- name: c\n  context:\n    cluster: c\ncurrent-context: c\n`)
      const real = await new Promise<string>((resolve, reject) =>
        execFile(REAL, ['cluster-info'], { env: { PATH: '/usr/bin:/bin', HOME: dir, KUBECONFIG: join(dir, 'config'), TERM: 'xterm-256color' } }, (err, stdout, stderr) =>
          err ? reject(new Error(stderr)) : resolve(stdout),
        ),
      )
      expect(clusterInfoLines(host, SERVICES) + FOOTER).toBe(real)
    } finally {
      server.close()
      rmSync(dir, { recursive: true, force: true })
    }
  })

  it('the empty world matches the real binary with nothing on localhost:8080 (times and pids masked)', () => {
    const r = spawnSync(REAL, ['cluster-info'], { encoding: 'utf8', env: { PATH: '/usr/bin:/bin', HOME: '/nonexistent-home', KUBECONFIG: '/nonexistent/kubeconfig' } })
    const mask = (s: string) => s.replace(/^E\d{4} \d\d:\d\d:\d\d\.\d{6} +\d+ /gm, 'E<time> <pid> ')
    const world = createWorld({ scenario: 'empty' })
    // The transcript shows stderr's klog lines before stdout's footer, as they were written.
    expect(mask(runTranscript(world, 'kubectl cluster-info\n'))).toBe(mask(`$ kubectl cluster-info\n${r.stderr.replace(/\nThe connection[^\n]*\n$/, '\n')}${r.stdout}${r.stderr.slice(r.stderr.indexOf('The connection'))}`))
  })
})
