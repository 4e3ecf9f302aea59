// `kubectl run NAME --image=IMAGE`: create a Pod (and with --expose a ClusterIP Service) built by
// generators/run.ts, print them, or only print them with --dry-run=client.
// Mirrors: k8s.io/kubectl v0.32 pkg/cmd/run/run.go (RunFlags.ToOptions: --dry-run, then the
// printer; Validate; Run: the pod is created first, then the service, which is printed at once
// (followed by an extra `---` line with -o yaml) while the pod is printed last;
// createGeneratedObject: CreateOrUpdateAnnotation for --save-config only when something is sent,
// Helper.Create in the command's namespace with field manager kubectl-run). Objects are printed
// as the Go structs kubectl holds them in (-o json in field order).
// Left out: --overrides, and attaching to the container (-i/--stdin, -t/--tty, --attach, and
// --rm with them): Podlab has no attach stream, so these end with an error saying so before
// anything is created. Also --record's change-cause annotation.

import { StatusError } from '../../../api/errors'
import { findByResource } from '../../../api/resources'
import type { KubeObject } from '../../../api/types'
import { KubectlExit, type Factory } from '../factory'
import { buildRun } from '../generators/run'
import { createOrUpdateAnnotation } from './applyAnnotation'
import { failWith, getDryRunStrategy, operationWithDryRun, reduceErrors, toPrinter, type CmdError } from './createCmdutil'
import { helperCreate } from './filenamesHelper'
import type { KubectlCommand } from './index'

function run(f: Factory): void {
  const dryRun = getDryRunStrategy(f)
  const printer = toPrinter(f, operationWithDryRun('created', dryRun))
  const { namespace, explicit } = f.namespace()
  const built = buildRun({
    args: f.cmd.args,
    image: f.str('image'),
    port: f.str('port'),
    env: f.strs('env'),
    labels: f.str('labels'),
    annotations: f.strs('annotations'),
    restart: f.str('restart'),
    imagePullPolicy: f.str('image-pull-policy'),
    privileged: f.bool('privileged'),
    command: f.bool('command'),
    stdin: f.bool('stdin'),
    tty: f.bool('tty'),
    attach: f.changed('attach') ? f.bool('attach') : undefined,
    leaveStdinOpen: f.bool('leave-stdin-open'),
    rm: f.bool('rm'),
    expose: f.bool('expose'),
    dryRun,
    namespace,
    enforceNamespace: explicit,
  })
  if (!built.ok) failWith(built.error)
  if (f.str('overrides') !== '') throw new KubectlExit('error: --overrides is not simulated by Podlab yet\n', 1)
  if (built.value.attach) {
    throw new KubectlExit('error: attaching to a container (-i/--stdin, -t/--tty, --attach) is not simulated by Podlab yet\n', 1)
  }

  // createGeneratedObject: the RESTMapping needs the server, dry run or not.
  const client = f.client()
  const send = (obj: KubeObject, resource: string): KubeObject => {
    if (dryRun === 'client') return obj
    const withConfig = createOrUpdateAnnotation(f.bool('save-config'), obj, 'typed')
    return helperCreate(client, findByResource(resource, '')!, namespace, withConfig, false, {
      dryRun: dryRun === 'server',
      fieldManager: f.str('field-manager'),
    })
  }

  let pod: KubeObject
  try {
    pod = send(built.value.pod, 'pods')
  } catch (e) {
    if (!(e instanceof StatusError)) throw e
    f.fail(e)
  }
  const errs: CmdError[] = []
  if (built.value.service) {
    // generateService: created and printed before the pod is printed; its error is collected.
    try {
      const printed = printer.print(send(built.value.service, 'services'), true)
      if ('error' in printed) errs.push(printed.error)
      else {
        f.p.out(printed.output)
        // "separate yaml objects"
        if (f.str('output') === 'yaml') f.p.out('---\n')
      }
    } catch (e) {
      if (!(e instanceof StatusError)) throw e
      errs.push(e.status)
    }
  }
  const printed = printer.print(pod, true)
  if ('error' in printed) failWith(printed.error)
  f.p.out(printed.output)
  const err = reduceErrors(errs)
  if (err !== undefined) failWith(err)
  f.p.exit(0)
}

export const runCommands: Record<string, KubectlCommand> = { run }
