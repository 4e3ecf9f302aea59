// `kubectl create -f FILE` and `kubectl create namespace NAME`.
// Mirrors: k8s.io/kubectl v0.32 pkg/cmd/create/create.go (CreateOptions: ValidateArgs, Complete,
// RunCreate: the builder visit with ContinueOnError, CreateOrUpdateAnnotation for --save-config,
// Helper.Create with the dry-run, field manager and field validation, AddSourceToErr("creating"),
// "no objects passed to create") and create_namespace.go (NamespaceOptions: Complete, Run with
// the typed client). Flag checks come in the order kubectl 1.32 makes them (checked against the
// real binary): arguments, --dry-run, --validate, -o, -f/-k.
// Left out: --edit (an editor session), --raw (a raw POST), --record's change-cause annotation,
// --windows-line-endings; the others create subcommands are not in Podlab's command tree.

import { addSourceToErr, StatusError } from '../../../api/errors'
import { findByResource } from '../../../api/resources'
import type { KubeObject } from '../../../api/types'
import type { Client } from '../../../client/client'
import { KubectlExit, type Factory } from '../factory'
import { buildNamespace } from '../generators/namespace'
import { createOrUpdateAnnotation } from './applyAnnotation'
import {
  failWith,
  getDryRunStrategy,
  getValidationDirective,
  operationWithDryRun,
  reduceErrors,
  toPrinter,
  type CmdError,
} from './createCmdutil'
import { filenameOptions, requireFilenameOrKustomize, visitFilenames } from './filenames'
import { helperCreate } from './filenamesHelper'
import type { KubectlCommand } from './index'

/** cmdutil.UsageErrorf. */
export function usageError(f: Factory, message: string): never {
  throw new KubectlExit(`error: ${message}\nSee 'kubectl ${f.cmd.path.join(' ')} -h' for help and examples\n`, 1)
}

/** `Unexpected args: [a b]` (Go's %v of a []string). */
export function rejectArgs(f: Factory): void {
  if (f.cmd.args.length > 0) usageError(f, `Unexpected args: [${f.cmd.args.join(' ')}]`)
}

function notSimulated(what: string): never {
  throw new KubectlExit(`error: ${what} is not simulated by Podlab yet\n`, 1)
}

/** `kubectl create -f FILE`. */
function createFromFiles(f: Factory): void {
  rejectArgs(f)
  const dryRun = getDryRunStrategy(f)
  const validation = getValidationDirective(f)
  const printer = toPrinter(f, operationWithDryRun('created', dryRun))
  const files = filenameOptions(f)
  requireFilenameOrKustomize(files)
  if (f.bool('edit')) notSimulated('create --edit')
  if (f.str('raw') !== '') notSimulated('create --raw')

  const visit = visitFilenames(f, files, { validate: validation !== 'Ignore', selector: f.str('selector') })
  const errs: CmdError[] = []
  let client: Client | undefined
  let count = 0
  for (const entry of visit.entries) {
    if (entry.kind === 'error') {
      errs.push(entry.error)
      continue
    }
    const info = entry.object
    // The builder asks the server for its RESTMapping of every object, dry run or not.
    client ??= f.client()
    let obj = createOrUpdateAnnotation(f.bool('save-config'), info.object, 'unstructured')
    if (dryRun !== 'client') {
      try {
        obj = helperCreate(client, info.mapping, info.namespace, obj, true, {
          dryRun: dryRun === 'server',
          fieldManager: f.str('field-manager'),
          fieldValidation: validation,
        })
      } catch (e) {
        if (!(e instanceof StatusError)) throw e
        errs.push(addSourceToErr('creating', info.source, e.status))
        continue
      }
    }
    count++
    const printed = printer.print(obj)
    if ('error' in printed) errs.push(printed.error)
    else f.p.out(printed.output)
  }
  // ContinueOnErrorVisitor: the callbacks' errors, then the files' errors as one aggregate.
  if (visit.fileErrors.length > 0) errs.push(visit.fileErrors)
  const err = reduceErrors(errs)
  if (err !== undefined) failWith(err)
  if (count === 0) throw new KubectlExit('error: no objects passed to create\n', 1)
  f.p.exit(0)
}

/** `kubectl create namespace NAME`: the generator, then the typed client's Create. */
function createNamespace(f: Factory): void {
  const built = buildNamespace({ args: f.cmd.args, argsLenAtDash: f.cmd.argsLenAtDash })
  if (!built.ok) failWith(built.error)
  const dryRun = getDryRunStrategy(f)
  const printer = toPrinter(f, operationWithDryRun('created', dryRun))
  const validation = getValidationDirective(f)
  const client = f.client()
  let ns: KubeObject = createOrUpdateAnnotation(f.bool('save-config'), built.namespace, 'typed')
  if (dryRun !== 'client') {
    try {
      ns = helperCreate(client, findByResource('namespaces', '')!, '', ns, false, {
        dryRun: dryRun === 'server',
        fieldManager: f.str('field-manager'),
        fieldValidation: validation,
      })
    } catch (e) {
      if (!(e instanceof StatusError)) throw e
      f.fail(e)
    }
  }
  // The typed clientset decodes the answer into a v1.Namespace: a Go struct either way.
  const printed = printer.print(ns, true)
  if ('error' in printed) failWith(printed.error)
  f.p.out(printed.output)
  f.p.exit(0)
}

export const createCommands: Record<string, KubectlCommand> = {
  create: createFromFiles,
  'create namespace': createNamespace,
}
