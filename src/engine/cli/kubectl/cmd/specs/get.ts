// kubectl get: command text and flags.
// Mirrors: k8s.io/kubectl/pkg/cmd/get/get.go (NewCmdGet) and get_flags.go, kubectl 1.32.
// Texts are data copied from the real kubectl 1.32 `--help` output; kubectlFidelity.test.ts proves them.

import type { CommandSpec } from '../spec'
import {
  allowMissingTemplateKeysFlag,
  allNamespacesFlag,
  chunkSizeFlag,
  fieldSelectorFlag,
  kustomizeFlag,
  noHeadersFlag,
  recursiveFlag,
  selectorFlag,
  showManagedFieldsFlag,
  templateFlag,
} from './sharedFlags'

export const getCommand: CommandSpec = {
  use: 'get [(-o|--output=)json|yaml|name|go-template|go-template-file|template|templatefile|jsonpath|jsonpath-as-json|jsonpath-file|custom-columns|custom-columns-file|wide] (TYPE[.VERSION][.GROUP] [NAME | -l label] | TYPE[.VERSION][.GROUP]/NAME ...) [flags]',
  disableFlagsInUseLine: true,
  suggestFor: ['list', 'ps'],
  group: 'Basic Commands (Intermediate):',
  short: 'Display one or many resources',
  long: `Display one or many resources.

 Prints a table of the most important information about the specified resources. You can filter the list using a label selector and the --selector flag. If the desired resource type is namespaced you will only see results in the current namespace if you don't specify any namespace.

 By specifying the output as 'template' and providing a Go template as the value of the --template flag, you can filter the attributes of the fetched resources.

Use "kubectl api-resources" for a complete list of supported resources.`,
  example: `  # List all pods in ps output format
  kubectl get pods
  
  # List all pods in ps output format with more information (such as node name)
  kubectl get pods -o wide
  
  # List a single replication controller with specified NAME in ps output format
  kubectl get replicationcontroller web
  
  # List deployments in JSON output format, in the "v1" version of the "apps" API group
  kubectl get deployments.v1.apps -o json
  
  # List a single pod in JSON output format
  kubectl get -o json pod web-pod-13je7
  
  # List a pod identified by type and name specified in "pod.yaml" in JSON output format
  kubectl get -f pod.yaml -o json
  
  # List resources from a directory with kustomization.yaml - e.g. dir/kustomization.yaml
  kubectl get -k dir/
  
  # Return only the phase value of the specified pod
  kubectl get -o template pod/web-pod-13je7 --template={{.status.phase}}
  
  # List resource information in custom columns
  kubectl get pod test-pod -o custom-columns=CONTAINER:.spec.containers[0].name,IMAGE:.spec.containers[0].image
  
  # List all replication controllers and services together in ps output format
  kubectl get rc,services
  
  # List one or more resources by their type and names
  kubectl get rc/web service/frontend pods/web-pod-13je7
  
  # List the 'status' subresource for a single pod
  kubectl get pod web-pod-13je7 --subresource status
  
  # List all deployments in namespace 'backend'
  kubectl get deployments.apps --namespace backend
  
  # List all pods existing in all namespaces
  kubectl get pods --all-namespaces`,
  flags: [
    allNamespacesFlag,
    allowMissingTemplateKeysFlag,
    chunkSizeFlag,
    fieldSelectorFlag,
    {
      name: 'filename',
      shorthand: 'f',
      type: 'stringSlice',
      default: '[]',
      usage: 'Filename, directory, or URL to files identifying the resource to get from a server.',
    },
    {
      name: 'ignore-not-found',
      type: 'bool',
      default: 'false',
      usage: 'If the requested object does not exist the command will return exit code 0.',
    },
    kustomizeFlag,
    {
      name: 'label-columns',
      shorthand: 'L',
      type: 'stringSlice',
      default: '[]',
      usage:
        'Accepts a comma separated list of labels that are going to be presented as columns. Names are case-sensitive. You can also use multiple flag options like -L label1 -L label2...',
    },
    noHeadersFlag,
    {
      name: 'output',
      shorthand: 'o',
      type: 'string',
      default: '',
      usage:
        'Output format. One of: (json, yaml, name, go-template, go-template-file, template, templatefile, jsonpath, jsonpath-as-json, jsonpath-file, custom-columns, custom-columns-file, wide). See custom columns [https://kubernetes.io/docs/reference/kubectl/#custom-columns], golang template [http://golang.org/pkg/text/template/#pkg-overview] and jsonpath template [https://kubernetes.io/docs/reference/kubectl/jsonpath/].',
    },
    {
      name: 'output-watch-events',
      type: 'bool',
      default: 'false',
      usage:
        'Output watch event objects when --watch or --watch-only is used. Existing objects are output as initial ADDED events.',
    },
    {
      name: 'raw',
      type: 'string',
      default: '',
      usage: 'Raw URI to request from the server.  Uses the transport specified by the kubeconfig file.',
    },
    recursiveFlag,
    selectorFlag,
    {
      name: 'server-print',
      type: 'bool',
      default: 'true',
      usage: 'If true, have the server return the appropriate table output. Supports extension APIs and CRDs.',
    },
    {
      name: 'show-kind',
      type: 'bool',
      default: 'false',
      usage: 'If present, list the resource type for the requested object(s).',
    },
    {
      name: 'show-labels',
      type: 'bool',
      default: 'false',
      usage: 'When printing, show all labels as the last column (default hide labels column)',
    },
    showManagedFieldsFlag,
    {
      name: 'sort-by',
      type: 'string',
      default: '',
      usage:
        "If non-empty, sort list types using this field specification.  The field specification is expressed as a JSONPath expression (e.g. '{.metadata.name}'). The field in the API resource specified by this JSONPath expression must be an integer or a string.",
    },
    {
      name: 'subresource',
      type: 'string',
      default: '',
      usage:
        'If specified, gets the subresource of the requested object. This flag is beta and may change in the future.',
    },
    templateFlag,
    {
      name: 'watch',
      shorthand: 'w',
      type: 'bool',
      default: 'false',
      usage: 'After listing/getting the requested object, watch for changes.',
    },
    {
      name: 'watch-only',
      type: 'bool',
      default: 'false',
      usage: 'Watch for changes to the requested object(s), without listing/getting first.',
    },
  ],
  runnable: true,
}
