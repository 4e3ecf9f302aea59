// The leases table: NAME HOLDER AGE (kubectl get leases -n kube-node-lease).
// Mirrors: kubernetes pkg/printers/internalversion/printers.go printLease. Dropped: nothing.

import { translateTimestampSince } from '../duration'
import type { Lease } from '../types'
import { ageColumn, column, nameColumn, SWAGGER_DOC } from './columns'
import type { TableHandler } from './handler'

export const leaseTableHandler: TableHandler<Lease> = {
  columns: [nameColumn(), column('Holder', 'string', SWAGGER_DOC['LeaseSpec.holderIdentity']), ageColumn()],
  printRow: (lease, nowMs) => [
    lease.metadata?.name ?? '',
    lease.spec?.holderIdentity ?? '',
    translateTimestampSince(lease.metadata?.creationTimestamp, nowMs),
  ],
}
