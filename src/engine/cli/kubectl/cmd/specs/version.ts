// kubectl version: command text and flags.
// Mirrors: k8s.io/kubectl/pkg/cmd/version/version.go (NewCmdVersion), kubectl 1.32.
// Texts are data copied from the real kubectl 1.32 `--help` output; kubectlFidelity.test.ts proves them.

import type { CommandSpec } from '../spec'

export const versionCommand: CommandSpec = {
  use: 'version',
  short: 'Print the client and server version information',
  long: 'Print the client and server version information for the current context.',
  example: `  # Print the client and server versions for the current context
  kubectl version`,
  flags: [
    {
      name: 'client',
      type: 'bool',
      default: 'false',
      usage: 'If true, shows client version only (no server required).',
    },
    { name: 'output', shorthand: 'o', type: 'string', default: '', usage: "One of 'yaml' or 'json'." },
  ],
  runnable: true,
}
