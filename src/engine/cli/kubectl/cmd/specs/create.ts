// kubectl create (-f) and its subcommands.
// Mirrors: k8s.io/kubectl/pkg/cmd/create/create.go (NewCmdCreate), kubectl 1.32.
// Left out: every subcommand but namespace (Podlab's tree has only what it implements).
// Texts are data copied from the real kubectl 1.32 `--help` output; kubectlFidelity.test.ts proves them.

import type { CommandSpec } from '../spec'
import { createNamespaceCommand } from './createNamespace'
import {
  allowMissingTemplateKeysFlag,
  dryRunFlag,
  kustomizeFlag,
  outputFlag,
  recordFlag,
  recursiveFlag,
  saveConfigFlag,
  selectorFlag,
  showManagedFieldsFlag,
  templateFlag,
  validateFlag,
} from './sharedFlags'

export const createCommand: CommandSpec = {
  use: 'create -f FILENAME',
  disableFlagsInUseLine: true,
  group: 'Basic Commands (Beginner):',
  short: 'Create a resource from a file or from stdin',
  long: `Create a resource from a file or from stdin.

 JSON and YAML formats are accepted.`,
  example: `  # Create a pod using the data in pod.json
  kubectl create -f ./pod.json
  
  # Create a pod based on the JSON passed into stdin
  cat pod.json | kubectl create -f -
  
  # Edit the data in registry.yaml in JSON then create the resource using the edited data
  kubectl create -f registry.yaml --edit -o json`,
  flags: [
    allowMissingTemplateKeysFlag,
    dryRunFlag,
    { name: 'edit', type: 'bool', default: 'false', usage: 'Edit the API resource before creating' },
    {
      name: 'field-manager',
      type: 'string',
      default: 'kubectl-create',
      usage: 'Name of the manager used to track field ownership.',
    },
    {
      name: 'filename',
      shorthand: 'f',
      type: 'stringSlice',
      default: '[]',
      usage: 'Filename, directory, or URL to files to use to create the resource',
    },
    kustomizeFlag,
    outputFlag,
    {
      name: 'raw',
      type: 'string',
      default: '',
      usage: 'Raw URI to POST to the server.  Uses the transport specified by the kubeconfig file.',
    },
    recursiveFlag,
    saveConfigFlag,
    selectorFlag,
    showManagedFieldsFlag,
    templateFlag,
    validateFlag,
    {
      name: 'windows-line-endings',
      type: 'bool',
      default: 'false',
      usage: 'Only relevant if --edit=true. Defaults to the line ending native to your platform.',
    },
    recordFlag,
  ],
  subcommands: [createNamespaceCommand],
  runnable: true,
}
