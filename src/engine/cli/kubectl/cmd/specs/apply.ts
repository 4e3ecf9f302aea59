// kubectl apply: command text and flags.
// Mirrors: k8s.io/kubectl/pkg/cmd/apply/apply.go (NewCmdApply, ApplyFlags.AddFlags), kubectl 1.32.
// Left out: the edit-last-applied, set-last-applied and view-last-applied subcommands, and
// --applyset (kubectl adds it only with KUBECTL_APPLYSET=true).
// Texts are data copied from the real kubectl 1.32 `--help` output; kubectlFidelity.test.ts proves them.

import type { CommandSpec } from '../spec'
import {
  allowMissingTemplateKeysFlag,
  cascadeFlag,
  deleteKustomizeFlag,
  dryRunFlag,
  forceFlag,
  gracePeriodFlag,
  outputFlag,
  recordFlag,
  recursiveFlag,
  selectorFlag,
  showManagedFieldsFlag,
  templateFlag,
  timeoutFlag,
  validateFlag,
} from './sharedFlags'

export const applyCommand: CommandSpec = {
  use: 'apply (-f FILENAME | -k DIRECTORY)',
  disableFlagsInUseLine: true,
  group: 'Advanced Commands:',
  short: 'Apply a configuration to a resource by file name or stdin',
  long: `Apply a configuration to a resource by file name or stdin. The resource name must be specified. This resource will be created if it doesn't exist yet. To use 'apply', always create the resource initially with either 'apply' or 'create --save-config'.

 JSON and YAML formats are accepted.

 Alpha Disclaimer: the --prune functionality is not yet complete. Do not use unless you are aware of what the current state is. See https://issues.k8s.io/34274.`,
  example: `  # Apply the configuration in pod.json to a pod
  kubectl apply -f ./pod.json
  
  # Apply resources from a directory containing kustomization.yaml - e.g. dir/kustomization.yaml
  kubectl apply -k dir/
  
  # Apply the JSON passed into stdin to a pod
  cat pod.json | kubectl apply -f -
  
  # Apply the configuration from all files that end with '.json'
  kubectl apply -f '*.json'
  
  # Note: --prune is still in Alpha
  # Apply the configuration in manifest.yaml that matches label app=nginx and delete all other resources that are not in the file and match label app=nginx
  kubectl apply --prune -f manifest.yaml -l app=nginx
  
  # Apply the configuration in manifest.yaml and delete all the other config maps that are not in the file
  kubectl apply --prune -f manifest.yaml --all --prune-allowlist=core/v1/ConfigMap`,
  flags: [
    {
      name: 'all',
      type: 'bool',
      default: 'false',
      usage: 'Select all resources in the namespace of the specified resource types.',
    },
    allowMissingTemplateKeysFlag,
    cascadeFlag,
    dryRunFlag,
    {
      name: 'field-manager',
      type: 'string',
      default: 'kubectl-client-side-apply',
      usage: 'Name of the manager used to track field ownership.',
    },
    {
      name: 'filename',
      shorthand: 'f',
      type: 'stringSlice',
      default: '[]',
      usage: 'The files that contain the configurations to apply.',
    },
    forceFlag,
    {
      name: 'force-conflicts',
      type: 'bool',
      default: 'false',
      usage: 'If true, server-side apply will force the changes against conflicts.',
    },
    gracePeriodFlag,
    deleteKustomizeFlag,
    {
      name: 'openapi-patch',
      type: 'bool',
      default: 'true',
      usage:
        'If true, use openapi to calculate diff when the openapi presents and the resource can be found in the openapi spec. Otherwise, fall back to use baked-in types.',
    },
    outputFlag,
    {
      name: 'overwrite',
      type: 'bool',
      default: 'true',
      usage:
        'Automatically resolve conflicts between the modified and live configuration by using values from the modified configuration',
    },
    {
      name: 'prune',
      type: 'bool',
      default: 'false',
      usage:
        'Automatically delete resource objects, that do not appear in the configs and are created by either apply or create --save-config. Should be used with either -l or --all.',
    },
    {
      name: 'prune-allowlist',
      type: 'stringArray',
      default: '[]',
      usage: 'Overwrite the default allowlist with <group/version/kind> for --prune',
    },
    recursiveFlag,
    selectorFlag,
    {
      name: 'server-side',
      type: 'bool',
      default: 'false',
      usage: 'If true, apply runs in the server instead of the client.',
    },
    showManagedFieldsFlag,
    {
      name: 'subresource',
      type: 'string',
      default: '',
      usage:
        'If specified, apply will operate on the subresource of the requested object.  Only allowed when using --server-side. This flag is beta and may change in the future.',
    },
    templateFlag,
    timeoutFlag,
    validateFlag,
    {
      name: 'wait',
      type: 'bool',
      default: 'false',
      usage: 'If true, wait for resources to be gone before returning. This waits for finalizers.',
    },
    recordFlag,
  ],
  runnable: true,
}
