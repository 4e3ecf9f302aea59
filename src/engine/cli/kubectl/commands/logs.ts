// `kubectl logs`: print a container's log, once or following it until Ctrl-C.
// Mirrors: k8s.io/kubectl pkg/cmd/logs/logs.go v0.32 (LogsOptions.Complete, ToLogOptions,
// Validate, RunLogs, sequentialConsumeRequest, parallelConsumeRequest, DefaultConsumeRequest,
// addPrefixIfNeeded) and pkg/polymorphichelpers (see logsForObject.ts; GetFirstPod in helpers.go,
// which waits up to --pod-running-timeout for a workload's first pod).
// Left out, answered as not simulated: --all-pods, --since-time and --limit-bytes (the simulated
// kubelet does not implement the sinceTime and limitBytes log options, so passing them on
// would print logs the real one never would).

import { StatusError, usageError } from '../../../api/errors'
import { goSort } from '../../../api/printers/goSort'
import type { KubeObject, Pod, Status } from '../../../api/types'
import { Client } from '../../../client/client'
import { KubectlExit, type Factory } from '../factory'
import { runGuarded } from '../kubectl'
import type { KubectlCommand } from './index'
import { parseResourceArgs } from './resourceArgs'
import {
  byLogging,
  cannotGetLogsError,
  logQuery,
  podLogRequests,
  selectorsForObject,
  type LogRequest,
  type PodLogOptions,
} from './logsForObject'

const LOGS_USAGE = "logs [-f] [-p] (POD | TYPE/NAME) [-c CONTAINER]"
const LOGS_USAGE_ERR = `expected '${LOGS_USAGE}'.\nPOD or TYPE/NAME is a required argument for the logs command`
/** selectorTail: -l shows the last 10 lines of each container unless --tail says otherwise. */
const SELECTOR_TAIL = 10

interface LogsOptions {
  namespace: string
  resourceArg: string
  selector: string
  allContainers: boolean
  follow: boolean
  prefix: boolean
  ignoreErrors: boolean
  maxFollowConcurrency: number
  podRunningTimeoutMs: number
  options: PodLogOptions
}

/** Go's time.Duration.Round(time.Second) in seconds: halves round away from zero. */
function roundSeconds(ns: number): number {
  const s = ns / 1e9
  return s < 0 ? -Math.round(-s) : Math.round(s)
}

/** Complete + ToLogOptions + Validate: the options, or kubectl's error for them. */
function completeLogs(f: Factory): LogsOptions {
  const args = f.cmd.args
  const selector = f.str('selector')
  let container = f.str('container')
  let resourceArg = ''
  switch (args.length) {
    case 0:
      if (selector.length === 0) f.fail(usageError('kubectl logs', LOGS_USAGE_ERR))
      break
    case 1:
      resourceArg = args[0]!
      if (selector.length !== 0) f.fail(usageError('kubectl logs', 'only a selector (-l) or a POD name is allowed'))
      break
    case 2:
      resourceArg = args[0]!
      container = args[1]!
      break
    default:
      f.fail(usageError('kubectl logs', LOGS_USAGE_ERR))
  }
  const allPods = f.bool('all-pods')
  const { namespace } = f.namespace()
  const podRunningTimeoutNs = f.int('pod-running-timeout')
  if (podRunningTimeoutNs <= 0) f.fail('--pod-running-timeout must be higher than zero')
  for (const flag of ['since-time', 'limit-bytes']) {
    if (f.changed(flag)) throw new KubectlExit(`error: kubectl logs --${flag} is not simulated by Podlab yet\n`, 1)
  }
  if (allPods) throw new KubectlExit('error: kubectl logs --all-pods is not simulated by Podlab yet\n', 1)

  const tail = f.int('tail')
  const sinceNs = f.int('since')
  const options: PodLogOptions = {
    container,
    follow: f.bool('follow'),
    previous: f.bool('previous'),
    timestamps: f.bool('timestamps'),
    insecureSkipTLSVerifyBackend: f.bool('insecure-skip-tls-verify-backend'),
  }
  if (sinceNs !== 0) options.sinceSeconds = roundSeconds(sinceNs)
  if (selector.length > 0 && tail === -1 && !f.changed('tail')) options.tailLines = SELECTOR_TAIL
  else if (tail !== -1) options.tailLines = tail

  // Validate.
  const allContainers = f.bool('all-containers')
  if (allContainers && options.container.length > 0) f.fail(`--all-containers=true should not be specified with container name ${options.container}`)
  if (f.changed('container') && args.length === 2) f.fail('only one of -c or an inline [CONTAINER] arg is allowed')
  if (options.sinceSeconds !== undefined && options.sinceSeconds < 0) f.fail('--since must be greater than 0')
  if (options.tailLines !== undefined && options.tailLines < -1) f.fail('--tail must be greater than or equal to -1')

  return {
    namespace,
    resourceArg,
    selector,
    allContainers,
    follow: options.follow,
    prefix: f.bool('prefix'),
    ignoreErrors: f.bool('ignore-errors'),
    maxFollowConcurrency: f.int('max-log-requests'),
    podRunningTimeoutMs: podRunningTimeoutNs / 1e6,
    options,
  }
}

/**
 * The builder in Complete: the pod (or workload) the argument names, or the pods -l selects.
 * A missing object's NotFound is reworded with the namespace, as kubectl 1.32 does.
 */
function logsObject(f: Factory, client: Client, o: LogsOptions): KubeObject | Pod[] {
  if (o.selector !== '') {
    let pods: Pod[]
    try {
      pods = client.list<Pod>('pods', o.namespace, { labelSelector: o.selector }).items
    } catch (e) {
      if (e instanceof StatusError) f.fail(e)
      throw e
    }
    if (pods.length === 0) f.p.err(`No resources found in ${o.namespace} namespace.\n`)
    return pods
  }
  const arg = o.resourceArg
  let typed = `pods/${arg}`
  if (arg.includes('/')) {
    if (arg.split('/').length !== 2) f.fail('arguments in resource/name form may not have more than one slash')
    typed = arg
  }
  const parsed = parseResourceArgs([typed])
  if (!parsed.ok) f.fail(parsed.error)
  const { info, names } = parsed.requests[0]!
  try {
    return client.get(info.resource, info.namespaced ? o.namespace : undefined, names[0]!)
  } catch (e) {
    if (!(e instanceof StatusError)) throw e
    if (e.status.reason === 'NotFound') f.fail(`error from server (NotFound): ${e.status.message ?? ''} in namespace "${o.namespace}"`)
    f.fail(e)
  }
}

/** What kubectl writes to stderr while choosing containers ("Defaulted container ..."). */
function requestsForPods(f: Factory, pods: readonly Pod[], o: LogsOptions): LogRequest[] {
  const requests: LogRequest[] = []
  for (const pod of pods) {
    const r = podLogRequests(pod, o.options, o.allContainers, (text) => f.p.err(text))
    if (!r.ok) f.fail(r.error)
    requests.push(...r.requests)
  }
  return requests
}

/**
 * GetFirstPod: the workload's pods sorted ByLogging, the first one (saying so when there were
 * several); with none yet, the first pod a watch sees, or "timed out waiting for the condition"
 * after --pod-running-timeout.
 */
function firstPod(f: Factory, client: Client, obj: KubeObject, o: LogsOptions, then: (pod: Pod) => void): void {
  const sel = selectorsForObject(obj)
  if (!sel.ok) f.fail(cannotGetLogsError(obj, sel.error))
  let list
  try {
    list = client.list<Pod>('pods', sel.namespace, { labelSelector: sel.selector })
  } catch (e) {
    if (e instanceof StatusError) f.fail(e)
    throw e
  }
  if (list.items.length > 0) {
    const sorted = goSort(list.items, byLogging)
    if (list.items.length > 1) f.p.err(`Found ${list.items.length} pods, using pod/${sorted[0]!.metadata?.name ?? ''}\n`)
    return then(sorted[0]!)
  }
  let done = false
  const handle = client.watch('pods', sel.namespace, { labelSelector: sel.selector, resourceVersion: list.metadata?.resourceVersion }, (e) => {
    if (done || (e.type !== 'ADDED' && e.type !== 'MODIFIED')) return
    done = true
    handle.stop()
    runGuarded(f.p, () => then(e.object as Pod))
  })
  if (handle.code !== 200) f.fail(handle.error)
  f.p.defer(() => handle.stop())
  f.p.timer(o.podRunningTimeoutMs, () => {
    if (done) return
    done = true
    handle.stop()
    runGuarded(f.p, () => f.fail('timed out waiting for the condition'))
  })
}

/** The pod log path: /api/v1/namespaces/<ns>/pods/<name>/log. */
function logPath(r: LogRequest): string {
  return Client.path('pods', r.namespace, r.podName, 'log')
}

/** addPrefixIfNeeded: `[pod/<pod>/<container>] ` before each line with --prefix. */
function linePrefix(o: LogsOptions, r: LogRequest): string {
  if (!o.prefix || r.fieldPath === '' || r.podName === '') return ''
  const m = /spec\.(?:initContainers|containers|ephemeralContainers)\{(.+)\}/.exec(r.fieldPath)
  return `[pod/${r.podName}/${m ? m[1] : ''}] `
}

/** DefaultConsumeRequest's writes: one per line (the last one may lack its newline). */
function prefixLines(text: string, prefix: string): string {
  if (prefix === '' || text === '') return text
  return text.replace(/[^\n]*\n|[^\n]+$/g, (line) => prefix + line)
}

/** The error text kubectl prints for a failed stream with --ignore-errors (err.Error()). */
function errorString(err: Status): string {
  return err.message ?? ''
}

/** sequentialConsumeRequest without --follow: each stream's whole log in turn. */
function consumeSequentially(f: Factory, client: Client, o: LogsOptions, requests: readonly LogRequest[]): void {
  for (const r of requests) {
    const res = client.request({ method: 'GET', path: logPath(r), query: logQuery(r.options) })
    if (res.code >= 400) {
      if (!o.ignoreErrors) f.fail(res.body as Status)
      f.p.out(`error: ${errorString(res.body as Status)}\n`)
      continue
    }
    f.p.out(prefixLines(String(res.body ?? ''), linePrefix(o, r)))
  }
  f.p.exit(0)
}

/**
 * Following: each stream is written line by line as bufio's ReadBytes('\n') hands lines over (a
 * partial line waits for its end, or for the stream's end); kubectl returns, exit 0, once every
 * stream has closed (the containers exited), or on Ctrl-C.
 */
function consumeFollowing(f: Factory, client: Client, o: LogsOptions, requests: readonly LogRequest[]): void {
  if (requests.length > 1 && requests.length > o.maxFollowConcurrency) {
    f.fail(
      `you are attempting to follow ${requests.length} log streams, but maximum allowed concurrency is ${o.maxFollowConcurrency}, use --max-log-requests to increase the limit`,
    )
  }
  f.p.mode = 'stream'
  // Ctrl-C ends `kubectl logs -f` with exit code 1 (measured against kubectl 1.32), not 130.
  f.p.onInterrupt(() => f.p.exit(1))
  let open = requests.length
  let started = false
  const closed = () => {
    open--
    if (open === 0 && started) f.p.exit(0)
  }
  for (const r of requests) {
    const prefix = linePrefix(o, r)
    let pending = ''
    const handle = client.followLogs(
      logPath(r),
      logQuery(r.options),
      (chunk) => {
        pending += chunk
        const end = pending.lastIndexOf('\n')
        if (end < 0) return
        f.p.out(prefixLines(pending.slice(0, end + 1), prefix))
        pending = pending.slice(end + 1)
      },
      () =>
        runGuarded(f.p, () => {
          // At EOF DefaultConsumeRequest writes what is left of the last line.
          if (pending) f.p.out(prefixLines(pending, prefix))
          pending = ''
          closed()
        }),
    )
    if (handle.code !== 200) {
      open--
      const err = handle.error as Status
      // One stream of several failing ends them all, unless errors are ignored.
      if (!o.ignoreErrors) f.fail(err)
      f.p.out(`error: ${errorString(err)}\n`)
      continue
    }
    f.p.defer(() => handle.stop())
  }
  started = true
  // Streams that closed as they opened (containers already exited).
  if (open === 0) f.p.exit(0)
}

function runLogs(f: Factory): void {
  const o = completeLogs(f)
  const client = f.client()
  const obj = logsObject(f, client, o)
  const consume = (requests: LogRequest[]) => {
    if (o.follow) return consumeFollowing(f, client, o, requests)
    consumeSequentially(f, client, o, requests)
  }
  if (Array.isArray(obj)) return consume(requestsForPods(f, obj, o))
  if (obj.kind === 'Pod') return consume(requestsForPods(f, [obj as Pod], o))
  firstPod(f, client, obj, o, (pod) => consume(requestsForPods(f, [pod], o)))
}

export const logsCommands: Record<string, KubectlCommand> = {
  logs: runLogs,
}
