// kubectl describe: command text and flags.
// Mirrors: k8s.io/kubectl/pkg/cmd/describe/describe.go (NewCmdDescribe), kubectl 1.32.
// Texts are data copied from the real kubectl 1.32 `--help` output; kubectlFidelity.test.ts proves them.

import type { CommandSpec } from '../spec'
import { allNamespacesFlag, chunkSizeFlag, kustomizeFlag, recursiveFlag, selectorFlag } from './sharedFlags'

export const describeCommand: CommandSpec = {
  use: 'describe (-f FILENAME | TYPE [NAME_PREFIX | -l label] | TYPE/NAME)',
  disableFlagsInUseLine: true,
  group: 'Troubleshooting and Debugging Commands:',
  short: 'Show details of a specific resource or group of resources',
  long: `Show details of a specific resource or group of resources.

 Print a detailed description of the selected resources, including related resources such as events or controllers. You may select a single object by name, all objects of that type, provide a name prefix, or label selector. For example:

        $ kubectl describe TYPE NAME_PREFIX
        
 will first check for an exact match on TYPE and NAME_PREFIX. If no such resource exists, it will output details for every resource that has a name prefixed with NAME_PREFIX.

Use "kubectl api-resources" for a complete list of supported resources.`,
  example: `  # Describe a node
  kubectl describe nodes kubernetes-node-emt8.c.myproject.internal
  
  # Describe a pod
  kubectl describe pods/nginx
  
  # Describe a pod identified by type and name in "pod.json"
  kubectl describe -f pod.json
  
  # Describe all pods
  kubectl describe pods
  
  # Describe pods by label name=myLabel
  kubectl describe pods -l name=myLabel
  
  # Describe all pods managed by the 'frontend' replication controller
  # (rc-created pods get the name of the rc as a prefix in the pod name)
  kubectl describe pods frontend`,
  flags: [
    allNamespacesFlag,
    chunkSizeFlag,
    {
      name: 'filename',
      shorthand: 'f',
      type: 'stringSlice',
      default: '[]',
      usage: 'Filename, directory, or URL to files containing the resource to describe',
    },
    kustomizeFlag,
    recursiveFlag,
    selectorFlag,
    {
      name: 'show-events',
      type: 'bool',
      default: 'true',
      usage: 'If true, display events related to the described object.',
    },
  ],
  runnable: true,
}
