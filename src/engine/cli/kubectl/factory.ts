// What every kubectl command gets to work with: its parsed flags and arguments, the terminal
// (a Proc), the kubeconfig in force, a client for the cluster it names, and kubectl's way of
// ending with an error. Mirrors k8s.io/kubectl/pkg/cmd/util factory.go (Factory: ToRESTConfig,
// ToRawKubeConfigLoader().Namespace(), DynamicClient) and helpers.go (CheckErr, fatal).

import { formatKubectlError, StatusError, type KubectlError } from '../../api/errors'
import type { Client } from '../../client/client'
import type { Proc } from '../../shell/proc'
import type { FlagValue } from './cmd/flagValues'
import { connectionRefusedOutput, discoveryAttemptsFor, kubectlPid } from './connectionErrors'
import { kubeconfigPaths, loadKubeconfig, resolveClientConfig, type ClientConfig, type Kubeconfig } from './kubeconfig'

/** The clusters kubectl can reach from a host, by API server URL (kind's https://127.0.0.1:PORT). */
export interface ApiEndpoints {
  /** `onWarning` receives the Warning headers of the server's responses, in order. */
  clientFor(server: string, user: string, onWarning?: (warning: string) => void): Client | undefined
  /** Virtual time, epoch ms (AGE columns, event times). */
  now(): number
}

export interface ParsedCommand {
  path: string[]
  flags: Record<string, FlagValue>
  changed: Set<string>
  args: string[]
  argsLenAtDash: number
}

/** Thrown to end a command with kubectl's message; the program entry prints it and exits. */
export class KubectlExit extends Error {
  constructor(
    readonly text: string,
    readonly code: number,
  ) {
    super(text)
  }
}

export class Factory {
  private loaded: { config: Kubeconfig; files: string[] } | undefined
  private clientConfig: ClientConfig | undefined

  constructor(
    readonly p: Proc,
    readonly cmd: ParsedCommand,
    private readonly endpoints: ApiEndpoints,
  ) {}

  now(): number {
    return this.endpoints.now()
  }

  // Flags, typed as the spec declares them.
  str(name: string): string {
    return String(this.flag(name))
  }
  bool(name: string): boolean {
    return this.flag(name) === true
  }
  int(name: string): number {
    return Number(this.flag(name))
  }
  strs(name: string): string[] {
    const v = this.flag(name)
    return Array.isArray(v) ? v : []
  }
  map(name: string): Record<string, string> {
    const v = this.flag(name)
    return v && typeof v === 'object' && !Array.isArray(v) ? v : {}
  }
  changed(name: string): boolean {
    return this.cmd.changed.has(name)
  }
  private flag(name: string): FlagValue {
    const v = this.cmd.flags[name]
    if (v === undefined) throw new Error(`kubectl ${this.cmd.path.join(' ')} has no flag --${name}`)
    return v
  }

  /** A file the user named (-o jsonpath-file=, --template=), or undefined when it cannot be read. */
  readUserFile(path: string): string | undefined {
    try {
      return this.p.host.fs.readFile(this.p.resolve(path))
    } catch {
      return undefined
    }
  }

  /** The merged kubeconfig (clientcmd's RawConfig). */
  rawConfig(): { config: Kubeconfig; files: string[] } {
    if (!this.loaded) {
      const { paths, explicit } = kubeconfigPaths(this.str('kubeconfig'), this.p.env, this.p.host.home)
      const r = loadKubeconfig(this.p.host.fs, (path) => this.p.resolve(path), paths, explicit)
      if (!r.ok) throw new KubectlExit(`error: ${r.error}\n`, 1)
      this.loaded = { config: r.config, files: r.files }
    }
    return this.loaded
  }

  private config(): Extract<ClientConfig, { ok: true }> {
    if (!this.clientConfig) {
      this.clientConfig = resolveClientConfig(this.rawConfig().config, {
        context: this.str('context'),
        cluster: this.str('cluster'),
        user: this.str('user'),
        namespace: this.str('namespace'),
        server: this.str('server'),
      })
    }
    if (!this.clientConfig.ok) throw new KubectlExit(`error: ${this.clientConfig.error}\n`, 1)
    return this.clientConfig
  }

  /** The namespace in force (-n, else the context's, else "default") and whether -n set it. */
  namespace(): { namespace: string; explicit: boolean } {
    const c = this.config()
    return { namespace: c.namespace, explicit: c.namespaceExplicit }
  }

  /** The API server URL kubectl would call. */
  server(): string {
    return this.config().server
  }

  /** A client for the cluster in force; a server nobody listens on is kubectl's connection error. */
  client(): Client {
    const c = this.config()
    // client-go's WarningWriter with Deduplicate: each distinct warning once per kubectl run.
    const seen = new Set<string>()
    const client = this.endpoints.clientFor(c.server, c.user, (w) => {
      if (seen.has(w)) return
      seen.add(w)
      this.p.err(`Warning: ${w}\n`)
    })
    if (!client) {
      const text = connectionRefusedOutput({
        server: c.server,
        now: this.now(),
        pid: kubectlPid(this.p, this.p.host),
        discoveryAttempts: discoveryAttemptsFor(this.cmd.path, this.cmd.args),
      })
      throw new KubectlExit(text, 1)
    }
    return client
  }

  /** cmdutil.CheckErr for an error kubectl got: prints it and exits 1. */
  fail(err: KubectlError | readonly KubectlError[] | unknown): never {
    throw new KubectlExit(`${formatKubectlError(asKubectlError(err))}\n`, 1)
  }
}

/** An apiserver StatusError becomes its Status; anything else its message. */
export function asKubectlError(err: unknown): KubectlError | readonly KubectlError[] {
  if (err instanceof StatusError) return err.status
  if (Array.isArray(err)) return err.map((e) => asKubectlError(e) as KubectlError)
  if (typeof err === 'string') return err
  if (err && typeof err === 'object' && 'kind' in err && (err as { kind?: unknown }).kind === 'Status') return err as KubectlError
  throw err
}
