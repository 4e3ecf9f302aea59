// The options of a write request, read from its query (create, update, patch) or its body
// (delete), and their validation: dryRun, fieldManager, fieldValidation (KEP-2885, whose server
// default is Warn), force, and DeleteOptions.
// Mirrors: k8s.io/apiserver pkg/endpoints/handlers (create.go, update.go, patch.go: options decoded
// from the query and rejected with NewInvalid of CreateOptions/UpdateOptions/PatchOptions before
// the body is decoded; rest.go fieldValidation(); delete.go: DeleteOptions from the body when
// there is one, otherwise from the query), k8s.io/apimachinery pkg/apis/meta/v1/validation
// (ValidateCreateOptions, ValidateUpdateOptions, ValidatePatchOptions, ValidateDeleteOptions,
// ValidateDryRun, ValidateFieldManager, ValidateFieldValidation).
// Left out: fieldManager's printable-character check, the 1.32 alpha
// ignoreStoreReadErrorWithClusterBreakingPotential, repeated query parameters (one value each).

import { newInvalid } from '../api/errors'
import type { Status } from '../api/types'
import { forbidden, invalid, notSupported, tooLong, type FieldError } from '../api/validation/field'

export type FieldValidation = 'Ignore' | 'Warn' | 'Strict'

export type WriteOptionsKind = 'CreateOptions' | 'UpdateOptions' | 'PatchOptions'

/** metav1.FieldValidation* values, sorted as sets.List returns them. */
const FIELD_VALIDATION_VALUES = ['', 'Ignore', 'Strict', 'Warn']
const FIELD_MANAGER_MAX_LENGTH = 128

/** rest.go fieldValidation(): the directive, Warn when the request names none. */
export function fieldValidationDirective(query: Record<string, string>): FieldValidation {
  const v = query.fieldValidation ?? ''
  return v === '' ? 'Warn' : (v as FieldValidation)
}

/** The dryRun values of a request: the query's one value, if any. */
export function dryRunValues(query: Record<string, string>): string[] {
  return query.dryRun === undefined ? [] : [query.dryRun]
}

function validateDryRun(dryRun: readonly string[]): FieldError[] {
  return dryRun.every((v) => v === 'All') ? [] : [notSupported('dryRun', [...dryRun], ['All'])]
}

function validateFieldManager(fieldManager: string): FieldError[] {
  return fieldManager.length > FIELD_MANAGER_MAX_LENGTH ? [tooLong('fieldManager', fieldManager, FIELD_MANAGER_MAX_LENGTH)] : []
}

/**
 * ValidateCreateOptions / ValidateUpdateOptions / ValidatePatchOptions (for a patch that is not an
 * apply patch): the Invalid status the handler answers with, or undefined.
 */
export function validateWriteOptions(kind: WriteOptionsKind, query: Record<string, string>): Status | undefined {
  const errs: FieldError[] = []
  if (kind === 'PatchOptions' && query.force !== undefined) errs.push(forbidden('force', 'may not be specified for non-apply patch'))
  errs.push(...validateFieldManager(query.fieldManager ?? ''))
  errs.push(...validateDryRun(dryRunValues(query)))
  const fv = query.fieldValidation ?? ''
  if (!FIELD_VALIDATION_VALUES.includes(fv)) errs.push(notSupported('fieldValidation', fv, FIELD_VALIDATION_VALUES))
  return errs.length > 0 ? newInvalid({ group: 'meta.k8s.io', kind }, '', errs) : undefined
}

/** metav1.DeleteOptions, as far as the engine reads it. */
export interface DeleteOptions {
  gracePeriodSeconds?: number
  preconditions?: { uid?: string; resourceVersion?: string }
  orphanDependents?: boolean
  propagationPolicy?: string
  dryRun?: string[]
}

/**
 * DeleteResource's options: the body when there is one (and then the query is not read at all),
 * otherwise the query parameters. An empty body object counts as no body: in-engine clients send
 * `{}` for "no options" and may name dryRun in the query.
 */
export function deleteOptionsFrom(body: unknown, query: Record<string, string>): DeleteOptions {
  if (body !== null && typeof body === 'object' && !Array.isArray(body) && Object.keys(body).length > 0) {
    const b = body as Record<string, unknown>
    const o: DeleteOptions = {}
    if (typeof b.gracePeriodSeconds === 'number') o.gracePeriodSeconds = b.gracePeriodSeconds
    if (b.preconditions !== null && typeof b.preconditions === 'object') {
      const p = b.preconditions as Record<string, unknown>
      o.preconditions = {}
      if (typeof p.uid === 'string') o.preconditions.uid = p.uid
      if (typeof p.resourceVersion === 'string') o.preconditions.resourceVersion = p.resourceVersion
    }
    if (typeof b.orphanDependents === 'boolean') o.orphanDependents = b.orphanDependents
    if (typeof b.propagationPolicy === 'string') o.propagationPolicy = b.propagationPolicy
    if (Array.isArray(b.dryRun)) o.dryRun = b.dryRun.map(String)
    return o
  }
  const o: DeleteOptions = {}
  if (query.gracePeriodSeconds !== undefined) o.gracePeriodSeconds = Number(query.gracePeriodSeconds)
  if (query.orphanDependents !== undefined) o.orphanDependents = query.orphanDependents === 'true'
  if (query.propagationPolicy !== undefined) o.propagationPolicy = query.propagationPolicy
  if (query.dryRun !== undefined) o.dryRun = [query.dryRun]
  return o
}

/** ValidateDeleteOptions, as BeforeDelete answers it: NewInvalid of DeleteOptions, or undefined. */
export function validateDeleteOptions(o: DeleteOptions): Status | undefined {
  const errs: FieldError[] = []
  if (o.orphanDependents !== undefined && o.propagationPolicy !== undefined) {
    errs.push(invalid('propagationPolicy', o.propagationPolicy, 'orphanDependents and deletionPropagation cannot be both set'))
  }
  if (o.propagationPolicy !== undefined && !['Foreground', 'Background', 'Orphan'].includes(o.propagationPolicy)) {
    errs.push(notSupported('propagationPolicy', o.propagationPolicy, ['Foreground', 'Background', 'Orphan', 'nil']))
  }
  errs.push(...validateDryRun(o.dryRun ?? []))
  return errs.length > 0 ? newInvalid({ group: 'meta.k8s.io', kind: 'DeleteOptions' }, '', errs) : undefined
}

/** Whether the request is a dry run (dryRun=All, validated before). */
export function isDryRun(dryRun: readonly string[] | undefined): boolean {
  return (dryRun ?? []).includes('All')
}
