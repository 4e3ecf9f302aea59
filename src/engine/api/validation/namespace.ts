// Validation of Namespaces: a DNS-1123 label name, no namespace of their own, finalizer names,
// and the status/finalize subresource rules.
// Mirrors: kubernetes pkg/apis/core/validation/validation.go (ValidateNamespace,
// ValidateNamespaceUpdate, ValidateNamespaceStatusUpdate, ValidateNamespaceFinalizeUpdate,
// validateFinalizerName, validateKubeFinalizerName) and pkg/apis/core/helper
// (IsStandardFinalizerName).

import type { Namespace } from '../types'
import { FieldError, invalid, newPath, type FieldPath } from './field'
import { nameIsDNSLabel } from './names'
import { validateCoreObjectMeta, validateCoreObjectMetaUpdate, validateFinalizerName as validateQualifiedFinalizerName, validateKubeFinalizerName } from './objectMeta'

/** validateFinalizerName (core): a qualified name, and a prefix unless it is a standard finalizer. */
export function validateFinalizerName(name: string, fldPath: FieldPath): FieldError[] {
  return [...validateQualifiedFinalizerName(name, fldPath), ...validateKubeFinalizerName(name, fldPath)]
}

/** ValidateNamespace on create. */
export function validateNamespace(ns: Namespace): FieldError[] {
  const errs = validateCoreObjectMeta(ns.metadata, false, nameIsDNSLabel, newPath('metadata'))
  for (const f of ns.spec?.finalizers ?? []) errs.push(...validateFinalizerName(f, newPath('spec', 'finalizers')))
  return errs
}

/** ValidateNamespaceUpdate: only metadata rules (spec and status come from the stored object). */
export function validateNamespaceUpdate(ns: Namespace, old: Namespace): FieldError[] {
  return validateCoreObjectMetaUpdate(ns.metadata, old.metadata, newPath('metadata'))
}

/** ValidateNamespaceStatusUpdate: phase Active without deletionTimestamp, Terminating with one. */
export function validateNamespaceStatusUpdate(ns: Namespace, old: Namespace): FieldError[] {
  const errs = validateCoreObjectMetaUpdate(ns.metadata, old.metadata, newPath('metadata'))
  const phase = ns.status?.phase ?? ''
  if (!ns.metadata?.deletionTimestamp) {
    if (phase !== 'Active') errs.push(invalid(newPath('status', 'Phase'), phase, "may only be 'Active' if `deletionTimestamp` is empty"))
  } else if (phase !== 'Terminating') {
    errs.push(invalid(newPath('status', 'Phase'), phase, "may only be 'Terminating' if `deletionTimestamp` is not empty"))
  }
  return errs
}

/** ValidateNamespaceFinalizeUpdate: the finalize subresource's spec.finalizers. */
export function validateNamespaceFinalizeUpdate(ns: Namespace, old: Namespace): FieldError[] {
  const errs = validateCoreObjectMetaUpdate(ns.metadata, old.metadata, newPath('metadata'))
  ;(ns.spec?.finalizers ?? []).forEach((f, i) => errs.push(...validateFinalizerName(f, newPath('spec', 'finalizers').index(i))))
  return errs
}
