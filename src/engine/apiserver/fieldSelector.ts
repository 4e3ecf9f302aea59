// Field selectors (k8s.io/apimachinery/pkg/fields) and the fields each resource supports
// (each registry's GetAttrs/SelectableFields, e.g. pkg/registry/core/pod/strategy.go ToSelectableFields).

import type { KubeObject } from '../api/types'
import type { IndexedTrigger } from '../store/store'

export interface FieldRequirement {
  field: string
  op: '=' | '!='
  value: string
}

export class FieldSelectorError extends Error {}

export function parseFieldSelector(s: string | undefined): FieldRequirement[] {
  if (!s) return []
  return s.split(',').map((term) => {
    const m = /^([^=!]+)(==|=|!=)(.*)$/.exec(term.trim())
    if (!m) throw new FieldSelectorError(`invalid selector: '${s}'; can't understand '${term}'`)
    return { field: m[1].trim(), op: m[2] === '!=' ? '!=' : '=', value: m[3].trim() }
  })
}

const COMMON = ['metadata.name', 'metadata.namespace']
const SELECTABLE: Record<string, string[]> = {
  pods: [
    ...COMMON,
    'spec.nodeName',
    'spec.restartPolicy',
    'spec.schedulerName',
    'spec.serviceAccountName',
    'spec.hostNetwork',
    'status.phase',
    'status.podIP',
    'status.podIPs',
    'status.nominatedNodeName',
  ],
  events: [
    ...COMMON,
    'involvedObject.kind',
    'involvedObject.namespace',
    'involvedObject.name',
    'involvedObject.uid',
    'involvedObject.apiVersion',
    'involvedObject.resourceVersion',
    'involvedObject.fieldPath',
    'reason',
    'reportingComponent',
    'source',
    'type',
  ],
  nodes: [...COMMON, 'spec.unschedulable'],
  namespaces: [...COMMON, 'status.phase'],
  secrets: [...COMMON, 'type'],
  replicasets: [...COMMON, 'status.replicas'],
}

type FieldGetter = (obj: KubeObject) => string

/** The value of a field path read generically: a missing or null value reads as "". */
function pathGetter(field: string): FieldGetter {
  const parts = field.split('.')
  return (obj) => {
    let cur: unknown = obj
    for (const part of parts) cur = cur && typeof cur === 'object' ? (cur as Record<string, unknown>)[part] : undefined
    return cur === undefined || cur === null ? '' : String(cur)
  }
}

/** Fields whose value is not the plain path (the registries' ToSelectableFields convert them). */
const SPECIAL_GETTERS: Record<string, FieldGetter> = {
  source: (obj) => String((obj.source as { component?: string } | undefined)?.component ?? ''),
  'spec.hostNetwork': (obj) => String(Boolean((obj.spec as { hostNetwork?: boolean } | undefined)?.hostNetwork)),
  'spec.unschedulable': (obj) => String(Boolean((obj.spec as { unschedulable?: boolean } | undefined)?.unschedulable)),
}

/**
 * Getters by field, built once per field: every watch with a field selector (each kubelet's
 * spec.nodeName=<node>) evaluates its field on every event of the resource, so the path is not
 * split again for each event.
 */
const getters = new Map<string, FieldGetter>()

function fieldValue(obj: KubeObject, field: string): string {
  let get = getters.get(field)
  if (!get) {
    get = Object.hasOwn(SPECIAL_GETTERS, field) ? SPECIAL_GETTERS[field] : pathGetter(field)
    getters.set(field, get)
  }
  return get(obj)
}

/** Check the fields are selectable on the resource; the error text is the apiserver's. */
export function validateFieldSelector(resource: string, reqs: FieldRequirement[]): void {
  const allowed = SELECTABLE[resource] ?? COMMON
  for (const r of reqs) {
    if (!allowed.includes(r.field)) throw new FieldSelectorError(`field label not supported: ${r.field}`)
  }
}

export function matchesFields(obj: KubeObject, reqs: FieldRequirement[]): boolean {
  if (reqs.length === 0) return true
  for (const r of reqs) {
    const v = fieldValue(obj, r.field)
    if (r.op === '=' ? v !== r.value : v === r.value) return false
  }
  return true
}

/**
 * The fields each resource's watch cache indexes watchers by (the registries' TriggerFunc:
 * pods by spec.nodeName, pkg/registry/core/pod/storage NodeNameTriggerFunc).
 */
const TRIGGER_FIELDS: Record<string, string> = { pods: 'spec.nodeName' }

/**
 * SelectionPredicate.MatcherIndex: when the selector requires an exact value of the resource's
 * trigger field (a kubelet's spec.nodeName=<node>), the trigger a store watch can be indexed
 * by. A watch with it is called only for objects that have, or had, that value: exactly the
 * events the selector could let through.
 */
export function watchTriggerFor(resource: string, reqs: FieldRequirement[]): IndexedTrigger | undefined {
  const field = TRIGGER_FIELDS[resource]
  const exact = field === undefined ? undefined : reqs.find((r) => r.field === field && r.op === '=')
  if (!exact) return undefined
  return { indexName: field, indexerFunc: (obj) => fieldValue(obj as KubeObject, field), value: exact.value }
}
