// Flags several kubectl commands define alike, named after the upstream helper that adds them.
// Mirrors: k8s.io/cli-runtime/pkg/genericclioptions print_flags.go, json_yaml_flags.go,
// template_flags.go (--output, --template, --allow-missing-template-keys, --show-managed-fields),
// k8s.io/kubectl/pkg/cmd/util helpers.go (AddDryRunFlag, AddValidateFlags, AddChunkSizeFlag,
// AddApplyAnnotationFlags, AddRecordFlag via k8s.io/kubectl/pkg/cmd/util/record_flags.go),
// FilenameOptions flags (-R, -k), and k8s.io/kubectl/pkg/cmd/delete/delete_flags.go.
// Texts as kubectl 1.32 prints them; the fidelity test compares every help text.
// Texts are data copied from the real kubectl 1.32 `--help` output; kubectlFidelity.test.ts proves them.

import type { FlagSpec } from '../spec'

/** kubectl get, kubectl run, kubectl create, kubectl create namespace, kubectl apply, kubectl config view */
export const allowMissingTemplateKeysFlag: FlagSpec = {
  name: 'allow-missing-template-keys',
  type: 'bool',
  default: 'true',
  usage:
    'If true, ignore any errors in templates when a field or map key is missing in the template. Only applies to golang and jsonpath output formats.',
}

/** kubectl get, kubectl run, kubectl create, kubectl create namespace, kubectl apply, kubectl config view */
export const showManagedFieldsFlag: FlagSpec = {
  name: 'show-managed-fields',
  type: 'bool',
  default: 'false',
  usage: 'If true, keep the managedFields when printing objects in JSON or YAML format.',
}

/** kubectl get, kubectl run, kubectl create, kubectl create namespace, kubectl apply, kubectl config view */
export const templateFlag: FlagSpec = {
  name: 'template',
  type: 'string',
  default: '',
  usage:
    'Template string or path to template file to use when -o=go-template, -o=go-template-file. The template format is golang templates [http://golang.org/pkg/text/template/#pkg-overview].',
}

/** kubectl run, kubectl create, kubectl create namespace, kubectl apply */
export const outputFlag: FlagSpec = {
  name: 'output',
  shorthand: 'o',
  type: 'string',
  default: '',
  usage:
    'Output format. One of: (json, yaml, name, go-template, go-template-file, template, templatefile, jsonpath, jsonpath-as-json, jsonpath-file).',
}

/** kubectl get, kubectl describe, kubectl delete, kubectl run, kubectl create, kubectl apply */
export const recursiveFlag: FlagSpec = {
  name: 'recursive',
  shorthand: 'R',
  type: 'bool',
  default: 'false',
  usage:
    'Process the directory used in -f, --filename recursively. Useful when you want to manage related manifests organized within the same directory.',
}

/** kubectl get, kubectl describe, kubectl create */
export const kustomizeFlag: FlagSpec = {
  name: 'kustomize',
  shorthand: 'k',
  type: 'string',
  default: '',
  usage: "Process the kustomization directory. This flag can't be used together with -f or -R.",
}

/** kubectl get, kubectl describe, kubectl logs, kubectl delete, kubectl create, kubectl apply */
export const selectorFlag: FlagSpec = {
  name: 'selector',
  shorthand: 'l',
  type: 'string',
  default: '',
  usage:
    "Selector (label query) to filter on, supports '=', '==', and '!='.(e.g. -l key1=value1,key2=value2). Matching objects must satisfy all of the specified label constraints.",
}

/** kubectl get, kubectl describe, kubectl delete */
export const allNamespacesFlag: FlagSpec = {
  name: 'all-namespaces',
  shorthand: 'A',
  type: 'bool',
  default: 'false',
  usage:
    'If present, list the requested object(s) across all namespaces. Namespace in current context is ignored even if specified with --namespace.',
}

/** kubectl get, kubectl delete */
export const fieldSelectorFlag: FlagSpec = {
  name: 'field-selector',
  type: 'string',
  default: '',
  usage:
    "Selector (field query) to filter on, supports '=', '==', and '!='.(e.g. --field-selector key1=value1,key2=value2). The server only supports a limited number of field queries per type.",
}

/** kubectl get, kubectl describe */
export const chunkSizeFlag: FlagSpec = {
  name: 'chunk-size',
  type: 'int64',
  default: '500',
  usage:
    'Return large lists in chunks rather than all at once. Pass 0 to disable. This flag is beta and may change in the future.',
}

/** kubectl get, kubectl config get-contexts, kubectl api-resources */
export const noHeadersFlag: FlagSpec = {
  name: 'no-headers',
  type: 'bool',
  default: 'false',
  usage: "When using the default or custom-column output format, don't print headers (default print headers).",
}

/** kubectl delete, kubectl run, kubectl create, kubectl create namespace, kubectl apply */
export const dryRunFlag: FlagSpec = {
  name: 'dry-run',
  type: 'string',
  default: 'none',
  usage:
    'Must be "none", "server", or "client". If client strategy, only print the object that would be sent, without sending it. If server strategy, submit server-side request without persisting the resource.',
  noOptDefVal: 'unchanged',
}

/** kubectl create, kubectl create namespace, kubectl apply */
export const validateFlag: FlagSpec = {
  name: 'validate',
  type: 'string',
  default: 'strict',
  usage:
    'Must be one of: strict (or true), warn, ignore (or false). "true" or "strict" will use a schema to validate the input and fail the request if invalid. It will perform server side validation if ServerSideFieldValidation is enabled on the api-server, but will fall back to less reliable client-side validation if not. "warn" will warn about unknown or duplicate fields without blocking the request if server-side field validation is enabled on the API server, and behave as "ignore" otherwise. "false" or "ignore" will not perform any schema validation, silently dropping any unknown or duplicate fields.',
  noOptDefVal: 'strict',
}

/** kubectl run, kubectl create, kubectl create namespace */
export const saveConfigFlag: FlagSpec = {
  name: 'save-config',
  type: 'bool',
  default: 'false',
  usage:
    'If true, the configuration of current object will be saved in its annotation. Otherwise, the annotation will be unchanged. This flag is useful when you want to perform kubectl apply on this object in the future.',
}

/** kubectl run, kubectl create, kubectl apply */
export const recordFlag: FlagSpec = {
  name: 'record',
  type: 'bool',
  default: 'false',
  usage:
    'Record current kubectl command in the resource annotation. If set to false, do not record the command. If set to true, record the command. If not set, default to updating the existing annotation value only if one already exists.',
  hidden: true,
  deprecated: '--record will be removed in the future',
}

/** kubectl delete, kubectl run, kubectl apply */
export const cascadeFlag: FlagSpec = {
  name: 'cascade',
  type: 'string',
  default: 'background',
  usage:
    'Must be "background", "orphan", or "foreground". Selects the deletion cascading strategy for the dependents (e.g. Pods created by a ReplicationController). Defaults to background.',
  noOptDefVal: 'background',
}

/** kubectl delete, kubectl run, kubectl apply */
export const forceFlag: FlagSpec = {
  name: 'force',
  type: 'bool',
  default: 'false',
  usage:
    'If true, immediately remove resources from API and bypass graceful deletion. Note that immediate deletion of some resources may result in inconsistency or data loss and requires confirmation.',
}

/** kubectl delete, kubectl run, kubectl apply */
export const gracePeriodFlag: FlagSpec = {
  name: 'grace-period',
  type: 'int',
  default: '-1',
  usage:
    'Period of time in seconds given to the resource to terminate gracefully. Ignored if negative. Set to 1 for immediate shutdown. Can only be set to 0 when --force is true (force deletion).',
}

/** kubectl delete, kubectl run, kubectl apply */
export const deleteKustomizeFlag: FlagSpec = {
  name: 'kustomize',
  shorthand: 'k',
  type: 'string',
  default: '',
  usage: "Process a kustomization directory. This flag can't be used together with -f or -R.",
}

/** kubectl delete, kubectl run, kubectl apply */
export const timeoutFlag: FlagSpec = {
  name: 'timeout',
  type: 'duration',
  default: '0s',
  usage:
    'The length of time to wait before giving up on a delete, zero means determine a timeout from the size of the object',
}
