// kubectl config use-context (alias use): command text.
// Mirrors: k8s.io/kubectl/pkg/cmd/config/use_context.go, kubectl 1.32.
// Texts are data copied from the real kubectl 1.32 `--help` output; kubectlFidelity.test.ts proves them.

import type { CommandSpec } from '../spec'

export const configUseContextCommand: CommandSpec = {
  use: 'use-context CONTEXT_NAME',
  disableFlagsInUseLine: true,
  aliases: ['use'],
  short: 'Set the current-context in a kubeconfig file',
  long: 'Set the current-context in a kubeconfig file.',
  example: `  # Use the context for the minikube cluster
  kubectl config use-context minikube`,
  flags: [],
  runnable: true,
}
