// `kubectl get -w` / `--watch-only`: print what is there, then one more row (or document) per
// change until Ctrl-C.
// Mirrors: k8s.io/kubectl pkg/cmd/get/get.go (GetOptions.watch: one resource type, the list's
// resourceVersion as the watch start, "0" and a suppressed first ADDED event for a single
// object, --output-watch-events, one tabwriter kept across events so columns only widen) and
// pkg/util/interrupt (the SIGINT handler cancels the watch and exits 1, not 130).
// The apiserver's watch endpoint, asked for Tables, turns every event's object into a one-row
// Table (apiserver handlers/watch.go watchEmbeddedEncoder: column definitions only in the first
// event). Podlab's apiserver watch delivers objects, so that conversion is done here with the
// apiserver's own table printers, at the event's virtual time.
// Left out: the server closing the watch after its timeout (kubectl then exits 0).

import { printTable } from '../../../api/printers'
import type { KubeObject } from '../../../api/types'
import type { WatchEvent } from '../../../apiserver/apiServer'
import type { Factory } from '../factory'
import { runGuarded } from '../kubectl'
import { newKubectlTabWriter } from '../printers/tablePrinter'
import { checkErrText, fatal, multipleGVKsRequested, notSimulated, planGet, printFlagsFor, type GetOptions } from './getOptions'
import { newGetPrinter } from './getPrinter'
import { resultObject, visitSources, watchSource } from './getVisit'

/** GetOptions.watch. Returns with the program still running (mode 'stream'). */
export function watch(f: Factory, o: GetOptions): void {
  if (o.isHumanReadablePrinter && !o.serverPrint) {
    throw notSimulated('--server-print=false')
  }
  const plan = planGet(f, o, true)
  const client = f.client()
  const asTable = o.isHumanReadablePrinter
  // No ContinueOnError here: the first failed request ends the command.
  const visited = visitSources(client, plan.sources, { asTable, flatten: false, continueOnError: false })
  if (visited.errors.length > 0) fatal(checkErrText({ errors: [visited.errors[0]!], aggregate: false }))
  const infos = visited.infos
  if (multipleGVKsRequested(infos)) {
    fatal('error: watch is only supported on individual resources and resource collections - more than 1 resource was found')
  }
  const info = infos[0]!
  const outputObjects = { value: !o.watchOnly }
  const flags = printFlagsFor(f, o)
  const writer = newKubectlTabWriter()
  const printer = newGetPrinter(flags, { mapping: info.mapping, withNamespace: o.allNamespaces, withKind: false, outputObjects }, writer)

  // A list starts the watch at its resourceVersion (no replay); one object at "0", where the
  // server first sends it as ADDED, which kubectl has just printed and so skips.
  const result = resultObject(infos, plan.singleItemImplied)
  const resourceVersion = result.isList ? result.resourceVersion : '0'
  const objsToPrint = result.isList ? (result.object.items as unknown[]) : [result.object]
  for (const obj of objsToPrint) {
    const err = printer.printObj(obj, o.outputWatchEvents ? 'ADDED' : undefined)
    if (err !== undefined) {
      f.p.out(writer.flush())
      fatal(checkErrText({ errors: [`unable to output the provided object: ${err}`], aggregate: false }))
    }
  }
  f.p.out(writer.flush())
  outputObjects.value = result.isList

  if (plan.sources.length !== 1) fatal('error: you may only watch a single resource or type of resource at a time')
  let first = true
  let ended = false
  const onEvent = (e: WatchEvent): void =>
    runGuarded(f.p, () => {
      if (ended) return
      let obj: unknown = e.object
      if (asTable) {
        obj = printTable(info.mapping.resource, [e.object as KubeObject], f.now(), { noHeaders: !first })
        first = false
      }
      const err = printer.printObj(obj, o.outputWatchEvents ? e.type : undefined)
      if (err !== undefined) {
        // UntilWithoutRetry stops on the printer's error; kubectl's watch returns nil after it.
        ended = true
        f.p.exit(0)
        return
      }
      f.p.out(writer.flush())
      outputObjects.value = true
    })
  const started = watchSource(client, plan.sources[0]!, resourceVersion, onEvent)
  if ('error' in started) fatal(checkErrText({ errors: [started.error], aggregate: false }))
  f.p.defer(() => {
    ended = true
    started.handle.stop()
  })
  f.p.onInterrupt(() => f.p.exit(1))
  f.p.mode = 'stream'
}
