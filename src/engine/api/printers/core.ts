// Small core/v1 tables: namespaces (NAME STATUS AGE), configmaps (NAME DATA AGE), secrets
// (NAME TYPE DATA AGE) and serviceaccounts (NAME SECRETS AGE).
// Mirrors: kubernetes pkg/printers/internalversion/printers.go printNamespace, printConfigMap,
// printSecret, printServiceAccount. Dropped: nothing.

import { translateTimestampSince } from '../duration'
import type { ConfigMap, Namespace, ServiceAccount } from '../types'
import type { Secret } from 'kubernetes-types/core/v1'
import { ageColumn, column, nameColumn, SWAGGER_DOC } from './columns'
import type { TableHandler } from './handler'

export const namespaceTableHandler: TableHandler<Namespace> = {
  columns: [nameColumn(), column('Status', 'string', 'The status of the namespace'), ageColumn()],
  printRow: (ns, nowMs) => [ns.metadata?.name ?? '', ns.status?.phase ?? '', translateTimestampSince(ns.metadata?.creationTimestamp, nowMs)],
}

export const configMapTableHandler: TableHandler<ConfigMap> = {
  columns: [nameColumn(), column('Data', 'string', SWAGGER_DOC['ConfigMap.data']), ageColumn()],
  printRow: (cm, nowMs) => [
    cm.metadata?.name ?? '',
    Object.keys(cm.data ?? {}).length + Object.keys(cm.binaryData ?? {}).length,
    translateTimestampSince(cm.metadata?.creationTimestamp, nowMs),
  ],
}

export const secretTableHandler: TableHandler<Secret> = {
  columns: [nameColumn(), column('Type', 'string', SWAGGER_DOC['Secret.type']), column('Data', 'string', SWAGGER_DOC['Secret.data']), ageColumn()],
  // The apiserver has already folded stringData into data and defaulted type to Opaque.
  printRow: (s, nowMs) => [
    s.metadata?.name ?? '',
    s.type ?? '',
    Object.keys(s.data ?? {}).length,
    translateTimestampSince(s.metadata?.creationTimestamp, nowMs),
  ],
}

export const serviceAccountTableHandler: TableHandler<ServiceAccount> = {
  columns: [nameColumn(), column('Secrets', 'string', SWAGGER_DOC['ServiceAccount.secrets']), ageColumn()],
  printRow: (sa, nowMs) => [sa.metadata?.name ?? '', (sa.secrets ?? []).length, translateTimestampSince(sa.metadata?.creationTimestamp, nowMs)],
}
