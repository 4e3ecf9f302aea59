// `kubectl get`: list or fetch objects and print them, as tables the apiserver prints
// (server-side printing) or as yaml/json/name/jsonpath/custom-columns; `-w` keeps watching.
// Mirrors: k8s.io/kubectl pkg/cmd/get/get.go (NewCmdGet's Run; GetOptions.Run: the
// resource-group loop with its blank line between types, `kind/name` when several types are
// shown, the "No resources found" message and the error aggregate; printGeneric: one object
// bare, anything else as a `kind: List`; RuntimeSorter over the fetched objects).
// Options, validation and error wording are getOptions.ts, the watch getWatch.ts, the printers
// getPrinter.ts, sorting getSorter.ts, the requests getVisit.ts, the argument grammar
// resourceArgs.ts.

import type { KubectlError } from '../../../api/errors'
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
import { visitSources, withoutNotFound, type GetInfo } from './getVisit'
import { watch } from './getWatch'
import type { KubectlCommand } from './index'

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
  const plan = planGet(f, o, false)
  const visited = visitSources(f.client(), plan.sources, {
    asTable: o.isHumanReadablePrinter,
    flatten: true,
    continueOnError: true,
  })
  const errors = o.ignoreNotFound ? withoutNotFound(visited.errors) : visited.errors
  if (!o.isHumanReadablePrinter) return printGeneric(f, o, visited.infos, errors, plan.singleItemImplied)

  let infos = visited.infos
  if (o.sortBy.length > 0 && infos.length > 1) {
    // RuntimeSorter: the fetched Tables arrive undecoded, so it sorts them as objects by the
    // field (rows are sorted later, by the printer).
    const byField = sortObjects(
      infos.map((i) => i.object),
      relaxedOrRaw(o.sortBy),
    )
    if ('error' in byField) fatal(checkErrText({ errors: [byField.error], aggregate: false }))
    infos = byField.positions.map((ix) => visited.infos[ix]!)
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
  if (written === 0 && !o.ignoreNotFound && errors.length === 0) {
    f.p.err(allResourcesNamespaced ? `No resources found in ${o.namespace} namespace.\n` : 'No resources found\n')
  }
  if (errors.length > 0) fatal(checkErrText({ errors, aggregate: true }))
  f.p.exit(0)
}

/** printGeneric: one object bare when one was asked for, anything else as a v1 List. */
function printGeneric(f: Factory, o: GetOptions, infos: readonly GetInfo[], errors: KubectlError[], singleItemImplied: boolean): void {
  if (errors.length > 0 && singleItemImplied) fatal(checkErrText({ errors, aggregate: errors.length > 1 }))
  const errs: KubectlError[] = [...errors]
  const finish = (): void => {
    const err = reduceErrors(errs)
    if (err) fatal(checkErrText(err))
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
  if (printErr !== undefined) errs.push(printErr)
  finish()
}

export const getCommands: Record<string, KubectlCommand> = { get: runGet }
