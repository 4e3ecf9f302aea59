// Validation of a Pod status update (PUT/PATCH pods/<name>/status, what kubelets and the
// scheduler send): metadata rules, custom condition types, spec.nodeName untouched, no
// terminated container coming back to life under restartPolicy Never/OnFailure, valid pod and
// host IPs.
// Mirrors: kubernetes pkg/apis/core/validation/validation.go at 1.32 (ValidatePodStatusUpdate,
// validatePodConditions, ValidateContainerStateTransition, ValidateInitContainerStateTransition,
// validatePodIPs, validateHostIPs) and k8s.io/apimachinery pkg/util/validation/ip.go (IsValidIP).
// Left out: resource-claim statuses (no DRA here), container status users
// (SupplementalGroupsPolicy, alpha in 1.32), and the InternalError netutils adds when a list of
// several IPs holds an unparsable one (its wording is not reproduced; IsValidIP's error is).

import type { ContainerStatus, Pod } from '../types'
import { forbidden, goQuote, goRepr, invalid, newPath, type FieldError, type FieldPath } from './field'
import { isQualifiedName, nameIsDNSSubdomain } from './names'
import { validateCoreObjectMetaUpdate } from './objectMeta'
import { validatePodSpecificAnnotationUpdates, type PodValidationOptions } from './pod'

/** The condition types the system owns; any other must be a qualified name. */
const SYSTEM_CONDITIONS = new Set(['PodScheduled', 'Ready', 'Initialized'])

function validatePodConditions(conditions: readonly { type?: string }[] | undefined, fldPath: FieldPath): FieldError[] {
  const errs: FieldError[] = []
  ;(conditions ?? []).forEach((c, i) => {
    const type = c.type ?? ''
    if (SYSTEM_CONDITIONS.has(type)) return
    // ValidateQualifiedName, with upstream's capitalised `Type` segment.
    for (const msg of isQualifiedName(type)) errs.push(invalid(fldPath.index(i).child('Type'), type, msg))
  })
  return errs
}

/** ValidateContainerStateTransition: terminated containers stay terminated unless restartPolicy allows. */
export function validateContainerStateTransition(
  newStatuses: readonly ContainerStatus[] | undefined,
  oldStatuses: readonly ContainerStatus[] | undefined,
  fldPath: FieldPath,
  restartPolicy: string | undefined,
): FieldError[] {
  if (restartPolicy === 'Always') return []
  const errs: FieldError[] = []
  ;(oldStatuses ?? []).forEach((old, i) => {
    const terminated = old.state?.terminated
    if (!terminated) return
    if ((terminated.exitCode ?? 0) !== 0 && restartPolicy === 'OnFailure') return
    for (const cur of newStatuses ?? []) {
      if (old.name === cur.name && !cur.state?.terminated) errs.push(forbidden(fldPath.index(i).child('state'), 'may not be transitioned to non-terminated state'))
    }
  })
  return errs
}

/** ValidateInitContainerStateTransition: the same, except for restartable (sidecar) init containers. */
function validateInitContainerStateTransition(
  newStatuses: readonly ContainerStatus[] | undefined,
  oldStatuses: readonly ContainerStatus[] | undefined,
  fldPath: FieldPath,
  spec: Pod['spec'],
): FieldError[] {
  const restartPolicy = spec?.restartPolicy
  if (restartPolicy === 'Always') return []
  const errs: FieldError[] = []
  ;(oldStatuses ?? []).forEach((old, i) => {
    const terminated = old.state?.terminated
    if (!terminated) return
    if ((terminated.exitCode ?? 0) !== 0 && restartPolicy === 'OnFailure') return
    const init = (spec?.initContainers ?? []).find((c) => c.name === old.name)
    if (init?.restartPolicy === 'Always') return
    for (const cur of newStatuses ?? []) {
      if (old.name === cur.name && !cur.state?.terminated) errs.push(forbidden(fldPath.index(i).child('state'), 'may not be transitioned to non-terminated state'))
    }
  })
  return errs
}

// ---- IPs (netutils.ParseIPSloppy: IPv4 octets may carry leading zeros) ----

function parseIPv4(s: string): boolean {
  const parts = s.split('.')
  return parts.length === 4 && parts.every((p) => /^[0-9]{1,3}$/.test(p) && Number(p) <= 255)
}

function parseIPv6(s: string): boolean {
  if (!/^[0-9a-fA-F:.]+$/.test(s) || !s.includes(':')) return false
  const halves = s.split('::')
  if (halves.length > 2) return false
  const groups = halves.flatMap((h) => (h === '' ? [] : h.split(':')))
  let count = 0
  for (let i = 0; i < groups.length; i++) {
    const g = groups[i]
    if (i === groups.length - 1 && g.includes('.')) {
      if (!parseIPv4(g)) return false
      count += 2
    } else if (/^[0-9a-fA-F]{1,4}$/.test(g)) count++
    else return false
  }
  return halves.length === 2 ? count < 8 : count === 8
}

const ipFamily = (s: string): 4 | 6 | undefined => (parseIPv4(s) ? 4 : parseIPv6(s) ? 6 : undefined)

/** validation.IsValidIP. */
export function isValidIP(fldPath: FieldPath, value: string): FieldError[] {
  return ipFamily(value) ? [] : [invalid(fldPath, value, 'must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)')]
}

/** netutils.IsDualStackIPStrings: at least one of each family (errors for unparsable ones). */
function isDualStack(ips: readonly string[]): boolean {
  const families = ips.map(ipFamily)
  if (families.some((f) => f === undefined)) return false
  return families.includes(4) && families.includes(6)
}

/** %#v of []core.PodIP / []core.HostIP. */
function goIPList(type: 'PodIP' | 'HostIP', ips: readonly { ip?: string }[]) {
  return goRepr(`[]core.${type}{${ips.map((p) => `core.${type}{IP:${goQuote(p.ip ?? '')}}`).join(', ')}}`)
}

function validateIPList(type: 'PodIP' | 'HostIP', ips: readonly { ip?: string }[], fldPath: FieldPath): FieldError[] {
  const errs: FieldError[] = []
  ips.forEach((p, i) => errs.push(...isValidIP(fldPath.index(i), p.ip ?? '')))
  if (ips.length > 1) {
    const list = ips.map((p) => p.ip ?? '')
    if (!isDualStack(list) || list.length > 2) errs.push(invalid(fldPath, goIPList(type, ips), 'may specify no more than one IP for each IP family'))
  }
  return errs
}

/** validatePodIPs. */
function validatePodIPs(pod: Pod): FieldError[] {
  return validateIPList('PodIP', pod.status?.podIPs ?? [], newPath('status', 'podIPs'))
}

/** validateHostIPs: hostIPs[0] mirrors hostIP. */
function validateHostIPs(pod: Pod): FieldError[] {
  const hostIPs = pod.status?.hostIPs ?? []
  if (hostIPs.length === 0) return []
  const fldPath = newPath('status', 'hostIPs')
  const errs: FieldError[] = []
  if ((pod.status?.hostIP ?? '') !== (hostIPs[0].ip ?? '')) errs.push(invalid(fldPath.index(0).child('ip'), hostIPs[0].ip ?? '', 'must be equal to `hostIP`'))
  errs.push(...validateIPList('HostIP', hostIPs, fldPath))
  return errs
}

/** ValidatePodStatusUpdate. */
export function validatePodStatusUpdate(newPod: Pod, oldPod: Pod, opts?: PodValidationOptions): FieldError[] {
  const metaPath = newPath('metadata')
  const errs = validateCoreObjectMetaUpdate(newPod.metadata, oldPod.metadata, metaPath)
  errs.push(...validatePodSpecificAnnotationUpdates(newPod, oldPod, metaPath.child('annotations'), opts))
  // Upstream builds this path from "metadata", hence `metadata.conditions[i].Type`.
  errs.push(...validatePodConditions(newPod.status?.conditions, metaPath.child('conditions')))
  const statusPath = newPath('status')
  if ((newPod.spec?.nodeName ?? '') !== (oldPod.spec?.nodeName ?? '')) errs.push(forbidden(statusPath.child('nodeName'), 'may not be changed directly'))
  const nominated = newPod.status?.nominatedNodeName ?? ''
  if (nominated !== (oldPod.status?.nominatedNodeName ?? '') && nominated.length > 0) {
    for (const msg of nameIsDNSSubdomain(nominated, false)) errs.push(invalid(statusPath.child('nominatedNodeName'), nominated, msg))
  }
  errs.push(...validateContainerStateTransition(newPod.status?.containerStatuses, oldPod.status?.containerStatuses, statusPath.child('containerStatuses'), oldPod.spec?.restartPolicy))
  errs.push(...validateInitContainerStateTransition(newPod.status?.initContainerStatuses, oldPod.status?.initContainerStatuses, statusPath.child('initContainerStatuses'), oldPod.spec))
  // The kubelet never restarts ephemeral containers: an implicit restartPolicy Never.
  errs.push(...validateContainerStateTransition(newPod.status?.ephemeralContainerStatuses, oldPod.status?.ephemeralContainerStatuses, statusPath.child('ephemeralContainerStatuses'), 'Never'))
  errs.push(...validatePodIPs(newPod))
  errs.push(...validateHostIPs(newPod))
  return errs
}
