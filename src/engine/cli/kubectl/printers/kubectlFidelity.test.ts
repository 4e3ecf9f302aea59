// Fidelity of the structured printers against the real kubectl binary: every case runs kubectl
// (client-side `create ... --dry-run=client` for typed objects, `get` against a small fake API
// server on loopback for server objects) and compares its stdout/stderr byte for byte with what
// yamlPrinter, jsonPrinter, jsonpath, customColumns and outputFormat produce for the same object.
// The fake server only serves discovery and the fixture objects; kubectl does all the printing.
// Skipped, with a message, when no kubectl is installed.

import { execFile, spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { customColumnsRows } from './customColumns'
import { printJsonPath } from './jsonpath'
import { toKubectlJson } from './jsonPrinter'
import { kubectlList, omitManagedFields, parseOutputFormat, printNames, type OutputFormatOptions } from './outputFormat'
import { printKubectlYaml, toKubectlYaml } from './yamlPrinter'
import type { NumberTypes } from '../../../api/goValues'

const hasKubectl = spawnSync('kubectl', ['version', '--client'], { encoding: 'utf8' }).status === 0
if (!hasKubectl) console.warn('kubectlFidelity.test.ts: skipped, no `kubectl` binary on PATH to compare against')

interface Run {
  stdout: string
  stderr: string
  code: number
}

function runKubectl(args: string[]): Promise<Run> {
  return new Promise((resolve) => {
    execFile('kubectl', args, { encoding: 'utf8', maxBuffer: 16 << 20 }, (err, stdout, stderr) => {
      const code = err ? (typeof err.code === 'number' ? err.code : 1) : 0
      resolve({ stdout, stderr, code })
    })
  })
}

/** How kubectl's fatal() prints an error message: "error: " prefix, newline added if missing. */
function fatal(msg: string): string {
  return `error: ${msg}${msg.endsWith('\n') ? '' : '\n'}`
}

// ---------------------------------------------------------------------------------------------
// Fixture objects served by the fake API server.

const pods = [
  {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name: 'p1',
      namespace: 'default',
      labels: { app: 'web', tier: 'fe' },
      annotations: { nul: 'x', long: Array.from({ length: 30 }, (_, i) => `word${i}`).join(' ') },
      creationTimestamp: null,
      uid: '1b9f5b8e-0c1a-4e0b-9a53-3c0a7f1d2e4f',
      resourceVersion: '100',
      managedFields: [{ manager: 'kubectl', operation: 'Update', apiVersion: 'v1', fieldsType: 'FieldsV1', fieldsV1: { 'f:metadata': {} } }],
    },
    spec: {
      containers: [
        { name: 'c1', image: 'nginx:1.25', ports: [{ containerPort: 80, name: 'http' }, { containerPort: 443 }], args: ['a', 'b c'], env: [{ name: 'A', value: 'true' }, { name: 'B', value: '1.5' }] },
        { name: 'c2', image: 'busybox', command: ['sh', '-c', 'echo hello\nsleep 3600\n'] },
      ],
      nodeName: 'n1',
      priority: 0,
      f: 1.5,
      big: 1000000,
      bigf: 1e21,
      small: 0.000001,
      neg: -3,
      t: true,
      nullv: null,
      emptyl: [],
      emptym: {},
    },
    status: {
      phase: 'Running',
      podIP: '10.0.0.1',
      startTime: '2024-01-01T00:00:00Z',
      containerStatuses: [
        { name: 'c1', restartCount: 3, ready: true },
        { name: 'c2', restartCount: 0, ready: false },
      ],
    },
  },
  {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name: 'p2',
      namespace: 'default',
      annotations: { note: 'a <b> & c\u2028 é 😀 \u0007 \u0000 \b\f', esc: 'esc\u001bx\rcr', 'a9': 'yes', 'a10': 'on', 'example.com/key': '' },
    },
    spec: { containers: [{ name: 'x', image: 'redis' }] },
    status: { phase: 'Pending' },
  },
]

const deployments = [
  {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'd1', namespace: 'default', generation: 1, labels: { app: 'web' } },
    spec: {
      replicas: 3,
      selector: { matchLabels: { app: 'web' } },
      template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'nginx', image: 'nginx' }] } },
    },
    status: { replicas: 3, readyReplicas: 2 },
  },
]

// Shapes no real ConfigMap has, to exercise the YAML emitter: nested and empty collections, keys
// that need quoting, a multi-line key, a key over 128 bytes, literal blocks inside sequences.
const configMaps = [
  {
    apiVersion: 'v1',
    kind: 'ConfigMap',
    metadata: { name: 'weird', namespace: 'default' },
    data: {
      nested: [[1, 2], [], [[]], [{}], [{ a: [] }], { b: [{ c: 'd', e: ['f', { g: 'h' }] }] }],
      lists: [['- x', 'yes'], 'multi\nline', 'trail\n', '', null, true, 0, -1.5, { '': 'empty key' }],
      '': 'empty',
      'a b': 1,
      '- x': 2,
      yes: 3,
      '1': 4,
      'a: b': 5,
      '#c': 6,
      'multi\nline key': 7,
      [`long ${'k'.repeat(140)}`]: { v: 8 },
      [`long list ${'k'.repeat(140)}`]: [9, 10],
      'é': 'ü',
      [`spaced key ${'word '.repeat(22)}end`]: `spaced value ${'word '.repeat(30)}end`,
      [`"quoted key ${'word '.repeat(22)}end`]: [`"quoted item ${'word '.repeat(30)}end`],
      [`tab\tkey ${'word '.repeat(22)}end`]: { x: `tab\tvalue ${'word  '.repeat(30)}end` },
      '2024-01-01': 'date key',
      emptyMap: {},
      emptyList: [],
      deep: { a: { b: { c: { d: { e: { f: `${'word '.repeat(30)}end` } } } } } },
    },
  },
  { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'del', namespace: 'default' }, data: { a: 'del\u007fx' } },
]

const resources: Record<string, { kind: string; items: Record<string, unknown>[]; namespaced: boolean }[]> = {
  v1: [
    { kind: 'Pod', items: pods, namespaced: true },
    { kind: 'Service', items: [], namespaced: true },
    { kind: 'ConfigMap', items: configMaps, namespaced: true },
  ],
  'apps/v1': [{ kind: 'Deployment', items: deployments, namespaced: true }],
}

function plural(kind: string): string {
  return `${kind.toLowerCase()}s`
}

function startFakeApiServer(): Promise<Server> {
  const server = createServer((req, res) => {
    const send = (code: number, body: unknown) => {
      res.writeHead(code, { 'Content-Type': 'application/json' })
      res.end(JSON.stringify(body))
    }
    const path = new URL(req.url ?? '/', 'http://localhost').pathname
    if (path === '/version') return send(200, { major: '1', minor: '32', gitVersion: 'v1.32.4' })
    if (path === '/api') return send(200, { kind: 'APIVersions', versions: ['v1'], serverAddressByClientCIDRs: [] })
    if (path === '/apis') {
      return send(200, {
        kind: 'APIGroupList',
        apiVersion: 'v1',
        groups: [{ name: 'apps', versions: [{ groupVersion: 'apps/v1', version: 'v1' }], preferredVersion: { groupVersion: 'apps/v1', version: 'v1' } }],
      })
    }
    const discovery = /^\/(?:api\/(v1)|apis\/(apps\/v1))$/.exec(path)
    if (discovery) {
      const gv = discovery[1] ?? discovery[2]
      return send(200, {
        kind: 'APIResourceList',
        apiVersion: 'v1',
        groupVersion: gv,
        resources: resources[gv].map((r) => ({
          name: plural(r.kind),
          singularName: r.kind.toLowerCase(),
          namespaced: r.namespaced,
          kind: r.kind,
          verbs: ['get', 'list'],
        })),
      })
    }
    const m = /^\/(?:api\/v1|apis\/(apps\/v1))\/namespaces\/[^/]+\/([a-z]+)(?:\/([^/]+))?$/.exec(path)
    const type = m ? resources[m[1] ?? 'v1'].find((r) => plural(r.kind) === m[2]) : undefined
    if (!m || !type) return send(404, { kind: 'Status', apiVersion: 'v1', status: 'Failure', reason: 'NotFound', code: 404 })
    if (m[3] !== undefined) {
      const obj = type.items.find((o) => (o.metadata as { name: string }).name === m[3])
      if (obj) return send(200, obj)
      return send(404, { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message: `${m[2]} "${m[3]}" not found`, reason: 'NotFound', details: { name: m[3], kind: m[2] }, code: 404 })
    }
    // A real list: items carry neither kind nor apiVersion.
    const items = type.items.map(({ kind: _k, apiVersion: _a, ...rest }) => rest)
    return send(200, { kind: `${type.kind}List`, apiVersion: m[1] ?? 'v1', metadata: { resourceVersion: '12345' }, items })
  })
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)))
}

// ---------------------------------------------------------------------------------------------
// Cases.

const podList = kubectlList(pods)

const getYamlJsonCases: { args: string[]; obj: unknown }[] = [
  { args: ['get', 'pods'], obj: podList },
  { args: ['get', 'pod', 'p1'], obj: pods[0] },
  { args: ['get', 'pod', 'p2'], obj: pods[1] },
  { args: ['get', 'deployments'], obj: kubectlList(deployments) },
  { args: ['get', 'pod', 'p1', 'p2'], obj: podList },
  { args: ['get', 'services'], obj: kubectlList([]) },
  { args: ['get', 'configmap', 'weird'], obj: configMaps[0] },
  { args: ['get', 'configmap', 'del'], obj: configMaps[1] },
  { args: ['get', 'configmaps'], obj: kubectlList(configMaps) },
]

const long = Array.from({ length: 40 }, (_, i) => `word${i}`).join(' ')
const configMapValues = [
  'yes', 'on', 'y', 'n', 'NO', 'true', 'null', '~', '', '1.5', '1e3', '0x1F', '0o17', '017', '08', '1_000', '+5', '-5',
  '.5', '._5', '1e999', '.inf', '-.inf', '2024-02-29', '2023-02-29', '2024-1-5', '2024-01-01 10:00:00',
  '2024-01-01T10:00:00Z', '2024-01-01T25:00:00Z', '1:30', '1:60', '12345678901234567890', '0xFFFFFFFFFFFFFFFFFF',
  '<<', '=', '-', '--', '---', '...', 'a #b', 'a#b', '#', 'a: b', 'a:b', ':a', '? a', '- a', '-a', '@a', '`a', '%a',
  '!a', '&a', '*a', '|a', '>a', "'a", '"a', '[a', '{a', ',a', 'a,b', 'a ', ' a', 'a  b', 'a\tb', "it's", 'say "hi"',
  'a\\b', 'é', 'ü:', '\u3000', 'x😀y', '\ufeffbom', 'ctl\u0001x', 'esc\u001bx', 'nel\u0085 \u0085x',
  'multi\nline', 'trail\n', 'keep\n\n', '\nlead', ' a\nb', 'a \nb', 'a\n b', '\n', 'tab\t\nline',
  long, `'${long}`, `${long}\tq`, `${long}\nsecond ${long}`, `a  ${long}`, `${long}  b`,
  `${'x'.repeat(85)} y z`, `${'x'.repeat(79)}  y z`, `"${'x '.repeat(50)}`, `"${'x'.repeat(79)}  y  z`,
  `é${' éé'.repeat(40)}`, `${'#x'.repeat(45)} y z ${'q '.repeat(30)}`,
  `${'x'.repeat(79)}  y\tz`, `${'ab '.repeat(40)}\t`, `\t${'ab  '.repeat(40)}`, `${'x'.repeat(100)}\t${' y'.repeat(30)}`,
  `${'ab '.repeat(40)}\n${'cd '.repeat(40)}`, `'${'ab  '.repeat(40)}'`,
]
const configMapKeys = ['a10', 'a9', 'a09', 'B', 'b', '_x', '-a', '.a', '1', '10', '2', 'a.b', 'a-b', 'a_b', 'a0', 'a00', 'a001', 'a01b', 'y', 'on', 'null', '1.5', 'k'.repeat(130)]

const dryRunCases: string[][] = [
  ['create', 'deployment', 'nginx', '--image=nginx', '--replicas=3'],
  ['create', 'deployment', 'web', '--image=nginx:1.25', '--port=80'],
  ['run', 'nginx', '--image=nginx', '--port=80', '--env=A=true', '--env=B=1.5', '--labels=x=123,y=yes'],
  ['run', 'p', '--image=busybox', '--restart=Never', '--', 'sh', '-c', 'echo hi; sleep 10'],
  ['create', 'service', 'clusterip', 'my-svc', '--tcp=80:8080'],
  ['create', 'service', 'externalname', 'my-ext', '--external-name=example.com'],
  ['create', 'job', 'my-job', '--image=busybox', '--', 'echo', 'hi'],
  ['create', 'cronjob', 'my-cj', '--image=busybox', '--schedule=*/1 * * * *', '--', 'date'],
  ['create', 'secret', 'generic', 's', '--from-literal=password=s3cr3t', '--from-literal=multi=a\nb'],
  ['create', 'namespace', 'dev'],
  ['create', 'configmap', 'cm', ...configMapValues.map((v, i) => `--from-literal=k${String(i).padStart(3, '0')}=${v}`)],
  ['create', 'configmap', 'keys', ...configMapKeys.map((k) => `--from-literal=${k}=v`)],
]

const getJsonPathTemplates = [
  '{.items[*].metadata.name}',
  '{.items[0].metadata.labels}',
  '{.items[*].spec.containers[*].image}',
  '{range .items[*]}{.metadata.name}{"\\t"}{.status.phase}{"\\n"}{end}',
  '{range .items[*]}{range .spec.containers[*]}{.name},{end};{end}',
  '{range .items[*]}[{.metadata.name}]{end}after',
  '{range .items[*]}{.metadata.name}',
  '{.items[?(@.status.phase=="Running")].metadata.name}',
  '{.items[?(@.status.phase!="Running")].metadata.name}',
  '{.items[*].status.containerStatuses[?(@.restartCount>1)].name}',
  '{.items[*].status.containerStatuses[?(@.restartCount<=0)].name}',
  '{.items[*].status.containerStatuses[?(@.ready==false)].name}',
  '{.items[0].spec.nullv}|{.items[0].spec.f}|{.items[0].spec.big}|{.items[0].spec.bigf}|{.items[0].spec.small}|{.items[0].spec.neg}|{.items[0].spec.emptyl}|{.items[0].spec.emptym}',
  '{.items[1].metadata.annotations.note}',
  '{.items[*].metadata.annotations}',
  '{.items[-1].metadata.name}',
  '{.items[0:1].metadata.name}',
  '{.items[::2].metadata.name}',
  '{.items[1:0]}',
  '{.items[5]}',
  '{.items[-3]}',
  '{.items[0:5]}',
  '{.items[::0]}',
  '{.items[]}',
  "{.items[0].metadata.labels['app']}",
  "{.items[0].spec.containers[*]['name','image']}",
  '{.items[*].spec.containers[0].name,.kind}',
  '{.items[?(@.spec.f>1)].metadata.name}',
  '{.items[?(@.spec.f>1.0)].metadata.name}',
  '{.items[?(@.spec.big>=1000000)].metadata.name}',
  '{.items[?(@.spec.t==true)].metadata.name}',
  '{.items[?(@.spec.nullv)].metadata.name}',
  '{.items[?(@.spec.nodeName)].metadata.name}',
  '{.items[?(@.spec.nullv=="x")].metadata.name}',
  '{.items[?(@.metadata.labels=="x")].metadata.name}',
  '{.items[?(@.spec.containers[*].name=="x")].metadata.name}',
  '{.items[?(@.spec.t<true)].metadata.name}',
  '{.items[0].spec.containers[?(@.ports[0].containerPort==80)].name}',
  '{.items[0].metadata[?(@.x)]}',
  '{.items[0].spec.nullv[?(@.x)]}',
  '{.kind.*}',
  '{.kind[0]}',
  '{.items[0].spec.big[0]}',
  '{.items[0].spec.containers[0].args}',
  '{.items[0].spec.containers[1].command}',
  '{.metadata}',
  '{.items[0].metadata.creationTimestamp}',
  '{.items[0]..containerPort}',
  '{..phase}',
  '{.items[*].metadata.name}{"\\n"}{.items[*].kind}',
  'text only',
  '{"a\\tb\\u00e9\\x41"}',
  "{'single \\' quote'}",
  '{3}{1.5}{true}{.kind true}',
  '{@.kind}{$.kind}{ .kind }',
  '{}',
  '{.}',
  '{.items[0].metadata.name.x}',
  '{.items[0].metadata.annotations.long}',
  '{end}',
  '{range}{end}',
  '{range .x}{.y}{end}done',
  '{.kind}{end}',
  '{unknown}',
  '{.foo',
  '{.items[}',
  '{.items[a]}',
  '{.items[1:2:3:4]}',
  '{#}',
  '{"\\q"}',
  '{"unterminated}',
  '{.items[?(@.x=~"y")]}',
  '{.items[?(@.x=="y"]}',
  '{....a}',
  '{.a..b}',
  '{-}',
  '{1.2.3}',
  '{.items[?(@.spec.f=1.5)].metadata.name}',
]

const dryRunDeployment = ['create', 'deployment', 'x', '--image=nginx', '--replicas=1000000']
const dryRunJsonPathTemplates = [
  '{.spec.replicas}',
  '{.spec.replicas[0]}',
  '{.metadata.creationTimestamp}',
  '{.metadata}',
  '{.spec.template.spec.containers[?(@.name=="nginx")].image}',
  '{.spec.template.spec.containers[?(@.name==3)]}',
  '{.spec.template.spec.containers[5].name}',
  '{.kind[0]}',
  '{.status}',
  '{@}',
  '{..image}',
  '{.spec.selector.matchLabels.app}',
  '{.metadata[?(@.x)]}',
  '{.spec.replicas.x}',
]

const customColumnSpecs = [
  'NAME:.metadata.name,CT:.metadata.creationTimestamp,IMG:.spec.containers[*].image,PORTS:.spec.containers[*].ports,LBL:.metadata.labels,NUL:.spec.nullv,F:.spec.f,BIG:.spec.big,BIGF:.spec.bigf,SM:.spec.small,T:.spec.t,EL:.spec.emptyl,EM:.spec.emptym,ARGS:.spec.containers[0].args',
  'A:.metadata.name,B:{.metadata.name},C:metadata.name,D:{metadata.name},E:.spec.containers[*].ports[*].containerPort,F:.x.y,:kind',
  'ESC:.metadata.annotations.esc,N:.metadata.name',
  'A:',
  'A:.spec.containers[0',
  'A:.spec.containers[5].name',
  'RESTARTS:.status.containerStatuses[*].restartCount,READY:..ready',
]

const getFormatErrors = [
  'foo', 'json=x', 'jsonpath', 'jsonpath=', 'jsonpath-file=/nonexistent/x', 'custom-columns', 'custom-columns=',
  'custom-columns=A', 'custom-columns=A:{.a', 'custom-columns=A:.metadata.name,B', 'custom-columns-file=/nonexistent/x',
  'go-template', 'template', 'WIDE', 'yml', 'kyaml', 'JSONPATH={.kind}', 'Custom-Columns=A:kind', 'jsonpath={.kind',
]
const genericFormatErrors = ['foo', 'wide', 'jsonpath', 'name=x', 'custom-columns=A:kind', 'go-template-file', 'jsonpath={.a[}']

// ---------------------------------------------------------------------------------------------

describe.skipIf(!hasKubectl)('printers match the real kubectl 1.32', () => {
  let server: Server
  let dir: string
  const results = new Map<string, Run>()
  const dryRunObjects = new Map<string, unknown>()
  let serverArgs: string[] = []

  const key = (args: string[]) => JSON.stringify(args)
  // `kubectl run` asks the server for discovery even with --dry-run=client, so every command
  // gets the fake server.
  const dry = (args: string[], ...more: string[]) => {
    const dashes = args.indexOf('--')
    const flags = ['--dry-run=client', ...more, ...serverArgs]
    return dashes < 0 ? [...args, ...flags] : [...args.slice(0, dashes), ...flags, ...args.slice(dashes)]
  }
  const got = (args: string[]): Run => {
    const r = results.get(key(args))
    if (!r) throw new Error(`kubectl was not run for ${args.join(' ')}`)
    return r
  }

  beforeAll(async () => {
    server = await startFakeApiServer()
    dir = mkdtempSync(join(tmpdir(), 'podlab-printers-'))
    const port = (server.address() as AddressInfo).port
    serverArgs = [`--server=http://127.0.0.1:${port}`, `--cache-dir=${join(dir, 'cache')}`]
    writeFileSync(join(dir, 'cc.txt'), 'NAME   IMAGES\n.metadata.name   {.spec.containers[*].image}\n')
    writeFileSync(join(dir, 'cc-bad.txt'), 'NAME IMAGES X\n.metadata.name {.spec.containers[*].image}\n')
    writeFileSync(join(dir, 'cc-short.txt'), 'NAME\n')
    writeFileSync(join(dir, 'jp.txt'), '{range .items[*]}{.metadata.name}{"\\n"}{end}')

    const commands: string[][] = []
    for (const c of getYamlJsonCases) for (const o of ['yaml', 'json', 'name']) commands.push([...c.args, '-o', o, ...serverArgs])
    for (const c of dryRunCases) for (const o of ['yaml', 'json', 'name']) commands.push(dry(c, '-o', o))
    for (const t of getJsonPathTemplates) {
      commands.push(['get', 'pods', '-o', `jsonpath=${t}`, ...serverArgs])
      commands.push(['get', 'pods', '-o', `jsonpath-as-json=${t}`, ...serverArgs])
      commands.push(['get', 'pods', '-o', `jsonpath=${t}`, '--allow-missing-template-keys=false', ...serverArgs])
    }
    commands.push(['get', 'pods', '-o', `jsonpath-file=${join(dir, 'jp.txt')}`, ...serverArgs])
    commands.push(dry(dryRunDeployment, '-o', 'json'))
    for (const t of dryRunJsonPathTemplates) commands.push(dry(dryRunDeployment, '-o', `jsonpath=${t}`))
    for (const s of customColumnSpecs) {
      commands.push(['get', 'pods', '-o', `custom-columns=${s}`, ...serverArgs])
      commands.push(['get', 'pods', '-o', `custom-columns=${s}`, '--no-headers', ...serverArgs])
      commands.push(['get', 'services', '-o', `custom-columns=${s}`, ...serverArgs])
    }
    for (const f of ['cc.txt', 'cc-bad.txt', 'cc-short.txt']) commands.push(['get', 'pods', '-o', `custom-columns-file=${join(dir, f)}`, ...serverArgs])
    for (const o of getFormatErrors) commands.push(['get', 'pods', '-o', o, ...serverArgs])
    for (const o of genericFormatErrors) commands.push(dry(['create', 'configmap', 'x'], '-o', o))

    // Run them a few at a time.
    const queue = [...commands]
    await Promise.all(
      Array.from({ length: 8 }, async () => {
        for (let args = queue.shift(); args; args = queue.shift()) results.set(key(args), await runKubectl(args))
      }),
    )
    for (const c of [...dryRunCases, dryRunDeployment]) {
      const r = got(dry(c, '-o', 'json'))
      if (r.code !== 0) throw new Error(`${c.join(' ')}: ${r.stderr}`)
      dryRunObjects.set(key(c), JSON.parse(r.stdout))
    }
  }, 180_000)

  afterAll(() => {
    server?.close()
    if (dir) rmSync(dir, { recursive: true, force: true })
  })

  describe('-o yaml / -o json / -o name of server objects', () => {
    it.each(getYamlJsonCases)('kubectl $args', ({ args, obj }) => {
      const shown = omitManagedFields(obj)
      const yaml = got([...args, '-o', 'yaml', ...serverArgs])
      const printed = printKubectlYaml(shown)
      if ('error' in printed) expect({ stdout: '', stderr: fatal(printed.error) }).toEqual({ stdout: yaml.stdout, stderr: yaml.stderr })
      else expect(printed.output).toBe(yaml.stdout)
      expect(toKubectlJson(shown)).toBe(got([...args, '-o', 'json', ...serverArgs]).stdout)
      expect(printNames(obj)).toBe(got([...args, '-o', 'name', ...serverArgs]).stdout)
    })
  })

  describe('-o yaml of objects kubectl builds itself', () => {
    it.each(dryRunCases.map((c) => [c.slice(0, 3).join(' '), c] as const))('kubectl %s ... --dry-run=client', (_, c) => {
      const obj = dryRunObjects.get(key(c))
      const yaml = got(dry(c, '-o', 'yaml'))
      if (yaml.code === 0) expect(toKubectlYaml(obj)).toBe(yaml.stdout)
      else expect(fatal((printKubectlYaml(obj) as { error: string }).error)).toBe(yaml.stderr)
      expect(printNames(obj)).toBe(got(dry(c, '-o', 'name')).stdout)
      // JSON.parse keeps kubectl's struct field order, which 'insertion' order must reproduce.
      expect(toKubectlJson(obj, { keyOrder: 'insertion' })).toBe(got(dry(c, '-o', 'json')).stdout)
    })
  })

  function expectJsonPath(run: Run, obj: unknown, template: string, opts: { asJson?: boolean; allowMissingKeys?: boolean; numbers?: NumberTypes; command: OutputFormatOptions['command'] }) {
    const parsed = parseOutputFormat(`${opts.asJson ? 'jsonpath-as-json' : 'jsonpath'}=${template}`, {
      command: opts.command,
      allowMissingTemplateKeys: opts.allowMissingKeys,
    })
    if ('error' in parsed) {
      expect({ stderr: fatal(parsed.error), stdout: '' }).toEqual({ stderr: run.stderr, stdout: run.stdout })
      return
    }
    if (parsed.format.kind !== 'jsonpath') throw new Error('not a jsonpath format')
    const printed = printJsonPath(parsed.format.template, obj, {
      allowMissingKeys: parsed.format.allowMissingKeys,
      outputJson: parsed.format.asJson,
      numbers: opts.numbers,
    })
    if ('error' in printed) expect({ stderr: fatal(printed.error), stdout: '' }).toEqual({ stderr: run.stderr, stdout: run.stdout })
    else expect({ stdout: printed.output, stderr: '' }).toEqual({ stdout: run.stdout, stderr: run.stderr })
  }

  describe('-o jsonpath against a List from the API server', () => {
    it.each(getJsonPathTemplates)('%s', (t) => {
      expectJsonPath(got(['get', 'pods', '-o', `jsonpath=${t}`, ...serverArgs]), podList, t, { command: 'get' })
      expectJsonPath(got(['get', 'pods', '-o', `jsonpath-as-json=${t}`, ...serverArgs]), podList, t, { command: 'get', asJson: true })
      expectJsonPath(got(['get', 'pods', '-o', `jsonpath=${t}`, '--allow-missing-template-keys=false', ...serverArgs]), podList, t, {
        command: 'get',
        allowMissingKeys: false,
      })
    })

    it('-o jsonpath-file', () => {
      const parsed = parseOutputFormat(`jsonpath-file=${join(dir, 'jp.txt')}`, {
        command: 'get',
        readFile: () => '{range .items[*]}{.metadata.name}{"\\n"}{end}',
      })
      if (!('format' in parsed) || parsed.format.kind !== 'jsonpath') throw new Error('expected a jsonpath format')
      expect(printJsonPath(parsed.format.template, podList)).toEqual({ output: got(['get', 'pods', '-o', `jsonpath-file=${join(dir, 'jp.txt')}`, ...serverArgs]).stdout })
    })
  })

  describe('-o jsonpath against a typed object (numbers are float64)', () => {
    it.each(dryRunJsonPathTemplates)('%s', (t) => {
      const obj = dryRunObjects.get(key(dryRunDeployment))
      expectJsonPath(got(dry(dryRunDeployment, '-o', `jsonpath=${t}`)), obj, t, { command: 'generic', numbers: 'typed' })
    })
  })

  /** The tabwriter kubectl prints custom columns with: minwidth 6, padding 3, last cell unpadded. */
  function align(rows: string[][]): string {
    const width = (s: string) => Array.from(s).length
    const widths: number[] = []
    for (const row of rows) row.slice(0, -1).forEach((c, i) => (widths[i] = Math.max(widths[i] ?? 6, width(c) + 3)))
    return rows.map((row) => row.map((c, i) => (i < row.length - 1 ? c + ' '.repeat(widths[i] - width(c)) : c)).join('') + '\n').join('')
  }

  function expectColumns(run: Run, output: string, objects: unknown[], opts: OutputFormatOptions) {
    const parsed = parseOutputFormat(output, opts)
    if ('error' in parsed) {
      expect({ stderr: fatal(parsed.error), stdout: '' }).toEqual({ stderr: run.stderr, stdout: run.stdout })
      return
    }
    if (parsed.format.kind !== 'custom-columns') throw new Error('not a custom-columns format')
    const printed = customColumnsRows(parsed.format.spec, objects)
    expect({ stdout: align(printed.rows), stderr: printed.error === undefined ? '' : fatal(printed.error) }).toEqual({
      stdout: run.stdout,
      stderr: run.stderr,
    })
  }

  describe('-o custom-columns', () => {
    it.each(customColumnSpecs)('%s', (s) => {
      expectColumns(got(['get', 'pods', '-o', `custom-columns=${s}`, ...serverArgs]), `custom-columns=${s}`, pods, { command: 'get' })
      expectColumns(got(['get', 'pods', '-o', `custom-columns=${s}`, '--no-headers', ...serverArgs]), `custom-columns=${s}`, pods, {
        command: 'get',
        noHeaders: true,
      })
      expectColumns(got(['get', 'services', '-o', `custom-columns=${s}`, ...serverArgs]), `custom-columns=${s}`, [], { command: 'get' })
    })

    it.each(['cc.txt', 'cc-bad.txt', 'cc-short.txt'])('-o custom-columns-file=%s', (f) => {
      const files: Record<string, string> = {
        'cc.txt': 'NAME   IMAGES\n.metadata.name   {.spec.containers[*].image}\n',
        'cc-bad.txt': 'NAME IMAGES X\n.metadata.name {.spec.containers[*].image}\n',
        'cc-short.txt': 'NAME\n',
      }
      expectColumns(got(['get', 'pods', '-o', `custom-columns-file=${join(dir, f)}`, ...serverArgs]), `custom-columns-file=${join(dir, f)}`, pods, {
        command: 'get',
        readFile: () => files[f],
      })
    })
  })

  describe('-o values kubectl rejects', () => {
    it.each(getFormatErrors)('kubectl get -o %s', (o) => {
      const parsed = parseOutputFormat(o, { command: 'get', readFile: () => undefined })
      expect('error' in parsed ? fatal(parsed.error) : 'accepted').toBe(got(['get', 'pods', '-o', o, ...serverArgs]).stderr)
    })
    it.each(genericFormatErrors)('kubectl create -o %s', (o) => {
      const parsed = parseOutputFormat(o, { command: 'generic' })
      expect('error' in parsed ? fatal(parsed.error) : 'accepted').toBe(got(dry(['create', 'configmap', 'x'], '-o', o)).stderr)
    })
  })
})
