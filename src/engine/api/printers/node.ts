// The nodes table: NAME STATUS ROLES AGE VERSION (+ INTERNAL-IP EXTERNAL-IP OS-IMAGE
// KERNEL-VERSION CONTAINER-RUNTIME).
// Mirrors: kubernetes pkg/printers/internalversion/printers.go printNode, findNodeRoles,
// getNodeInternalIP, getNodeExternalIP. Dropped: nothing.

import { translateTimestampSince } from '../duration'
import type { Node, NodeCondition } from '../types'
import { ageColumn, column, nameColumn, SWAGGER_DOC } from './columns'
import { compareGoStrings } from './helpers'
import type { Cell, TableHandler } from './handler'

/** labelNodeRolePrefix: node-role.kubernetes.io/<role> labels name a role each. */
export const LABEL_NODE_ROLE_PREFIX = 'node-role.kubernetes.io/'
/** nodeLabelRole: the older kubernetes.io/role=<role> label. */
export const NODE_LABEL_ROLE = 'kubernetes.io/role'

export const nodeColumnDefinitions = [
  nameColumn(),
  column('Status', 'string', 'The status of the node'),
  column('Roles', 'string', 'The roles of the node'),
  ageColumn(),
  column('Version', 'string', SWAGGER_DOC['NodeSystemInfo.kubeletVersion']),
  column('Internal-IP', 'string', SWAGGER_DOC['NodeStatus.addresses'], 1),
  column('External-IP', 'string', SWAGGER_DOC['NodeStatus.addresses'], 1),
  column('OS-Image', 'string', SWAGGER_DOC['NodeSystemInfo.osImage'], 1),
  column('Kernel-Version', 'string', SWAGGER_DOC['NodeSystemInfo.kernelVersion'], 1),
  column('Container-Runtime', 'string', SWAGGER_DOC['NodeSystemInfo.containerRuntimeVersion'], 1),
]

/** findNodeRoles: the sorted set of roles from node-role.kubernetes.io/* and kubernetes.io/role. */
export function findNodeRoles(node: Node): string[] {
  const roles = new Set<string>()
  for (const [k, v] of Object.entries(node.metadata?.labels ?? {})) {
    if (k.startsWith(LABEL_NODE_ROLE_PREFIX)) {
      const role = k.slice(LABEL_NODE_ROLE_PREFIX.length)
      if (role.length > 0) roles.add(role)
    } else if (k === NODE_LABEL_ROLE && v !== '') {
      roles.add(v)
    }
  }
  return [...roles].sort(compareGoStrings)
}

function nodeAddress(node: Node, type: string): string {
  return node.status?.addresses?.find((a) => a.type === type)?.address ?? '<none>'
}

/** printNode: "Ready" / "NotReady" / "Unknown", plus ",SchedulingDisabled" when cordoned. */
export function printNode(node: Node, nowMs: number): Cell[] {
  const conditions = new Map<string, NodeCondition>()
  for (const c of node.status?.conditions ?? []) conditions.set(c.type, c)
  const status: string[] = []
  for (const valid of ['Ready']) {
    const condition = conditions.get(valid)
    if (condition) status.push(condition.status === 'True' ? condition.type : 'Not' + condition.type)
  }
  if (status.length === 0) status.push('Unknown')
  if (node.spec?.unschedulable) status.push('SchedulingDisabled')

  const roles = findNodeRoles(node).join(',') || '<none>'
  const info = node.status?.nodeInfo
  return [
    node.metadata?.name ?? '',
    status.join(','),
    roles,
    translateTimestampSince(node.metadata?.creationTimestamp, nowMs),
    info?.kubeletVersion ?? '',
    nodeAddress(node, 'InternalIP'),
    nodeAddress(node, 'ExternalIP'),
    info?.osImage || '<unknown>',
    info?.kernelVersion || '<unknown>',
    info?.containerRuntimeVersion || '<unknown>',
  ]
}

export const nodeTableHandler: TableHandler<Node> = { columns: nodeColumnDefinitions, printRow: printNode }
