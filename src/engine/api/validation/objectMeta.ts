// Validation of metadata every object shares: name/generateName, namespace, labels,
// annotations (keys and the 256 KiB total), finalizers, ownerReferences, and what an update may
// not change.
// Mirrors: k8s.io/apimachinery pkg/api/validation/objectmeta.go (ValidateObjectMetaAccessor,
// ValidateObjectMetaAccessorUpdate, ValidateAnnotations, ValidateFinalizers,
// ValidateOwnerReferences, ValidateImmutableField, ValidateNoNewFinalizers) and
// pkg/apis/meta/v1/validation/validation.go (ValidateLabels, ValidateLabelName).
// Map iteration is random in Go; errors for several bad labels/annotations come here in key order.
// Left out: managedFields validation, the BannedOwners check and the "only one controller"
// check (their messages print Go structs with pointer addresses).

import type { ObjectMeta, OwnerReference } from '../types'
import {
  FieldError,
  compareGoStrings,
  forbidden,
  goRepr,
  goStringSlice,
  invalid,
  newPath,
  required,
  tooLong,
  utf8Length,
  type FieldPath,
} from './field'
import { isQualifiedName, isValidLabelValue, nameIsDNSLabel, type ValidateNameFunc } from './names'

export const FIELD_IMMUTABLE_ERROR_MSG = 'field is immutable'
/** TotalAnnotationSizeLimitB: 256 KiB of keys plus values. */
export const TOTAL_ANNOTATION_SIZE_LIMIT_B = 256 * (1 << 10)

const sortedKeys = (m: Readonly<Record<string, unknown>> | undefined): string[] => Object.keys(m ?? {}).sort(compareGoStrings)

/** ValidateLabelName: a label key must be a qualified name. */
export function validateLabelName(labelName: string, fldPath: FieldPath): FieldError[] {
  return isQualifiedName(labelName).map((msg) => invalid(fldPath, labelName, msg))
}

/** ValidateLabels: keys are qualified names, values valid label values (the path stays `labels`). */
export function validateLabels(labels: Readonly<Record<string, string>> | undefined, fldPath: FieldPath): FieldError[] {
  const errs: FieldError[] = []
  for (const k of sortedKeys(labels)) {
    errs.push(...validateLabelName(k, fldPath))
    for (const msg of isValidLabelValue((labels as Record<string, string>)[k])) errs.push(invalid(fldPath, (labels as Record<string, string>)[k], msg))
  }
  return errs
}

/** ValidateAnnotations: keys are qualified names (case-insensitive), 256 KiB in total. */
export function validateAnnotations(annotations: Readonly<Record<string, string>> | undefined, fldPath: FieldPath): FieldError[] {
  const errs: FieldError[] = []
  let total = 0
  for (const k of sortedKeys(annotations)) {
    for (const msg of isQualifiedName(k.toLowerCase())) errs.push(invalid(fldPath, k, msg))
    total += utf8Length(k) + utf8Length((annotations as Record<string, string>)[k] ?? '')
  }
  if (total > TOTAL_ANNOTATION_SIZE_LIMIT_B) errs.push(tooLong(fldPath, '', TOTAL_ANNOTATION_SIZE_LIMIT_B))
  return errs
}

/** ValidateFinalizerName (apimachinery): a qualified name. */
export function validateFinalizerName(name: string, fldPath: FieldPath): FieldError[] {
  return isQualifiedName(name).map((msg) => invalid(fldPath, name, msg))
}

/** ValidateFinalizers: names, and orphan + foregroundDeletion not both. */
export function validateFinalizers(finalizers: readonly string[] | undefined, fldPath: FieldPath): FieldError[] {
  const errs: FieldError[] = []
  let orphan = false
  let foreground = false
  for (const f of finalizers ?? []) {
    errs.push(...validateFinalizerName(f, fldPath))
    if (f === 'orphan') orphan = true
    if (f === 'foregroundDeletion') foreground = true
  }
  if (orphan && foreground) {
    errs.push(invalid(fldPath, goRepr(goStringSlice(finalizers ?? [])), 'finalizer orphan and foregroundDeletion cannot be both set'))
  }
  return errs
}

/** schema.FromAPIVersionAndKind's version part (empty when the group/version does not parse). */
function versionOf(apiVersion: string): string {
  if (apiVersion === '' || apiVersion === '/') return ''
  const parts = apiVersion.split('/')
  if (parts.length === 1) return parts[0]
  if (parts.length === 2) return parts[1]
  return ''
}

/** validateOwnerReference's field checks. */
export function validateOwnerReferences(refs: readonly OwnerReference[] | undefined, fldPath: FieldPath): FieldError[] {
  const errs: FieldError[] = []
  for (const ref of refs ?? []) {
    if (versionOf(ref.apiVersion ?? '').length === 0) errs.push(invalid(fldPath.child('apiVersion'), ref.apiVersion ?? '', 'version must not be empty'))
    if ((ref.kind ?? '').length === 0) errs.push(invalid(fldPath.child('kind'), ref.kind ?? '', 'kind must not be empty'))
    if ((ref.name ?? '').length === 0) errs.push(invalid(fldPath.child('name'), ref.name ?? '', 'name must not be empty'))
    if ((ref.uid ?? '').length === 0) errs.push(invalid(fldPath.child('uid'), ref.uid ?? '', 'uid must not be empty'))
  }
  return errs
}

/** ValidateNonnegativeField. */
export function validateNonnegativeField(value: number, fldPath: FieldPath): FieldError[] {
  return value < 0 ? [invalid(fldPath, value, 'must be greater than or equal to 0')] : []
}

/**
 * ValidateObjectMeta on create, after name generation: name (or the generateName error),
 * namespace required or forbidden, generation, labels, annotations, ownerReferences, finalizers.
 */
export function validateObjectMeta(
  meta: ObjectMeta | undefined,
  requiresNamespace: boolean,
  nameFn: ValidateNameFunc,
  fldPath: FieldPath = newPath('metadata'),
): FieldError[] {
  const m = meta ?? {}
  const errs: FieldError[] = []
  const generateName = m.generateName ?? ''
  if (generateName.length !== 0) {
    for (const msg of nameFn(generateName, true)) errs.push(invalid(fldPath.child('generateName'), generateName, msg))
  }
  const name = m.name ?? ''
  if (name.length === 0) errs.push(required(fldPath.child('name'), 'name or generateName is required'))
  else for (const msg of nameFn(name, false)) errs.push(invalid(fldPath.child('name'), name, msg))
  const namespace = m.namespace ?? ''
  if (requiresNamespace) {
    if (namespace.length === 0) errs.push(required(fldPath.child('namespace'), ''))
    else for (const msg of nameIsDNSLabel(namespace, false)) errs.push(invalid(fldPath.child('namespace'), namespace, msg))
  } else if (namespace.length !== 0) {
    errs.push(forbidden(fldPath.child('namespace'), 'not allowed on this type'))
  }
  errs.push(...validateNonnegativeField(m.generation ?? 0, fldPath.child('generation')))
  errs.push(...validateLabels(m.labels, fldPath.child('labels')))
  errs.push(...validateAnnotations(m.annotations, fldPath.child('annotations')))
  errs.push(...validateOwnerReferences(m.ownerReferences, fldPath.child('ownerReferences')))
  errs.push(...validateFinalizers(m.finalizers, fldPath.child('finalizers')))
  return errs
}

/** A metav1.Time as fmt prints it (its String(): `2006-01-02 15:04:05 -0700 MST`, UTC here). */
function goTimeString(rfc3339: string): string {
  const d = new Date(rfc3339)
  if (Number.isNaN(d.getTime())) return rfc3339
  const p = (n: number, w = 2) => String(n).padStart(w, '0')
  return `${p(d.getUTCFullYear(), 4)}-${p(d.getUTCMonth() + 1)}-${p(d.getUTCDate())} ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())} +0000 UTC`
}

function immutable(newVal: unknown, oldVal: unknown, fldPath: FieldPath, render?: (v: unknown) => unknown): FieldError[] {
  if (JSON.stringify(newVal ?? null) === JSON.stringify(oldVal ?? null)) return []
  return [invalid(fldPath, render ? render(newVal) : newVal, FIELD_IMMUTABLE_ERROR_MSG)]
}

/** ValidateImmutableField: `<path>: Invalid value: <new>: field is immutable` when changed. */
export function validateImmutableField(newVal: unknown, oldVal: unknown, fldPath: FieldPath): FieldError[] {
  return immutable(newVal, oldVal, fldPath)
}

/** ValidateNoNewFinalizers: a deleting object may lose finalizers but not gain any. */
export function validateNoNewFinalizers(newFinalizers: readonly string[] | undefined, oldFinalizers: readonly string[] | undefined, fldPath: FieldPath): FieldError[] {
  const old = new Set(oldFinalizers ?? [])
  const extra = [...new Set(newFinalizers ?? [])].filter((f) => !old.has(f)).sort(compareGoStrings)
  if (extra.length === 0) return []
  return [forbidden(fldPath, `no new finalizers can be added if the object is being deleted, found new finalizers ${goStringSlice(extra)}`)]
}

/** ValidateObjectMetaUpdate: resourceVersion required, identity and timestamps immutable. */
export function validateObjectMetaUpdate(newMeta: ObjectMeta | undefined, oldMeta: ObjectMeta | undefined, fldPath: FieldPath = newPath('metadata')): FieldError[] {
  const n = newMeta ?? {}
  const o = oldMeta ?? {}
  const errs: FieldError[] = []
  if (o.deletionTimestamp) errs.push(...validateNoNewFinalizers(n.finalizers, o.finalizers, fldPath.child('finalizers')))
  if ((n.resourceVersion ?? '').length === 0) errs.push(invalid(fldPath.child('resourceVersion'), n.resourceVersion ?? '', 'must be specified for an update'))
  if ((n.generation ?? 0) < (o.generation ?? 0)) errs.push(invalid(fldPath.child('generation'), n.generation ?? 0, 'must not be decremented'))
  errs.push(...immutable(n.name ?? '', o.name ?? '', fldPath.child('name')))
  errs.push(...immutable(n.namespace ?? '', o.namespace ?? '', fldPath.child('namespace')))
  errs.push(...immutable(n.uid ?? '', o.uid ?? '', fldPath.child('uid')))
  const time = (v: unknown) => (typeof v === 'string' ? goRepr(goTimeString(v)) : goRepr('0001-01-01 00:00:00 +0000 UTC'))
  errs.push(...immutable(n.creationTimestamp, o.creationTimestamp, fldPath.child('creationTimestamp'), time))
  errs.push(...immutable(n.deletionTimestamp, o.deletionTimestamp, fldPath.child('deletionTimestamp'), (v) => (typeof v === 'string' ? goRepr(goTimeString(v)) : null)))
  errs.push(...immutable(n.deletionGracePeriodSeconds, o.deletionGracePeriodSeconds, fldPath.child('deletionGracePeriodSeconds')))
  errs.push(...validateLabels(n.labels, fldPath.child('labels')))
  errs.push(...validateAnnotations(n.annotations, fldPath.child('annotations')))
  errs.push(...validateOwnerReferences(n.ownerReferences, fldPath.child('ownerReferences')))
  return errs
}

// ---- pkg/apis/core/validation's wrappers (used by every built-in kind's own validation) ----

/** helper.IsStandardFinalizerName's set: the finalizer names that need no domain prefix. */
export const STANDARD_FINALIZERS: ReadonlySet<string> = new Set(['kubernetes', 'orphan', 'foregroundDeletion'])

/**
 * validateKubeFinalizerName: a finalizer without a `/` must be a standard one. Its path carries
 * the index (`metadata.finalizers[0]`), unlike ValidateFinalizers' `metadata.finalizers`.
 */
export function validateKubeFinalizerName(name: string, fldPath: FieldPath): FieldError[] {
  if (name.split('/').length === 1 && !STANDARD_FINALIZERS.has(name)) {
    return [invalid(fldPath, name, 'name is neither a standard finalizer name nor is it fully qualified')]
  }
  return []
}

/**
 * core's ValidateObjectMeta: apimachinery's, then validateKubeFinalizerName for each finalizer.
 * This is what Pod, Namespace, ConfigMap, Service, Deployment... validation calls; the
 * registry's own generic check (rest.BeforeCreate) uses apimachinery's without the extra rule.
 */
export function validateCoreObjectMeta(
  meta: ObjectMeta | undefined,
  requiresNamespace: boolean,
  nameFn: ValidateNameFunc,
  fldPath: FieldPath = newPath('metadata'),
): FieldError[] {
  const errs = validateObjectMeta(meta, requiresNamespace, nameFn, fldPath)
  ;(meta?.finalizers ?? []).forEach((f, i) => errs.push(...validateKubeFinalizerName(f, fldPath.child('finalizers').index(i))))
  return errs
}

/** core's ValidateObjectMetaUpdate: apimachinery's, then validateKubeFinalizerName for each finalizer. */
export function validateCoreObjectMetaUpdate(newMeta: ObjectMeta | undefined, oldMeta: ObjectMeta | undefined, fldPath: FieldPath = newPath('metadata')): FieldError[] {
  const errs = validateObjectMetaUpdate(newMeta, oldMeta, fldPath)
  ;(newMeta?.finalizers ?? []).forEach((f, i) => errs.push(...validateKubeFinalizerName(f, fldPath.child('finalizers').index(i))))
  return errs
}
