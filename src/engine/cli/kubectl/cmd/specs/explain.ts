// kubectl explain: command text and flags.
// Mirrors: k8s.io/kubectl/pkg/cmd/explain/explain.go (NewCmdExplain), kubectl 1.32.
// Texts are data copied from the real kubectl 1.32 `--help` output; kubectlFidelity.test.ts proves them.

import type { CommandSpec } from '../spec'

export const explainCommand: CommandSpec = {
  use: 'explain TYPE [--recursive=FALSE|TRUE] [--api-version=api-version-group] [-o|--output=plaintext|plaintext-openapiv2]',
  disableFlagsInUseLine: true,
  group: 'Basic Commands (Intermediate):',
  short: 'Get documentation for a resource',
  long: `Describe fields and structure of various resources.

 This command describes the fields associated with each supported API resource. Fields are identified via a simple JSONPath identifier:

        <type>.<fieldName>[.<fieldName>]
        
 Information about each field is retrieved from the server in OpenAPI format.

Use "kubectl api-resources" for a complete list of supported resources.`,
  example: `  # Get the documentation of the resource and its fields
  kubectl explain pods
  
  # Get all the fields in the resource
  kubectl explain pods --recursive
  
  # Get the explanation for deployment in supported api versions
  kubectl explain deployments --api-version=apps/v1
  
  # Get the documentation of a specific field of a resource
  kubectl explain pods.spec.containers
  
  # Get the documentation of resources in different format
  kubectl explain deployment --output=plaintext-openapiv2`,
  flags: [
    {
      name: 'api-version',
      type: 'string',
      default: '',
      usage: 'Use given api-version (group/version) of the resource.',
    },
    {
      name: 'output',
      shorthand: 'o',
      type: 'string',
      default: 'plaintext',
      usage: 'Format in which to render the schema. Valid values are: (plaintext, plaintext-openapiv2).',
    },
    {
      name: 'recursive',
      type: 'bool',
      default: 'false',
      usage:
        'When true, print the name of all the fields recursively. Otherwise, print the available fields with their description.',
    },
  ],
  runnable: true,
}
