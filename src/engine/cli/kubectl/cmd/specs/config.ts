// kubectl config: the group of kubeconfig commands. It runs nothing itself
// (cmdutil.DefaultSubCommandRun), hence runnable: false.
// Mirrors: k8s.io/kubectl/pkg/cmd/config/config.go (NewCmdConfig), kubectl 1.32, including its
// persistent --kubeconfig flag, which shadows the global one for its subcommands.
// Left out: set-cluster, set-credentials, set, unset, get-clusters, get-users, delete-cluster,
// delete-context, delete-user, rename-context.
// Texts are data copied from the real kubectl 1.32 `--help` output; kubectlFidelity.test.ts proves them.

import type { CommandSpec } from '../spec'
import { configCurrentContextCommand } from './configCurrentContext'
import { configGetContextsCommand } from './configGetContexts'
import { configSetContextCommand } from './configSetContext'
import { configUseContextCommand } from './configUseContext'
import { configViewCommand } from './configView'

export const configCommand: CommandSpec = {
  use: 'config SUBCOMMAND',
  disableFlagsInUseLine: true,
  short: 'Modify kubeconfig files',
  long: `Modify kubeconfig files using subcommands like "kubectl config set current-context my-context".

 The loading order follows these rules:

  1.  If the --kubeconfig flag is set, then only that file is loaded. The flag may only be set once and no merging takes place.
  2.  If $KUBECONFIG environment variable is set, then it is used as a list of paths (normal path delimiting rules for your system). These paths are merged. When a value is modified, it is modified in the file that defines the stanza. When a value is created, it is created in the first file that exists. If no files in the chain exist, then it creates the last file in the list.
  3.  Otherwise, \${HOME}/.kube/config is used and no merging takes place.`,
  flags: [],
  persistentFlags: [{ name: 'kubeconfig', type: 'string', default: '', usage: 'use a particular kubeconfig file' }],
  // In kubectl's registration order (config.go), which only matters for suggestions.
  subcommands: [
    configViewCommand,
    configSetContextCommand,
    configCurrentContextCommand,
    configUseContextCommand,
    configGetContextsCommand,
  ],
  runnable: false,
}
