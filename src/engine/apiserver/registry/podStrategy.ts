// pkg/registry/core/pod/strategy.go with the defaults of pkg/apis/core/v1/defaults.go:
// what the apiserver fills in on create, what an update may change, graceful deletion.
import { deepCopy } from '../../api/deepCopy'
import type { Container, Pod } from '../../api/types'
import { FieldError, forbidden, required } from '../../api/validation/field'
import type { Strategy, StrategyContext } from './strategies'

function defaultPullPolicy(image: string | undefined): string {
  const name = (image ?? '').split('@')[0]
  const lastSlash = name.lastIndexOf('/')
  const colon = name.lastIndexOf(':')
  const tag = colon > lastSlash ? name.slice(colon + 1) : ''
  return !tag || tag === 'latest' ? 'Always' : 'IfNotPresent'
}

function setDefaultsContainer(c: Container): void {
  c.imagePullPolicy = c.imagePullPolicy ?? defaultPullPolicy(c.image)
  c.terminationMessagePath = c.terminationMessagePath ?? '/dev/termination-log'
  c.terminationMessagePolicy = c.terminationMessagePolicy ?? 'File'
  c.resources = c.resources ?? {}
  for (const p of c.ports ?? []) p.protocol = p.protocol ?? 'TCP'
}

/** GetPodQOS (pkg/apis/core/helper/qos): Guaranteed, Burstable or BestEffort. */
export function podQOS(pod: Pod): string {
  const cs = [...(pod.spec?.containers ?? []), ...(pod.spec?.initContainers ?? [])]
  const any = cs.some((c) => Object.keys(c.resources?.requests ?? {}).length || Object.keys(c.resources?.limits ?? {}).length)
  if (!any) return 'BestEffort'
  const guaranteed = cs.every((c) => {
    const l = c.resources?.limits ?? {}
    const r = c.resources?.requests ?? {}
    return ['cpu', 'memory'].every((k) => l[k] !== undefined && (r[k] === undefined || String(r[k]) === String(l[k])))
  })
  return guaranteed ? 'Guaranteed' : 'Burstable'
}

export function setDefaultsPod(pod: Pod): void {
  const spec = (pod.spec = pod.spec ?? { containers: [] })
  spec.restartPolicy = spec.restartPolicy ?? 'Always'
  spec.dnsPolicy = spec.dnsPolicy ?? 'ClusterFirst'
  spec.schedulerName = spec.schedulerName ?? 'default-scheduler'
  spec.terminationGracePeriodSeconds = spec.terminationGracePeriodSeconds ?? 30
  spec.securityContext = spec.securityContext ?? {}
  spec.enableServiceLinks = spec.enableServiceLinks ?? true
  spec.preemptionPolicy = spec.preemptionPolicy ?? 'PreemptLowerPriority'
  spec.priority = spec.priority ?? 0
  for (const c of spec.containers ?? []) setDefaultsContainer(c)
  for (const c of spec.initContainers ?? []) setDefaultsContainer(c)
}

const DNS1123_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/

export function validatePodSpec(pod: Pod): FieldError[] {
  const errs: FieldError[] = []
  const containers = pod.spec?.containers ?? []
  if (!containers.length) errs.push(required('spec.containers', ''))
  const seen = new Set<string>()
  containers.forEach((c, i) => {
    const p = `spec.containers[${i}]`
    if (!c.name) errs.push(required(`${p}.name`, ''))
    else if (!DNS1123_LABEL.test(c.name) || c.name.length > 63) {
      errs.push(
        new FieldError(
          'FieldValueInvalid',
          `${p}.name`,
          c.name,
          "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')",
        ),
      )
    } else if (seen.has(c.name)) errs.push(new FieldError('FieldValueDuplicate', `${p}.name`, c.name, ''))
    seen.add(c.name ?? '')
    if (!c.image) errs.push(required(`${p}.image`, ''))
  })
  return errs
}

export const podStrategy: Strategy = {
  prepareForCreate(obj: Pod) {
    setDefaultsPod(obj)
    obj.status = { phase: 'Pending', qosClass: podQOS(obj) }
  },
  validate(obj) {
    return validatePodSpec(obj as Pod)
  },
  prepareForUpdate(obj, old) {
    obj.status = deepCopy((old as Pod).status)
    setDefaultsPod(obj as Pod)
  },
  validateUpdate(obj, old) {
    const errs = validatePodSpec(obj as Pod)
    // Pod updates may change only images, activeDeadlineSeconds, tolerations (additions) and
    // terminationGracePeriodSeconds (ValidatePodUpdate).
    const strip = (p: Pod) => {
      const spec = deepCopy(p.spec ?? { containers: [] })
      for (const c of spec.containers) c.image = ''
      for (const c of spec.initContainers ?? []) c.image = ''
      delete spec.activeDeadlineSeconds
      delete spec.tolerations
      delete spec.terminationGracePeriodSeconds
      return JSON.stringify(spec)
    }
    if (strip(obj as Pod) !== strip(old as Pod)) {
      errs.push(
        forbidden(
          'spec',
          'pod updates may not change fields other than `spec.containers[*].image`,`spec.initContainers[*].image`,`spec.activeDeadlineSeconds`,`spec.tolerations` (only additions to existing tolerations),`spec.terminationGracePeriodSeconds` (allow it to be set to 1 if it was previously negative)',
        ),
      )
    }
    return errs
  },
  prepareForStatusUpdate(obj, old) {
    const status = obj.status
    const rv = obj.metadata!.resourceVersion
    Object.assign(obj, deepCopy(old), { status })
    obj.metadata = { ...obj.metadata!, resourceVersion: rv }
    if (rv === undefined) delete obj.metadata.resourceVersion
  },
  gracePeriod(obj, requested, _ctx: StrategyContext) {
    const pod = obj as Pod
    // Unscheduled or finished pods go at once (CheckGracefulDelete).
    if (!pod.spec?.nodeName || pod.status?.phase === 'Succeeded' || pod.status?.phase === 'Failed') return 0
    return requested ?? pod.spec.terminationGracePeriodSeconds ?? 30
  },
}
