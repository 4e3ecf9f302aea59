import { execFile, spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, readdirSync, readFileSync, realpathSync, writeFileSync } from 'node:fs'
import { createServer, type Server } from 'node:http'
import { tmpdir } from 'node:os'
import { basename, dirname, join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { addSourceToErr, type KubectlError } from '../../api/errors'
import type { Status } from '../../api/types'
import { decodeManifest, formatVisitErrors, MAX_MANIFEST_BYTES, readManifest, type ManifestKinds } from './manifest'
import { parseRfc3339Error } from './manifestMetadata'
import { marshalGoJsonIndent } from './printers/goJson'

const here = dirname(fileURLToPath(import.meta.url))

interface Run {
  stdout: string
  stderr: string
  code: number
}
interface Fixtures {
  discovery: string[]
  cases: { file: string; text: string; noValidate: Run; validate?: Run }[]
  corpus: { files: number; objects: number; errors: Record<string, string> }
}
const fixtures = JSON.parse(readFileSync(join(here, 'manifest.fixtures.json'), 'utf8')) as Fixtures

/** The fixtures' discovery: `group/version/Kind`, ` (cluster)` when cluster-scoped. */
const served = fixtures.discovery.map((d) => {
  const cluster = d.endsWith(' (cluster)')
  const [group, version, kind] = (cluster ? d.slice(0, -' (cluster)'.length) : d).split('/')
  return { group, version, kind, namespaced: !cluster }
})
const kinds: ManifestKinds = {
  hasKind: (g, v, k) => served.some((e) => e.group === g && (v === '' || e.version === v) && e.kind === k),
  hasGroupVersion: (g, v) => (g === '' && (v === '' || v === 'v1')) || served.some((e) => e.group === g && (v === '' || e.version === v)),
}

/**
 * What `kubectl create -f FILE --dry-run=client -o json` prints, built from readManifest plus the
 * steps that belong to the create command, not to decoding: namespaced objects get the default
 * namespace, cluster-scoped ones lose theirs, -o json hides managedFields, and an empty file is
 * "no objects passed to create".
 */
function emulateCreate(file: string, text: string, validate: boolean): Run {
  const { objects, errors } = readManifest(file, text, { validate, kinds })
  let stdout = ''
  for (const obj of objects) {
    const o = JSON.parse(JSON.stringify(obj)) as { apiVersion?: unknown; kind?: unknown; metadata?: Record<string, unknown> }
    const gv = typeof o.apiVersion === 'string' ? o.apiVersion : ''
    const group = gv.includes('/') ? gv.split('/')[0] : ''
    const scope = served.find((e) => e.group === group && e.kind === o.kind)
    if (typeof o.metadata === 'object' && o.metadata !== null) delete o.metadata.managedFields
    if (scope?.namespaced) {
      if (typeof o.metadata !== 'object' || o.metadata === null) o.metadata = {}
      if (!o.metadata.namespace) o.metadata.namespace = 'default'
    } else if (scope && o.metadata) delete o.metadata.namespace
    stdout += `${marshalGoJsonIndent(o, '    ')}\n`
  }
  const message = formatVisitErrors([], errors)
  if (message !== undefined) return { stdout, stderr: `${message}\n`, code: 1 }
  if (objects.length === 0) return { stdout, stderr: 'error: no objects passed to create\n', code: 1 }
  return { stdout, stderr: '', code: 0 }
}

describe('facts §7.2 (kubectl 1.32.4 apply -f)', () => {
  it('badyaml.yaml: mapping values are not allowed', () => {
    const text = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: x\nspec:\n  containers:\n  - name: app\n     image: nginx\n'
    expect(decodeManifest('badyaml.yaml', text)).toEqual({
      error: 'error: error parsing badyaml.yaml: error converting YAML to JSON: yaml: line 8: mapping values are not allowed in this context',
    })
  })
  it('tabs.yaml: found character that cannot start any token', () => {
    const text = 'apiVersion: v1\nkind: Pod\nmetadata:\n\tname: x\n'
    expect(decodeManifest('tabs.yaml', text)).toEqual({
      error: 'error: error parsing tabs.yaml: error converting YAML to JSON: yaml: line 4: found character that cannot start any token',
    })
  })
  it('nokind.yaml: kind not set', () => {
    expect(decodeManifest('nokind.yaml', 'apiVersion: v1\nmetadata:\n  name: x\n')).toEqual({
      error:
        'error: error validating "nokind.yaml": error validating data: kind not set; if you choose to ignore these errors, turn validation off with --validate=false',
    })
  })
  it('decodes a good manifest to objects with Go-sorted keys', () => {
    const r = decodeManifest('pod.yaml', 'kind: Pod\napiVersion: v1\nmetadata:\n  name: x\nspec:\n  containers:\n  - name: app\n    image: nginx\n')
    expect(r).toEqual({ objects: [{ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'x' }, spec: { containers: [{ image: 'nginx', name: 'app' }] } }] })
    expect(Object.keys((r as { objects: object[] }).objects[0])).toEqual(['apiVersion', 'kind', 'metadata', 'spec'])
  })
})

describe(`captured kubectl 1.32 outputs (manifest.fixtures.json, ${fixtures.cases.length} files)`, () => {
  for (const c of fixtures.cases) {
    it(`${c.file} --validate=false`, () => {
      expect(emulateCreate(basename(c.file), c.text, false)).toEqual(c.noValidate)
    })
    if (c.validate) {
      const v = c.validate
      it(`${c.file} (validating)`, () => {
        expect(emulateCreate(basename(c.file), c.text, true)).toEqual(v)
      })
    }
  }
})

const corpusRoot = '/work/shared/corpus/k8s-website-examples'
function corpusFiles(): string[] {
  const out: string[] = []
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name)
      if (e.isDirectory()) walk(p)
      else if (e.name.endsWith('.yaml')) out.push(relative(corpusRoot, p))
    }
  }
  walk(corpusRoot)
  return out.sort()
}

describe.skipIf(!existsSync(corpusRoot))('the Kubernetes website examples (corpus)', () => {
  it('all 473 files decode as kubectl decodes them: 521 objects, errors in exactly 5 files', () => {
    const files = corpusFiles()
    expect(files.length).toBe(fixtures.corpus.files)
    expect(files.length).toBe(473)
    let objects = 0
    const errors: Record<string, string> = {}
    for (const f of files) {
      const r = emulateCreate(basename(f), readFileSync(join(corpusRoot, f), 'utf8'), false)
      objects += r.stdout.split('\n').filter((l) => l === '{').length
      if (r.stderr) errors[f] = r.stderr
    }
    expect(objects).toBe(fixtures.corpus.objects)
    expect(errors).toEqual(fixtures.corpus.errors)
  })

  it('the README\'s four "not valid YAML" files: kubectl refuses two and reads the other two', () => {
    const read = (f: string) => readManifest(basename(f), readFileSync(join(corpusRoot, f), 'utf8'))
    expect(read('access/audit-event-with-audit-annotation.yaml').errors).toEqual([
      "error parsing audit-event-with-audit-annotation.yaml: error converting YAML to JSON: yaml: line 7: did not find expected ',' or '}'",
    ])
    expect(read('pods/inject/pod-multiple-secret-env-variable.yaml').errors).toEqual([
      'error parsing pod-multiple-secret-env-variable.yaml: error converting YAML to JSON: yaml: line 15: found a tab character that violates indentation',
    ])
    // `\'` is an escape in YAML 1.1 (go-yaml), and `...` ends the document: the rest is never read.
    const envars = read('pods/inject/envars-file-container.yaml')
    expect(envars.errors).toEqual([])
    expect(envars.objects).toHaveLength(1)
    const fragment = read('validatingadmissionpolicy/failure-policy-ignore.yaml')
    expect(fragment.errors).toEqual([])
    expect(fragment.objects).toEqual([{ apiVersion: 'admissionregistration.k8s.io/v1', kind: 'ValidatingAdmissionPolicy', spec: null }])
  })
})

describe('formatVisitErrors (captured: kubectl 1.32 create -f against a server answering 404 to every POST)', () => {
  const notFound = (file: string): KubectlError =>
    addSourceToErr('creating', file, { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message: 'not found', reason: 'NotFound', code: 404 } as Status)
  const missing = (file: string) => `unable to decode "${file}": Object 'Kind' is missing in '{}'`
  it('callback errors come first, the file errors after them as one aggregate', () => {
    expect(formatVisitErrors([notFound('srv1.yaml'), notFound('srv1.yaml')], [missing('srv1.yaml')])).toBe(
      'Error from server (NotFound): error when creating "srv1.yaml": not found\n' +
        'Error from server (NotFound): error when creating "srv1.yaml": not found\n' +
        `unable to decode "srv1.yaml": Object 'Kind' is missing in '{}'`,
    )
    expect(formatVisitErrors([notFound('srv2.yaml')], [])).toBe('Error from server (NotFound): error when creating "srv2.yaml": not found')
    expect(formatVisitErrors([notFound('srv4.yaml')], [missing('srv4.yaml'), 'unable to decode "srv4.yaml": json: cannot unmarshal array into Go value of type unstructured.detector'])).toBe(
      'Error from server (NotFound): error when creating "srv4.yaml": not found\n' +
        `[unable to decode "srv4.yaml": Object 'Kind' is missing in '{}', unable to decode "srv4.yaml": json: cannot unmarshal array into Go value of type unstructured.detector]`,
    )
    expect(formatVisitErrors([], [])).toBeUndefined()
  })
})

describe('limits: rejected with an error, never a hang', () => {
  it(`refuses files over ${MAX_MANIFEST_BYTES} bytes`, () => {
    const r = readManifest('big.yaml', 'a'.repeat(MAX_MANIFEST_BYTES + 1))
    expect(r).toEqual({ objects: [], errors: [`error reading big.yaml: the file has ${MAX_MANIFEST_BYTES + 1} bytes; Podlab reads manifests of at most ${MAX_MANIFEST_BYTES} bytes`] })
  })
  it('an alias bomb stops at go-yaml\'s excessive-aliasing guard', () => {
    const lines = ['a0: &a0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for (let i = 1; i < 12; i++) lines.push(`a${i}: &a${i} [${Array(9).fill(`*a${i - 1}`).join(',')}]`)
    const start = performance.now()
    expect(readManifest('bomb.yaml', `${lines.join('\n')}\n`).errors).toEqual(['error parsing bomb.yaml: error converting YAML to JSON: yaml: document contains excessive aliasing'])
    expect(performance.now() - start).toBeLessThan(3000)
  })
  it('nesting past go-yaml\'s 10000 levels is its error; deep nesting JavaScript cannot follow is reported', () => {
    const deep = (n: number) => `apiVersion: v1\nkind: ConfigMap\nmetadata: {name: d}\nx: ${'['.repeat(n)}${']'.repeat(n)}\n`
    expect(readManifest('d.yaml', deep(10001)).errors).toEqual(['error parsing d.yaml: error converting YAML to JSON: yaml: line 4: exceeded max depth of 10000'])
    expect(readManifest('d.yaml', deep(1000)).objects).toHaveLength(1)
    expect(readManifest('d.yaml', deep(9000)).errors).toEqual(['error parsing d.yaml: the document is nested too deeply for Podlab'])
    expect(readManifest('d.json', `{"kind":"A","x":${'['.repeat(9000)}${']'.repeat(9000)}}`).errors).toEqual(['error parsing d.json: the document is nested too deeply for Podlab'])
  })
})

describe('metav1.Time: time.Parse(RFC3339) errors (captured from kubectl)', () => {
  it.each([
    ['2024-01-01T00:00:00Z', undefined],
    ['2024-01-01T00:00:00.123+02:00', undefined],
    ['bad', 'parsing time "bad" as "2006-01-02T15:04:05Z07:00": cannot parse "bad" as "2006"'],
    ['2024-01-01', 'parsing time "2024-01-01" as "2006-01-02T15:04:05Z07:00": cannot parse "" as "T"'],
    ['2024-01-01 00:00:00', 'parsing time "2024-01-01 00:00:00" as "2006-01-02T15:04:05Z07:00": cannot parse " 00:00:00" as "T"'],
  ])('%s', (value, error) => {
    expect(parseRfc3339Error(value)).toBe(error)
  })
})

// ---- the real binary ----

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
if (!real.bin) console.log(`skipping kubectl create -f fidelity tests: ${real.reason}`)

/** A loopback API server with discovery for the fixtures' kinds (kubectl maps kinds even with --dry-run=client). */
function discoveryServer(): Server {
  const byGv = new Map<string, { name: string; singularName: string; namespaced: boolean; kind: string; verbs: string[] }[]>()
  for (const e of served) {
    const gv = e.group ? `${e.group}/${e.version}` : e.version
    if (!byGv.has(gv)) byGv.set(gv, [])
    byGv.get(gv)?.push({ name: `${e.kind.toLowerCase()}s`, singularName: e.kind.toLowerCase(), namespaced: e.namespaced, kind: e.kind, verbs: ['create', 'get', 'list'] })
  }
  const groups = new Map<string, string[]>()
  for (const e of served) if (e.group && !groups.get(e.group)?.includes(e.version)) groups.set(e.group, [...(groups.get(e.group) ?? []), e.version])
  const bodies: Record<string, unknown> = {
    '/api': { kind: 'APIVersions', versions: ['v1'], serverAddressByClientCIDRs: [{ clientCIDR: '0.0.0.0/0', serverAddress: '127.0.0.1' }] },
    '/apis': {
      kind: 'APIGroupList',
      apiVersion: 'v1',
      groups: [...groups].map(([name, vs]) => ({
        name,
        versions: vs.map((v) => ({ groupVersion: `${name}/${v}`, version: v })),
        preferredVersion: { groupVersion: `${name}/${vs[0]}`, version: vs[0] },
      })),
    },
  }
  for (const [gv, resources] of byGv) bodies[gv === 'v1' ? '/api/v1' : `/apis/${gv}`] = { kind: 'APIResourceList', apiVersion: 'v1', groupVersion: gv, resources }
  return createServer((req, out) => {
    const body = bodies[(req.url ?? '').split('?')[0]]
    out.writeHead(body ? 200 : 404, { 'content-type': 'application/json' })
    out.end(JSON.stringify(body ?? { kind: 'Status', apiVersion: 'v1', status: 'Failure', message: 'not found', reason: 'NotFound', code: 404 }))
  })
}

describe.skipIf(!real.bin)('kubectl create -f against the real kubectl 1.32', () => {
  let server: Server
  let env: Record<string, string>
  let dir: string

  beforeAll(async () => {
    server = discoveryServer()
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()))
    const port = (server.address() as { port: number }).port
    dir = mkdtempSync(join(tmpdir(), 'podlab-manifest-'))
    const kubeconfig = join(dir, 'config')
    writeFileSync(
      kubeconfig,
      `apiVersion: v1\nkind: Config\nclusters:\n- cluster: {server: "http://127.0.0.1:${port}"}\n  name: fake\ncontexts:\n- context: {cluster: fake, user: u, namespace: default}\n  name: fake\ncurrent-context: fake\nusers:\n- name: u\n  user: {}\n`,
    )
    env = { PATH: '/usr/bin:/bin', HOME: dir, KUBECONFIG: kubeconfig }
  })
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())))

  const kubectlCreate = (cwd: string, file: string, validate: boolean) =>
    new Promise<Run>((resolve) => {
      const argv = ['create', '-f', file, '--dry-run=client', '-o', 'json', ...(validate ? [] : ['--validate=false'])]
      execFile(real.bin as string, argv, { env, cwd, maxBuffer: 64 << 20 }, (err, stdout, stderr) =>
        resolve({ stdout, stderr, code: err ? Number((err as { code?: number }).code ?? 1) : 0 }),
      )
    })

  /** Run `jobs` with at most `n` kubectl processes at once. */
  async function pool<T>(items: T[], n: number, job: (item: T) => Promise<void>): Promise<void> {
    let next = 0
    await Promise.all(
      Array.from({ length: n }, async () => {
        while (next < items.length) await job(items[next++])
      }),
    )
  }

  it('reproduces every captured fixture', async () => {
    const mismatches: string[] = []
    await pool(fixtures.cases, 8, async (c) => {
      const sub = mkdtempSync(join(dir, 'case-'))
      const name = basename(c.file)
      writeFileSync(join(sub, name), c.text)
      const got = await kubectlCreate(sub, name, false)
      if (JSON.stringify(got) !== JSON.stringify(c.noValidate)) mismatches.push(`${c.file}: ${JSON.stringify(got)}`)
      if (c.validate) {
        const gotV = await kubectlCreate(sub, name, true)
        if (JSON.stringify(gotV) !== JSON.stringify(c.validate)) mismatches.push(`${c.file} (validating): ${JSON.stringify(gotV)}`)
      }
    })
    expect(mismatches).toEqual([])
  }, 120_000)

  it.skipIf(!existsSync(corpusRoot))('matches kubectl byte for byte on all 473 website examples (--validate=false)', async () => {
    const mismatches: string[] = []
    await pool(corpusFiles(), 8, async (f) => {
      const got = await kubectlCreate(join(corpusRoot, dirname(f)), basename(f), false)
      const ours = emulateCreate(basename(f), readFileSync(join(corpusRoot, f), 'utf8'), false)
      if (JSON.stringify(got) !== JSON.stringify(ours)) mismatches.push(f)
    })
    expect(mismatches).toEqual([])
  }, 300_000)
})
