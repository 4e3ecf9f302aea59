// `kubectl describe namespace`, with its Resource Quotas and LimitRange sections.
// Mirrors: kubectl 1.32 pkg/describe/describe.go describeNamespace, DescribeResourceQuotas,
// DescribeLimitRanges, describeLimitRangeSpec, helpTextForResourceQuotaScope.
// Kept: a quota or limit list of `null` means the server answered 404 for that resource (the
// section is omitted, as in the facts capture); an empty list prints "No resource quota." /
// "No LimitRange resource.". Dropped: nothing, except that upstream lists a limit item's
// resources in Go map order (random); we list them in the order max, min, default,
// defaultRequest, maxLimitRequestRatio first mention them.

import { parseQuantity, quantityString, ZERO_QUANTITY } from '../../../api/quantity'
import type { Namespace } from '../../../api/types'
import type { LimitRange, LimitRangeSpec, ResourceQuota } from 'kubernetes-types/core/v1'
import { compareGoStrings, sortedBy } from '../../../api/printers/helpers'
import { formatRFC1123Z, LEVEL_0, LEVEL_1, printAnnotationsMultiline, printLabelsMultiline, tabbedString, type PrefixWriter } from './describe'

function helpTextForResourceQuotaScope(scope: string): string {
  switch (scope) {
    case 'Terminating':
      return 'Matches all pods that have an active deadline. These pods have a limited lifespan on a node before being actively terminated by the system.'
    case 'NotTerminating':
      return 'Matches all pods that do not have an active deadline. These pods usually include long running pods whose container command is not expected to terminate.'
    case 'BestEffort':
      return 'Matches all pods that do not have resource requirements set. These pods have a best effort quality of service.'
    case 'NotBestEffort':
      return 'Matches all pods that have at least one resource requirement set. These pods have a burstable or guaranteed quality of service.'
    default:
      return ''
  }
}

const q = (s: string | undefined): string => (s === undefined ? quantityString(ZERO_QUANTITY) : quantityString(parseQuantity(s)))

/** DescribeResourceQuotas: every quota of the namespace, sorted by name. */
export function describeResourceQuotas(quotas: readonly ResourceQuota[], w: PrefixWriter): void {
  if (quotas.length === 0) {
    w.write(LEVEL_0, 'No resource quota.\n')
    return
  }
  w.write(LEVEL_0, 'Resource Quotas\n')
  for (const quota of sortedBy(quotas, (a, b) => (a.metadata?.name ?? '') < (b.metadata?.name ?? ''))) {
    w.write(LEVEL_1, `Name:\t${quota.metadata?.name ?? ''}\n`)
    const scopes = [...(quota.spec?.scopes ?? [])].sort(compareGoStrings)
    if (scopes.length > 0) {
      w.write(LEVEL_1, `Scopes:\t${scopes.join(', ')}\n`)
      for (const scope of scopes) {
        const help = helpTextForResourceQuotaScope(scope)
        if (help) w.write(LEVEL_1, `* ${help}\n`)
      }
    }
    w.write(LEVEL_1, 'Resource\tUsed\tHard\n')
    w.write(LEVEL_1, '--------\t---\t---\n')
    const hard = quota.status?.hard ?? {}
    for (const resource of Object.keys(hard).sort(compareGoStrings)) {
      w.write(LEVEL_1, `${resource}\t${q(quota.status?.used?.[resource])}\t${q(hard[resource])}\n`)
    }
  }
}

function describeLimitRangeSpec(spec: LimitRangeSpec | undefined, prefix: string, w: PrefixWriter): void {
  for (const item of spec?.limits ?? []) {
    const names: string[] = []
    for (const list of [item.max, item.min, item.default, item.defaultRequest, item.maxLimitRequestRatio]) {
      for (const k of Object.keys(list ?? {})) if (!names.includes(k)) names.push(k)
    }
    for (const k of names) {
      const v = (list: Readonly<Record<string, string>> | undefined): string => (list && k in list ? q(list[k]) : '-')
      w.write(
        LEVEL_0,
        `${prefix}${item.type}\t${k}\t${v(item.min)}\t${v(item.max)}\t${v(item.defaultRequest)}\t${v(item.default)}\t${v(item.maxLimitRequestRatio)}\n`,
      )
    }
  }
}

/** DescribeLimitRanges: all limit ranges of the namespace merged into one table. */
export function describeLimitRanges(limitRanges: readonly LimitRange[], w: PrefixWriter): void {
  if (limitRanges.length === 0) {
    w.write(LEVEL_0, 'No LimitRange resource.\n')
    return
  }
  w.write(LEVEL_0, 'Resource Limits\n Type\tResource\tMin\tMax\tDefault Request\tDefault Limit\tMax Limit/Request Ratio\n')
  w.write(LEVEL_0, ' ----\t--------\t---\t---\t---------------\t-------------\t-----------------------\n')
  for (const lr of limitRanges) describeLimitRangeSpec(lr.spec, ' ', w)
}

/**
 * describeNamespace: name, labels, annotations, status, conditions, then the quota and limit
 * range sections (each omitted when passed null).
 */
export function describeNamespace(
  ns: Namespace,
  nowMs: number,
  resourceQuotas: readonly ResourceQuota[] | null = [],
  limitRanges: readonly LimitRange[] | null = [],
): string {
  void nowMs // describe namespace prints no ages; kept for a uniform describer signature
  return tabbedString((w) => {
    w.write(LEVEL_0, `Name:\t${ns.metadata?.name ?? ''}\n`)
    printLabelsMultiline(w, 'Labels', ns.metadata?.labels)
    printAnnotationsMultiline(w, 'Annotations', ns.metadata?.annotations)
    w.write(LEVEL_0, `Status:\t${ns.status?.phase ?? ''}\n`)
    const conditions = ns.status?.conditions ?? []
    if (conditions.length > 0) {
      w.write(LEVEL_0, 'Conditions:\n')
      w.write(LEVEL_1, 'Type\tStatus\tLastTransitionTime\tReason\tMessage\n')
      w.write(LEVEL_1, '----\t------\t------------------\t------\t-------\n')
      for (const c of conditions) {
        w.write(LEVEL_1, `${c.type}\t${c.status}\t${formatRFC1123Z(c.lastTransitionTime)}\t${c.reason ?? ''}\t${c.message ?? ''}\n`)
      }
    }
    if (resourceQuotas !== null) {
      w.write(LEVEL_0, '\n')
      describeResourceQuotas(resourceQuotas, w)
    }
    if (limitRanges !== null) {
      w.write(LEVEL_0, '\n')
      describeLimitRanges(limitRanges, w)
    }
  })
}
