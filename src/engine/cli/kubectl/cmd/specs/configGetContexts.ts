// kubectl config get-contexts: command text and flags.
// Mirrors: k8s.io/kubectl/pkg/cmd/config/get_contexts.go, kubectl 1.32.
// Texts are data copied from the real kubectl 1.32 `--help` output; kubectlFidelity.test.ts proves them.

import type { CommandSpec } from '../spec'
import { noHeadersFlag } from './sharedFlags'

export const configGetContextsCommand: CommandSpec = {
  use: 'get-contexts [(-o|--output=)name)]',
  disableFlagsInUseLine: true,
  short: 'Describe one or many contexts',
  long: 'Display one or many contexts from the kubeconfig file.',
  example: `  # List all the contexts in your kubeconfig file
  kubectl config get-contexts
  
  # Describe one context in your kubeconfig file
  kubectl config get-contexts my-context`,
  flags: [
    noHeadersFlag,
    { name: 'output', shorthand: 'o', type: 'string', default: '', usage: 'Output format. One of: (name).' },
  ],
  runnable: true,
}
