// kubectl config set-context: command text and flags. Its local --cluster, --user and
// --namespace shadow the global ones, so -n does not exist here.
// Mirrors: k8s.io/kubectl/pkg/cmd/config/create_context.go (NewCmdConfigSetContext), kubectl 1.32.
// Texts are data copied from the real kubectl 1.32 `--help` output; kubectlFidelity.test.ts proves them.

import type { CommandSpec } from '../spec'

export const configSetContextCommand: CommandSpec = {
  use: 'set-context [NAME | --current] [--cluster=cluster_nickname] [--user=user_nickname] [--namespace=namespace]',
  disableFlagsInUseLine: true,
  short: 'Set a context entry in kubeconfig',
  long: `Set a context entry in kubeconfig.

 Specifying a name that already exists will merge new fields on top of existing values for those fields.`,
  example: `  # Set the user field on the gce context entry without touching other values
  kubectl config set-context gce --user=cluster-admin`,
  flags: [
    { name: 'cluster', type: 'string', default: '', usage: 'cluster for the context entry in kubeconfig' },
    { name: 'current', type: 'bool', default: 'false', usage: 'Modify the current context' },
    { name: 'namespace', type: 'string', default: '', usage: 'namespace for the context entry in kubeconfig' },
    { name: 'user', type: 'string', default: '', usage: 'user for the context entry in kubeconfig' },
  ],
  runnable: true,
}
