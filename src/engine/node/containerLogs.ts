// Pure: which container's log a pods/log request reads, the errors when there is none, and the
// log text as the kubelet serves it.
// Mirrors pkg/registry/core/pod/strategy.go (LogLocation's validateContainer: the apiserver picks
// or checks the container before it proxies to the kubelet), pkg/kubelet/kubelet_pods.go
// (validateContainerLogStatus: the container ID the status points at, or why there is none) and
// pkg/kubelet/kuberuntime/logs (ReadLogs: sinceSeconds, tailLines and timestamps over the CRI log
// entries; every entry carries its RFC3339Nano time, printed before the line with timestamps).
// Left out: sinceTime and limitBytes (kubectl's logs command does not pass them on yet), the
// partial-line ("P") entries of the CRI log format (a write without a newline is one entry).

import type { ContainerStatus, Pod, PodStatus } from '../api/types'

export interface LogLine {
  /** Virtual epoch ms the runtime received the line. */
  time: number
  stream: 'stdout' | 'stderr'
  text: string
}

/** The PodLogOptions the kubelet reads from the request's query. */
export interface LogQuery {
  container?: string
  previous?: string
  timestamps?: string
  sinceSeconds?: string
  tailLines?: string
  follow?: string
}

/** An error with the text the kubelet (or the apiserver's LogLocation) answers with a 400. */
export class LogRequestError extends Error {}

/** Every container name in podutil.VisitContainers order: init containers, containers, ephemeral containers. */
function allContainerNames(pod: Pod): string[] {
  return [
    ...(pod.spec?.initContainers ?? []).map((c) => c.name),
    ...(pod.spec?.containers ?? []).map((c) => c.name),
    ...(pod.spec?.ephemeralContainers ?? []).map((c) => c.name),
  ]
}

/** validateContainer (registry LogLocation): the container a request without `container` means, or the error. */
export function validateContainer(container: string | undefined, pod: Pod): string {
  const name = pod.metadata?.name ?? ''
  if (!container) {
    const containers = pod.spec?.containers ?? []
    if (containers.length === 1) return containers[0].name
    if (containers.length === 0) throw new LogRequestError(`a container name must be specified for pod ${name}`)
    throw new LogRequestError(`a container name must be specified for pod ${name}, choose one of: [${allContainerNames(pod).join(' ')}]`)
  }
  if (!allContainerNames(pod).includes(container)) throw new LogRequestError(`container ${container} is not valid for pod ${name}`)
  return container
}

/**
 * validateContainerLogStatus: the ID of the container whose log to read (the running one, the
 * last terminated one, or with `previous` the one before), or the kubelet's error saying why
 * there is no log yet.
 */
export function validateContainerLogStatus(podName: string, status: PodStatus | undefined, containerName: string, previous: boolean): string {
  const find = (list: ContainerStatus[] | undefined) => list?.find((s) => s.name === containerName)
  const cs = find(status?.containerStatuses) ?? find(status?.initContainerStatuses) ?? find(status?.ephemeralContainerStatuses)
  const which = `container "${containerName}" in pod "${podName}"`
  if (!cs) throw new LogRequestError(`${which} is not available`)
  const last = cs.lastState?.terminated
  const { waiting, running, terminated } = cs.state ?? {}
  if (previous) {
    if (!last?.containerID) throw new LogRequestError(`previous terminated ${which} not found`)
    return last.containerID
  }
  if (running) return cs.containerID ?? ''
  if (terminated) {
    // When the next container did not start, terminated.containerID is empty: the last one's log.
    if (terminated.containerID) return terminated.containerID
    if (last?.containerID) return last.containerID
    throw new LogRequestError(`${which} is terminated`)
  }
  if (last) {
    if (!last.containerID) throw new LogRequestError(`${which} is terminated`)
    return last.containerID
  }
  if (waiting) {
    switch (waiting.reason) {
      case 'ErrImagePull':
        throw new LogRequestError(`${which} is waiting to start: image can't be pulled`)
      case 'ImagePullBackOff':
        throw new LogRequestError(`${which} is waiting to start: trying and failing to pull image`)
      default:
        throw new LogRequestError(`${which} is waiting to start: ${waiting.reason ?? ''}`)
    }
  }
  throw new LogRequestError(`${which} is waiting to start - no logs yet`)
}

/** A CRI log entry's time as ReadLogs prints it with timestamps: RFC3339Nano, nanoseconds kept to 9 digits. */
export function logTimestamp(ms: number): string {
  return new Date(ms).toISOString().replace(/\.(\d{3})Z$/, '.$1000000Z')
}

/** One entry as written to the client: `<time> <text>\n` with timestamps, else `<text>\n`. */
export function formatLogLine(line: LogLine, query: LogQuery): string {
  return (query.timestamps === 'true' ? `${logTimestamp(line.time)} ` : '') + line.text + '\n'
}

/** ReadLogs over a whole log: entries newer than sinceSeconds, the last tailLines of them, formatted. */
export function readLogs(lines: readonly LogLine[], query: LogQuery, nowMs: number): string {
  let out = lines
  if (query.sinceSeconds !== undefined) {
    const since = nowMs - Number(query.sinceSeconds) * 1000
    out = out.filter((l) => l.time >= since)
  }
  if (query.tailLines !== undefined && Number(query.tailLines) >= 0) out = out.slice(Math.max(0, out.length - Number(query.tailLines)))
  return out.map((l) => formatLogLine(l, query)).join('')
}
