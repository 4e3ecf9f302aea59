import { execFile, spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, realpathSync, writeFileSync } from 'node:fs'
import { createServer, type Server } from 'node:http'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { formatKubectlError } from '../../../api/errors'
import { buildRun, type RunOptions } from './run'
import { buildNamespace } from './namespace'

describe('kubectl run: facts §6.1 (real kubectl 1.32.4, --dry-run=client -o yaml)', () => {
  it('kubectl run nginx --image=nginx --port=80', () => {
    const r = buildRun({ args: ['nginx'], image: 'nginx', port: '80', dryRun: 'client' })
    expect(r.ok && r.value.pod).toEqual({
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { creationTimestamp: null, labels: { run: 'nginx' }, name: 'nginx' },
      spec: { containers: [{ image: 'nginx', name: 'nginx', ports: [{ containerPort: 80 }], resources: {} }], dnsPolicy: 'ClusterFirst', restartPolicy: 'Always' },
      status: {},
    })
  })

  it('kubectl run nginx --image=nginx --restart=Never', () => {
    const r = buildRun({ args: ['nginx'], image: 'nginx', restart: 'Never', dryRun: 'client' })
    expect(r.ok && (r.value.pod.spec as { restartPolicy: string }).restartPolicy).toBe('Never')
  })

  it('errors (captured from kubectl 1.32)', () => {
    const err = (o: Partial<RunOptions>) => {
      const r = buildRun({ args: ['nginx'], image: 'nginx', dryRun: 'client', ...o })
      return r.ok ? '' : formatKubectlError(r.error)
    }
    expect(err({ image: undefined })).toBe('error: required flag(s) "image" not set')
    expect(err({ image: '' })).toBe('error: --image is required')
    expect(err({ args: [] })).toBe("error: NAME is required for run\nSee 'kubectl run -h' for help and examples")
    expect(err({ restart: 'Foo' })).toBe("error: invalid restart policy: Foo\nSee 'kubectl run -h' for help and examples")
    expect(err({ env: ['FOO'] })).toBe('error: invalid env: FOO')
    expect(err({ port: 'abc' })).toBe('error: strconv.Atoi: parsing "abc": invalid syntax')
    expect(err({ image: 'NGINX' })).toBe('error: Invalid image name "NGINX": invalid reference format')
    expect(err({ labels: 'a' })).toBe('error: unexpected label spec: a')
    expect(err({ annotations: ['foo', 'bar'] })).toBe('error: invalid annotations format: foo, bar')
  })

  it('kubectl create namespace dev', () => {
    const r = buildNamespace({ args: ['dev'] })
    expect(r.ok && JSON.stringify(r.namespace)).toBe('{"kind":"Namespace","apiVersion":"v1","metadata":{"name":"dev","creationTimestamp":null},"spec":{},"status":{}}')
    const bad = buildNamespace({ args: [] })
    expect(!bad.ok && formatKubectlError(bad.error)).toBe("error: exactly one NAME is required, got 0\nSee 'kubectl create namespace -h' for help and examples")
  })
})

// ---- fidelity against the real binary ----

/** The real kubectl 1.32 (gcloud's /usr/bin/kubectl dispatcher has a kubectl.1.32 sibling). */
function realKubectl(): { bin?: string; reason?: string } {
  const candidates = [process.env.KUBECTL_BIN, '/usr/bin/kubectl'].filter((c): c is string => !!c && existsSync(c))
  for (const c of candidates) {
    for (const bin of [join(dirname(realpathSync(c)), 'kubectl.1.32'), c]) {
      if (!existsSync(bin)) continue
      const v = spawnSync(bin, ['version', '--client'], { encoding: 'utf8' }).stdout ?? ''
      if (/^Client Version: v1\.32\.\d+\n/.test(v)) return { bin }
    }
  }
  return { reason: 'no real kubectl v1.32 binary found (set KUBECTL_BIN or install /usr/bin/kubectl)' }
}

const real = realKubectl()
if (!real.bin) console.log(`skipping kubectl run/create namespace fidelity tests: ${real.reason}`)

/**
 * `kubectl run` needs API discovery even with --dry-run=client (it maps the Pod to a resource):
 * a loopback server answers /api and /apis with just the core group.
 */
function discoveryServer(): Server {
  const res = (name: string, kind: string) => ({ name, singularName: '', namespaced: true, kind, verbs: ['create', 'get', 'list'] })
  const bodies: Record<string, unknown> = {
    '/api': { kind: 'APIVersions', versions: ['v1'], serverAddressByClientCIDRs: [{ clientCIDR: '0.0.0.0/0', serverAddress: '127.0.0.1' }] },
    '/apis': { kind: 'APIGroupList', apiVersion: 'v1', groups: [] },
    '/api/v1': { kind: 'APIResourceList', groupVersion: 'v1', resources: [res('pods', 'Pod'), res('services', 'Service')] },
  }
  return createServer((req, out) => {
    const body = bodies[(req.url ?? '').split('?')[0]]
    out.writeHead(body ? 200 : 404, { 'content-type': 'application/json' })
    out.end(JSON.stringify(body ?? { kind: 'Status', apiVersion: 'v1', status: 'Failure', message: 'not found', reason: 'NotFound', code: 404 }))
  })
}

interface Case {
  argv: string[]
  opts: RunOptions
}

const runCases: Case[] = [
  { argv: ['nginx', '--image=nginx'], opts: { args: ['nginx'], image: 'nginx' } },
  { argv: ['nginx', '--image=nginx', '--port=80'], opts: { args: ['nginx'], image: 'nginx', port: '80' } },
  { argv: ['nginx', '--image=nginx', '--restart=Never'], opts: { args: ['nginx'], image: 'nginx', restart: 'Never' } },
  { argv: ['job', '--image=busybox', '--restart=OnFailure', '--command', '--', 'sh', '-c', 'echo hi'], opts: { args: ['job', 'sh', '-c', 'echo hi'], image: 'busybox', restart: 'OnFailure', command: true } },
  { argv: ['b', '--image=busybox', '--', 'sleep', '3600'], opts: { args: ['b', 'sleep', '3600'], image: 'busybox' } },
  {
    argv: ['app', '--image=registry.k8s.io/pause:3.10', '--env=A=1', '--env=B=', '--env=C=x=y', '--labels=app=web,tier=fe', '--annotations=a=b', '--annotations=c=d=e', '--image-pull-policy=Never', '--privileged'],
    opts: { args: ['app'], image: 'registry.k8s.io/pause:3.10', env: ['A=1', 'B=', 'C=x=y'], labels: 'app=web,tier=fe', annotations: ['a=b', 'c=d=e'], imagePullPolicy: 'Never', privileged: true },
  },
  { argv: ['p', '--image=nginx', '--port=99999999999'], opts: { args: ['p'], image: 'nginx', port: '99999999999' } },
  { argv: ['p', '--image=nginx', '--port=+080'], opts: { args: ['p'], image: 'nginx', port: '+080' } },
  { argv: ['p', '--image=nginx', '-n', 'team-a'], opts: { args: ['p'], image: 'nginx', namespace: 'team-a', enforceNamespace: true } },
  { argv: ['t', '--image=busybox', '-i', '-t', '--attach=false', '--leave-stdin-open'], opts: { args: ['t'], image: 'busybox', stdin: true, tty: true, attach: false, leaveStdinOpen: true } },
  { argv: ['s', '--image=busybox', '--stdin', '--attach=false'], opts: { args: ['s'], image: 'busybox', stdin: true, attach: false } },
  { argv: ['w', '--image=nginx', '--expose', '--port=8080'], opts: { args: ['w'], image: 'nginx', expose: true, port: '8080' } },
  { argv: ['w', '--image=nginx', '--expose', '--port=80', '-l', 'a=b,c=d'], opts: { args: ['w'], image: 'nginx', expose: true, port: '80', labels: 'a=b,c=d' } },
  // errors
  { argv: ['nginx'], opts: { args: ['nginx'] } },
  { argv: ['nginx', '--image='], opts: { args: ['nginx'], image: '' } },
  { argv: ['--image=nginx'], opts: { args: [], image: 'nginx' } },
  { argv: ['--image=nginx', '--', 'x'], opts: { args: ['x'], image: 'nginx' } },
  { argv: ['nginx', '--image=NGINX'], opts: { args: ['nginx'], image: 'NGINX' } },
  { argv: ['nginx', '--image=nginx:'], opts: { args: ['nginx'], image: 'nginx:' } },
  { argv: ['nginx', '--image=nginx', '-t'], opts: { args: ['nginx'], image: 'nginx', tty: true } },
  { argv: ['nginx', '--image=nginx', '--expose'], opts: { args: ['nginx'], image: 'nginx', expose: true } },
  { argv: ['nginx', '--image=nginx', '--restart=Foo'], opts: { args: ['nginx'], image: 'nginx', restart: 'Foo' } },
  { argv: ['nginx', '--image=nginx', '--rm'], opts: { args: ['nginx'], image: 'nginx', rm: true } },
  { argv: ['nginx', '--image=nginx', '-i'], opts: { args: ['nginx'], image: 'nginx', stdin: true } },
  { argv: ['nginx', '--image=nginx', '--image-pull-policy=Sometimes'], opts: { args: ['nginx'], image: 'nginx', imagePullPolicy: 'Sometimes' } },
  { argv: ['nginx', '--image=nginx', '--env=FOO', '--labels=a'], opts: { args: ['nginx'], image: 'nginx', env: ['FOO'], labels: 'a' } },
  { argv: ['nginx', '--image=nginx', '--env=1A=b'], opts: { args: ['nginx'], image: 'nginx', env: ['1A=b'] } },
  { argv: ['nginx', '--image=nginx', '--env==x'], opts: { args: ['nginx'], image: 'nginx', env: ['=x'] } },
  { argv: ['nginx', '--image=nginx', '--annotations=foo', '--labels=a'], opts: { args: ['nginx'], image: 'nginx', annotations: ['foo'], labels: 'a' } },
  { argv: ['nginx', '--image=nginx', '--annotations==v'], opts: { args: ['nginx'], image: 'nginx', annotations: ['=v'] } },
  { argv: ['nginx', '--image=nginx', '--labels==b'], opts: { args: ['nginx'], image: 'nginx', labels: '=b' } },
  { argv: ['nginx', '--image=nginx', '--labels=a=b=c', '--port=abc'], opts: { args: ['nginx'], image: 'nginx', labels: 'a=b=c', port: 'abc' } },
  { argv: ['nginx', '--image=nginx', '--port=abc'], opts: { args: ['nginx'], image: 'nginx', port: 'abc' } },
  { argv: ['nginx', '--image=nginx', '--port=99999999999999999999'], opts: { args: ['nginx'], image: 'nginx', port: '99999999999999999999' } },
  { argv: ['nginx', '--image=nginx', '--port= 80'], opts: { args: ['nginx'], image: 'nginx', port: ' 80' } },
]

describe.skipIf(!real.bin)('kubectl run / create namespace against the real kubectl 1.32 (-o json --dry-run=client)', () => {
  let server: Server
  let env: Record<string, string>

  beforeAll(async () => {
    server = discoveryServer()
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()))
    const port = (server.address() as { port: number }).port
    const dir = mkdtempSync(join(tmpdir(), 'podlab-run-'))
    const kubeconfig = join(dir, 'config')
    writeFileSync(
      kubeconfig,
      `apiVersion: v1\nkind: Config\nclusters:\n- cluster: {server: "http://127.0.0.1:${port}"}\n  name: fake\ncontexts:\n- context: {cluster: fake, user: u, namespace: default}\n  name: fake\ncurrent-context: fake\nusers:\n- name: u\n  user: {}\n`,
    )
    env = { PATH: '/usr/bin:/bin', HOME: dir, KUBECONFIG: kubeconfig }
  })
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())))

  const kubectl = (argv: string[]) =>
    new Promise<{ stdout: string; stderr: string; code: number }>((resolve) => {
      execFile(real.bin as string, argv, { env }, (err, stdout, stderr) => resolve({ stdout, stderr, code: err ? Number((err as { code?: number }).code ?? 1) : 0 }))
    })

  for (const c of runCases) {
    it(`kubectl run ${c.argv.join(' ')}`, async () => {
      const got = await kubectl(['run', '--dry-run=client', '-o', 'json', ...c.argv])
      const ours = buildRun({ dryRun: 'client', ...c.opts })
      if (ours.ok) {
        const objs = ours.value.service ? [ours.value.service, ours.value.pod] : [ours.value.pod]
        expect(got.stderr).toBe('')
        expect(got.stdout).toBe(objs.map((o) => `${JSON.stringify(o, null, 4)}\n`).join(''))
      } else {
        expect(got.code).toBe(1)
        expect(got.stderr).toBe(`${formatKubectlError(ours.error)}\n`)
      }
    })
  }

  for (const args of [['dev'], [], ['a', 'b'], ['']]) {
    it(`kubectl create namespace ${args.map((a) => JSON.stringify(a)).join(' ')}`, async () => {
      const got = await kubectl(['create', 'namespace', ...args, '--dry-run=client', '-o', 'json'])
      const ours = buildNamespace({ args })
      if (ours.ok) expect(got.stdout).toBe(`${JSON.stringify(ours.namespace, null, 4)}\n`)
      else expect(got.stderr).toBe(`${formatKubectlError(ours.error)}\n`)
    })
  }
})
