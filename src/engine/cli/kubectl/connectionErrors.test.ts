import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import {
  apiUrl,
  builderDiscoveryAttempts,
  connectionRefusedMessage,
  connectionRefusedOutput,
  dialErrorText,
  discoveryAttemptsFor,
  discoveryErrorLine,
  klogHeader,
  kubectlPid,
  splitKlogLines,
} from './connectionErrors'

const T = Date.UTC(2026, 10, 22, 9, 0, 0)

describe('klogHeader', () => {
  it('formats severity, date, microseconds and a 7-wide pid as klog does', () => {
    // Real: "E1122 07:45:16.908079   25574 memcache.go:265] "
    expect(klogHeader('E', Date.UTC(2026, 10, 22, 7, 45, 16, 908), 25574, 'memcache.go:265')).toBe('E1122 07:45:16.908000   25574 memcache.go:265] ')
    expect(klogHeader('E', T, 2417, 'memcache.go:265')).toBe('E1122 09:00:00.000000    2417 memcache.go:265] ')
  })
})

describe('dial errors and URLs', () => {
  it.each([
    ['http://localhost:8080', '/api?timeout=32s', 'Get "http://localhost:8080/api?timeout=32s": dial tcp 127.0.0.1:8080: connect: connection refused'],
    ['https://127.0.0.1:45555', '/api?timeout=32s', 'Get "https://127.0.0.1:45555/api?timeout=32s": dial tcp 127.0.0.1:45555: connect: connection refused'],
    ['https://127.0.0.1', '/version?timeout=32s', 'Get "https://127.0.0.1/version?timeout=32s": dial tcp 127.0.0.1:443: connect: connection refused'],
    ['https://[::1]:6443/', '/api', 'Get "https://[::1]:6443/api": dial tcp [::1]:6443: connect: connection refused'],
    ['127.0.0.1:6443', '/api', 'Get "https://127.0.0.1:6443/api": dial tcp 127.0.0.1:6443: connect: connection refused'],
  ])('%s %s', (server, path, want) => {
    expect(dialErrorText('GET', server, path)).toBe(want)
  })

  it('keeps a path prefix of the server URL', () => {
    expect(apiUrl('https://example.test:6443/k8s/', '/api?timeout=32s')).toBe('https://example.test:6443/k8s/api?timeout=32s')
  })

  it('names the URL host exactly in the refusal sentence', () => {
    expect(connectionRefusedMessage('http://localhost:8080')).toBe(
      'The connection to the server localhost:8080 was refused - did you specify the right host or port?\n',
    )
    expect(connectionRefusedMessage('https://127.0.0.1:45555')).toBe(
      'The connection to the server 127.0.0.1:45555 was refused - did you specify the right host or port?\n',
    )
  })
})

describe('discoveryErrorLine', () => {
  it('is memcache.go:265 structured error, quoted as klog quotes it', () => {
    // Real kubectl 1.32, `get pods` with a kubeconfig whose server is https://127.0.0.1:45555 (nothing listening).
    expect(discoveryErrorLine('https://127.0.0.1:45555', Date.UTC(2026, 10, 22, 7, 47, 27, 161), 4103)).toBe(
      'E1122 07:47:27.161000    4103 memcache.go:265] "Unhandled Error" err="couldn\'t get current server API group list: Get \\"https://127.0.0.1:45555/api?timeout=32s\\": dial tcp 127.0.0.1:45555: connect: connection refused"\n',
    )
  })
})

describe('discoveryAttemptsFor', () => {
  // Counted on the real kubectl 1.32 with KUBECONFIG=/nonexistent (nothing on localhost:8080).
  it.each([
    [['get'], ['pods'], 5],
    [['get'], ['pod', 'x'], 5],
    [['get'], ['Pod'], 5],
    [['get'], ['po'], 5],
    [['get'], ['pods/x'], 4],
    [['get'], ['pods/x', 'svc/y'], 4],
    [['get'], ['deployment.apps/x'], 4],
    [['get'], ['deployment.v1.apps/x'], 6],
    [['get'], ['deployments.apps'], 5],
    [['get'], ['deployment.v1.apps'], 7],
    [['get'], ['pods.v1.'], 7],
    [['get'], ['events.events.k8s.io'], 7],
    [['get'], ['pods,svc'], 6],
    [['get'], ['pods,svc,deploy'], 7],
    [['get'], ['nodes,pods,svc,deploy'], 8],
    [['get'], ['deploy.v1.apps,svc'], 8],
    [['get'], ['all,pods'], 6],
    [['get'], ['pods,svc', 'x'], 4],
    [['get'], ['pods,svc,deploy,nodes', 'x'], 4],
    [['get'], ['deployment.v1.apps,svc', 'x'], 6],
    [['get'], ['pods', 'x', 'y', 'z'], 5],
    [['describe'], ['pods', 'x', 'y'], 5],
    [['describe'], ['pod/x'], 4],
    [['delete'], ['pod', 'x'], 5],
    [['logs'], ['x'], 4],
    [['logs'], ['deploy/x'], 4],
    [['cluster-info'], [], 5],
    [['api-resources'], [], 1],
    [['run'], ['nginx'], 1],
    [['explain'], ['pods'], 2],
    [['version'], [], 0],
    [['create', 'namespace'], ['dev'], 0],
  ])('%j %j → %i', (path, args, n) => {
    expect(discoveryAttemptsFor(path, args)).toBe(n)
  })

  it('is 0 without resource arguments', () => {
    expect(builderDiscoveryAttempts([])).toBe(0)
  })
})

describe('connectionRefusedOutput and splitKlogLines', () => {
  it('prints the klog lines, then the sentence, and splits back', () => {
    const out = connectionRefusedOutput({ server: 'http://localhost:8080', now: T, pid: 2417, discoveryAttempts: 2 })
    const line =
      'E1122 09:00:00.000000    2417 memcache.go:265] "Unhandled Error" err="couldn\'t get current server API group list: Get \\"http://localhost:8080/api?timeout=32s\\": dial tcp 127.0.0.1:8080: connect: connection refused"\n'
    const sentence = 'The connection to the server localhost:8080 was refused - did you specify the right host or port?\n'
    expect(out).toBe(line + line + sentence)
    expect(splitKlogLines(out)).toEqual({ klog: line + line, rest: sentence })
    expect(splitKlogLines(sentence)).toEqual({ klog: '', rest: sentence })
  })
})

describe('kubectlPid', () => {
  it('is fixed per process and grows per process on a host', () => {
    const host = {}
    const a = {}
    const b = {}
    expect(kubectlPid(a, host)).toBe(2417)
    expect(kubectlPid(a, host)).toBe(2417)
    expect(kubectlPid(b, host)).toBe(2424)
    expect(kubectlPid({}, {})).toBe(2417)
  })
})

// The real kubectl, when this machine has it: its lines for an unreachable localhost:8080, with
// the timestamps and pids (which differ run to run) masked.
const REAL = '/usr/lib/google-cloud-sdk/bin/kubectl.1.32'
const hasReal = existsSync(REAL)
if (!hasReal) console.log(`skipping connection-error fidelity tests: no ${REAL}`)

function mask(s: string): string {
  return s.replace(/^E\d{4} \d\d:\d\d:\d\d\.\d{6} +\d+ /gm, 'E<time> <pid> ')
}

describe.skipIf(!hasReal)('against the real kubectl 1.32 (nothing on localhost:8080)', () => {
  it.each([
    ['get', 'pods'],
    ['get', 'pods/x'],
    ['get', 'pods,svc'],
    ['get', 'deployment.v1.apps'],
    ['get', 'pods,svc', 'x'],
    ['describe', 'pods', 'x', 'y'],
    ['delete', 'pod', 'x'],
    ['logs', 'x'],
  ])('kubectl %s %s', (...argv) => {
    const r = spawnSync(REAL, argv, { encoding: 'utf8', env: { PATH: '/usr/bin:/bin', HOME: '/nonexistent-home', KUBECONFIG: '/nonexistent/kubeconfig' } })
    const path = argv[0] === 'logs' ? ['logs'] : [argv[0]]
    const ours = connectionRefusedOutput({ server: 'http://localhost:8080', now: T, pid: 1, discoveryAttempts: discoveryAttemptsFor(path, argv.slice(1)) })
    expect(mask(r.stderr)).toBe(mask(ours))
    expect(r.status).toBe(1)
  })
})
