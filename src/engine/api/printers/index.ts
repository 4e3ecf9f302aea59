// Server-side printing: turn a list of objects into the meta.k8s.io/v1 Table the apiserver
// returns for `Accept: application/json;as=Table;v=v1;g=meta.k8s.io` (what `kubectl get` asks for).
// Mirrors: kubernetes pkg/printers/internalversion/printers.go AddHandlers (the per-type
// handlers), pkg/printers/tablegenerator.go GenerateTable and pkg/printers/storage/storage.go
// TableConvertor (always Wide: true; NoHeaders drops the column definitions); resources with no
// handler get k8s.io/apiserver's default NAME / CREATED AT table.
// Kept: rows carry the full object. The `includeObject` trimming (None / Metadata, the apiserver
// default, which turns it into a PartialObjectMetadata) is the request handler's job.
// Dropped: row conditions (see pod.ts), and the printers of kinds Podlab does not serve.

import type { KubeObject, ListMeta, Table, TableRow } from '../types'
import { cronJobTableHandler, jobTableHandler } from './batch'
import { configMapTableHandler, namespaceTableHandler, secretTableHandler, serviceAccountTableHandler } from './core'
import { leaseTableHandler } from './coordination'
import { defaultTableHandler } from './defaultTable'
import { eventTableHandler } from './event'
import type { TableHandler } from './handler'
import { nodeTableHandler } from './node'
import { podTableHandler } from './pod'
import { daemonSetTableHandler, deploymentTableHandler, replicaSetTableHandler, statefulSetTableHandler } from './apps'
import { endpointSliceTableHandler, endpointsTableHandler, serviceTableHandler } from './service'

export type { Cell, TableHandler } from './handler'

/** Table handlers by plural resource name. */
const HANDLERS: Readonly<Record<string, TableHandler<never>>> = {
  pods: podTableHandler,
  nodes: nodeTableHandler,
  namespaces: namespaceTableHandler,
  events: eventTableHandler,
  configmaps: configMapTableHandler,
  secrets: secretTableHandler,
  serviceaccounts: serviceAccountTableHandler,
  services: serviceTableHandler,
  endpoints: endpointsTableHandler,
  endpointslices: endpointSliceTableHandler,
  deployments: deploymentTableHandler,
  replicasets: replicaSetTableHandler,
  daemonsets: daemonSetTableHandler,
  statefulsets: statefulSetTableHandler,
  jobs: jobTableHandler,
  cronjobs: cronJobTableHandler,
  leases: leaseTableHandler,
}

/** Whether `resource` has its own printer (otherwise printTable falls back to NAME / CREATED AT). */
export function hasTableHandler(resource: string): boolean {
  return Object.hasOwn(HANDLERS, resource)
}

export interface PrintTableOptions {
  /** TableOptions.noHeaders: omit the column definitions (watch events after the first). */
  noHeaders?: boolean
  /** The list's resourceVersion / continue, copied onto the Table as GenerateTable does. */
  listMeta?: ListMeta
}

/**
 * printTable: the Table for `objects` of plural resource `resource`, ages computed at `nowMs`.
 * @example printTable('pods', [pod], clock.now()).rows[0].cells // ["web", "1/1", "Running", "0", "5m", ...]
 */
export function printTable(resource: string, objects: readonly KubeObject[], nowMs: number, options: PrintTableOptions = {}): Table {
  const handler = (HANDLERS[resource] ?? defaultTableHandler) as TableHandler<KubeObject>
  const rows: TableRow[] = objects.map((object) => ({ cells: handler.printRow(object, nowMs), object }))
  return {
    apiVersion: 'meta.k8s.io/v1',
    kind: 'Table',
    metadata: { ...(options.listMeta ?? {}) },
    columnDefinitions: options.noHeaders ? [] : handler.columns.map((c) => ({ ...c })),
    rows,
  }
}
