// What kubectl prints when nobody answers at the API server's address: the klog lines client-go's
// discovery cache writes each time it fails to refresh, then kubectl's own sentence.
// Mirrors: k8s.io/client-go discovery/cached/memory/memcache.go (refreshLocked:
// utilruntime.HandleError(fmt.Errorf("couldn't get current server API group list: %v", err)),
// logged by klog as `"Unhandled Error" err="..."` from memcache.go:265), restmapper's
// DeferredDiscoveryRESTMapper and shortcut/category expanders (one failed refresh per call), the
// resource Builder's mappingFor (how many mapper calls one resource argument costs), Go's
// net/http and net errors (`Get "<url>": dial tcp <addr>: connect: connection refused`), klog's
// header (`Lmmdd hh:mm:ss.uuuuuu threadid file:line] `) and kubectl's cmdutil.StandardErrorMessage
// ("The connection to the server <url host> was refused - did you specify the right host or port?").
// Every count below was measured on the real kubectl 1.32 with no server listening (see the
// tests): `get pods` logs 5 lines, `get pod/x` 4, `get pods,svc` 6, `cluster-info` 5,
// `api-resources` 1, `run` 1, `explain` 2, `version`, `create namespace` and `top` none.
// Left out: host names other than localhost (they need a DNS lookup first and fail with
// "no such host"); macOS, where localhost resolves to ::1 first and the dial error reads
// "dial tcp [::1]:8080" (Podlab's host is Linux, whose /etc/hosts lists 127.0.0.1 first).

import { goQuote } from '../../api/goValues'

/** The server kubectl falls back to when no kubeconfig names one (clientcmd's ClusterDefaults). */
export const DEFAULT_SERVER = 'http://localhost:8080'

interface ParsedServer {
  scheme: string
  /** host[:port] exactly as written: what kubectl's refusal sentence shows. */
  host: string
  /** host:port the dialer connects to (default port filled in, localhost resolved). */
  dialAddress: string
  /** Path prefix of the server URL, without a trailing slash. */
  prefix: string
}

/** rest.DefaultServerURL: a server without a scheme is https (the kubeconfig default). */
function parseServer(server: string): ParsedServer {
  const m = /^([a-zA-Z][a-zA-Z0-9+.-]*):\/\/([^/?#]*)([^?#]*)/.exec(server)
  const scheme = m ? m[1].toLowerCase() : 'https'
  const rest = m ? null : /^([^/?#]*)([^?#]*)/.exec(server)
  const host = m ? m[2] : (rest?.[1] ?? '')
  const prefix = (m ? m[3] : (rest?.[2] ?? '')).replace(/\/+$/, '')
  return { scheme, host, dialAddress: dialAddress(host, scheme), prefix }
}

/** The address net.Dial reports: default port added, localhost as the first address in /etc/hosts. */
function dialAddress(host: string, scheme: string): string {
  let hostname = host
  let port = scheme === 'http' ? '80' : '443'
  const v6 = /^\[([^\]]*)\](?::(\d*))?$/.exec(host)
  if (v6) {
    hostname = v6[1]
    if (v6[2]) port = v6[2]
  } else {
    const colon = host.lastIndexOf(':')
    if (colon >= 0) {
      hostname = host.slice(0, colon)
      if (host.slice(colon + 1) !== '') port = host.slice(colon + 1)
    }
  }
  if (hostname.toLowerCase() === 'localhost') hostname = '127.0.0.1'
  return hostname.includes(':') ? `[${hostname}]:${port}` : `${hostname}:${port}`
}

/** The URL client-go requests for an absolute API path ("/api", "/version") with its query. */
export function apiUrl(server: string, pathAndQuery: string): string {
  const s = parseServer(server)
  return `${s.scheme}://${s.host}${s.prefix}${pathAndQuery}`
}

/**
 * The *url.Error Go's HTTP client returns when the connection is refused.
 * @example dialErrorText('GET', 'http://localhost:8080', '/api?timeout=32s')
 * // 'Get "http://localhost:8080/api?timeout=32s": dial tcp 127.0.0.1:8080: connect: connection refused'
 */
export function dialErrorText(method: string, server: string, pathAndQuery: string): string {
  const verb = method.charAt(0).toUpperCase() + method.slice(1).toLowerCase()
  return `${verb} "${apiUrl(server, pathAndQuery)}": dial tcp ${parseServer(server).dialAddress}: connect: connection refused`
}

/** kubectl's sentence for a refused connection (StandardErrorMessage), newline included. */
export function connectionRefusedMessage(server: string): string {
  return `The connection to the server ${parseServer(server).host} was refused - did you specify the right host or port?\n`
}

/**
 * klog's header: severity, month and day, time with microseconds, the pid right-aligned in 7
 * columns, then file:line. klog prints local time; Podlab's laptop keeps UTC.
 */
export function klogHeader(severity: 'I' | 'W' | 'E' | 'F', now: number, pid: number, fileLine: string): string {
  const d = new Date(now)
  const two = (n: number) => String(n).padStart(2, '0')
  const micros = String(d.getUTCMilliseconds() * 1000).padStart(6, '0')
  const time = `${two(d.getUTCHours())}:${two(d.getUTCMinutes())}:${two(d.getUTCSeconds())}.${micros}`
  return `${severity}${two(d.getUTCMonth() + 1)}${two(d.getUTCDate())} ${time} ${String(pid).padStart(7, ' ')} ${fileLine}] `
}

/** One failed discovery refresh, as memcache.go logs it (one line, newline included). */
export function discoveryErrorLine(server: string, now: number, pid: number): string {
  const err = `couldn't get current server API group list: ${dialErrorText('GET', server, '/api?timeout=32s')}`
  return `${klogHeader('E', now, pid, 'memcache.go:265')}"Unhandled Error" err=${goQuote(err)}\n`
}

export interface ConnectionRefused {
  /** The server URL kubectl used (the kubeconfig's, --server's, or DEFAULT_SERVER). */
  server: string
  /** Virtual time of the attempt (klog's timestamp). */
  now: number
  /** The kubectl process id klog prints. */
  pid: number
  /** How many discovery refreshes failed before the command gave up (discoveryAttemptsFor). */
  discoveryAttempts: number
}

/** Everything kubectl writes to stderr for a refused connection: the klog lines, then the sentence. */
export function connectionRefusedOutput(c: ConnectionRefused): string {
  return discoveryErrorLine(c.server, c.now, c.pid).repeat(c.discoveryAttempts) + connectionRefusedMessage(c.server)
}

/** Splits a stderr text into its leading klog lines and the rest (commands print stdout between). */
export function splitKlogLines(text: string): { klog: string; rest: string } {
  const lines = text.split(/(?<=\n)/)
  let i = 0
  while (i < lines.length && /^[IWEF]\d{4} \d\d:\d\d:\d\d\.\d{6} +\d+ [^\]]+\] /.test(lines[i])) i++
  return { klog: lines.slice(0, i).join(''), rest: lines.slice(i).join('') }
}

/** Dots in a resource argument's type part: two or more make ParseResourceArg try resource.version.group too. */
function mapperCalls(typeArg: string): number {
  // mappingFor: KindFor through the shortcut expander (2 refreshes) for resource.version.group,
  // again for group.resource, then RESTMapping twice (1 each).
  return (typeArg.split('.').length >= 3 ? 2 : 0) + 4
}

/**
 * Failed refreshes for a resource Builder over `args` (get, describe, delete, label, scale ...).
 * TYPE/NAME arguments skip the category expander; TYPE[,TYPE...] [NAME...] expands each type
 * once (only when there is one type or no name), then maps the first type and fails there.
 */
export function builderDiscoveryAttempts(args: readonly string[]): number {
  if (args.length === 0) return 0
  const slashed = args.find((a) => a.includes('/'))
  if (slashed !== undefined) return mapperCalls(slashed.slice(0, slashed.indexOf('/')))
  const types = args[0].split(',')
  const expanded = args.length > 1 && types.length > 1 ? 0 : types.length
  return expanded + mapperCalls(types[0])
}

/**
 * How many "couldn't get current server API group list" lines kubectl 1.32 logs before giving up
 * on an unreachable server, by command path and arguments.
 */
export function discoveryAttemptsFor(path: readonly string[], args: readonly string[]): number {
  switch (path[0]) {
    case 'version':
    case 'top':
    case 'create':
      return 0
    case 'api-resources':
    case 'api-versions':
    case 'run':
      return 1
    case 'explain':
    case 'auth':
      return 2
    case 'cluster-info':
      // A Builder over "services" with a label selector.
      return builderDiscoveryAttempts(['services'])
    case 'logs':
    case 'exec':
    case 'attach':
    case 'port-forward':
      // The pod is looked up as pods/NAME (or the TYPE/NAME given).
      return builderDiscoveryAttempts([args[0]?.includes('/') ? args[0] : `pods/${args[0] ?? ''}`])
    default:
      return builderDiscoveryAttempts(args)
  }
}

// Each kubectl process gets its own pid. A Go program's threads take pids too, so consecutive
// kubectl runs on a quiet machine are a few apart (4 to 9 in the captures); Podlab steps by 7.
const FIRST_KUBECTL_PID = 2417
const PID_STEP = 7
const nextPid = new WeakMap<object, number>()
const pids = new WeakMap<object, number>()

/**
 * The pid klog prints for a kubectl process: fixed for the process, increasing per process on
 * the same host. Deterministic: it depends only on how many kubectl processes asked before.
 */
export function kubectlPid(proc: object, host: object): number {
  const known = pids.get(proc)
  if (known !== undefined) return known
  const pid = nextPid.get(host) ?? FIRST_KUBECTL_PID
  nextPid.set(host, pid + PID_STEP)
  pids.set(proc, pid)
  return pid
}
