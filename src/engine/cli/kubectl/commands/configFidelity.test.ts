// `kubectl config ...` in Podlab against the real kubectl 1.32 (skipped, with the reason printed,
// where there is none): the same kubeconfig files are written into a Podlab world (cwd
// /root/work, HOME /root) and into a temporary directory for the real binary (cwd <tmp>/work,
// HOME <tmp>/home); both run the same command line, and stdout, stderr, the exit code and the
// files afterwards must be byte-identical (the real paths are mapped back to Podlab's).

import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { createWorld } from '../../../world'
import { runTranscript } from '../../../sim/transcript'

const REAL = '/usr/lib/google-cloud-sdk/bin/kubectl.1.32'
const hasReal = existsSync(REAL)
if (!hasReal) console.log(`skipping kubectl config fidelity tests: no ${REAL}`)

const CA_PEM = '-----BEGIN CERTIFICATE-----\nMIIBszCCAVmgAwIBAgIUPodlab\n-----END CERTIFICATE-----\n'

/** Files relative to the working directory ("home/..." is under HOME). */
const FILES: Record<string, string> = {
  'a.yaml': `apiVersion: v1
kind: Config
clusters:
- name: c1
  cluster:
    server: https://1.2.3.4:6443
    certificate-authority: ca.crt
    insecure-skip-tls-verify: false
- name: c2
  cluster:
    server: https://5.6.7.8
    insecure-skip-tls-verify: true
contexts:
- name: ctx1
  context:
    cluster: c1
    user: u1
    namespace: dev
- name: ctx2
  context:
    cluster: c2
    user: u2
users:
- name: u1
  user:
    token: abcdef
- name: u2
  user:
    username: admin
    password: secret
    client-certificate-data: Q0VSVA==
    client-key-data: S0VZ
current-context: ctx1
`,
  'b.yaml': `apiVersion: v1
kind: Config
clusters:
- name: c1
  cluster:
    server: https://9.9.9.9
- name: c3
  cluster:
    server: https://3.3.3.3
    certificate-authority-data: Q0E=
contexts:
- name: ctx3
  context:
    cluster: c3
    user: u1
current-context: ctx3
preferences:
  colors: true
`,
  'ca.crt': CA_PEM,
  'd.yaml': 'clusters:\n- name: c1\n  cluster:\n    server: 123\n',
  'e.yaml': 'foo: [\n',
  'f.yaml': '- a\n- b\n',
  'g.yaml': 'apiVersion: v2\nkind: Config\n',
  'h.yaml': 'kind: Pod\n',
  'home/.kube/config': `apiVersion: v1
clusters:
- cluster:
    certificate-authority-data: Q0E=
    server: https://127.0.0.1:41234
  name: kind-kind
contexts:
- context:
    cluster: kind-kind
    user: kind-kind
  name: kind-kind
current-context: kind-kind
kind: Config
preferences: {}
users:
- name: kind-kind
  user:
    client-certificate-data: Q0VSVA==
    client-key-data: S0VZ
`,
}

interface Result {
  stdout: string
  stderr: string
  status: number
  files: Record<string, string | undefined>
}

/** Files a case may change, checked afterwards. */
const WATCHED = ['a.yaml', 'b.yaml', 'home/.kube/config', 'new/dir/x.yaml']

function runReal(kubeconfigEnv: string | undefined, argv: string[], files: Record<string, string>): Result {
  const root = mkdtempSync(join(tmpdir(), 'podlab-kubectl-'))
  try {
    const work = join(root, 'work')
    const home = join(root, 'home')
    mkdirSync(work, { recursive: true })
    mkdirSync(home, { recursive: true })
    const at = (rel: string) => (rel.startsWith('home/') ? join(home, rel.slice(5)) : join(work, rel))
    for (const [rel, text] of Object.entries(files)) {
      mkdirSync(dirname(at(rel)), { recursive: true })
      writeFileSync(at(rel), text)
    }
    const env: Record<string, string> = { PATH: '/usr/bin:/bin', HOME: home }
    if (kubeconfigEnv !== undefined) env.KUBECONFIG = kubeconfigEnv
    const r = spawnSync(REAL, argv, { cwd: work, env, encoding: 'utf8' })
    const unroot = (s: string) => s.replaceAll(home, '/root').replaceAll(work, '/root/work')
    const after: Record<string, string | undefined> = {}
    for (const rel of WATCHED) after[rel] = existsSync(at(rel)) ? readFileSync(at(rel), 'utf8') : undefined
    return { stdout: unroot(r.stdout), stderr: unroot(r.stderr), status: r.status ?? -1, files: after }
  } finally {
    rmSync(root, { recursive: true, force: true })
  }
}

function shellQuote(s: string): string {
  return `'${s}'`
}

function runPodlab(kubeconfigEnv: string | undefined, argv: string[], files: Record<string, string>): Result {
  const world = createWorld({ scenario: 'empty' })
  const fs = world.host.fs
  const at = (rel: string) => (rel.startsWith('home/') ? `/root/${rel.slice(5)}` : `/root/work/${rel}`)
  fs.mkdirAll('/root/work')
  for (const [rel, text] of Object.entries(files)) {
    const abs = at(rel)
    fs.mkdirAll(abs.slice(0, abs.lastIndexOf('/')))
    fs.writeFile(abs, text)
  }
  const lines = ['cd /root/work']
  if (kubeconfigEnv !== undefined) lines.push(`export KUBECONFIG=${kubeconfigEnv}`)
  lines.push(`kubectl ${argv.map(shellQuote).join(' ')} > /root/.stdout 2> /root/.stderr`, 'echo $? > /root/.status')
  // The real binary writes into a pipe: no terminal, so no help-text wrapping.
  world.terminal('host').columns = 0
  runTranscript(world, `${lines.join('\n')}\n`)
  const read = (abs: string) => (fs.stat(abs) === 'file' ? fs.readFile(abs) : undefined)
  const after: Record<string, string | undefined> = {}
  for (const rel of WATCHED) after[rel] = read(at(rel))
  return { stdout: read('/root/.stdout') ?? '', stderr: read('/root/.stderr') ?? '', status: Number(read('/root/.status')), files: after }
}

const MERGED = 'a.yaml:b.yaml'

/** [KUBECONFIG, argv]: undefined KUBECONFIG means ~/.kube/config. */
const CASES: [string | undefined, string[]][] = [
  [MERGED, ['config', 'view']],
  [MERGED, ['config', 'view', '-o', 'json']],
  [MERGED, ['config', 'view', '-o', 'yaml']],
  [MERGED, ['config', 'view', '--minify']],
  [MERGED, ['config', 'view', '--minify', '--context=ctx2']],
  [MERGED, ['config', 'view', '--minify', '--context=nope']],
  [MERGED, ['config', 'view', '--raw']],
  [MERGED, ['config', 'view', '--flatten']],
  [MERGED, ['config', 'view', '--flatten', '--minify', '-o', 'json']],
  [MERGED, ['config', 'view', '-o', 'jsonpath={.users[?(@.name == "u2")].user.password}']],
  [MERGED, ['config', 'view', '-o', 'jsonpath={.users[?(@.name == "u2")].user.password}', '--raw']],
  [MERGED, ['config', 'view', '-o', 'jsonpath={.contexts[*].name}']],
  [MERGED, ['config', 'view', '-o', 'jsonpath-as-json={.clusters[*].name}']],
  [MERGED, ['config', 'view', '-o', 'jsonpath={.foo.bar}', '--allow-missing-template-keys=false']],
  [MERGED, ['config', 'view', '-o', 'name']],
  [MERGED, ['config', 'view', '-o', 'wide']],
  [MERGED, ['config', 'view', '--merge=false']],
  [MERGED, ['config', 'view', 'extra']],
  [MERGED, ['config', 'view', '--kubeconfig=b.yaml']],
  [MERGED, ['config', 'view', '--kubeconfig=nope.yaml']],
  [MERGED, ['config', 'view', '--kubeconfig=nope.yaml', '--merge=false']],
  [MERGED, ['config', 'view', '--kubeconfig=e.yaml', '--merge=false']],
  ['d.yaml', ['config', 'view']],
  ['e.yaml', ['config', 'view']],
  ['f.yaml', ['config', 'view']],
  ['g.yaml', ['config', 'view']],
  ['h.yaml', ['config', 'view']],
  ['none.yaml', ['config', 'view']],
  ['none.yaml', ['config', 'view', '-o', 'json']],
  ['none.yaml', ['config', 'view', '--minify']],
  [undefined, ['config', 'view']],
  [undefined, ['config', 'view', '--raw', '--minify']],
  [MERGED, ['config', 'current-context']],
  ['none.yaml', ['config', 'current-context']],
  [MERGED, ['config', 'get-contexts']],
  [MERGED, ['config', 'get-contexts', '-o', 'name']],
  [MERGED, ['config', 'get-contexts', 'ctx2']],
  [MERGED, ['config', 'get-contexts', 'ctx3', 'ctx1', 'ctx3']],
  [MERGED, ['config', 'get-contexts', 'nope']],
  [MERGED, ['config', 'get-contexts', 'nope', 'ctx1', 'nope2']],
  [MERGED, ['config', 'get-contexts', '--no-headers']],
  [MERGED, ['config', 'get-contexts', '-o', 'wide']],
  [MERGED, ['config', 'get-contexts', '-o', 'name', '--no-headers', 'ctx1']],
  ['none.yaml', ['config', 'get-contexts']],
  [undefined, ['config', 'get-contexts']],
  [MERGED, ['config', 'use-context', 'ctx3']],
  [MERGED, ['config', 'use-context', 'ctx1']],
  [MERGED, ['config', 'use-context', 'nope']],
  [MERGED, ['config', 'use', 'ctx2']],
  [MERGED, ['config', 'use-context']],
  [MERGED, ['config', 'use-context', 'a', 'b']],
  [MERGED, ['config', 'use-context', 'ctx2', '--kubeconfig=b.yaml']],
  [MERGED, ['config', 'set-context', '--current', '--namespace=prod']],
  [MERGED, ['config', 'set-context', 'ctx3', '--namespace=x']],
  [MERGED, ['config', 'set-context', 'newctx', '--cluster=c9', '--user=u9']],
  [MERGED, ['config', 'set-context', 'ctx1']],
  [MERGED, ['config', 'set-context', 'ctx1', '--namespace=']],
  [MERGED, ['config', 'set-context']],
  [MERGED, ['config', 'set-context', 'a', 'b']],
  [MERGED, ['config', 'set-context', 'ctx3', '--current']],
  ['none.yaml', ['config', 'set-context', '--current', '--namespace=dev']],
  ['none.yaml:new/dir/x.yaml', ['config', 'set-context', 'dev', '--namespace=dev']],
  [undefined, ['config', 'set-context', '--current', '--namespace=dev']],
  [undefined, ['config', 'set-context', 'x', '--kubeconfig=new/dir/x.yaml']],
  [undefined, ['version', '--client']],
  [undefined, ['version', '--client', '-o', 'yaml']],
  [undefined, ['version', '--client', '-o', 'json']],
  [undefined, ['version', '--client', 'extra']],
  ['none.yaml', ['version', '-o', 'wide']],
  ['d.yaml', ['version']],
  // (With the home kubeconfig the real kubectl would first refuse its made-up CA data.)
  ['none.yaml', ['api-resources', '-o', 'json']],
  ['none.yaml', ['api-resources', '--sort-by=size']],
  ['none.yaml', ['api-resources', 'extra']],
]

describe.skipIf(!hasReal)('kubectl config, version --client: Podlab against the real kubectl 1.32', () => {
  it.each(CASES)('KUBECONFIG=%s kubectl %j', (env, argv) => {
    const want = runReal(env, argv, FILES)
    const got = runPodlab(env, argv, FILES)
    expect(got).toEqual(want)
  })
})
