// Networking tables: services (NAME TYPE CLUSTER-IP EXTERNAL-IP PORT(S) AGE [SELECTOR]),
// endpoints (NAME ENDPOINTS AGE) and endpointslices (NAME ADDRESSTYPE PORTS ENDPOINTS AGE).
// Mirrors: kubernetes pkg/printers/internalversion/printers.go printService,
// getServiceExternalIP, loadBalancerStatusStringer, makePortString, printEndpoints,
// formatEndpoints, printEndpointSlice, formatDiscoveryPorts, formatDiscoveryEndpoints.
// The apiserver generates tables with Wide: true, so the 16-character clipping of load-balancer
// addresses (only done when !wide) never happens in `kubectl get` output; it is kept for fidelity
// of the function, not exercised by printTable.

import { translateTimestampSince } from '../duration'
import type { Service } from '../types'
import type { Endpoints } from 'kubernetes-types/core/v1'
import type { EndpointSlice } from 'kubernetes-types/discovery/v1'
import { ageColumn, column, nameColumn, SWAGGER_DOC } from './columns'
import { compareGoStrings, formatLabels, joinHostPort, listWithMoreString } from './helpers'
import type { TableHandler } from './handler'

const LOAD_BALANCER_WIDTH = 16

/** loadBalancerStatusStringer: the sorted set of ingress IPs (or hostnames), comma-joined. */
export function loadBalancerStatusStringer(svc: Service, wide: boolean): string {
  const result = new Set<string>()
  for (const ingress of svc.status?.loadBalancer?.ingress ?? []) {
    if (ingress.ip) result.add(ingress.ip)
    else if (ingress.hostname) result.add(ingress.hostname)
  }
  let r = [...result].sort(compareGoStrings).join(',')
  if (!wide && r.length > LOAD_BALANCER_WIDTH) r = r.slice(0, LOAD_BALANCER_WIDTH - 3) + '...'
  return r
}

/** getServiceExternalIP. */
export function getServiceExternalIP(svc: Service, wide: boolean): string {
  const externalIPs = svc.spec?.externalIPs ?? []
  switch (svc.spec?.type) {
    case 'ClusterIP':
    case 'NodePort':
      return externalIPs.length > 0 ? externalIPs.join(',') : '<none>'
    case 'LoadBalancer': {
      const lbIps = loadBalancerStatusStringer(svc, wide)
      if (externalIPs.length > 0) {
        const results = lbIps.length > 0 ? lbIps.split(',') : []
        return [...results, ...externalIPs].join(',')
      }
      return lbIps.length > 0 ? lbIps : '<pending>'
    }
    case 'ExternalName':
      return svc.spec.externalName ?? ''
  }
  return '<unknown>'
}

/** makePortString: "80/TCP", "80:30527/TCP", comma-joined. */
export function makePortString(svc: Service): string {
  return (svc.spec?.ports ?? [])
    .map((p) => (p.nodePort && p.nodePort > 0 ? `${p.port}:${p.nodePort}/${p.protocol ?? ''}` : `${p.port}/${p.protocol ?? ''}`))
    .join(',')
}

export const serviceTableHandler: TableHandler<Service> = {
  columns: [
    nameColumn(),
    column('Type', 'string', SWAGGER_DOC['ServiceSpec.type']),
    column('Cluster-IP', 'string', SWAGGER_DOC['ServiceSpec.clusterIP']),
    column('External-IP', 'string', SWAGGER_DOC['ServiceSpec.externalIPs']),
    column('Port(s)', 'string', SWAGGER_DOC['ServiceSpec.ports']),
    ageColumn(),
    column('Selector', 'string', SWAGGER_DOC['ServiceSpec.selector'], 1),
  ],
  printRow: (svc, nowMs) => [
    svc.metadata?.name ?? '',
    svc.spec?.type ?? '',
    svc.spec?.clusterIPs?.[0] ?? '<none>',
    getServiceExternalIP(svc, true),
    makePortString(svc) || '<none>',
    translateTimestampSince(svc.metadata?.creationTimestamp, nowMs),
    formatLabels(svc.spec?.selector),
  ],
}

/** formatEndpoints(endpoints, nil): up to three ip:port, then " + N more...". */
export function formatEndpoints(endpoints: Endpoints): string {
  const subsets = endpoints.subsets ?? []
  if (subsets.length === 0) return '<none>'
  const list: string[] = []
  const max = 3
  let more = false
  let count = 0
  for (const ss of subsets) {
    const addresses = ss.addresses ?? []
    if ((ss.ports ?? []).length === 0) {
      // headless services may have no ports
      count += addresses.length
      for (const addr of addresses) {
        if (list.length === max) {
          more = true
          break
        }
        list.push(addr.ip)
      }
      continue
    }
    for (const port of ss.ports ?? []) {
      count += addresses.length
      for (const addr of addresses) {
        if (list.length === max) {
          more = true
          break
        }
        list.push(joinHostPort(addr.ip, port.port))
      }
    }
  }
  const ret = list.join(',')
  return more ? `${ret} + ${count - max} more...` : ret
}

export const endpointsTableHandler: TableHandler<Endpoints> = {
  columns: [nameColumn(), column('Endpoints', 'string', SWAGGER_DOC['Endpoints.subsets']), ageColumn()],
  printRow: (ep, nowMs) => [ep.metadata?.name ?? '', formatEndpoints(ep), translateTimestampSince(ep.metadata?.creationTimestamp, nowMs)],
}

function formatDiscoveryPorts(slice: EndpointSlice): string {
  const list: string[] = []
  const max = 3
  let more = false
  let count = 0
  for (const port of slice.ports ?? []) {
    if (list.length < max) {
      let portNum = '*'
      if (port.port !== undefined && port.port !== null) portNum = String(port.port)
      else if (port.name !== undefined && port.name !== null) portNum = port.name
      list.push(portNum)
    } else if (list.length === max) {
      more = true
    }
    count++
  }
  return listWithMoreString(list, more, count, max)
}

function formatDiscoveryEndpoints(slice: EndpointSlice): string {
  const list: string[] = []
  const max = 3
  let more = false
  let count = 0
  for (const endpoint of slice.endpoints ?? []) {
    for (const address of endpoint.addresses ?? []) {
      if (list.length < max) list.push(address)
      else if (list.length === max) more = true
      count++
    }
  }
  return listWithMoreString(list, more, count, max)
}

export const endpointSliceTableHandler: TableHandler<EndpointSlice> = {
  columns: [
    nameColumn(),
    column('AddressType', 'string', SWAGGER_DOC['EndpointSlice.addressType']),
    column('Ports', 'string', SWAGGER_DOC['EndpointSlice.ports']),
    column('Endpoints', 'string', SWAGGER_DOC['EndpointSlice.endpoints']),
    ageColumn(),
  ],
  printRow: (s, nowMs) => [
    s.metadata?.name ?? '',
    s.addressType ?? '',
    formatDiscoveryPorts(s),
    formatDiscoveryEndpoints(s),
    translateTimestampSince(s.metadata?.creationTimestamp, nowMs),
  ],
}
