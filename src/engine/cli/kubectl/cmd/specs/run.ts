// kubectl run: command text and flags (--image is required, as cobra's MarkFlagRequired makes it).
// Mirrors: k8s.io/kubectl/pkg/cmd/run/run.go (NewCmdRun, addRunFlags), kubectl 1.32.
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
  saveConfigFlag,
  showManagedFieldsFlag,
  templateFlag,
  timeoutFlag,
} from './sharedFlags'

export const runCommand: CommandSpec = {
  use: 'run NAME --image=image [--env="key=value"] [--port=port] [--dry-run=server|client] [--overrides=inline-json] [--command] -- [COMMAND] [args...]',
  disableFlagsInUseLine: true,
  group: 'Basic Commands (Beginner):',
  short: 'Run a particular image on the cluster',
  long: 'Create and run a particular image in a pod.',
  example: `  # Start a nginx pod
  kubectl run nginx --image=nginx
  
  # Start a hazelcast pod and let the container expose port 5701
  kubectl run hazelcast --image=hazelcast/hazelcast --port=5701
  
  # Start a hazelcast pod and set environment variables "DNS_DOMAIN=cluster" and "POD_NAMESPACE=default" in the container
  kubectl run hazelcast --image=hazelcast/hazelcast --env="DNS_DOMAIN=cluster" --env="POD_NAMESPACE=default"
  
  # Start a hazelcast pod and set labels "app=hazelcast" and "env=prod" in the container
  kubectl run hazelcast --image=hazelcast/hazelcast --labels="app=hazelcast,env=prod"
  
  # Dry run; print the corresponding API objects without creating them
  kubectl run nginx --image=nginx --dry-run=client
  
  # Start a nginx pod, but overload the spec with a partial set of values parsed from JSON
  kubectl run nginx --image=nginx --overrides='{ "apiVersion": "v1", "spec": { ... } }'
  
  # Start a busybox pod and keep it in the foreground, don't restart it if it exits
  kubectl run -i -t busybox --image=busybox --restart=Never
  
  # Start the nginx pod using the default command, but use custom arguments (arg1 .. argN) for that command
  kubectl run nginx --image=nginx -- <arg1> <arg2> ... <argN>
  
  # Start the nginx pod using a different command and custom arguments
  kubectl run nginx --image=nginx --command -- <cmd> <arg1> ... <argN>`,
  flags: [
    allowMissingTemplateKeysFlag,
    { name: 'annotations', type: 'stringArray', default: '[]', usage: 'Annotations to apply to the pod.' },
    {
      name: 'attach',
      type: 'bool',
      default: 'false',
      usage:
        "If true, wait for the Pod to start running, and then attach to the Pod as if 'kubectl attach ...' were called.  Default false, unless '-i/--stdin' is set, in which case the default is true. With '--restart=Never' the exit code of the container process is returned.",
    },
    cascadeFlag,
    {
      name: 'command',
      type: 'bool',
      default: 'false',
      usage:
        "If true and extra arguments are present, use them as the 'command' field in the container, rather than the 'args' field which is the default.",
    },
    dryRunFlag,
    { name: 'env', type: 'stringArray', default: '[]', usage: 'Environment variables to set in the container.' },
    {
      name: 'expose',
      type: 'bool',
      default: 'false',
      usage: 'If true, create a ClusterIP service associated with the pod.  Requires `--port`.',
    },
    {
      name: 'field-manager',
      type: 'string',
      default: 'kubectl-run',
      usage: 'Name of the manager used to track field ownership.',
    },
    { name: 'filename', shorthand: 'f', type: 'stringSlice', default: '[]', usage: 'to use to replace the resource.' },
    forceFlag,
    gracePeriodFlag,
    { name: 'image', type: 'string', default: '', usage: 'The image for the container to run.', required: true },
    {
      name: 'image-pull-policy',
      type: 'string',
      default: '',
      usage:
        'The image pull policy for the container.  If left empty, this value will not be specified by the client and defaulted by the server.',
    },
    deleteKustomizeFlag,
    {
      name: 'labels',
      shorthand: 'l',
      type: 'string',
      default: '',
      usage: 'Comma separated labels to apply to the pod. Will override previous values.',
    },
    {
      name: 'leave-stdin-open',
      type: 'bool',
      default: 'false',
      usage:
        'If the pod is started in interactive mode or with stdin, leave stdin open after the first attach completes. By default, stdin will be closed after the first attach completes.',
    },
    outputFlag,
    {
      name: 'override-type',
      type: 'string',
      default: 'merge',
      usage: 'The method used to override the generated object: json, merge, or strategic.',
    },
    {
      name: 'overrides',
      type: 'string',
      default: '',
      usage:
        'An inline JSON override for the generated object. If this is non-empty, it is used to override the generated object. Requires that the object supply a valid apiVersion field.',
    },
    {
      name: 'pod-running-timeout',
      type: 'duration',
      default: '1m0s',
      usage: 'The length of time (like 5s, 2m, or 3h, higher than zero) to wait until at least one pod is running',
    },
    { name: 'port', type: 'string', default: '', usage: 'The port that this container exposes.' },
    { name: 'privileged', type: 'bool', default: 'false', usage: 'If true, run the container in privileged mode.' },
    { name: 'quiet', shorthand: 'q', type: 'bool', default: 'false', usage: 'If true, suppress prompt messages.' },
    recursiveFlag,
    {
      name: 'restart',
      type: 'string',
      default: 'Always',
      usage: 'The restart policy for this Pod.  Legal values [Always, OnFailure, Never].',
    },
    {
      name: 'rm',
      type: 'bool',
      default: 'false',
      usage:
        "If true, delete the pod after it exits.  Only valid when attaching to the container, e.g. with '--attach' or with '-i/--stdin'.",
    },
    saveConfigFlag,
    showManagedFieldsFlag,
    {
      name: 'stdin',
      shorthand: 'i',
      type: 'bool',
      default: 'false',
      usage: 'Keep stdin open on the container in the pod, even if nothing is attached.',
    },
    templateFlag,
    timeoutFlag,
    {
      name: 'tty',
      shorthand: 't',
      type: 'bool',
      default: 'false',
      usage: 'Allocate a TTY for the container in the pod.',
    },
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
