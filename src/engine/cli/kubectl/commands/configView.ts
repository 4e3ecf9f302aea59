// kubectl config view: the merged kubeconfig (or one file), optionally cut down to the current
// context, made self-contained, and with certificate data and secrets hidden unless --raw.
// Mirrors: k8s.io/kubectl pkg/cmd/config/view.go (Complete, Validate, Run, getStartingConfig)
// and client-go tools/clientcmd/api helpers.go (MinifyConfig, FlattenConfig, FlattenContent,
// ShortenConfig: DATA+OMITTED; RedactSecrets: the datapolicy-tagged token, password and
// client key become REDACTED).
// Behaviour checked against the real kubectl 1.32: --kubeconfig alone still merges (an absent
// file is an empty config); only --merge=false reads the one file as LoadFromFile does.
// Left out: go-template output (Podlab has no Go template engine; parseOutputFormat refuses it).

import { encodeBase64String } from '../../../api/base64'
import { FsError } from '../../../host/fs'
import type { Factory } from '../factory'
import { KubectlExit } from '../factory'
import type { Kubeconfig, KubeconfigCluster, KubeconfigUser } from '../kubeconfig'
import { toV1Config } from '../kubeconfig'
import { usageError } from '../cmd/parse'
import { toKubectlJson } from '../printers/jsonPrinter'
import { printJsonPath } from '../printers/jsonpath'
import { parseOutputFormat, printNames } from '../printers/outputFormat'
import { toKubectlYaml } from '../printers/yamlPrinter'
import { getStartingConfig, loadFromFile, pathOptions, type PathOptions } from './configAccess'

/** The bytes Go prints as "DATA+OMITTED" and "REDACTED" (base64-decoded on purpose upstream). */
const DATA_OMITTED = 'DATA+OMITTED'
const REDACTED = 'REDACTED'

/** MinifyConfig: only the current context, its cluster and its user. Returns the error message. */
export function minifyConfig(config: Kubeconfig): { ok: true; config: Kubeconfig } | { ok: false; error: string } {
  const current = config['current-context'] ?? ''
  if (current === '') return { ok: false, error: 'current-context must exist in order to minify' }
  const ctx = config.contexts?.find((c) => c.name === current)
  if (!ctx) return { ok: false, error: `cannot locate context ${current}` }
  const clusterName = ctx.context?.cluster ?? ''
  const userName = ctx.context?.user ?? ''
  const cluster = config.clusters?.find((c) => c.name === clusterName)
  if (clusterName !== '' && !cluster) return { ok: false, error: `cannot locate cluster ${clusterName}` }
  const user = config.users?.find((u) => u.name === userName)
  if (userName !== '' && !user) return { ok: false, error: `cannot locate user ${userName}` }
  return {
    ok: true,
    config: { ...config, contexts: [ctx], clusters: clusterName && cluster ? [cluster] : [], users: userName && user ? [user] : [] },
  }
}

/** ShortenConfig after RedactSecrets: what `config view` shows without --raw. */
export function redactAndShorten(config: Kubeconfig): Kubeconfig {
  const user = (u: KubeconfigUser): KubeconfigUser => {
    const out = { ...u }
    if (out.token) out.token = REDACTED
    if (out.password) out.password = REDACTED
    if (out['client-key-data']) out['client-key-data'] = DATA_OMITTED
    if (out['client-certificate-data']) out['client-certificate-data'] = DATA_OMITTED
    return out
  }
  const cluster = (c: KubeconfigCluster): KubeconfigCluster =>
    c['certificate-authority-data'] ? { ...c, 'certificate-authority-data': DATA_OMITTED } : c
  return {
    ...config,
    users: config.users?.map((u) => ({ name: u.name, user: user(u.user ?? {}) })),
    clusters: config.clusters?.map((c) => ({ name: c.name, cluster: cluster(c.cluster ?? {}) })),
  }
}

/** The directory part of a path (path.Dir), "." for a bare file name. */
function dirOf(path: string): string {
  const i = path.lastIndexOf('/')
  if (i < 0) return '.'
  return i === 0 ? '/' : path.slice(0, i)
}

/**
 * FlattenConfig: certificate and key files read into their -data fields, relative paths taken
 * from the directory of the kubeconfig that named them. `origins` maps names to those files.
 */
export function flattenConfig(
  config: Kubeconfig,
  origins: { clusters: Map<string, string>; users: Map<string, string> },
  o: Pick<PathOptions, 'fs' | 'resolve'>,
): { ok: true; config: Kubeconfig } | { ok: false; error: string } {
  const readInto = (path: string | undefined, data: string | undefined, origin: string): { data?: string; error?: string } => {
    if (!path) return { data }
    if (data) return { error: 'cannot have values for both path and file contents' }
    const abs = path.startsWith('/') ? o.resolve(path) : o.resolve(`${o.resolve(dirOf(origin))}/${path}`)
    try {
      return { data: encodeBase64String(o.fs.readFile(abs)) }
    } catch (e) {
      if (!(e instanceof FsError)) throw e
      return { error: `${e.code === 'EISDIR' ? 'read' : 'open'} ${abs}: ${e.description}` }
    }
  }
  const users: NonNullable<Kubeconfig['users']> = []
  for (const u of config.users ?? []) {
    const origin = origins.users.get(u.name) ?? ''
    const cert = readInto(u.user['client-certificate'], u.user['client-certificate-data'], origin)
    if (cert.error) return { ok: false, error: cert.error }
    const key = readInto(u.user['client-key'], u.user['client-key-data'], origin)
    if (key.error) return { ok: false, error: key.error }
    const user: KubeconfigUser = { ...u.user, 'client-certificate': undefined, 'client-certificate-data': cert.data, 'client-key': undefined, 'client-key-data': key.data }
    users.push({ name: u.name, user })
  }
  const clusters: NonNullable<Kubeconfig['clusters']> = []
  for (const c of config.clusters ?? []) {
    const ca = readInto(c.cluster['certificate-authority'], c.cluster['certificate-authority-data'], origins.clusters.get(c.name) ?? '')
    if (ca.error) return { ok: false, error: ca.error }
    clusters.push({ name: c.name, cluster: { ...c.cluster, 'certificate-authority': undefined, 'certificate-authority-data': ca.data } })
  }
  return { ok: true, config: { ...config, users, clusters } }
}

function fail(message: string): never {
  throw new KubectlExit(`error: ${message}\n`, 1)
}

/** `kubectl config view`. */
export function configView(f: Factory): void {
  // Complete: arguments, then the printer.
  if (f.cmd.args.length > 0) {
    const u = usageError('kubectl config view', `unexpected arguments: [${f.cmd.args.join(' ')}]`)
    throw new KubectlExit(u.text, u.exitCode)
  }
  const parsed = parseOutputFormat(f.str('output'), {
    command: 'generic',
    templateArgument: f.str('template') || undefined,
    allowMissingTemplateKeys: f.bool('allow-missing-template-keys'),
    readFile: (path) => f.readUserFile(path),
  })
  if ('error' in parsed) fail(parsed.error)
  const o = pathOptions(f.p.host.fs, (p) => f.p.resolve(p), f.str('kubeconfig'), f.p.env, f.p.host.home)
  const merge = !f.changed('merge') || f.bool('merge')
  // Validate.
  if (!merge && !o.explicitFile) fail('if merge==false a precise file must be specified')

  let config: Kubeconfig
  let origins: { clusters: Map<string, string>; users: Map<string, string> }
  if (merge) {
    const loaded = getStartingConfig(o)
    if (!loaded.ok) fail(loaded.error)
    config = loaded.config
    origins = loaded.origins
  } else {
    const loaded = loadFromFile(o, o.explicitFile)
    if (!loaded.ok) fail(loaded.error)
    config = loaded.config
    const all = (list: readonly { name: string }[] | undefined) => new Map((list ?? []).map((e) => [e.name, o.explicitFile]))
    origins = { clusters: all(config.clusters), users: all(config.users) }
  }

  if (f.bool('minify')) {
    const context = f.str('context')
    const minified = minifyConfig(context ? { ...config, 'current-context': context } : config)
    if (!minified.ok) fail(minified.error)
    config = minified.config
  }
  if (f.bool('flatten')) {
    const flat = flattenConfig(config, origins, o)
    if (!flat.ok) fail(flat.error)
    config = flat.config
  } else if (!f.bool('raw')) {
    config = redactAndShorten(config)
  }

  const v1 = toV1Config(config)
  const format = parsed.format
  switch (format.kind) {
    case 'yaml':
      f.p.out(toKubectlYaml(v1))
      break
    case 'json':
      f.p.out(toKubectlJson(v1, { keyOrder: 'insertion' }))
      break
    case 'jsonpath': {
      const printed = printJsonPath(format.template, v1, { allowMissingKeys: format.allowMissingKeys, outputJson: format.asJson })
      if ('error' in printed) throw new KubectlExit(`error: ${printed.error}`, 1)
      f.p.out(printed.output)
      break
    }
    default:
      // -o name, and -o "" (the name printer without ShortOutput prints the same).
      f.p.out(printNames(v1))
  }
  f.p.exit(0)
}
