// apps/v1 tables: deployments (NAME READY UP-TO-DATE AVAILABLE AGE), replicasets (NAME DESIRED
// CURRENT READY AGE), daemonsets (NAME DESIRED CURRENT READY UP-TO-DATE AVAILABLE NODE SELECTOR
// AGE) and statefulsets (NAME READY AGE), each with CONTAINERS IMAGES [SELECTOR] when wide.
// Mirrors: kubernetes pkg/printers/internalversion/printers.go printDeployment, printReplicaSet,
// printDaemonSet, printStatefulSet. spec.replicas reads as 1 when unset, the apps/v1 default the
// apiserver applies before any printer sees the object.

import { translateTimestampSince } from '../duration'
import type { DaemonSet, Deployment, ReplicaSet } from '../types'
import type { StatefulSet } from 'kubernetes-types/apps/v1'
import { ageColumn, column, CONTAINERS_DESCRIPTION, IMAGES_DESCRIPTION, nameColumn, SWAGGER_DOC } from './columns'
import { formatLabelSelector, formatLabels, labelSelectorAsSelectorString, layoutContainerCells } from './helpers'
import type { TableHandler } from './handler'

const containersColumn = column('Containers', 'string', CONTAINERS_DESCRIPTION, 1)
const imagesColumn = column('Images', 'string', IMAGES_DESCRIPTION, 1)

export const deploymentTableHandler: TableHandler<Deployment> = {
  columns: [
    nameColumn(),
    column('Ready', 'string', 'Number of the pod with ready state'),
    column('Up-to-date', 'string', SWAGGER_DOC['DeploymentStatus.updatedReplicas']),
    column('Available', 'string', SWAGGER_DOC['DeploymentStatus.availableReplicas']),
    ageColumn(),
    containersColumn,
    imagesColumn,
    column('Selector', 'string', SWAGGER_DOC['DeploymentSpec.selector'], 1),
  ],
  printRow: (d, nowMs) => {
    const selector = labelSelectorAsSelectorString(d.spec?.selector)
    const [names, images] = layoutContainerCells(d.spec?.template?.spec?.containers)
    return [
      d.metadata?.name ?? '',
      `${d.status?.readyReplicas ?? 0}/${d.spec?.replicas ?? 1}`,
      d.status?.updatedReplicas ?? 0,
      d.status?.availableReplicas ?? 0,
      translateTimestampSince(d.metadata?.creationTimestamp, nowMs),
      names,
      images,
      selector.ok ? selector.selector : '<invalid>',
    ]
  },
}

export const replicaSetTableHandler: TableHandler<ReplicaSet> = {
  columns: [
    nameColumn(),
    column('Desired', 'integer', SWAGGER_DOC['ReplicaSetSpec.replicas']),
    column('Current', 'integer', SWAGGER_DOC['ReplicaSetStatus.replicas']),
    column('Ready', 'integer', SWAGGER_DOC['ReplicaSetStatus.readyReplicas']),
    ageColumn(),
    containersColumn,
    imagesColumn,
    column('Selector', 'string', SWAGGER_DOC['ReplicaSetSpec.selector'], 1),
  ],
  printRow: (rs, nowMs) => {
    const [names, images] = layoutContainerCells(rs.spec?.template?.spec?.containers)
    return [
      rs.metadata?.name ?? '',
      rs.spec?.replicas ?? 1,
      rs.status?.replicas ?? 0,
      rs.status?.readyReplicas ?? 0,
      translateTimestampSince(rs.metadata?.creationTimestamp, nowMs),
      names,
      images,
      formatLabelSelector(rs.spec?.selector),
    ]
  },
}

export const daemonSetTableHandler: TableHandler<DaemonSet> = {
  columns: [
    nameColumn(),
    column('Desired', 'integer', SWAGGER_DOC['DaemonSetStatus.desiredNumberScheduled']),
    column('Current', 'integer', SWAGGER_DOC['DaemonSetStatus.currentNumberScheduled']),
    column('Ready', 'integer', SWAGGER_DOC['DaemonSetStatus.numberReady']),
    column('Up-to-date', 'integer', SWAGGER_DOC['DaemonSetStatus.updatedNumberScheduled']),
    column('Available', 'integer', SWAGGER_DOC['DaemonSetStatus.numberAvailable']),
    column('Node Selector', 'string', SWAGGER_DOC['PodSpec.nodeSelector']),
    ageColumn(),
    containersColumn,
    imagesColumn,
    column('Selector', 'string', SWAGGER_DOC['DaemonSetSpec.selector'], 1),
  ],
  printRow: (ds, nowMs) => {
    const [names, images] = layoutContainerCells(ds.spec?.template?.spec?.containers)
    const s = ds.status
    return [
      ds.metadata?.name ?? '',
      s?.desiredNumberScheduled ?? 0,
      s?.currentNumberScheduled ?? 0,
      s?.numberReady ?? 0,
      s?.updatedNumberScheduled ?? 0,
      s?.numberAvailable ?? 0,
      formatLabels(ds.spec?.template?.spec?.nodeSelector),
      translateTimestampSince(ds.metadata?.creationTimestamp, nowMs),
      names,
      images,
      formatLabelSelector(ds.spec?.selector),
    ]
  },
}

export const statefulSetTableHandler: TableHandler<StatefulSet> = {
  columns: [nameColumn(), column('Ready', 'string', 'Number of the pod with ready state'), ageColumn(), containersColumn, imagesColumn],
  printRow: (ss, nowMs) => {
    const [names, images] = layoutContainerCells(ss.spec?.template?.spec?.containers)
    return [
      ss.metadata?.name ?? '',
      `${ss.status?.readyReplicas ?? 0}/${ss.spec?.replicas ?? 1}`,
      translateTimestampSince(ss.metadata?.creationTimestamp, nowMs),
      names,
      images,
    ]
  },
}
