// What the apiserver adds to a Namespace it creates: the kubernetes.io/metadata.name label, the
// `kubernetes` finalizer and phase Active.
// Mirrors: kubernetes pkg/apis/core/v1/defaults.go (SetDefaults_Namespace,
// SetDefaults_NamespaceStatus) and pkg/registry/core/namespace/strategy.go (PrepareForCreate,
// PrepareForUpdate, Canonicalize). Pure: returns a new object.

import type { Namespace } from '../types'
import { deepCopy } from '../deepCopy'
import { orderKeys } from './pod'

/** v1.LabelMetadataName. */
export const LABEL_METADATA_NAME = 'kubernetes.io/metadata.name'
/** v1.FinalizerKubernetes. */
export const FINALIZER_KUBERNETES = 'kubernetes'

const NAMESPACE_ORDER = ['kind', 'apiVersion', 'metadata', 'spec', 'status']

function order(ns: Namespace): Namespace {
  const o = orderKeys(ns as Record<string, unknown>, NAMESPACE_ORDER) as Namespace
  if (o.status) o.status = orderKeys(o.status as Record<string, unknown>, ['phase', 'conditions'])
  return o
}

/**
 * SetDefaults_Namespace + SetDefaults_NamespaceStatus: the name label (only when the name is
 * known; generateName is resolved later and Canonicalize sets it then) and phase Active.
 */
export function setDefaultsNamespace(ns: Namespace): Namespace {
  const out = deepCopy(ns) as Namespace
  const name = out.metadata?.name ?? ''
  if (name.length > 0) out.metadata = { ...out.metadata, labels: { ...(out.metadata?.labels ?? {}), [LABEL_METADATA_NAME]: name } }
  out.status = { ...(out.status ?? {}), phase: out.status?.phase || 'Active' }
  return order(out)
}

/**
 * namespaceStrategy.PrepareForCreate: status is reset to Active and the `kubernetes` finalizer is
 * appended when missing. The name label is Canonicalize's job, after validation (a generateName
 * namespace has no name, hence no label, until then).
 */
export function prepareNamespaceForCreate(ns: Namespace): Namespace {
  const out = deepCopy(ns) as Namespace
  out.status = { phase: 'Active' }
  const finalizers = [...(out.spec?.finalizers ?? [])]
  if (!finalizers.includes(FINALIZER_KUBERNETES)) finalizers.push(FINALIZER_KUBERNETES)
  out.spec = { ...(out.spec ?? {}), finalizers }
  return order(out)
}

/**
 * namespaceStrategy.PrepareForUpdate + Canonicalize: spec.finalizers and status come from the
 * stored object (they change only through the finalize and status subresources).
 */
export function prepareNamespaceForUpdate(ns: Namespace, old: Namespace): Namespace {
  const out = deepCopy(ns) as Namespace
  out.spec = deepCopy(old.spec ?? {})
  out.status = deepCopy(old.status ?? {})
  return canonicalizeNamespace(out)
}

/** Canonicalize: the kubernetes.io/metadata.name label always equals the name. */
export function canonicalizeNamespace(ns: Namespace): Namespace {
  const out = deepCopy(ns) as Namespace
  const name = out.metadata?.name ?? ''
  if (name.length > 0) out.metadata = { ...out.metadata, labels: { ...(out.metadata?.labels ?? {}), [LABEL_METADATA_NAME]: name } }
  return order(out)
}
