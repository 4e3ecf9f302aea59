// `kubectl describe`: find the objects the arguments name, run each kind's describer, print the
// descriptions one after another (two blank lines between them), then the errors.
// Mirrors: k8s.io/kubectl pkg/cmd/describe/describe.go v0.32 (DescribeOptions.Complete, Run,
// DescribeMatchingResources: `describe TYPE PREFIX` falls back to every object of TYPE whose
// name starts with PREFIX when no object is called PREFIX).
// -f/--filename and -R: the objects read from the files (describeTargets.ts: FilenameParam,
// visitByPaths, RequireNamespace unless -A), each described by name, the files' read errors
// reported before the describers' (Infos() returns them first).
// Left out: -k/--kustomize and -f with --all-namespaces (objects without a namespace would be
// fetched at a path the Podlab apiserver may not answer as the real one does), which answer that
// they are not simulated; --chunk-size (lists come whole).

import { isNotFound, StatusError } from '../../../api/errors'
import { qualifiedResource, type ResourceInfo } from '../../../api/resources'
import { KubectlExit, type Factory } from '../factory'
import type { KubectlCommand } from './index'
import type { Client } from '../../../client/client'
import { describerFor, type DescriberSettings } from './describeDescribers'
import {
  builderStructureError,
  continueOnErrorResult,
  getTargets,
  listTargets,
  planBuilder,
  planFilenames,
  reachableClient,
  requireNamespace,
  unrecognizedObjects,
  visitFileSources,
  type TargetError,
} from './describeTargets'
import { failWith, type CmdError } from './createCmdutil'
import { filenameOptions, type VisitedObject } from './filenames'

/** cmdutil.SuggestAPIResources("kubectl"). */
const SUGGEST_API_RESOURCES = 'Use "kubectl api-resources" for a complete list of supported resources.'

/** What a kind without a Podlab describer answers (upstream describes every kind it serves). */
export function describerMissingError(info: ResourceInfo): string {
  return `"kubectl describe ${qualifiedResource(info)}" is not simulated by Podlab yet`
}

/**
 * describer.Describe for one object: its text, or the error describe collects (a Status from
 * the server, or the text of a missing describer).
 */
function describeOne(client: Client, info: ResourceInfo, namespace: string, name: string, settings: DescriberSettings, nowMs: number): { text: string } | { error: TargetError } {
  const describer = describerFor(info)
  if (!describer) return { error: describerMissingError(info) }
  try {
    return { text: describer(client, namespace, name, settings, nowMs) }
  } catch (e) {
    if (e instanceof StatusError) return { error: e.status }
    throw e
  }
}

function errorText(e: TargetError): string {
  return typeof e === 'string' ? e : (e.message ?? '')
}

function runDescribe(f: Factory): void {
  const { namespace } = f.namespace()
  const allNamespaces = f.bool('all-namespaces')
  const args = f.cmd.args
  const filenames = f.strs('filename')
  const kustomize = f.str('kustomize')
  if (args.length === 0 && filenames.length === 0 && kustomize === '') {
    throw new KubectlExit(`error: You must specify the type of resource to describe. ${SUGGEST_API_RESOURCES}\n`, 1)
  }
  const settings: DescriberSettings = { showEvents: f.bool('show-events') }
  if (filenames.length > 0 || kustomize !== '') return describeFiles(f, namespace, allNamespaces, settings)
  const params = { args, namespace, allNamespaces, labelSelector: f.str('selector'), allowEmptySelector: true }

  const structural = builderStructureError(params)
  if (structural) f.fail(structural)
  const client = f.client()
  const plan = planBuilder(params)
  if (plan.kind === 'error') f.fail(plan.error)
  const found = plan.kind === 'selector' ? listTargets(client, plan, namespace, allNamespaces) : getTargets(client, plan.targets)

  // Infos() with ContinueOnError reduces a single error to itself: a lone NotFound for
  // `describe TYPE NAME` is the cue for the name-prefix search.
  if (found.errors.length === 1 && isNotFound(found.errors[0]) && args.length === 2) {
    describeMatchingResources(f, found.errors[0]!, args[0]!, args[1]!, namespace, settings)
    return f.p.exit(0)
  }

  const allErrs: TargetError[] = [...found.errors]
  const seen = new Set<string>()
  let first = true
  const now = f.now()
  for (const t of found.targets) {
    const r = describeOne(client, t.info, t.namespace, t.name, settings, now)
    if ('error' in r) {
      // The same error for several objects (a kind without a describer) is reported once.
      if (!seen.has(errorText(r.error))) {
        allErrs.push(r.error)
        seen.add(errorText(r.error))
      }
      continue
    }
    f.p.out(first ? r.text : `\n\n${r.text}`)
    first = false
  }

  if (found.targets.length === 0 && allErrs.length === 0) {
    // Written to stderr: a script piping describe sees no output, a person sees why.
    f.p.err(allNamespaces ? 'No resources found\n' : `No resources found in ${namespace} namespace.\n`)
  }
  if (allErrs.length > 0) f.fail(allErrs)
  f.p.exit(0)
}

/**
 * `describe -f`: Infos() over the files (their errors first), then each object's describer; with
 * nobody at the server's address, the mapping errors of every object.
 */
function describeFiles(f: Factory, namespace: string, allNamespaces: boolean, settings: DescriberSettings): void {
  const plan = planFilenames(f, filenameOptions(f), { args: f.cmd.args, labelSelector: f.str('selector'), allowEmptySelector: true })
  if (allNamespaces) throw new KubectlExit('error: "kubectl describe -f --all-namespaces" is not simulated by Podlab yet\n', 1)
  // Complete: EnforceNamespace is -n given explicitly (and not -A).
  const enforceNamespace = f.namespace().explicit
  const client = reachableClient(f)
  if (!client) {
    const err = continueOnErrorResult([], unrecognizedObjects(f, plan.sources))
    if (err !== undefined) failWith([err])
    f.p.err(`No resources found in ${namespace} namespace.\n`)
    return f.p.exit(0)
  }
  const callbackErrors: CmdError[] = []
  const eagerErrors: CmdError[] = []
  const objects: VisitedObject[] = []
  for (const v of visitFileSources(f, plan.sources, namespace, plan.selector)) {
    for (const e of v.entries) {
      if (e.kind === 'error') {
        eagerErrors.push(e.error)
        continue
      }
      const mismatch = enforceNamespace ? requireNamespace(e.object, namespace) : undefined
      if (mismatch) callbackErrors.push(mismatch)
      else objects.push(e.object)
    }
    eagerErrors.push(...v.fileErrors)
  }
  const infosError = continueOnErrorResult(callbackErrors, eagerErrors)
  const allErrs: CmdError[] = infosError === undefined ? [] : [infosError]
  const seen = new Set<string>()
  let first = true
  const now = f.now()
  for (const o of objects) {
    const r = describeOne(client, o.mapping, o.namespace, o.name, settings, now)
    if ('error' in r) {
      if (!seen.has(errorText(r.error))) {
        allErrs.push(r.error)
        seen.add(errorText(r.error))
      }
      continue
    }
    f.p.out(first ? r.text : `\n\n${r.text}`)
    first = false
  }
  if (objects.length === 0 && allErrs.length === 0) f.p.err(`No resources found in ${namespace} namespace.\n`)
  if (allErrs.length > 0) failWith(allErrs)
  f.p.exit(0)
}

/**
 * DescribeMatchingResources: every object of the type (in the namespace) whose name starts with
 * `prefix`, each description followed by a newline; the original NotFound when none does.
 */
function describeMatchingResources(f: Factory, originalError: TargetError, resource: string, prefix: string, namespace: string, settings: DescriberSettings): void {
  const params = { args: [resource], namespace, allNamespaces: false, labelSelector: '', allowEmptySelector: true }
  const plan = planBuilder(params)
  if (plan.kind === 'error') f.fail(plan.error)
  if (plan.kind !== 'selector') throw new Error('describe: a lone type always lists')
  if (plan.requests.length > 1) f.fail('you may only specify a single resource type')
  const info = plan.requests[0]!.info
  if (!describerFor(info)) f.fail(describerMissingError(info))
  const client = f.client()
  const listed = listTargets(client, plan, namespace, false)
  if (listed.errors.length > 0) f.fail(listed.errors)
  const now = f.now()
  let isFound = false
  for (const t of listed.targets) {
    if (!t.name.startsWith(prefix)) continue
    isFound = true
    const r = describeOne(client, t.info, t.namespace, t.name, settings, now)
    if ('error' in r) f.fail(r.error)
    f.p.out(`${r.text}\n`)
  }
  if (!isFound) f.fail(originalError)
}

export const describeCommands: Record<string, KubectlCommand> = {
  describe: runDescribe,
}
