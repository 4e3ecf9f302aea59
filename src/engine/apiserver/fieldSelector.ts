// Field selectors (k8s.io/apimachinery/pkg/fields) and the fields each resource supports
// (each registry's GetAttrs/SelectableFields, e.g. pkg/registry/core/pod/strategy.go ToSelectableFields).

import type { KubeObject } from '../api/types'

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

function fieldValue(obj: KubeObject, field: string): string {
  if (field === 'source') return String((obj.source as { component?: string } | undefined)?.component ?? '')
  if (field === 'spec.hostNetwork') return String(Boolean((obj.spec as { hostNetwork?: boolean } | undefined)?.hostNetwork))
  if (field === 'spec.unschedulable') return String(Boolean((obj.spec as { unschedulable?: boolean } | undefined)?.unschedulable))
  let cur: unknown = obj
  for (const part of field.split('.')) cur = cur && typeof cur === 'object' ? (cur as Record<string, unknown>)[part] : undefined
  return cur === undefined || cur === null ? '' : String(cur)
}

/** Check the fields are selectable on the resource; the error text is the apiserver's. */
export function validateFieldSelector(resource: string, reqs: FieldRequirement[]): void {
  const allowed = SELECTABLE[resource] ?? COMMON
  for (const r of reqs) {
    if (!allowed.includes(r.field)) throw new FieldSelectorError(`field label not supported: ${r.field}`)
  }
}

export function matchesFields(obj: KubeObject, reqs: FieldRequirement[]): boolean {
  for (const r of reqs) {
    const v = fieldValue(obj, r.field)
    if (r.op === '=' ? v !== r.value : v === r.value) return false
  }
  return true
}
