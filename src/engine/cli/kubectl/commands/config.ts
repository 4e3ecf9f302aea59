// The `kubectl config` commands Podlab has, by command path. `use` is use-context's alias; the
// parser resolves it to the "config use-context" path.
// Mirrors: k8s.io/kubectl pkg/cmd/config/config.go (NewCmdConfig's subcommands).
// Left out: set-cluster, set-credentials, set, unset, get-clusters, get-users, delete-cluster,
// delete-context, delete-user, rename-context (not in Podlab's command tree).

import type { KubectlCommand } from './index'
import { configCurrentContext, configGetContexts, configSetContext, configUseContext } from './configContexts'
import { configView } from './configView'

export const configCommands: Record<string, KubectlCommand> = {
  'config view': configView,
  'config current-context': configCurrentContext,
  'config get-contexts': configGetContexts,
  'config use-context': configUseContext,
  'config set-context': configSetContext,
}
