// kubectl config current-context: command text.
// Mirrors: k8s.io/kubectl/pkg/cmd/config/current_context.go, kubectl 1.32.
// Texts are data copied from the real kubectl 1.32 `--help` output; kubectlFidelity.test.ts proves them.

import type { CommandSpec } from '../spec'

export const configCurrentContextCommand: CommandSpec = {
  use: 'current-context',
  short: 'Display the current-context',
  long: 'Display the current-context.',
  example: `  # Display the current-context
  kubectl config current-context`,
  flags: [],
  runnable: true,
}
