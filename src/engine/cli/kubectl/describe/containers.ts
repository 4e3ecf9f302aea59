// The container blocks of `kubectl describe pod` (and of pod templates): image, ports, command,
// state, last state, resources, probes, environment and mounts.
// Mirrors: kubectl pkg/describe/describe.go describeContainers, describeContainersLabel,
// describeContainerBasicInfo, describeContainerPorts/HostPorts, describeContainerCommand,
// describeResources, describeContainerState, describeStatus, describeContainerProbe,
// DescribeProbe, describeContainerEnvVars, describeContainerEnvFrom, describeContainerVolumes,
// and EnvValueRetriever.
// Kept: an env var's fieldRef resolves only for metadata.name and metadata.namespace, because
// kubectl's scheme registers no field-label conversions for Pods (so `status.podIP` prints
// empty, as in the facts capture).

import { quantityString, parseQuantity } from '../../../api/quantity'
import type { Container, ContainerState, ContainerStatus, EnvVar, Pod } from '../../../api/types'
import type { Probe, ResourceRequirements } from 'kubernetes-types/core/v1'
import { compareGoStrings, sortedBy } from '../../../api/printers/helpers'
import { formatRFC1123Z, LEVEL_0, LEVEL_1, LEVEL_2, LEVEL_3, printBool, sortedResourceNames, stringOrNone, type PrefixWriter } from './describe'
import { extractContainerResourceValue } from './resourceHelper'

/** EnvVarResolverFunc: the value of a fieldRef env var, "" when kubectl cannot resolve it. */
export type EnvVarResolver = (e: EnvVar) => string

/** EnvValueRetriever: only the metadata field selectors kubectl's scheme can convert. */
export function envValueRetriever(pod: Pod): EnvVarResolver {
  return (e) => {
    const apiVersion = e.valueFrom?.fieldRef?.apiVersion ?? ''
    if (apiVersion !== '' && apiVersion !== 'v1' && !/^[^/]+\/[^/]+$/.test(apiVersion)) return ''
    switch (e.valueFrom?.fieldRef?.fieldPath) {
      case 'metadata.name':
        return pod.metadata?.name ?? ''
      case 'metadata.namespace':
        return pod.metadata?.namespace ?? ''
      default:
        return ''
    }
  }
}

function describeContainersLabel(containers: readonly Container[], label: string, space: string, w: PrefixWriter): void {
  const none = containers.length === 0 ? ' <none>' : ''
  w.write(LEVEL_0, `${space}${label}:${none}\n`)
}

function describeContainerPorts(container: Container): string {
  return (container.ports ?? []).map((p) => `${p.containerPort}/${p.protocol ?? ''}`).join(', ')
}

function describeContainerHostPorts(container: Container): string {
  return (container.ports ?? []).map((p) => `${p.hostPort ?? 0}/${p.protocol ?? ''}`).join(', ')
}

function describeContainerBasicInfo(container: Container, status: ContainerStatus | undefined, space: string, w: PrefixWriter): void {
  const nameIndent = space.length > 0 ? ' ' : ''
  w.write(LEVEL_1, `${nameIndent}${container.name}:\n`)
  if (status) w.write(LEVEL_2, `Container ID:\t${status.containerID ?? ''}\n`)
  w.write(LEVEL_2, `Image:\t${container.image ?? ''}\n`)
  if (status) w.write(LEVEL_2, `Image ID:\t${status.imageID ?? ''}\n`)
  const portString = describeContainerPorts(container)
  if (portString.includes(',')) w.write(LEVEL_2, `Ports:\t${portString}\n`)
  else w.write(LEVEL_2, `Port:\t${stringOrNone(portString)}\n`)
  const hostPortString = describeContainerHostPorts(container)
  if (hostPortString.includes(',')) w.write(LEVEL_2, `Host Ports:\t${hostPortString}\n`)
  else w.write(LEVEL_2, `Host Port:\t${stringOrNone(hostPortString)}\n`)
  const seccomp = container.securityContext?.seccompProfile
  if (seccomp) {
    w.write(LEVEL_2, `SeccompProfile:\t${seccomp.type}\n`)
    if (seccomp.type === 'Localhost') w.write(LEVEL_3, `LocalhostProfile:\t${seccomp.localhostProfile ?? ''}\n`)
  }
}

function describeContainerCommand(container: Container, w: PrefixWriter): void {
  if ((container.command ?? []).length > 0) {
    w.write(LEVEL_2, 'Command:\n')
    for (const c of container.command ?? []) for (const s of c.split('\n')) w.write(LEVEL_3, `${s}\n`)
  }
  if ((container.args ?? []).length > 0) {
    w.write(LEVEL_2, 'Args:\n')
    for (const arg of container.args ?? []) for (const s of arg.split('\n')) w.write(LEVEL_3, `${s}\n`)
  }
}

/** describeResources: Limits then Requests, resource names sorted. */
export function describeResources(resources: ResourceRequirements | undefined, w: PrefixWriter, level: number): void {
  if (!resources) return
  const limits = resources.limits ?? {}
  if (Object.keys(limits).length > 0) w.write(level, 'Limits:\n')
  for (const name of sortedResourceNames(limits)) w.write(level + 1, `${name}:\t${quantityString(parseQuantity(limits[name]))}\n`)
  const requests = resources.requests ?? {}
  if (Object.keys(requests).length > 0) w.write(level, 'Requests:\n')
  for (const name of sortedResourceNames(requests)) w.write(level + 1, `${name}:\t${quantityString(parseQuantity(requests[name]))}\n`)
}

/** describeStatus: Running / Waiting / Terminated with their details. */
export function describeStatus(stateName: string, state: ContainerState | undefined, w: PrefixWriter): void {
  if (state?.running) {
    w.write(LEVEL_2, `${stateName}:\tRunning\n`)
    w.write(LEVEL_3, `Started:\t${formatRFC1123Z(state.running.startedAt)}\n`)
  } else if (state?.waiting) {
    w.write(LEVEL_2, `${stateName}:\tWaiting\n`)
    if (state.waiting.reason) w.write(LEVEL_3, `Reason:\t${state.waiting.reason}\n`)
  } else if (state?.terminated) {
    const t = state.terminated
    w.write(LEVEL_2, `${stateName}:\tTerminated\n`)
    if (t.reason) w.write(LEVEL_3, `Reason:\t${t.reason}\n`)
    if (t.message) w.write(LEVEL_3, `Message:\t${t.message}\n`)
    w.write(LEVEL_3, `Exit Code:\t${t.exitCode}\n`)
    if ((t.signal ?? 0) > 0) w.write(LEVEL_3, `Signal:\t${t.signal}\n`)
    w.write(LEVEL_3, `Started:\t${formatRFC1123Z(t.startedAt)}\n`)
    w.write(LEVEL_3, `Finished:\t${formatRFC1123Z(t.finishedAt)}\n`)
  } else {
    w.write(LEVEL_2, `${stateName}:\tWaiting\n`)
  }
}

function describeContainerState(status: ContainerStatus, w: PrefixWriter): void {
  describeStatus('State', status.state, w)
  if (status.lastState?.terminated) describeStatus('Last State', status.lastState, w)
  w.write(LEVEL_2, `Ready:\t${printBool(status.ready)}\n`)
  w.write(LEVEL_2, `Restart Count:\t${status.restartCount ?? 0}\n`)
}

/** url.URL{Scheme, Host, Path}.String() for the probe URLs. */
function urlString(scheme: string, host: string, path: string): string {
  let out = ''
  if (scheme) out += scheme + ':'
  if (scheme || host) {
    if (host || path) out += '//'
    out += host
  }
  const escaped = path.replace(/[^A-Za-z0-9\-._~$&+,/:;=@]/gu, (ch) =>
    [...utf8Bytes(ch)].map((b) => '%' + b.toString(16).toUpperCase().padStart(2, '0')).join(''),
  )
  if (escaped && !escaped.startsWith('/') && host) out += '/'
  return out + escaped
}

function utf8Bytes(ch: string): number[] {
  const c = ch.codePointAt(0)!
  if (c < 0x80) return [c]
  if (c < 0x800) return [0xc0 | (c >> 6), 0x80 | (c & 63)]
  if (c < 0x10000) return [0xe0 | (c >> 12), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63)]
  return [0xf0 | (c >> 18), 0x80 | ((c >> 12) & 63), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63)]
}

/** DescribeProbe: "http-get http://:8080/healthz delay=3s timeout=1s period=3s #success=1 #failure=3". */
export function describeProbe(probe: Probe): string {
  const attrs = `delay=${probe.initialDelaySeconds ?? 0}s timeout=${probe.timeoutSeconds ?? 0}s period=${probe.periodSeconds ?? 0}s #success=${probe.successThreshold ?? 0} #failure=${probe.failureThreshold ?? 0}`
  if (probe.exec) return `exec [${(probe.exec.command ?? []).join(' ')}] ${attrs}`
  if (probe.httpGet) {
    const port = String(probe.httpGet.port ?? '')
    const host = probe.httpGet.host ?? ''
    const hostPort = port.length > 0 ? (host.includes(':') ? `[${host}]:${port}` : `${host}:${port}`) : host
    return `http-get ${urlString((probe.httpGet.scheme ?? '').toLowerCase(), hostPort, probe.httpGet.path ?? '')} ${attrs}`
  }
  if (probe.tcpSocket) return `tcp-socket ${probe.tcpSocket.host ?? ''}:${String(probe.tcpSocket.port ?? '')} ${attrs}`
  if (probe.grpc) return `grpc <pod>:${probe.grpc.port} ${probe.grpc.service ?? ''} ${attrs}`
  return `unknown ${attrs}`
}

function describeContainerProbe(container: Container, w: PrefixWriter): void {
  if (container.livenessProbe) w.write(LEVEL_2, `Liveness:\t${describeProbe(container.livenessProbe)}\n`)
  if (container.readinessProbe) w.write(LEVEL_2, `Readiness:\t${describeProbe(container.readinessProbe)}\n`)
  if (container.startupProbe) w.write(LEVEL_2, `Startup:\t${describeProbe(container.startupProbe)}\n`)
}

function describeContainerEnvFrom(container: Container, w: PrefixWriter): void {
  const envFrom = container.envFrom ?? []
  w.write(LEVEL_2, `Environment Variables from:${envFrom.length === 0 ? '\t<none>' : ''}\n`)
  for (const e of envFrom) {
    let from = ''
    let name = ''
    let optional = false
    if (e.configMapRef) {
      from = 'ConfigMap'
      name = e.configMapRef.name ?? ''
      optional = e.configMapRef.optional === true
    } else if (e.secretRef) {
      from = 'Secret'
      name = e.secretRef.name ?? ''
      optional = e.secretRef.optional === true
    }
    if (!e.prefix) w.write(LEVEL_3, `${name}\t${from}\tOptional: ${optional}\n`)
    else w.write(LEVEL_3, `${name}\t${from} with prefix '${e.prefix}'\tOptional: ${optional}\n`)
  }
}

function describeContainerEnvVars(container: Container, resolver: EnvVarResolver | undefined, w: PrefixWriter): void {
  const env = container.env ?? []
  w.write(LEVEL_2, `Environment:${env.length === 0 ? '\t<none>' : ''}\n`)
  for (const e of env) {
    const from = e.valueFrom
    if (!from) {
      ;(e.value ?? '').split('\n').forEach((s, i) => {
        if (i === 0) w.write(LEVEL_3, `${e.name}:\t${s}\n`)
        else w.write(LEVEL_3, `\t${s}\n`)
      })
      continue
    }
    if (from.fieldRef) {
      const value = resolver ? resolver(e) : ''
      w.write(LEVEL_3, `${e.name}:\t${value} (${from.fieldRef.apiVersion ?? ''}:${from.fieldRef.fieldPath})\n`)
    } else if (from.resourceFieldRef) {
      let value = extractContainerResourceValue(
        { resource: from.resourceFieldRef.resource, divisor: from.resourceFieldRef.divisor },
        container,
      ) ?? ''
      const resource = from.resourceFieldRef.resource
      if (value === '0' && (resource === 'limits.cpu' || resource === 'limits.memory')) value = 'node allocatable'
      w.write(LEVEL_3, `${e.name}:\t${value} (${resource})\n`)
    } else if (from.secretKeyRef) {
      const optional = from.secretKeyRef.optional === true
      w.write(LEVEL_3, `${e.name}:\t<set to the key '${from.secretKeyRef.key}' in secret '${from.secretKeyRef.name ?? ''}'>\tOptional: ${optional}\n`)
    } else if (from.configMapKeyRef) {
      const optional = from.configMapKeyRef.optional === true
      w.write(LEVEL_3, `${e.name}:\t<set to the key '${from.configMapKeyRef.key}' of config map '${from.configMapKeyRef.name ?? ''}'>\tOptional: ${optional}\n`)
    }
  }
}

/** Go's %q for the ASCII strings a subPath holds. */
function goQuote(s: string): string {
  return JSON.stringify(s)
}

function describeContainerVolumes(container: Container, w: PrefixWriter): void {
  const mounts = container.volumeMounts ?? []
  const none = mounts.length === 0 ? '\t<none>' : ''
  w.write(LEVEL_2, `Mounts:${none}\n`)
  for (const mount of sortedBy(mounts, (a, b) => compareGoStrings(a.mountPath, b.mountPath) < 0)) {
    const flags = [mount.readOnly ? 'ro' : 'rw']
    if (mount.subPath) flags.push(`path=${goQuote(mount.subPath)}`)
    w.write(LEVEL_3, `${mount.mountPath} from ${mount.name} (${flags.join(',')})\n`)
  }
  const devices = container.volumeDevices ?? []
  if (devices.length > 0) {
    w.write(LEVEL_2, `Devices:${none}\n`)
    for (const d of sortedBy(devices, (a, b) => compareGoStrings(a.devicePath, b.devicePath) < 0)) {
      w.write(LEVEL_3, `${d.devicePath} from ${d.name}\n`)
    }
  }
}

/**
 * describeContainers: "Containers:" (or "Init Containers:", or with `space` "  Containers:"
 * inside a pod template) and one block per container; statuses are matched by name.
 */
export function describeContainers(
  label: string,
  containers: readonly Container[],
  statuses: readonly ContainerStatus[] | undefined,
  resolver: EnvVarResolver | undefined,
  w: PrefixWriter,
  space: string,
): void {
  const byName = new Map((statuses ?? []).map((s) => [s.name, s]))
  describeContainersLabel(containers, label, space, w)
  for (const container of containers) {
    const status = byName.get(container.name)
    describeContainerBasicInfo(container, status, space, w)
    describeContainerCommand(container, w)
    if (status) describeContainerState(status, w)
    describeResources(container.resources ?? {}, w, LEVEL_2)
    describeContainerProbe(container, w)
    if ((container.envFrom ?? []).length > 0) describeContainerEnvFrom(container, w)
    describeContainerEnvVars(container, resolver, w)
    describeContainerVolumes(container, w)
  }
}
