// kubectl create namespace (alias ns): command text and flags.
// Mirrors: k8s.io/kubectl/pkg/cmd/create/create_namespace.go (NewCmdCreateNamespace), kubectl 1.32.
// Texts are data copied from the real kubectl 1.32 `--help` output; kubectlFidelity.test.ts proves them.

import type { CommandSpec } from '../spec'
import {
  allowMissingTemplateKeysFlag,
  dryRunFlag,
  outputFlag,
  saveConfigFlag,
  showManagedFieldsFlag,
  templateFlag,
  validateFlag,
} from './sharedFlags'

export const createNamespaceCommand: CommandSpec = {
  use: 'namespace NAME [--dry-run=server|client|none]',
  disableFlagsInUseLine: true,
  aliases: ['ns'],
  short: 'Create a namespace with the specified name',
  long: 'Create a namespace with the specified name.',
  example: `  # Create a new namespace named my-namespace
  kubectl create namespace my-namespace`,
  flags: [
    allowMissingTemplateKeysFlag,
    dryRunFlag,
    {
      name: 'field-manager',
      type: 'string',
      default: 'kubectl-create',
      usage: 'Name of the manager used to track field ownership.',
    },
    outputFlag,
    saveConfigFlag,
    showManagedFieldsFlag,
    templateFlag,
    validateFlag,
  ],
  runnable: true,
}
