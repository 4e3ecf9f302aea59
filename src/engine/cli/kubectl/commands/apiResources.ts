// kubectl api-resources: the resource types the server serves, from discovery.
// Mirrors: k8s.io/kubectl pkg/cmd/apiresources/apiresources.go at 1.32 (Complete, Validate,
// RunAPIResources: the filters (--api-group and --namespaced only when given, --verbs and
// --categories must all match), the header, sort.Stable by group (or name, or kind) then name,
// the default, wide and name rows through printers.GetNewTabWriter) and client-go discovery's
// ServerPreferredResources (subresources skipped; one version per group).
// Podlab's discovery is the RESTMapper table in src/engine/api/resources.ts, which lists what
// its apiserver serves; the rows for those resources match a kind 1.32 cluster's.
// Left out: --cached (Podlab keeps no discovery cache, so fresh and cached are the same).

import { RESOURCES, groupVersion, type ResourceInfo } from '../../../api/resources'
import { usageError } from '../cmd/parse'
import { splitKlogLines } from '../connectionErrors'
import type { Factory } from '../factory'
import { KubectlExit } from '../factory'
import { compareGoStrings } from '../../../api/goValues'
import { TabWriter } from '../printers/tabwriter'

export interface ApiResourcesOptions {
  output: '' | 'wide' | 'name'
  sortBy: '' | 'name' | 'kind'
  /** --api-group, when given (undefined: not filtered). */
  apiGroup?: string
  /** --namespaced, when given. */
  namespaced?: boolean
  verbs: readonly string[]
  categories: readonly string[]
  noHeaders: boolean
}

/** The header line kubectl prints (printContextHeaders), unless --no-headers or -o name. */
export function apiResourcesHeader(o: Pick<ApiResourcesOptions, 'output' | 'noHeaders'>): string {
  if (o.noHeaders || o.output === 'name') return ''
  const columns = ['NAME', 'SHORTNAMES', 'APIVERSION', 'NAMESPACED', 'KIND']
  if (o.output === 'wide') columns.push('VERBS', 'CATEGORIES')
  return `${columns.join('\t')}\n`
}

/** The rows for a discovery list, filtered and sorted as kubectl does (before the tabwriter). */
export function apiResourcesRows(resources: readonly ResourceInfo[], o: ApiResourcesOptions): string {
  const kept = resources.filter(
    (r) =>
      r.verbs.length > 0 &&
      (o.apiGroup === undefined || r.group === o.apiGroup) &&
      (o.namespaced === undefined || r.namespaced === o.namespaced) &&
      o.verbs.every((v) => r.verbs.includes(v)) &&
      o.categories.every((c) => r.categories.includes(c)),
  )
  const key = (r: ResourceInfo) => (o.sortBy === 'name' ? r.resource : o.sortBy === 'kind' ? r.kind : r.group)
  // sortableResource.Less: the chosen field, then the name; Array.prototype.sort is stable.
  const sorted = [...kept].sort((a, b) => compareGoStrings(key(a), key(b)) || compareGoStrings(a.resource, b.resource))
  return sorted
    .map((r) => {
      if (o.output === 'name') return `${r.group ? `${r.resource}.${r.group}` : r.resource}\n`
      const cells = [r.resource, r.shortNames.join(','), groupVersion(r), String(r.namespaced), r.kind]
      if (o.output === 'wide') cells.push(r.verbs.join(','), r.categories.join(','))
      return `${cells.join('\t')}\n`
    })
    .join('')
}

/** printers.GetNewTabWriter (minwidth 6, tabwidth 4, padding 3, no flags) over some text. */
function tabulate(text: string): string {
  const w = new TabWriter(6, 4, 3, ' ', 0)
  w.write(text)
  return w.flush()
}

/** `kubectl api-resources`. */
export function apiResources(f: Factory): void {
  if (f.cmd.args.length > 0) {
    const u = usageError('kubectl api-resources', `unexpected arguments: [${f.cmd.args.join(' ')}]`)
    throw new KubectlExit(u.text, u.exitCode)
  }
  const output = f.str('output')
  if (output !== '' && output !== 'wide' && output !== 'name') throw new KubectlExit(`error: --output ${output} is not available\n`, 1)
  const sortBy = f.str('sort-by')
  if (sortBy !== '' && sortBy !== 'name' && sortBy !== 'kind') throw new KubectlExit('error: --sort-by accepts only name or kind\n', 1)
  const o: ApiResourcesOptions = {
    output,
    sortBy,
    apiGroup: f.changed('api-group') ? f.str('api-group') : undefined,
    namespaced: f.changed('namespaced') ? f.bool('namespaced') : undefined,
    verbs: f.strs('verbs'),
    categories: f.strs('categories'),
    noHeaders: f.bool('no-headers'),
  }
  // Discovery. When it fails kubectl still prints the header, then reports the error.
  let failure: KubectlExit | undefined
  try {
    f.client()
  } catch (e) {
    if (!(e instanceof KubectlExit)) throw e
    failure = e
  }
  if (failure) {
    const { klog, rest } = splitKlogLines(failure.text)
    f.p.err(klog)
    f.p.out(tabulate(apiResourcesHeader(o)))
    throw new KubectlExit(rest, failure.code)
  }
  f.p.out(tabulate(apiResourcesHeader(o) + apiResourcesRows(RESOURCES, o)))
  f.p.exit(0)
}
