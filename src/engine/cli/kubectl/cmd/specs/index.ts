// The kubectl command tree Podlab implements. A command Podlab does not implement is not here,
// so kubectl's parser treats it as an unknown command and the root help does not list it.
// Mirrors: k8s.io/kubectl/pkg/cmd/cmd.go (NewKubectlCommand: the command groups and the order
// commands are added in).
// Adding a command: write its spec file (texts and flags from the real `kubectl <cmd> --help`,
// with `group` if the root help lists it under a heading), then add it to `subcommands` below at
// its place in kubectl's order, and to kubectlFidelity.test.ts's list of commands.

import type { CommandSpec } from '../spec'
import { applyCommand } from './apply'
import { apiResourcesCommand } from './apiResources'
import { clusterInfoCommand } from './clusterInfo'
import { configCommand } from './config'
import { createCommand } from './create'
import { deleteCommand } from './delete'
import { describeCommand } from './describe'
import { explainCommand } from './explain'
import { getCommand } from './get'
import { logsCommand } from './logs'
import { optionsCommand } from './options'
import { globalFlags, kubectlLong, kubectlShort } from './root'
import { runCommand } from './run'
import { versionCommand } from './version'

export const kubectlRoot: CommandSpec = {
  use: 'kubectl',
  short: kubectlShort,
  long: kubectlLong,
  flags: [],
  persistentFlags: globalFlags,
  // kubectl's registration order: its groups in cmd.go order (create, expose, run, set, explain,
  // get, edit, delete, rollout, scale, autoscale, certificate, cluster-info, top, cordon,
  // uncordon, drain, taint, describe, logs, attach, exec, port-forward, proxy, cp, auth, debug,
  // events, diff, apply, patch, replace, wait, kustomize, label, annotate, completion), then
  // alpha, config, plugin, version, api-versions, api-resources, options. "Did you mean this?"
  // lists suggestions in this order.
  subcommands: [
    createCommand,
    runCommand,
    explainCommand,
    getCommand,
    deleteCommand,
    clusterInfoCommand,
    describeCommand,
    logsCommand,
    applyCommand,
    configCommand,
    versionCommand,
    apiResourcesCommand,
    optionsCommand,
  ],
  runnable: true,
  commandGroups: [
    { message: 'Basic Commands (Beginner):' },
    { message: 'Basic Commands (Intermediate):' },
    { message: 'Deploy Commands:' },
    { message: 'Cluster Management Commands:' },
    { message: 'Troubleshooting and Debugging Commands:' },
    { message: 'Advanced Commands:' },
    { message: 'Settings Commands:' },
    // Lists the kubectl-* plugins on PATH; Podlab has none, and kubectl prints it empty then.
    { message: 'Subcommands provided by plugins:', showWhenEmpty: true },
  ],
}
