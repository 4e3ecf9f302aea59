// The engine's public surface as plain types: what the worker, the headless runner and the
// tests may use. The UI never imports this (it sees only src/worker/protocol.ts).
import type { KubeObject } from './api/types'

/** One request the apiserver served, for `kubectl --v=8`-style traces and the UI's flow animation. */
export interface AuditEvent {
  /** Monotonic id within a World. */
  id: number
  /** Virtual time (epoch ms) the request was received. */
  time: number
  /** Who asked: "kubectl", "kube-scheduler", "kubelet/kind-worker", "kube-controller-manager/replicaset-controller", ... */
  user: string
  /** Kubernetes verb: get, list, watch, create, update, patch, delete, deletecollection. */
  verb: string
  method: string
  /** Request path, e.g. /api/v1/namespaces/default/pods/nginx/status */
  path: string
  resource: string
  subresource?: string
  namespace?: string
  name?: string
  code: number
}

/** A change to an API object, keyed by uid. Events also flow through here (they are API objects). */
export type ObjectChange =
  | { type: 'upsert'; uid: string; object: KubeObject }
  | { type: 'delete'; uid: string; object: KubeObject }

export interface ClockState {
  /** Virtual time, epoch ms. */
  now: number
  paused: boolean
  speed: number
}

/** A terminal session on a host: the user's shell. Output arrives through `onOutput`. */
export interface TerminalSession {
  readonly id: string
  /** The prompt printed before each line, e.g. "$ ". */
  readonly prompt: string
  /** Run one typed line. Returns at once; output and completion arrive through the callbacks. */
  runLine(line: string): void
  /** Ctrl-C: stops the running command, if any. */
  interrupt(): void
  /** True while a command is running (streaming or waiting on virtual time). */
  readonly busy: boolean
  onOutput(listener: (data: string) => void): () => void
  /** Called when a command finishes, with its exit code. */
  onDone(listener: (exitCode: number) => void): () => void
}

export interface ApplyResult {
  /** What `kubectl apply -f` printed on stdout. */
  stdout: string
  /** What it printed on stderr (errors), if anything. */
  stderr: string
  exitCode: number
  /** Field-level errors from the apiserver (Invalid causes, strict decoding), for editor markers. */
  fieldErrors: { message: string; field?: string; document: number }[]
}
