// Which objects `kubectl describe` describes: the resource builder's answer for its arguments.
// Mirrors: k8s.io/cli-runtime pkg/resource builder.go v0.32 as describe configures it
// (Unstructured, ContinueOnError, NamespaceParam/DefaultNamespace/AllNamespaces,
// LabelSelectorParam, ResourceTypeOrNameArgs(true, ...): a bare type means "every object",
// visitBySelector, visitByName, visitByResource, RetrieveLazy), selector.go (the list and
// EnhanceListError) and EagerVisitorList (every error is collected, the visit goes on).
// Left out: -f/-k (objects read from files) and --chunk-size paging (lists come whole).

import { StatusError } from '../../../api/errors'
import type { ResourceInfo } from '../../../api/resources'
import { goQuote } from '../../../api/validation/field'
import type { KubeObject, Status } from '../../../api/types'
import type { Client } from '../../../client/client'
import { parseResourceArgs } from './resourceArgs'

/** One object the builder found (resource.Info without the object: describers fetch it again). */
export interface Target {
  info: ResourceInfo
  /** "" for cluster-scoped objects. */
  namespace: string
  name: string
}

/** The builder's errors, in the order kubectl reports them: Status from the server or client text. */
export type TargetError = Status | string

export interface TargetsResult {
  targets: Target[]
  errors: TargetError[]
}

export interface BuilderParams {
  args: readonly string[]
  namespace: string
  allNamespaces: boolean
  /** -l, as typed (LabelSelectorParam trims it; empty means none). */
  labelSelector: string
  /** --field-selector (delete); empty means none. */
  fieldSelector?: string
  /** ResourceTypeOrNameArgs(allowEmptySelector): a lone type selects everything (describe, get). */
  allowEmptySelector: boolean
  /** SelectAllParam (delete --all). */
  selectAll?: boolean
}

/** The builder's plan: list by selector, or visit named objects. Errors it finds without the server. */
export type BuilderPlan =
  | { kind: 'selector'; requests: { info: ResourceInfo }[]; labelSelector: string; fieldSelector: string }
  | { kind: 'names'; targets: Target[] }
  | { kind: 'error'; error: string }

const MISSING_RESOURCE = `You must provide one or more resources by argument or filename.
Example resource specifications include:
   '-f rsrc.yaml'
   '--filename=rsrc.json'
   '<resource> <name>'
   '<resource>'`

/**
 * Builder.Do's checks that need no server (visitorResult, visitBySelector, visitByName): the
 * errors for a name given with a selector and friends. Run before resolving types, which would
 * ask the server (discovery).
 */
export function builderStructureError(p: BuilderParams): string | undefined {
  const labelSelector = p.labelSelector.trim()
  const fieldSelector = (p.fieldSelector ?? '').trim()
  if (p.selectAll && (labelSelector !== '' || fieldSelector !== '')) return "setting 'all' parameter but found a non empty selector. "
  const slashed = p.args.some((a) => a.includes('/'))
  const hasSelector = labelSelector !== '' || fieldSelector !== '' || p.selectAll === true || (p.allowEmptySelector && p.args.length === 1 && !slashed)
  // normalizeMultipleResourcesArgs: `pods,svc a b` becomes pods/a pods/b svc/a svc/b.
  const multiType = p.args.length >= 2 && new Set(p.args[0]!.split(',')).size > 1
  if (slashed && !p.args.every((a) => a.includes('/'))) return undefined // parseResourceArgs words this one
  if (hasSelector && (slashed || multiType)) return 'selectors and the all flag cannot be used when passing resource/name arguments'
  if (hasSelector && p.args.length >= 2) return 'name cannot be provided when a selector is specified'
  if (p.args.length === 0) return hasSelector ? 'at least one resource must be specified to use a selector' : MISSING_RESOURCE
  // A lone type without a selector ("resource(s) were provided, but no name was specified") is
  // only reported once the type resolves, as visitorResult maps it first.
  return undefined
}

/**
 * Builder.Do after discovery: resolves the types and says what to visit. The caller has checked
 * builderStructureError first.
 */
export function planBuilder(p: BuilderParams): BuilderPlan {
  const parsed = parseResourceArgs(p.args)
  if (!parsed.ok) return { kind: 'error', error: parsed.error }
  const labelSelector = p.labelSelector.trim()
  const fieldSelector = (p.fieldSelector ?? '').trim()
  const names = parsed.requests.some((r) => r.names.length > 0)
  const hasSelector = labelSelector !== '' || fieldSelector !== '' || p.selectAll === true || (p.allowEmptySelector && !names)
  if (hasSelector) return { kind: 'selector', requests: parsed.requests.map((r) => ({ info: r.info })), labelSelector, fieldSelector }
  if (!names) return { kind: 'error', error: 'resource(s) were provided, but no name was specified' }
  const targets: Target[] = []
  for (const r of parsed.requests) {
    let namespace = ''
    if (r.info.namespaced) {
      if (p.allNamespaces) return { kind: 'error', error: 'a resource cannot be retrieved by name across all namespaces' }
      namespace = p.namespace
    }
    for (const name of r.names) targets.push({ info: r.info, namespace, name })
  }
  return { kind: 'names', targets }
}

/**
 * The Selector visitor: lists each type (in the namespace, or everywhere for -A and for
 * cluster-scoped types) and yields the items; a failed list is an error, and the visit goes on.
 */
export function listTargets(
  client: Client,
  plan: Extract<BuilderPlan, { kind: 'selector' }>,
  namespace: string,
  allNamespaces: boolean,
): TargetsResult & { objects: KubeObject[] } {
  const out: TargetsResult & { objects: KubeObject[] } = { targets: [], errors: [], objects: [] }
  for (const { info } of plan.requests) {
    const ns = info.namespaced && !allNamespaces ? namespace : undefined
    try {
      const list = client.list(info.resource, ns, { labelSelector: plan.labelSelector, fieldSelector: plan.fieldSelector })
      for (const item of list.items) {
        out.targets.push({ info, namespace: info.namespaced ? (item.metadata?.namespace ?? '') : '', name: item.metadata?.name ?? '' })
        out.objects.push(item)
      }
    } catch (e) {
      if (!(e instanceof StatusError)) throw e
      out.errors.push(enhanceListError(e.status, info, plan.labelSelector, plan.fieldSelector))
    }
  }
  return out
}

/**
 * RetrieveLazy for named objects: a GET of each; the ones that answer are the targets, the
 * others' errors are collected.
 */
export function getTargets(client: Client, targets: readonly Target[]): TargetsResult {
  const out: TargetsResult = { targets: [], errors: [] }
  for (const t of targets) {
    try {
      client.get(t.info.resource, t.namespace || undefined, t.name)
      out.targets.push(t)
    } catch (e) {
      if (!(e instanceof StatusError)) throw e
      out.errors.push(e.status)
    }
  }
  return out
}

/** GroupVersionResource.String(): "/v1, Resource=pods", "apps/v1, Resource=deployments". */
export function groupVersionResourceString(info: ResourceInfo): string {
  return `${info.group}/${info.version}, Resource=${info.resource}`
}

/**
 * EnhanceListError: a BadRequest or NotFound list error says what was being listed; other
 * errors pass unchanged.
 */
export function enhanceListError(status: Status, info: ResourceInfo, labelSelector: string, fieldSelector: string): Status {
  if (status.reason === 'Expired') return status
  if (status.reason !== 'BadRequest' && status.reason !== 'NotFound') return status
  const subj = groupVersionResourceString(info)
  const message =
    labelSelector === '' && fieldSelector === ''
      ? `Unable to list ${goQuote(subj)}: ${status.message ?? ''}`
      : `Unable to find ${goQuote(subj)} that match label selector ${goQuote(labelSelector)}, field selector ${goQuote(fieldSelector)}: ${status.message ?? ''}`
  return { ...status, message }
}
