// kubectl options: prints the global flags. parse.ts renders it (help.ts optionsText); its
// `--help` prints nothing, as kubectl's options help template is empty.
// Mirrors: k8s.io/kubectl/pkg/cmd/options/options.go (NewCmdOptions), kubectl 1.32.

import type { CommandSpec } from '../spec'

export const optionsCommand: CommandSpec = {
  use: 'options',
  short: 'Print the list of flags inherited by all commands',
  long: 'Print the list of flags inherited by all commands',
  example: `  # Print flags inherited by all commands
  kubectl options`,
  flags: [],
  runnable: true,
}
