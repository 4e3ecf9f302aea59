// kubectl cluster-info: command text.
// Mirrors: k8s.io/kubectl/pkg/cmd/clusterinfo/clusterinfo.go (NewCmdClusterInfo), kubectl 1.32.
// Left out: the dump subcommand.
// Texts are data copied from the real kubectl 1.32 `--help` output; kubectlFidelity.test.ts proves them.

import type { CommandSpec } from '../spec'

export const clusterInfoCommand: CommandSpec = {
  use: 'cluster-info',
  group: 'Cluster Management Commands:',
  short: 'Display cluster information',
  long: "Display addresses of the control plane and services with label kubernetes.io/cluster-service=true. To further debug and diagnose cluster problems, use 'kubectl cluster-info dump'.",
  example: `  # Print the address of the control plane and cluster services
  kubectl cluster-info`,
  flags: [],
  runnable: true,
}
