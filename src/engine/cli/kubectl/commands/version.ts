// kubectl version: the client's build, the kustomize it embeds, and the server's /version.
// Mirrors: k8s.io/kubectl pkg/cmd/version/version.go (Complete, Validate, Run: text, yaml,
// json; the server error returned after printing) and skew_warning.go (the warning when client
// and server are more than one minor version apart), k8s.io/apimachinery pkg/version (Info)
// and pkg/util/version (ParseSemantic's errors), client-go discovery's ServerVersion (GET
// /version).
// The client build is the real kubectl this project checks itself against (v1.32.5 as
// `kubectl version --client -o json` reports it); the server's comes from the cluster.

import type { Factory } from '../factory'
import type { VersionInfo } from '../../../api/versionInfo'
import { KubectlExit } from '../factory'
import { marshalGoJsonIndent } from '../printers/goJson'
import { goQuote } from '../../../api/goValues'
import { toKubectlYaml } from '../printers/yamlPrinter'
import { splitKlogLines } from '../connectionErrors'


const INFO_FIELDS: readonly (keyof VersionInfo)[] = ['major', 'minor', 'gitVersion', 'gitCommit', 'gitTreeState', 'buildDate', 'goVersion', 'compiler', 'platform']

/** The kubectl build Podlab reproduces (the real binary's `version --client -o json`). */
export const KUBECTL_VERSION: VersionInfo = {
  major: '1',
  minor: '32',
  gitVersion: 'v1.32.5',
  gitCommit: '9894294ef13a5b32803e3ca2c0d620a088cc84d1',
  gitTreeState: 'clean',
  buildDate: '2025-05-15T09:12:10Z',
  goVersion: 'go1.23.8',
  compiler: 'gc',
  platform: 'linux/amd64',
}

/** The kustomize kubectl 1.32 embeds (version.go's kustomizeVersion, from its go.mod). */
export const KUSTOMIZE_VERSION = 'v5.5.0'

/** A decoded /version body as a version.Info: known fields in order, absent ones "". */
export function versionInfoFrom(body: unknown): VersionInfo {
  const b = (body && typeof body === 'object' ? body : {}) as Record<string, unknown>
  const out = {} as VersionInfo
  for (const k of INFO_FIELDS) out[k] = typeof b[k] === 'string' ? (b[k] as string) : ''
  return out
}

/** util/version.ParseSemantic: major and minor of a semantic version, or its error message. */
export function parseSemantic(str: string): { major: number; minor: number } | { error: string } {
  const m = /^\s*v?([0-9]+(?:\.[0-9]+)*)(.*)$/.exec(str)
  if (!m) return { error: `could not parse ${goQuote(str)} as version` }
  const components = m[1].split('.')
  if (components.length !== 3) return { error: `illegal version string ${goQuote(str)}` }
  for (const c of components) {
    if (c.length > 1 && c.startsWith('0')) return { error: `illegal zero-prefixed version component ${goQuote(c)} in ${goQuote(str)}` }
  }
  const extra = m[2]
  if (extra !== '' && !/^(?:-([0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*))?(?:\+([0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*))?\s*$/.test(extra)) {
    return { error: `could not parse pre-release/metadata (${extra}) in version ${goQuote(str)}` }
  }
  return { major: Number(components[0]), minor: Number(components[1]) }
}

/** getVersionSkewWarning: the warning line (newline included), "", or the parse error. */
export function versionSkewWarning(client: VersionInfo, server: VersionInfo): { warning: string } | { error: string } {
  const c = parseSemantic(client.gitVersion)
  if ('error' in c) return c
  const s = parseSemantic(server.gitVersion)
  if ('error' in s) return s
  const supportedMinorSkew = 1
  if (c.major !== s.major || Math.abs(c.minor - s.minor) > supportedMinorSkew) {
    return {
      warning: `WARNING: version difference between client (${c.major}.${c.minor}) and server (${s.major}.${s.minor}) exceeds the supported minor version skew of +/-${supportedMinorSkew}\n`,
    }
  }
  return { warning: '' }
}

/** What `kubectl version [-o yaml|json]` prints on stdout for these versions. */
export function versionOutput(output: '' | 'yaml' | 'json', client: VersionInfo, server: VersionInfo | undefined): string {
  if (output === '') {
    let text = `Client Version: ${client.gitVersion}\nKustomize Version: ${KUSTOMIZE_VERSION}\n`
    if (server) text += `Server Version: ${server.gitVersion}\n`
    return text
  }
  const v: Record<string, unknown> = { clientVersion: { ...client }, kustomizeVersion: KUSTOMIZE_VERSION }
  if (server) v.serverVersion = { ...server }
  // yaml.Marshal's text already ends in a newline; Fprintln adds another.
  if (output === 'yaml') return `${toKubectlYaml(v)}\n`
  return `${marshalGoJsonIndent(v, '  ', 'insertion')}\n`
}

/** `kubectl version [--client] [-o yaml|json]`. */
export function version(f: Factory): void {
  const clientOnly = f.bool('client')
  // Complete: the discovery client needs a loadable kubeconfig (kubectl fails before printing).
  if (!clientOnly) f.server()
  // Validate (the arguments are only collected when the server is asked too).
  if (!clientOnly && f.cmd.args.length > 0) throw new KubectlExit(`error: extra arguments: [${f.cmd.args.join(' ')}]\n`, 1)
  const output = f.str('output')
  if (output !== '' && output !== 'yaml' && output !== 'json') throw new KubectlExit("error: --output must be 'yaml' or 'json'\n", 1)

  let server: VersionInfo | undefined
  let serverError: KubectlExit | undefined
  if (!clientOnly) {
    try {
      const res = f.client().request({ method: 'GET', path: '/version' })
      if (res.code >= 400) f.fail(res.body)
      server = versionInfoFrom(res.body)
    } catch (e) {
      if (!(e instanceof KubectlExit)) throw e
      serverError = e
    }
  }
  // Discovery failures are logged as they happen, before anything is printed.
  if (serverError) {
    const { klog, rest } = splitKlogLines(serverError.text)
    f.p.err(klog)
    serverError = new KubectlExit(rest, serverError.code)
  }
  f.p.out(versionOutput(output as '' | 'yaml' | 'json', KUBECTL_VERSION, server))
  if (server) {
    const skew = versionSkewWarning(KUBECTL_VERSION, server)
    if ('error' in skew) throw new KubectlExit(`error: ${skew.error}\n`, 1)
    f.p.err(skew.warning)
  }
  if (serverError) throw serverError
  f.p.exit(0)
}
