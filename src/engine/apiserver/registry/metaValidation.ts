// The metadata checks the generic registry runs for every resource, around the resource's own
// strategy validation:
// - on create (rest.BeforeCreate), after the strategy's Validate passed, ObjectMeta is validated
//   once more with path-segment names (`may not contain '/'`), so a resource whose own
//   validation says nothing about names (Events) still gets names, namespace, labels,
//   annotations, ownerReferences and finalizers checked;
// - on update (rest.BeforeUpdate's validateCommonFields), the same ObjectMeta validation and
//   ValidateObjectMetaUpdate come before the strategy's ValidateUpdate (so a bad label is
//   reported by both, as the real apiserver's causes list it).
// Also the per-resource name rules (ValidatePodName, ValidateNamespaceName, ...).
// Mirrors: k8s.io/apiserver pkg/registry/rest/create.go (BeforeCreate), update.go
// (BeforeUpdate, validateCommonFields), k8s.io/apimachinery pkg/api/validation/path/name.go
// (IsValidPathSegmentName, IsValidPathSegmentPrefix), and the name functions of
// pkg/apis/core/validation and pkg/apis/apps/validation.
// Left out: managedFields validation (this apiserver keeps no managedFields).

import type { ObjectMeta } from '../../api/types'
import { newPath, type FieldError } from '../../api/validation/field'
import { nameIsDNS1035Label, nameIsDNSLabel, nameIsDNSSubdomain, type ValidateNameFunc } from '../../api/validation/names'
import { validateObjectMeta, validateObjectMetaUpdate } from '../../api/validation/objectMeta'

/** path.NameMayNotBe / NameMayNotContain. */
const NAME_MAY_NOT_BE = ['.', '..']
const NAME_MAY_NOT_CONTAIN = ['/', '%']

/** IsValidPathSegmentPrefix: a generateName may not contain `/` or `%`. */
export function isValidPathSegmentPrefix(name: string): string[] {
  return NAME_MAY_NOT_CONTAIN.filter((c) => name.includes(c)).map((c) => `may not contain '${c}'`)
}

/** IsValidPathSegmentName: a name may not be `.` or `..`, nor contain `/` or `%`. */
export function isValidPathSegmentName(name: string): string[] {
  for (const illegal of NAME_MAY_NOT_BE) if (name === illegal) return [`may not be '${illegal}'`]
  return isValidPathSegmentPrefix(name)
}

/** ValidatePathSegmentName: what every stored name must satisfy to be a URL path segment. */
export const validatePathSegmentName: ValidateNameFunc = (name, prefix) => (prefix ? isValidPathSegmentPrefix(name) : isValidPathSegmentName(name))

/**
 * The name rule of each resource's own validation (ValidatePodName = NameIsDNSSubdomain,
 * ValidateNamespaceName = NameIsDNSLabel, ValidateServiceName = NameIsDNS1035Label, ...).
 * Events have none of their own: only the path-segment rule applies to them.
 */
const NAME_FUNCS: Readonly<Record<string, ValidateNameFunc>> = {
  pods: nameIsDNSSubdomain,
  namespaces: nameIsDNSLabel,
  nodes: nameIsDNSSubdomain,
  configmaps: nameIsDNSSubdomain,
  secrets: nameIsDNSSubdomain,
  serviceaccounts: nameIsDNSSubdomain,
  endpoints: nameIsDNSSubdomain,
  endpointslices: nameIsDNSSubdomain,
  leases: nameIsDNSSubdomain,
  services: nameIsDNS1035Label,
  deployments: nameIsDNSSubdomain,
  replicasets: nameIsDNSSubdomain,
  daemonsets: nameIsDNSSubdomain,
}

/** The resource's name function; undefined when its validation does not check names itself. */
export function nameFuncFor(resource: string): ValidateNameFunc | undefined {
  return NAME_FUNCS[resource]
}

/** BeforeCreate's generic check, run only once the strategy's own validation found nothing. */
export function validateObjectMetaAccessor(meta: ObjectMeta | undefined, namespaced: boolean): FieldError[] {
  return validateObjectMeta(meta, namespaced, validatePathSegmentName, newPath('metadata'))
}

/** validateCommonFields: every update's metadata checks, before the strategy's ValidateUpdate. */
export function validateCommonFields(meta: ObjectMeta | undefined, old: ObjectMeta | undefined, namespaced: boolean): FieldError[] {
  return [
    ...validateObjectMeta(meta, namespaced, validatePathSegmentName, newPath('metadata')),
    ...validateObjectMetaUpdate(meta, old, newPath('metadata')),
  ]
}
