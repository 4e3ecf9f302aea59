// `kubectl describe pod`.
// Mirrors: kubectl 1.32 pkg/describe/describe.go describePod, describePodIPs,
// describeTopologySpreadConstraints (PodDescriber.Describe does the fetching: the caller passes
// the pod's events, found by involvedObject uid/name/namespace).
// Dropped: the "Pod '<name>': error '<err>', but found events." output for a missing pod.

import { translateTimestampSince } from '../../../api/duration'
import { formatLabelSelector, sortedBy } from '../../../api/printers/helpers'
import type { Event, Pod } from '../../../api/types'
import type { ResourceRequirements, TopologySpreadConstraint } from 'kubernetes-types/core/v1'
import { describeContainers, describeResources, envValueRetriever } from './containers'
import {
  formatRFC1123Z,
  LEVEL_0,
  LEVEL_1,
  printAnnotationsMultiline,
  printController,
  printLabelsMultiline,
  printPodTolerationsMultiline,
  tabbedString,
  type PrefixWriter,
} from './describe'
import { describeEvents } from './events'
import { getPodQOS } from './qos'
import { describeVolumes } from './volumes'

function describePodIPs(pod: Pod, w: PrefixWriter, space: string): void {
  const ips = pod.status?.podIPs ?? []
  if (ips.length === 0) {
    w.write(LEVEL_0, `${space}IPs:\t<none>\n`)
    return
  }
  w.write(LEVEL_0, `${space}IPs:\n`)
  for (const ip of ips) w.write(LEVEL_1, `IP:\t${ip.ip}\n`)
}

/** describeTopologySpreadConstraints: one line per constraint, sorted by topologyKey. */
export function describeTopologySpreadConstraints(tscs: readonly TopologySpreadConstraint[] | undefined, w: PrefixWriter, space: string): void {
  if (!tscs || tscs.length === 0) return
  w.write(LEVEL_0, `${space}Topology Spread Constraints:\t`)
  sortedBy(tscs, (a, b) => a.topologyKey < b.topologyKey).forEach((tsc, i) => {
    if (i !== 0) {
      w.write(LEVEL_0, space)
      w.write(LEVEL_0, '\t')
    }
    w.write(LEVEL_0, `${tsc.topologyKey}:`)
    w.write(LEVEL_0, tsc.whenUnsatisfiable)
    w.write(LEVEL_0, ` when max skew ${tsc.maxSkew} is exceeded`)
    if (tsc.labelSelector) w.write(LEVEL_0, ` for selector ${formatLabelSelector(tsc.labelSelector)}`)
    w.write(LEVEL_0, '\n')
  })
}

/**
 * describePod: the whole `kubectl describe pod` text. `events` null means --show-events=false
 * (no Events section); an empty list prints "Events:  <none>".
 */
export function describePod(pod: Pod, events: readonly Event[] | null, nowMs: number): string {
  return tabbedString((w) => {
    const spec = pod.spec
    const status = pod.status ?? {}
    const meta = pod.metadata ?? {}
    w.write(LEVEL_0, `Name:\t${meta.name ?? ''}\n`)
    w.write(LEVEL_0, `Namespace:\t${meta.namespace ?? ''}\n`)
    if (spec?.priority !== undefined && spec.priority !== null) w.write(LEVEL_0, `Priority:\t${spec.priority}\n`)
    if (spec?.priorityClassName) w.write(LEVEL_0, `Priority Class Name:\t${spec.priorityClassName}\n`)
    if (spec?.runtimeClassName) w.write(LEVEL_0, `Runtime Class Name:\t${spec.runtimeClassName}\n`)
    if (spec?.serviceAccountName) w.write(LEVEL_0, `Service Account:\t${spec.serviceAccountName}\n`)
    if (!spec?.nodeName) w.write(LEVEL_0, 'Node:\t<none>\n')
    else w.write(LEVEL_0, `Node:\t${spec.nodeName}/${status.hostIP ?? ''}\n`)
    if (status.startTime) w.write(LEVEL_0, `Start Time:\t${formatRFC1123Z(status.startTime)}\n`)
    printLabelsMultiline(w, 'Labels', meta.labels)
    printAnnotationsMultiline(w, 'Annotations', meta.annotations)
    if (meta.deletionTimestamp && status.phase !== 'Failed' && status.phase !== 'Succeeded') {
      w.write(LEVEL_0, `Status:\tTerminating (lasts ${translateTimestampSince(meta.deletionTimestamp, nowMs)})\n`)
      w.write(LEVEL_0, `Termination Grace Period:\t${meta.deletionGracePeriodSeconds ?? 0}s\n`)
    } else {
      w.write(LEVEL_0, `Status:\t${status.phase ?? ''}\n`)
    }
    if (status.reason) w.write(LEVEL_0, `Reason:\t${status.reason}\n`)
    if (status.message) w.write(LEVEL_0, `Message:\t${status.message}\n`)
    const seccomp = spec?.securityContext?.seccompProfile
    if (seccomp) {
      w.write(LEVEL_0, `SeccompProfile:\t${seccomp.type}\n`)
      if (seccomp.type === 'Localhost') w.write(LEVEL_0, `LocalhostProfile:\t${seccomp.localhostProfile ?? ''}\n`)
    }
    // remove when .IP field is deprecated (upstream comment)
    w.write(LEVEL_0, `IP:\t${status.podIP ?? ''}\n`)
    describePodIPs(pod, w, '')
    const controlledBy = printController(meta)
    if (controlledBy) w.write(LEVEL_0, `Controlled By:\t${controlledBy}\n`)
    if (status.nominatedNodeName) w.write(LEVEL_0, `NominatedNodeName:\t${status.nominatedNodeName}\n`)

    // Pod-level resources (spec.resources), printed only when set.
    const podResources = (spec as { resources?: ResourceRequirements } | undefined)?.resources
    if (podResources) {
      w.write(LEVEL_0, 'Resources:\n')
      describeResources(podResources, w, LEVEL_1)
    }

    const resolver = envValueRetriever(pod)
    if ((spec?.initContainers ?? []).length > 0) {
      describeContainers('Init Containers', spec?.initContainers ?? [], status.initContainerStatuses, resolver, w, '')
    }
    describeContainers('Containers', spec?.containers ?? [], status.containerStatuses, resolver, w, '')
    if ((spec?.ephemeralContainers ?? []).length > 0) {
      describeContainers('Ephemeral Containers', spec?.ephemeralContainers ?? [], status.ephemeralContainerStatuses, resolver, w, '')
    }
    const gates = spec?.readinessGates ?? []
    if (gates.length > 0) {
      w.write(LEVEL_0, 'Readiness Gates:\n  Type\tStatus\n')
      for (const g of gates) {
        const c = (status.conditions ?? []).find((x) => x.type === g.conditionType)
        w.write(LEVEL_1, `${g.conditionType} \t${c ? c.status : '<none>'} \n`)
      }
    }
    const conditions = status.conditions ?? []
    if (conditions.length > 0) {
      w.write(LEVEL_0, 'Conditions:\n  Type\tStatus\n')
      for (const c of conditions) w.write(LEVEL_1, `${c.type} \t${c.status} \n`)
    }
    describeVolumes(spec?.volumes, w, '')
    w.write(LEVEL_0, `QoS Class:\t${getPodQOS(pod)}\n`)
    printLabelsMultiline(w, 'Node-Selectors', spec?.nodeSelector)
    printPodTolerationsMultiline(w, 'Tolerations', spec?.tolerations)
    describeTopologySpreadConstraints(spec?.topologySpreadConstraints, w, '')
    if (events) describeEvents(events, nowMs, w)
  })
}
