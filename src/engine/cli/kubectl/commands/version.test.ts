// kubectl version: the client's own build (checked against the real kubectl 1.32 in
// configFidelity.test.ts), the server's /version, the skew warning, and the empty world.
// Expected texts with a server come from the real kubectl 1.32 against a stand-in API server
// serving the same /version bodies (done live below when the binary is here).

import { execFile, spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { ApiServer } from '../../../apiserver/apiServer'
import { Client } from '../../../client/client'
import { runTranscript } from '../../../sim/transcript'
import { createWorld, type World } from '../../../world'
import { kubectlProgram } from '../kubectl'
import { KUBECTL_VERSION, parseSemantic, versionInfoFrom, versionOutput, versionSkewWarning } from './version'

/** kube-apiserver v1.32.2 as the official release reports it (gitCommit of the v1.32.2 tag). */
const SERVER_1_32_2 = {
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
const SERVER_1_29 = { ...SERVER_1_32_2, minor: '29', gitVersion: 'v1.29.0', gitCommit: 'abc', buildDate: '2023-12-13T08:43:00Z', goVersion: 'go1.21.5' }

const SERVER_URL = 'https://127.0.0.1:46443'

/** An empty world whose kubectl reaches a stand-in API server that serves only /version. */
function worldWithVersion(body: unknown): World {
  const world = createWorld({ scenario: 'empty' })
  const api = {
    handle: (req: { path: string }) =>
      req.path === '/version'
        ? { code: 200, body }
        : { code: 404, body: { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message: 'the server could not find the requested resource', reason: 'NotFound', code: 404 } },
  } as unknown as ApiServer
  world.host.install('kubectl', kubectlProgram({ clientFor: (server) => (server === SERVER_URL ? new Client(api, 'kubectl') : undefined), now: () => world.now() }))
  world.host.fs.mkdirAll('/root/.kube')
  world.host.fs.writeFile('/root/.kube/config', `clusters:\n- name: c\n  cluster:\n    server: ${SERVER_URL}\ncontexts:\n- name: c\n  context:\n    cluster: c\ncurrent-context: c\n`)
  return world
}

const CLIENT_YAML = `clientVersion:
  buildDate: "2025-05-15T09:12:10Z"
  compiler: gc
  gitCommit: 9894294ef13a5b32803e3ca2c0d620a088cc84d1
  gitTreeState: clean
  gitVersion: v1.32.5
  goVersion: go1.23.8
  major: "1"
  minor: "32"
  platform: linux/amd64
kustomizeVersion: v5.5.0
`

describe('kubectl version with a server', () => {
  it('prints client, kustomize and server versions', () => {
    expect(runTranscript(worldWithVersion(SERVER_1_32_2), 'kubectl version\n')).toBe(
      '$ kubectl version\nClient Version: v1.32.5\nKustomize Version: v5.5.0\nServer Version: v1.32.2\n',
    )
  })

  it('-o yaml (real kubectl 1.32: a blank line after the document)', () => {
    expect(runTranscript(worldWithVersion(SERVER_1_32_2), 'kubectl version -o yaml\n')).toBe(
      `$ kubectl version -o yaml\n${CLIENT_YAML}serverVersion:
  buildDate: "2025-02-12T21:19:47Z"
  compiler: gc
  gitCommit: 67a30c0adcf52bd3f56ff0893ce19966be12991f
  gitTreeState: clean
  gitVersion: v1.32.2
  goVersion: go1.23.6
  major: "1"
  minor: "32"
  platform: linux/amd64

`,
    )
  })

  it('warns on stderr when the minor versions are more than one apart', () => {
    expect(runTranscript(worldWithVersion(SERVER_1_29), 'kubectl version\n')).toBe(
      '$ kubectl version\nClient Version: v1.32.5\nKustomize Version: v5.5.0\nServer Version: v1.29.0\n' +
        'WARNING: version difference between client (1.32) and server (1.29) exceeds the supported minor version skew of +/-1\n',
    )
  })

  it('fails after printing when the server version does not parse; fills absent fields with ""', () => {
    expect(runTranscript(worldWithVersion({ major: '1', minor: '31', gitVersion: 'garbage', platform: 'linux/amd64' }), 'kubectl version\n')).toBe(
      '$ kubectl version\nClient Version: v1.32.5\nKustomize Version: v5.5.0\nServer Version: garbage\nerror: could not parse "garbage" as version\n',
    )
    expect(versionInfoFrom({ gitVersion: 'v1.34.0+k3s1', extra: 1 })).toEqual({
      major: '',
      minor: '',
      gitVersion: 'v1.34.0+k3s1',
      gitCommit: '',
      gitTreeState: '',
      buildDate: '',
      goVersion: '',
      compiler: '',
      platform: '',
    })
  })

  it('--client does not ask the server and ignores arguments', () => {
    expect(runTranscript(worldWithVersion(SERVER_1_29), 'kubectl version --client extra\n')).toBe(
      '$ kubectl version --client extra\nClient Version: v1.32.5\nKustomize Version: v5.5.0\n',
    )
  })

  it('reaches the kind world\'s API server (once it serves /version)', () => {
    const world = createWorld({ seed: 1 })
    const res = world.cluster!.apiserver.handle({ method: 'GET', path: '/version', user: 'test' })
    if (res.code !== 200) {
      console.log('skipping: the apiserver does not serve /version yet')
      return
    }
    expect(runTranscript(world, 'kubectl version\n')).toBe('$ kubectl version\nClient Version: v1.32.5\nKustomize Version: v5.5.0\nServer Version: v1.32.2\n')
  })
})

describe('kubectl version with nothing listening (empty world)', () => {
  it('prints the client versions, then the refusal, without discovery lines (real kubectl 1.32)', () => {
    const world = createWorld({ scenario: 'empty' })
    expect(runTranscript(world, 'kubectl version\nkubectl version -o json\n')).toBe(
      '$ kubectl version\nClient Version: v1.32.5\nKustomize Version: v5.5.0\n' +
        'The connection to the server localhost:8080 was refused - did you specify the right host or port?\n' +
        `$ kubectl version -o json
{
  "clientVersion": {
    "major": "1",
    "minor": "32",
    "gitVersion": "v1.32.5",
    "gitCommit": "9894294ef13a5b32803e3ca2c0d620a088cc84d1",
    "gitTreeState": "clean",
    "buildDate": "2025-05-15T09:12:10Z",
    "goVersion": "go1.23.8",
    "compiler": "gc",
    "platform": "linux/amd64"
  },
  "kustomizeVersion": "v5.5.0"
}
The connection to the server localhost:8080 was refused - did you specify the right host or port?
`,
    )
  })

  it('rejects other outputs and extra arguments', () => {
    const world = createWorld({ scenario: 'empty' })
    expect(runTranscript(world, 'kubectl version -o wide\nkubectl version foo\n')).toBe(
      "$ kubectl version -o wide\nerror: --output must be 'yaml' or 'json'\n$ kubectl version foo\nerror: extra arguments: [foo]\n",
    )
  })
})

describe('pure parts', () => {
  it.each([
    ['v1.32.5', { major: 1, minor: 32 }],
    ['v1.34.0+k3s1', { major: 1, minor: 34 }],
    ['1.30.2-gke.100', { major: 1, minor: 30 }],
    ['garbage', { error: 'could not parse "garbage" as version' }],
    ['v1.32', { error: 'illegal version string "v1.32"' }],
    ['v1.032.0', { error: 'illegal zero-prefixed version component "032" in "v1.032.0"' }],
  ])('parseSemantic(%j)', (s, want) => {
    expect(parseSemantic(s)).toEqual(want)
  })

  it('versionSkewWarning: major differs, or minor by more than one', () => {
    const v = (gitVersion: string) => ({ ...SERVER_1_32_2, gitVersion })
    expect(versionSkewWarning(KUBECTL_VERSION, v('v1.31.0'))).toEqual({ warning: '' })
    expect(versionSkewWarning(KUBECTL_VERSION, v('v1.33.1'))).toEqual({ warning: '' })
    expect(versionSkewWarning(KUBECTL_VERSION, v('v1.34.0+k3s1'))).toEqual({
      warning: 'WARNING: version difference between client (1.32) and server (1.34) exceeds the supported minor version skew of +/-1\n',
    })
    expect(versionSkewWarning(KUBECTL_VERSION, v('v2.32.0'))).toEqual({
      warning: 'WARNING: version difference between client (1.32) and server (2.32) exceeds the supported minor version skew of +/-1\n',
    })
  })

  it('versionOutput without a server', () => {
    expect(versionOutput('yaml', KUBECTL_VERSION, undefined)).toBe(`${CLIENT_YAML}\n`)
  })
})

const REAL = '/usr/lib/google-cloud-sdk/bin/kubectl.1.32'
const hasReal = existsSync(REAL) && spawnSync(REAL, ['version', '--client'], { encoding: 'utf8' }).status === 0
if (!hasReal) console.log(`skipping version fidelity tests: no ${REAL}`)

describe.skipIf(!hasReal)('kubectl version: Podlab against the real kubectl 1.32', () => {
  it.each([
    [SERVER_1_32_2, []],
    [SERVER_1_32_2, ['-o', 'json']],
    [SERVER_1_32_2, ['-o', 'yaml']],
    [SERVER_1_29, []],
    [SERVER_1_29, ['-o', 'json']],
    [{ major: '1', minor: '34', gitVersion: 'v1.34.0+k3s1', platform: 'linux/amd64' }, ['-o', 'yaml']],
    [{ major: '2', minor: '32', gitVersion: 'v2.32.0' }, []],
    [{ major: '1', minor: '31', gitVersion: 'garbage' }, []],
  ])('%j %j', async (body: unknown, args: string[]) => {
    const server = createServer((req, res) => {
      res.writeHead(200, { 'Content-Type': 'application/json' })
      res.end(JSON.stringify(req.url?.startsWith('/version') ? body : {}))
    })
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()))
    const dir = mkdtempSync(join(tmpdir(), 'podlab-version-'))
    try {
      const port = (server.address() as AddressInfo).port
      writeFileSync(join(dir, 'config'), `clusters:\n- name: c\n  cluster:\n    server: http://127.0.0.1:${port}\ncontexts:\n- name: c\n  context:\n    cluster: c\ncurrent-context: c\n`)
      const real = await new Promise<{ stdout: string; stderr: string }>((resolve) =>
        execFile(REAL, ['version', ...args], { env: { PATH: '/usr/bin:/bin', HOME: dir, KUBECONFIG: join(dir, 'config') } }, (_err, stdout, stderr) => resolve({ stdout, stderr })),
      )
      const line = ['kubectl', 'version', ...args].join(' ')
      expect(runTranscript(worldWithVersion(body), `${line}\n`)).toBe(`$ ${line}\n${real.stdout}${real.stderr}`)
    } finally {
      server.close()
      rmSync(dir, { recursive: true, force: true })
    }
  })
})
