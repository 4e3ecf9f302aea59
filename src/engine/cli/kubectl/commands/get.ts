// `kubectl get`: list or fetch objects and print them, as tables the apiserver prints
// (server-side printing) or as yaml/json/name/jsonpath/custom-columns; `-w` keeps watching.
// Mirrors: k8s.io/kubectl pkg/cmd/get/get.go (NewCmdGet's Run; GetOptions.Run: the
// resource-group loop with its blank line between types, `kind/name` when several types are
// shown, the "No resources found" message and the error aggregate; printGeneric: one object
// bare, anything else as a `kind: List`; RuntimeSorter over the fetched objects).
// `get -f FILE`: the Builder with FilenameParam and Latest(): each object read is fetched by name
// (RetrieveLatest, a Table for human-readable output), the label selector filters what came back
// (a Table has no labels), RequireNamespace runs after the fetch, and the errors are
// ContinueOnErrorVisitor's: the namespace mismatches, then the reads' and fetches' aggregate.
// Options, validation and error wording are getOptions.ts, the watch getWatch.ts, the printers
// getPrinter.ts, sorting getSorter.ts, the requests getVisit.ts, the argument grammar
// resourceArgs.ts, the files describeTargets.ts and filenames.ts.
// Left out: -f with --watch (answered as not simulated, except with no server).

import { isNotFound, type KubectlError } from '../../../api/errors'
import type { ResourceInfo } from '../../../api/resources'
import { KubectlExit, type Factory } from '../factory'
import { kubectlList } from '../printers/outputFormat'
import { newKubectlTabWriter } from '../printers/tablePrinter'
import {
  checkErrText,
  completeGet,
  fatal,
  multipleGVKsRequested,
  notSimulated,
  planGet,
  printFlagsFor,
  reduceErrors,
  validateGet,
  type GetOptions,
} from './getOptions'
import { newGetPrinter, type GetPrinter, type GetWriter } from './getPrinter'
import { relaxedOrRaw, sortObjects, UnsortableError } from './getSorter'
import { retrieveLatest, visitSources, withoutNotFound, type GetInfo } from './getVisit'
import { watch } from './getWatch'
import type { KubectlCommand } from './index'
import { checkErrText as cmdCheckErrText, type CmdError } from './createCmdutil'
import { continueOnErrorResult, objectLabels, planFilenames, reachableClient, requireNamespace, unrecognizedObjects, visitFileSources } from './describeTargets'
import { filenameOptions } from './filenames'

/** The visit's errors, worded as each step of GetOptions.Run reports them. */
interface VisitErrors {
  /** Whether there are any ("No resources found" is for a visit without errors). */
  any: boolean
  /** CheckErr of Run's NewAggregate(allErrs) after the tables. */
  afterTables(): string
  /** printGeneric's `return err` when a single item was asked for. */
  singleItem(): string
  /** printGeneric's Reduce(Flatten(NewAggregate(errs))) with the printer's error, if any. */
  reduced(printErr?: KubectlError): string | undefined
}

/** The errors of a visit of resource arguments: a flat list. */
function flatErrors(errors: readonly KubectlError[]): VisitErrors {
  return {
    any: errors.length > 0,
    afterTables: () => checkErrText({ errors: [...errors], aggregate: true }),
    singleItem: () => checkErrText({ errors: [...errors], aggregate: errors.length > 1 }),
    reduced: (printErr) => {
      const err = reduceErrors(printErr === undefined ? errors : [...errors, printErr])
      return err && checkErrText(err)
    },
  }
}

/** utilerrors.Flatten: the errors of nested aggregates, in order. */
function flattenErrors(err: CmdError): CmdError[] {
  return Array.isArray(err) ? (err as readonly CmdError[]).flatMap(flattenErrors) : [err]
}

/** The error of a visit of files (Infos()' error): an error or a nested aggregate. */
function infosErrors(err: CmdError | undefined): VisitErrors {
  const errs: CmdError[] = err === undefined ? [] : [err]
  return {
    any: err !== undefined,
    // NewAggregate([err]): CheckErr unwraps that one level, not the ones inside.
    afterTables: () => cmdCheckErrText(errs),
    singleItem: () => cmdCheckErrText(err ?? errs),
    reduced: (printErr) => {
      const flat = [...(err === undefined ? [] : flattenErrors(err)), ...(printErr === undefined ? [] : [printErr])]
      return flat.length === 0 ? undefined : cmdCheckErrText(flat)
    },
  }
}

/** utilerrors.FilterOut(err, IsNotFound): NotFound errors dropped at every level of the aggregates. */
function filterOutNotFound(err: CmdError | undefined): CmdError | undefined {
  if (err === undefined) return undefined
  if (!Array.isArray(err)) return isNotFound(err) ? undefined : err
  const kept = (err as readonly CmdError[]).flatMap((e) => {
    const r = filterOutNotFound(e)
    return r === undefined ? [] : [r]
  })
  return kept.length === 0 ? undefined : kept
}

function runGet(f: Factory): void {
  try {
    const o = completeGet(f)
    validateGet(f, o)
    if (f.str('raw').length > 0) {
      // RawGet prints the server's bytes, which Podlab's apiserver does not produce.
      f.client()
      throw notSimulated('--raw')
    }
    if (o.watch || o.watchOnly) return watch(f, o)
    run(f, o)
  } catch (e) {
    // klog.Exitf from the sorter: the message alone (see getSorter.ts), exit 1.
    if (e instanceof UnsortableError) throw new KubectlExit(`${e.message}\n`, 1)
    throw e
  }
}

/** GetOptions.Run without --watch. */
function run(f: Factory, o: GetOptions): void {
  if (o.isHumanReadablePrinter && !o.serverPrint) throw notSimulated('--server-print=false')
  if (f.strs('filename').length > 0 || f.str('kustomize').length > 0) return runFiles(f, o)
  const plan = planGet(f, o, false)
  const visited = visitSources(f.client(), plan.sources, {
    asTable: o.isHumanReadablePrinter,
    flatten: true,
    continueOnError: true,
  })
  const errors = o.ignoreNotFound ? withoutNotFound(visited.errors) : visited.errors
  if (!o.isHumanReadablePrinter) return printGeneric(f, o, visited.infos, flatErrors(errors), plan.singleItemImplied)
  printHumanReadable(f, o, visited.infos, flatErrors(errors))
}

/**
 * GetOptions.Run for -f: the objects of the files fetched from the server (Latest), filtered by
 * the label selector, checked against an explicit namespace; with nobody at the server's address,
 * the mapping errors of every object.
 */
function runFiles(f: Factory, o: GetOptions): void {
  const plan = planFilenames(f, filenameOptions(f), {
    args: o.args,
    labelSelector: f.str('selector'),
    fieldSelector: f.str('field-selector'),
    allowEmptySelector: true,
  })
  if (f.str('subresource').length > 0) throw notSimulated('--subresource')
  // Complete: ExplicitNamespace is -n given (and not -A); AllNamespaces makes the default "".
  const enforceNamespace = f.namespace().explicit && !o.allNamespaces
  const namespace = o.allNamespaces ? '' : o.namespace
  const client = reachableClient(f)
  const callbackErrors: CmdError[] = []
  const eagerErrors: CmdError[] = []
  const infos: GetInfo[] = []
  if (!client) {
    eagerErrors.push(...unrecognizedObjects(f, plan.sources))
  } else {
    for (const v of visitFileSources(f, plan.sources, namespace)) {
      for (const e of v.entries) {
        if (e.kind === 'error') {
          eagerErrors.push(e.error)
          continue
        }
        const got = retrieveLatest(client, e.object, o.isHumanReadablePrinter)
        if ('error' in got) {
          eagerErrors.push(got.error)
          continue
        }
        const info = got.info
        if (plan.selector && !plan.selector.matches(objectLabels(info.object))) continue
        const mismatch = enforceNamespace ? requireNamespace(e.object, namespace) : undefined
        if (mismatch) callbackErrors.push(mismatch)
        else infos.push(info)
      }
      eagerErrors.push(...v.fileErrors)
    }
  }
  let err = continueOnErrorResult(callbackErrors, eagerErrors)
  if (o.ignoreNotFound) err = filterOutNotFound(err)
  if (!o.isHumanReadablePrinter) return printGeneric(f, o, infos, infosErrors(err), plan.singleItemImplied)
  printHumanReadable(f, o, infos, infosErrors(err))
}

/** Run's printing of tables, one group per resource type, then the errors. */
function printHumanReadable(f: Factory, o: GetOptions, fetched: readonly GetInfo[], errors: VisitErrors): void {
  let infos = [...fetched]
  if (o.sortBy.length > 0 && infos.length > 1) {
    // RuntimeSorter: the fetched Tables arrive undecoded, so it sorts them as objects by the
    // field (rows are sorted later, by the printer).
    const byField = sortObjects(
      infos.map((i) => i.object),
      relaxedOrRaw(o.sortBy),
    )
    if ('error' in byField) fatal(checkErrText({ errors: [byField.error], aggregate: false }))
    infos = byField.positions.map((ix) => fetched[ix]!)
  }
  const printWithKind = multipleGVKsRequested(infos)
  const flags = printFlagsFor(f, o)

  const w = newKubectlTabWriter()
  let out = ''
  let written = 0
  let separatorReady = false
  const emit = (text: string): void => {
    if (text.length === 0) return
    if (separatorReady) {
      out += '\n'
      written += 1
      separatorReady = false
    }
    out += text
    written += text.length
  }
  let printer: GetPrinter | undefined
  let lastMapping: ResourceInfo | undefined
  let allResourcesNamespaced = !o.allNamespaces
  try {
    for (const info of infos) {
      allResourcesNamespaced = allResourcesNamespaced && info.mapping.namespaced
      const printWithNamespace = o.allNamespaces && info.mapping.namespaced
      if (!printer || !lastMapping || info.mapping !== lastMapping) {
        emit(w.flush())
        w.setRememberedWidths([])
        // A blank line between resource groups, once something has been written.
        if (lastMapping && !o.noHeaders && written > 0) separatorReady = true
        printer = newGetPrinter(flags, { mapping: info.mapping, withNamespace: printWithNamespace, withKind: printWithKind }, w)
        lastMapping = info.mapping
      }
      // Printing errors (a sort field no row has) are dropped here, as upstream drops them.
      printer.printObj(info.object)
    }
  } catch (e) {
    // klog.Exitf ends the process mid-loop: the groups flushed so far are already out.
    f.p.out(out)
    throw e
  }
  emit(w.flush())
  f.p.out(out)
  if (written === 0 && !o.ignoreNotFound && !errors.any) {
    f.p.err(allResourcesNamespaced ? `No resources found in ${o.namespace} namespace.\n` : 'No resources found\n')
  }
  if (errors.any) fatal(errors.afterTables())
  f.p.exit(0)
}

/** printGeneric: one object bare when one was asked for, anything else as a v1 List. */
function printGeneric(f: Factory, o: GetOptions, infos: readonly GetInfo[], errors: VisitErrors, singleItemImplied: boolean): void {
  if (errors.any && singleItemImplied) fatal(errors.singleItem())
  const finish = (printErr?: KubectlError): void => {
    const text = errors.reduced(printErr)
    if (text !== undefined) fatal(text)
    f.p.exit(0)
  }
  if (infos.length === 0 && o.ignoreNotFound) return finish()
  const flags = printFlagsFor(f, o)
  let out = ''
  const writer: GetWriter = { write: (text) => (out += text) }
  const printer = newGetPrinter(flags, { withNamespace: false, withKind: false }, writer)
  const obj = !singleItemImplied || infos.length !== 1 ? kubectlList(infos.map((i) => i.object)) : infos[0]!.object
  const printErr = printer.printObj(obj)
  f.p.out(out)
  finish(printErr)
}

export const getCommands: Record<string, KubectlCommand> = { get: runGet }
