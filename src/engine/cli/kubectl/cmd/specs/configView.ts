// kubectl config view: command text and flags.
// Mirrors: k8s.io/kubectl/pkg/cmd/config/view.go (NewCmdConfigView), kubectl 1.32.
// Texts are data copied from the real kubectl 1.32 `--help` output; kubectlFidelity.test.ts proves them.

import type { CommandSpec } from '../spec'
import { allowMissingTemplateKeysFlag, showManagedFieldsFlag, templateFlag } from './sharedFlags'

export const configViewCommand: CommandSpec = {
  use: 'view',
  short: 'Display merged kubeconfig settings or a specified kubeconfig file',
  long: `Display merged kubeconfig settings or a specified kubeconfig file.

 You can use --output jsonpath={...} to extract specific values using a jsonpath expression.`,
  example: `  # Show merged kubeconfig settings
  kubectl config view
  
  # Show merged kubeconfig settings, raw certificate data, and exposed secrets
  kubectl config view --raw
  
  # Get the password for the e2e user
  kubectl config view -o jsonpath='{.users[?(@.name == "e2e")].user.password}'`,
  flags: [
    allowMissingTemplateKeysFlag,
    {
      name: 'flatten',
      type: 'bool',
      default: 'false',
      usage:
        'Flatten the resulting kubeconfig file into self-contained output (useful for creating portable kubeconfig files)',
    },
    { name: 'merge', type: 'bool', default: 'true', usage: 'Merge the full hierarchy of kubeconfig files' },
    {
      name: 'minify',
      type: 'bool',
      default: 'false',
      usage: 'Remove all information not used by current-context from the output',
    },
    {
      name: 'output',
      shorthand: 'o',
      type: 'string',
      default: 'yaml',
      usage:
        'Output format. One of: (json, yaml, name, go-template, go-template-file, template, templatefile, jsonpath, jsonpath-as-json, jsonpath-file).',
    },
    { name: 'raw', type: 'bool', default: 'false', usage: 'Display raw byte data and sensitive data' },
    showManagedFieldsFlag,
    templateFlag,
  ],
  runnable: true,
}
