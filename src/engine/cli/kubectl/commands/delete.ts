// `kubectl delete`: delete the objects the arguments name (or select), printing
// `pod "nginx" deleted` for each, then wait until they are gone.
// Mirrors: k8s.io/kubectl pkg/cmd/delete/delete.go v0.32 (DeleteOptions.Complete, Validate,
// DeleteResult, deleteResource, PrintObj), delete_flags.go (parseCascadingFlag), pkg/cmd/util
// helpers.go (GetDryRunStrategy), cli-runtime printers/warningprinter.go (`Warning: ...`) and the
// resource builder as delete configures it (ResourceTypeOrNameArgs(false, ...),
// RequireObject(false): named objects are deleted without a GET first).
// -f/--filename and -R: the builder's FilenameParam, visitByPaths and RequireNamespace
// (describeTargets.ts); each object read is deleted by name in its namespace, its errors say
// `error when deleting "<file>"`, and the files' read errors come last (EagerVisitorList).
// Left out, answered as not simulated: -k/--kustomize, -f with --all-namespaces (objects without
// a namespace would be deleted at a path the Podlab apiserver may not answer as the real one
// does), --raw and --interactive. Also left out: the klog warning lines for a boolean or bare
// --dry-run (they carry a process id and wall-clock time), and the terminal colour of
// "Warning:" (kubectl colours it when stderr is a terminal; Podlab cannot tell).

import { addSourceToErr } from '../../../api/errors'
import type { ResourceInfo } from '../../../api/resources'
import type { KubeObject, Status } from '../../../api/types'
import { Client } from '../../../client/client'
import { KubectlExit, type Factory } from '../factory'
import type { KubectlCommand } from './index'
import { failWith, type CmdError } from './createCmdutil'
import {
  builderStructureError,
  listTargets,
  planBuilder,
  planFilenames,
  reachableClient,
  requireNamespace,
  unrecognizedObjects,
  visitFileSources,
  type FilenamePlan,
  type TargetError,
} from './describeTargets'
import { filenameOptions } from './filenames'
import { waitForDeletion, type DeletedObject } from './deleteWait'

export type DryRunStrategy = 'none' | 'client' | 'server'

/** One object to delete; `source` is the file it was read from ("" for arguments). */
export interface DeleteItem {
  info: ResourceInfo
  namespace: string
  name: string
  source: string
}

/** What the builder's visit yields, in order: objects to delete, or errors met finding them. */
export type DeleteEntry = { item: DeleteItem } | { error: TargetError }

export interface DeleteOptions {
  gracePeriod: number
  force: boolean
  cascade: 'Background' | 'Foreground' | 'Orphan'
  dryRun: DryRunStrategy
  output: string
  ignoreNotFound: boolean
  wait: boolean
  /** --timeout in nanoseconds; 0 waits up to a week. */
  timeoutNs: number
  /** -n was given (and not -A): a cluster-scoped object gets a warning. */
  warnClusterScope: boolean
}

const NOT_SIMULATED = (what: string) => new KubectlExit(`error: kubectl delete ${what} is not simulated by Podlab yet\n`, 1)

/**
 * GetDryRunStrategy: "client", "server", "none"; a bare --dry-run and the deprecated booleans
 * still work ("true" is client, "false" none).
 */
export function dryRunStrategy(value: string): { ok: true; strategy: DryRunStrategy } | { ok: false; error: string } {
  switch (value) {
    case 'true':
    case 'unchanged':
    case 'client':
      return { ok: true, strategy: 'client' }
    case 'false':
    case 'none':
      return { ok: true, strategy: 'none' }
    case 'server':
      return { ok: true, strategy: 'server' }
  }
  if (/^(1|t|T|TRUE|True)$/.test(value)) return { ok: true, strategy: 'client' }
  if (/^(0|f|F|FALSE|False)$/.test(value)) return { ok: true, strategy: 'none' }
  return { ok: false, error: `Invalid dry-run value (${value}). Must be "none", "server", or "client".` }
}

/**
 * parseCascadingFlag: background, foreground, orphan; the deprecated booleans print a warning
 * (`warn`) and mean background (true) or orphan (false).
 */
export function cascadingStrategy(value: string, warn: (text: string) => void): { ok: true; policy: DeleteOptions['cascade'] } | { ok: false; error: string } {
  const truthy = /^(1|t|T|TRUE|true|True)$/.test(value)
  const falsy = /^(0|f|F|FALSE|false|False)$/.test(value)
  if (truthy || falsy) {
    const replacement = truthy ? 'background' : 'orphan'
    warn(`warning: --cascade=${value} is deprecated (boolean value) and can be replaced with --cascade=${replacement}.\n`)
    return { ok: true, policy: truthy ? 'Background' : 'Orphan' }
  }
  switch (value) {
    case 'orphan':
      return { ok: true, policy: 'Orphan' }
    case 'foreground':
      return { ok: true, policy: 'Foreground' }
    case 'background':
      return { ok: true, policy: 'Background' }
  }
  return { ok: false, error: `invalid cascade value (${value}). Must be "background", "foreground", or "orphan"` }
}

/** PrintObj: `pod "nginx" deleted`, `deployment.apps "web" force deleted (dry run)`, or -o name. */
export function deletedMessage(info: ResourceInfo, name: string, o: Pick<DeleteOptions, 'gracePeriod' | 'dryRun' | 'output'>): string {
  const kind = info.group ? `${info.kind.toLowerCase()}.${info.group}` : info.kind.toLowerCase()
  if (o.output === 'name') return `${kind}/${name}\n`
  let operation = o.gracePeriod === 0 ? 'force deleted' : 'deleted'
  if (o.dryRun === 'client') operation += ' (dry run)'
  if (o.dryRun === 'server') operation += ' (server dry run)'
  return `${kind} "${name}" ${operation}\n`
}

/** WarningPrinter.Print without colour. */
function warning(f: Factory, message: string): void {
  f.p.err(`Warning: ${message}\n`)
}

/** The UID the delete answered with: the object's, or a Status's details (cmdwait.UIDMap). */
function responseUID(response: KubeObject): string | undefined {
  if (response.kind === 'Status') return (response as Status).details?.uid
  return response.metadata?.uid
}

/**
 * DeleteResult: delete each object the visit yields (printing each), collect the errors (NotFound
 * ones dropped with --ignore-not-found), then wait for the deleted objects to go. `fileErrors`
 * are the errors of reading -f files (EagerVisitorList's aggregate), reported after the others.
 */
export function deleteResult(f: Factory, client: Client, o: DeleteOptions, entries: readonly DeleteEntry[], fileErrors: readonly CmdError[] = []): void {
  let found = 0
  let warnClusterScope = o.warnClusterScope
  const errors: TargetError[] = []
  const deleted: DeletedObject[] = []
  // Errors met before --ignore-not-found drops any: how many decides the aggregate's shape.
  let met = 0
  const keep = (err: TargetError) => {
    met++
    return !(o.ignoreNotFound && typeof err !== 'string' && err.reason === 'NotFound')
  }
  for (const entry of entries) {
    if ('error' in entry) {
      if (keep(entry.error)) errors.push(entry.error)
      continue
    }
    const item = entry.item
    const waitFor: DeletedObject = { info: item.info, namespace: item.namespace, name: item.name }
    deleted.push(waitFor)
    found++
    if (warnClusterScope && !item.info.namespaced) {
      warning(f, 'deleting cluster-scoped resources, not scoped to the provided namespace')
      warnClusterScope = false
    }
    if (o.dryRun === 'client') {
      f.p.out(deletedMessage(item.info, item.name, o))
      continue
    }
    // The DeleteOptions body kubectl sends (dryRun inside it, as the real apiserver reads it); the
    // dryRun query parameter too, which is where the simulated apiserver looks for it.
    const res = client.request({
      method: 'DELETE',
      path: Client.path(item.info.resource, item.info.namespaced ? item.namespace : undefined, item.name),
      body: {
        ...(o.gracePeriod >= 0 ? { gracePeriodSeconds: o.gracePeriod } : {}),
        propagationPolicy: o.cascade,
        ...(o.dryRun === 'server' ? { dryRun: ['All'] } : {}),
      },
      query: o.dryRun === 'server' ? { dryRun: 'All' } : undefined,
    })
    if (res.code >= 400) {
      const err = addSourceToErr('deleting', item.source, res.body as Status)
      if (keep(err)) errors.push(err)
      continue
    }
    const response = res.body as KubeObject
    f.p.out(deletedMessage(item.info, item.name, o))
    waitFor.uid = responseUID(response)
  }
  // ContinueOnErrorVisitor: the callbacks' errors, then the files' aggregate (no NotFound in it);
  // alone, the files' aggregate is the error. FilterOut keeps an aggregate an aggregate, so a
  // files' error left alone by --ignore-not-found is printed as an aggregate's line.
  if (fileErrors.length > 0) failWith(met === 0 ? [...fileErrors] : [...errors, [...fileErrors]])
  if (errors.length > 0) f.fail(errors)
  if (found === 0) {
    f.p.out('No resources found\n')
    return f.p.exit(0)
  }
  if (!o.wait || o.dryRun !== 'none') return f.p.exit(0)
  waitForDeletion(f, client, deleted, o.timeoutNs)
}

function runDelete(f: Factory): void {
  // DeleteFlags.ToOptions
  const cascade = cascadingStrategy(f.str('cascade'), (text) => f.p.err(text))
  if (!cascade.ok) f.fail(cascade.error)

  // Complete
  const { namespace, explicit } = f.namespace()
  const allNamespaces = f.bool('all-namespaces')
  const deleteAll = f.bool('all')
  const labelSelector = f.str('selector')
  const fieldSelector = f.str('field-selector')
  let ignoreNotFound = f.bool('ignore-not-found')
  if ((deleteAll || labelSelector.length > 0 || fieldSelector.length > 0) && !f.changed('ignore-not-found')) ignoreNotFound = true
  let gracePeriod = f.int('grace-period')
  const force = f.bool('force')
  if (f.bool('now')) {
    if (gracePeriod !== -1) f.fail('--now and --grace-period cannot be specified together')
    gracePeriod = 1
  }
  // --grace-period=0 without --force means 1; --force alone means 0.
  if (gracePeriod === 0 && !force) gracePeriod = 1
  if (force && gracePeriod < 0) gracePeriod = 0
  const dryRun = dryRunStrategy(f.str('dry-run'))
  if (!dryRun.ok) f.fail(dryRun.error)
  if (f.str('raw') !== '') throw NOT_SIMULATED('--raw')
  if (f.bool('interactive')) throw NOT_SIMULATED('--interactive')

  const files = filenameOptions(f)
  const params = { args: f.cmd.args, namespace, allNamespaces, labelSelector, fieldSelector, allowEmptySelector: false, selectAll: deleteAll }
  let filePlan: FilenamePlan | undefined
  let plan: ReturnType<typeof planBuilder> | undefined
  if (files.filenames.length > 0 || files.kustomize !== '') {
    filePlan = planFilenames(f, files, params)
    if (allNamespaces) throw NOT_SIMULATED('-f --all-namespaces')
  } else {
    const structural = builderStructureError(params)
    if (structural) f.fail(structural)
    f.client()
    plan = planBuilder(params)
    if (plan.kind === 'error') f.fail(plan.error)
  }

  // Validate
  const output = f.str('output')
  if (output !== '' && output !== 'name') f.fail(`unexpected -o output mode: ${output}. We only support '-o name'`)
  if (gracePeriod === 0 && force) {
    warning(f, 'Immediate deletion does not wait for confirmation that the running resource has been terminated. The resource may continue to run on the cluster indefinitely.')
  } else if (gracePeriod > 0 && force) {
    f.fail('--force and --grace-period greater than 0 cannot be specified together')
  }

  const opts: DeleteOptions = {
    gracePeriod,
    force,
    cascade: cascade.policy,
    dryRun: dryRun.strategy,
    output,
    ignoreNotFound,
    wait: f.bool('wait'),
    timeoutNs: f.int('timeout'),
    warnClusterScope: explicit && !allNamespaces,
  }
  if (filePlan) return deleteFiles(f, opts, filePlan, namespace, explicit)

  // The visit: named objects as they are, selected ones from a list of each type.
  if (plan === undefined || plan.kind === 'error') throw new Error('delete: the plan was checked above')
  const client = f.client()
  let entries: DeleteEntry[]
  if (plan.kind === 'names') {
    entries = plan.targets.map((t) => ({ item: { ...t, source: '' } }))
  } else {
    const listed = listTargets(client, plan, namespace, allNamespaces)
    entries = [...listed.targets.map((t) => ({ item: { ...t, source: '' } })), ...listed.errors.map((error) => ({ error }))]
  }
  deleteResult(f, client, opts, entries)
}

/**
 * `delete -f`: the objects of the files, by name in their namespace (RequireNamespace when -n
 * was given), or, with nobody at the server's address, the mapping errors of every object.
 */
function deleteFiles(f: Factory, opts: DeleteOptions, plan: FilenamePlan, namespace: string, enforceNamespace: boolean): void {
  const client = reachableClient(f)
  if (!client) {
    const errs = unrecognizedObjects(f, plan.sources)
    if (errs.length > 0) failWith(errs)
    f.p.out('No resources found\n')
    return f.p.exit(0)
  }
  const entries: DeleteEntry[] = []
  const fileErrors: CmdError[] = []
  for (const v of visitFileSources(f, plan.sources, namespace, plan.selector)) {
    for (const e of v.entries) {
      if (e.kind === 'error') {
        // A mapping failure: the reading's error, not a callback's.
        fileErrors.push(e.error)
        continue
      }
      const o = e.object
      const mismatch = enforceNamespace ? requireNamespace(o, namespace) : undefined
      if (mismatch) entries.push({ error: mismatch })
      else entries.push({ item: { info: o.mapping, namespace: o.namespace, name: o.name, source: o.source } })
    }
    fileErrors.push(...v.fileErrors)
  }
  deleteResult(f, client, opts, entries, fileErrors)
}

export const deleteCommands: Record<string, KubectlCommand> = {
  delete: runDelete,
}
