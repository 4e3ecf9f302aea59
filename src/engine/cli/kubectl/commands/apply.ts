// `kubectl apply -f FILE` (client-side apply) and the editor's Apply, which runs the same code on
// the editor's text.
// Mirrors: k8s.io/kubectl v0.32 pkg/cmd/apply/apply.go (ApplyFlags.ToOptions and
// ApplyOptions.Validate in kubectl's order of checks, Run: GetObjects then applyOneObject per
// object, errors collected with the objects' read errors first, "no objects passed to apply",
// the missing-annotation and deleting-resource warnings, PrintAndPrunePostProcessor's printing of
// the objects for -o json/yaml) and patcher.go (Patcher.Patch: the three-way strategic merge
// patch of applyPatch.ts, `{}` meaning unchanged, up to 5 retries on Conflict, AddSourceToErr
// of "patching" and "applying patch"). Messages were checked against the real kubectl 1.32.
// Left out: --server-side, --prune/--all/--prune-allowlist, --force (delete and re-create on
// Invalid/Conflict), --overwrite=false conflict detection, --wait, --record, -k; these end with
// an error saying they are not simulated.

import { addSourceToErr, StatusError } from '../../../api/errors'
import type { KubeObject, Status } from '../../../api/types'
import type { Client } from '../../../client/client'
import type { Host } from '../../../host/host'
import type { ApplyResult } from '../../../publicTypes'
import { Proc } from '../../../shell/proc'
import { parseKubectl } from '../cmd/parse'
import { Factory, KubectlExit, type ApiEndpoints } from '../factory'
import { runGuarded } from '../kubectl'
import { compareGoStrings } from '../../../api/goValues'
import { createApplyAnnotation, encodeObject, getModifiedConfiguration, getOriginalConfiguration, LAST_APPLIED_CONFIG_ANNOTATION } from './applyAnnotation'
import { createThreeWayMergePatch, PatchError } from './applyPatch'
import { patchSchemaFor } from '../../../api/strategicpatch/meta'
import { rejectArgs } from './create'
import {
  errorString,
  failWith,
  getDryRunStrategy,
  getValidationDirective,
  operationWithDryRun,
  printsObjects,
  reduceErrors,
  toPrinter,
  type CmdError,
  type DryRunStrategy,
  type ValidationDirective,
} from './createCmdutil'
import { filenameOptions, requireFilenameOrKustomize, visitFilenames, type VisitedObject } from './filenames'
import { helperCreate, helperPatch, infoGet, infoObjectName, infoString } from './filenamesHelper'
import type { KubectlCommand } from './index'

/** maxPatchRetry. */
const MAX_PATCH_RETRY = 5

const FIELD_MANAGER_CLIENT_SIDE_APPLY = 'kubectl-client-side-apply'

interface ApplyOptions {
  f: Factory
  dryRun: DryRunStrategy
  validation: ValidationDirective
  fieldManager: string
  client: () => Client
  /** Errors the server returned, with the document they belong to (for the editor). */
  serverErrors: { status: Status; index: number }[]
}

function notSimulated(what: string): never {
  throw new KubectlExit(`error: ${what} is not simulated by Podlab yet\n`, 1)
}

/** The warning kubectl prints before patching an object no apply has annotated. */
function warningNoLastAppliedConfigAnnotation(objectName: string): string {
  return (
    `Warning: resource ${objectName} is missing the ${LAST_APPLIED_CONFIG_ANNOTATION} annotation which is required by kubectl apply. ` +
    'kubectl apply should only be used on resources created declaratively by either kubectl create --save-config or kubectl apply. ' +
    'The missing annotation will be patched automatically.\n'
  )
}

/** Runs `kubectl apply` with the parsed flags; `inline` stands for the file of that name. */
function runApply(f: Factory, inline?: { source: string; text: string }, serverErrors: ApplyOptions['serverErrors'] = []): void {
  // ApplyFlags.ToOptions
  rejectArgs(f)
  const serverSide = f.bool('server-side')
  const forceConflicts = f.bool('force-conflicts')
  const dryRun = getDryRunStrategy(f)
  const fieldManager = f.changed('field-manager') ? f.str('field-manager') : serverSide ? 'kubectl' : FIELD_MANAGER_CLIENT_SIDE_APPLY
  const files = filenameOptions(f)
  requireFilenameOrKustomize(files)
  const validation = getValidationDirective(f)
  // ApplyOptions.Validate
  const force = f.bool('force')
  const selector = f.str('selector')
  if (forceConflicts && !serverSide) throw new KubectlExit('error: --force-conflicts only works with --server-side\n', 1)
  if (dryRun === 'client' && serverSide) {
    throw new KubectlExit("error: --dry-run=client doesn't work with --server-side (did you mean --dry-run=server instead?)\n", 1)
  }
  if (serverSide && force) throw new KubectlExit('error: --force cannot be used with --server-side\n', 1)
  if (dryRun === 'server' && force) throw new KubectlExit('error: --dry-run=server cannot be used with --force\n', 1)
  if (f.bool('all') && selector !== '') throw new KubectlExit('error: cannot set --all and --selector at the same time\n', 1)
  if (f.bool('prune') && !f.bool('all') && selector === '') {
    throw new KubectlExit(
      'error: all resources selected for prune without explicitly passing --all. To prune all resources, pass the --all flag. If you did not mean to prune all resources, specify a label selector\n',
      1,
    )
  }
  if (serverSide) notSimulated('apply --server-side')
  if (f.bool('prune')) notSimulated('apply --prune')
  if (force) notSimulated('apply --force')
  if (!f.bool('overwrite')) notSimulated('apply --overwrite=false')

  let client: Client | undefined
  const o: ApplyOptions = { f, dryRun, validation, fieldManager, client: () => (client ??= f.client()), serverErrors }

  // Run: GetObjects() first; its error (the read errors) comes before the objects' own.
  const visit = visitFilenames(f, files, { validate: validation !== 'Ignore', selector, inline })
  const errs: CmdError[] = []
  const readErrors: CmdError[] = visit.entries.flatMap((e) => (e.kind === 'error' ? [e.error] : []))
  if (visit.fileErrors.length > 0) readErrors.push(visit.fileErrors)
  const readErr = reduceErrors(readErrors)
  if (readErr !== undefined) errs.push(readErr)
  if (visit.objects.length === 0 && errs.length === 0) throw new KubectlExit('error: no objects passed to apply\n', 1)
  const applied: KubeObject[] = []
  for (const info of visit.objects) {
    try {
      applied.push(applyOneObject(o, info))
    } catch (e) {
      if (e instanceof ApplyError) errs.push(e.err)
      else throw e
    }
  }
  const err = reduceErrors(errs)
  if (err !== undefined) failWith(err)
  printObjects(f, applied)
  f.p.exit(0)
}

/** An error applyOneObject returns (kubectl collects them and goes on with the next object). */
class ApplyError extends Error {
  constructor(readonly err: CmdError) {
    super(errorString(err))
  }
}

function statusOf(e: unknown): Status {
  if (e instanceof StatusError) return e.status
  throw e
}

/** ToPrinter(operation) and PrintObj: a printer error is the object's error. */
function printObject(o: ApplyOptions, obj: KubeObject, operation: string): void {
  let printer
  try {
    printer = toPrinter(o.f, operationWithDryRun(operation, o.dryRun))
  } catch (e) {
    if (e instanceof KubectlExit) throw new ApplyError(e.text.replace(/^error: /, '').replace(/\n$/, ''))
    throw e
  }
  const printed = printer.print(obj)
  if ('error' in printed) throw new ApplyError(printed.error)
  o.f.p.out(printed.output)
}

function shouldPrintObject(f: Factory): boolean {
  const output = f.str('output')
  return output.length > 0 && output !== 'name'
}

/** applyOneObject: create the object, or patch it from its last-applied configuration. Returns it. */
function applyOneObject(o: ApplyOptions, info: VisitedObject): KubeObject {
  const { f } = o
  const meta = info.object.metadata ?? {}
  if (info.name === '' && meta.generateName) throw new ApplyError(`from ${meta.generateName}: cannot use generate name with apply`)
  const fail = (status: Status, err: CmdError): never => {
    o.serverErrors.push({ status, index: info.index })
    throw new ApplyError(err)
  }
  const modified = getModifiedConfiguration(info.object, true, 'unstructured')
  const client = o.client()
  let live: KubeObject
  try {
    live = infoGet(client, info.mapping, info.namespace, info.name)
  } catch (e) {
    const status = statusOf(e)
    if (status.reason !== 'NotFound') {
      fail(status, addSourceToErr(`retrieving current configuration of:\n${infoString(info.mapping, info.name, info.namespace)}\nfrom server for:`, info.source, status))
    }
    // Create the object, with its own configuration in the annotation.
    let obj = createApplyAnnotation(info.object, 'unstructured')
    if (o.dryRun !== 'client') {
      try {
        obj = helperCreate(client, info.mapping, info.namespace, obj, true, {
          dryRun: o.dryRun === 'server',
          fieldManager: o.fieldManager,
          fieldValidation: o.validation,
        })
      } catch (e2) {
        const s = statusOf(e2)
        fail(s, addSourceToErr('creating', info.source, s))
      }
    }
    if (!shouldPrintObject(f)) printObject(o, obj, 'created')
    return obj
  }

  let current = live
  if (o.dryRun !== 'client') {
    if (getOriginalConfiguration(live) === undefined) f.p.err(warningNoLastAppliedConfigAnnotation(infoObjectName(info.mapping, info.name)))
    const result = patch(o, info, live, modified, fail)
    current = result.object
    if (current.metadata?.deletionTimestamp) f.p.err(`Warning: Detected changes to resource ${current.metadata.name ?? ''} which is currently being deleted.\n`)
    if (result.patch === '{}' && !shouldPrintObject(f)) {
      printObject(o, current, 'unchanged')
      return current
    }
  }
  if (!shouldPrintObject(f)) printObject(o, current, 'configured')
  return current
}

/** Patcher.Patch: patchSimple, retried on Conflict against a fresh copy of the object. */
function patch(
  o: ApplyOptions,
  info: VisitedObject,
  live: KubeObject,
  modified: string,
  fail: (status: Status, err: CmdError) => never,
): { patch: string; object: KubeObject } {
  const client = o.client()
  const wrapApplying = (patchText: string, err: CmdError) =>
    addSourceToErrCmd(`applying patch:\n${patchText}\nto:\n${infoString(info.mapping, info.name, info.namespace)}\nfor:`, info.source, err)
  let current = live
  for (let attempt = 0; ; attempt++) {
    // patchSimple
    const original = getOriginalConfiguration(current)
    const currentText = encodeObject(current, 'unstructured')
    let patchText: string
    try {
      patchText = createThreeWayMergePatch(original, modified, currentText, patchSchemaFor(info.mapping.group ? `${info.mapping.group}/${info.mapping.version}` : info.mapping.version, info.mapping.kind))
    } catch (e) {
      if (!(e instanceof PatchError)) throw e
      const creating = `error when creating patch with:\noriginal:\n${original ?? ''}\nmodified:\n${modified}\ncurrent:\n${currentText}\nfor: ${JSON.stringify(info.source)}: ${e.message}`
      throw new ApplyError(wrapApplying('', `error when patching ${JSON.stringify(info.source)}: ${creating}`))
    }
    if (patchText === '{}') return { patch: patchText, object: current }
    try {
      const object = helperPatch(client, info.mapping, info.namespace, info.name, 'strategic', patchText, {
        dryRun: o.dryRun === 'server',
        fieldManager: o.fieldManager,
        fieldValidation: o.validation,
      })
      return { patch: patchText, object }
    } catch (e) {
      const status = statusOf(e)
      if (status.reason === 'Conflict' && attempt < MAX_PATCH_RETRY) {
        try {
          current = infoGet(client, info.mapping, info.namespace, info.name)
        } catch (e2) {
          const s = statusOf(e2)
          fail(s, s)
        }
        continue
      }
      fail(status, wrapApplying(patchText, addSourceToErr('patching', info.source, status)))
    }
  }
}

/** AddSourceToErr over kubectl's own error kinds: a Status keeps its reason, text is wrapped. */
function addSourceToErrCmd(verb: string, source: string, err: CmdError): CmdError {
  if (typeof err === 'string') return `error when ${verb} ${JSON.stringify(source)}: ${err}`
  if (Array.isArray(err)) return `error when ${verb} ${JSON.stringify(source)}: ${errorString(err)}`
  return addSourceToErr(verb, source, err as Status)
}

/** PrintAndPrunePostProcessor's printObjects: -o json/yaml print the objects (a List if several). */
function printObjects(f: Factory, objects: KubeObject[]): void {
  if (!shouldPrintObject(f) || objects.length === 0) return
  const printer = toPrinter(f, '')
  if (!printsObjects(printer)) return
  let printed
  if (objects.length === 1) printed = printer.print(objects[0])
  else {
    // A corev1.List: a Go struct (kind, apiVersion, metadata, items) around unstructured items.
    const list = { kind: 'List', apiVersion: 'v1', metadata: {}, items: objects.map(sortKeysDeep) } as unknown as KubeObject
    printed = printer.print(list, true)
  }
  if ('error' in printed) failWith(printed.error)
  f.p.out(printed.output)
}

function sortKeysDeep(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(sortKeysDeep)
  if (typeof v !== 'object' || v === null) return v
  const out: Record<string, unknown> = {}
  for (const k of Object.keys(v).sort(compareGoStrings)) out[k] = sortKeysDeep((v as Record<string, unknown>)[k])
  return out
}

// ---- the editor's Apply ----

/** `unknown field "x"` / `duplicate field "x"` in a strict decoding error's message. */
function strictDecodingFields(message: string): { message: string; field: string }[] {
  const out: { message: string; field: string }[] = []
  for (const m of message.matchAll(/(unknown|duplicate) field "((?:[^"\\]|\\.)*)"/g)) {
    out.push({ message: m[0], field: JSON.parse(`"${m[2]}"`) as string })
  }
  return out
}

/** The field errors of a server error: an Invalid's causes, a strict decoding error's fields. */
export function fieldErrorsOf(status: Status, document: number): ApplyResult['fieldErrors'] {
  if (status.reason === 'Invalid') {
    return (status.details?.causes ?? []).map((c) => ({
      message: c.field ? `${c.field}: ${c.message ?? ''}` : (c.message ?? ''),
      ...(c.field ? { field: c.field } : {}),
      document,
    }))
  }
  const message = status.message ?? ''
  if (message.includes('strict decoding error')) return strictDecodingFields(message).map((e) => ({ ...e, document }))
  return []
}

/**
 * The editor's Apply: `kubectl apply -f <fileName>` (with --dry-run=server when `dryRun`) on the
 * editor's text, as if the file held it, through the same code as the terminal's kubectl.
 */
export function applyFromEditor(host: Host, endpoints: ApiEndpoints, fileName: string, content: string, dryRun: boolean): ApplyResult {
  const argv = ['kubectl', 'apply', '-f', fileName, ...(dryRun ? ['--dry-run=server'] : [])]
  let stdout = ''
  let stderr = ''
  let exitCode = -1
  const env = { HOME: host.home, PATH: '/usr/local/bin:/usr/bin:/bin', USER: 'root', HOSTNAME: host.name, PWD: host.home }
  const proc = new Proc(
    host,
    argv,
    undefined,
    env,
    host.home,
    80,
    { stdout: (d) => (stdout += d), stderr: (d) => (stderr += d) },
    (code) => (exitCode = code),
    () => {
      throw new Error('kubectl apply starts no other programs')
    },
  )
  const serverErrors: ApplyOptions['serverErrors'] = []
  const parsed = parseKubectl(argv.slice(1), { terminalWidth: 80 })
  if (parsed.kind !== 'run') throw new Error(`kubectl ${argv.slice(1).join(' ')} did not parse`)
  runGuarded(proc, () => runApply(new Factory(proc, parsed, endpoints), { source: fileName, text: content }, serverErrors))
  return {
    stdout,
    stderr,
    exitCode,
    fieldErrors: serverErrors.flatMap((e) => fieldErrorsOf(e.status, e.index)),
  }
}

export const applyCommands: Record<string, KubectlCommand> = {
  apply: (f) => runApply(f),
}
