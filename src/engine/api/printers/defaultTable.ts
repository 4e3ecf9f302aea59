// The table the apiserver serves for a resource without a printer: NAME and CREATED AT
// (e.g. `kubectl get clusterroles`, custom resources without additionalPrinterColumns).
// Mirrors: k8s.io/apiserver pkg/registry/rest/table.go defaultTableConvertor. Dropped: nothing;
// the "Created At" cell is the RFC 3339 UTC creation time, printed by kubectl as is.

import { parseTimestamp } from '../duration'
import type { KubeObject } from '../types'
import { column, SWAGGER_DOC } from './columns'
import type { TableHandler } from './handler'

/** time.Time.UTC().Format(time.RFC3339): no fractional seconds; the zero time is year 0001. */
export function formatRFC3339(ms: number | undefined): string {
  if (ms === undefined) return '0001-01-01T00:00:00Z'
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z')
}

export const defaultTableHandler: TableHandler<KubeObject> = {
  columns: [
    column('Name', 'string', SWAGGER_DOC['ObjectMeta.name'], 0, 'name'),
    column('Created At', 'date', SWAGGER_DOC['ObjectMeta.creationTimestamp']),
  ],
  printRow: (obj) => [obj.metadata?.name ?? '', formatRFC3339(parseTimestamp(obj.metadata?.creationTimestamp))],
}
