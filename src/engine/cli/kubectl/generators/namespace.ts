// The Namespace `kubectl create namespace NAME` sends, and its argument errors.
// Mirrors: k8s.io/kubectl v0.32 pkg/cmd/create/create_namespace.go (Complete via
// NameFromCommandArgs, Validate, createNamespace). The object is in the struct order kubectl
// serializes: `{"kind":"Namespace","apiVersion":"v1","metadata":{"name":"dev",
// "creationTimestamp":null},"spec":{},"status":{}}`.

import type { KubeObject } from '../../../api/types'

export interface CreateNamespaceOptions {
  /** Positional arguments. */
  args: string[]
  /** cobra's ArgsLenAtDash (-1 without `--`). */
  argsLenAtDash?: number
}

export type CreateNamespaceResult = { ok: true; namespace: KubeObject } | { ok: false; error: string }

/** NameFromCommandArgs + Validate + createNamespace. Errors are kubectl's (for formatKubectlError). */
export function buildNamespace(o: CreateNamespaceOptions): CreateNamespaceResult {
  const argsLen = o.argsLenAtDash === undefined || o.argsLenAtDash === -1 ? o.args.length : o.argsLenAtDash
  if (argsLen !== 1) {
    return { ok: false, error: `exactly one NAME is required, got ${argsLen}\nSee 'kubectl create namespace -h' for help and examples` }
  }
  const name = o.args[0]
  if (name.length === 0) return { ok: false, error: 'name must be specified' }
  return {
    ok: true,
    namespace: { kind: 'Namespace', apiVersion: 'v1', metadata: { name, creationTimestamp: null as unknown as string }, spec: {}, status: {} },
  }
}
