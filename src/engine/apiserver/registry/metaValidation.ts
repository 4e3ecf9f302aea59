// ValidateObjectMeta (k8s.io/apimachinery/pkg/api/validation/objectmeta.go): names and namespaces.
import type { ObjectMeta } from '../../api/types'
import { FieldError, invalid, required } from '../../api/validation/field'

const DNS1123_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/
const SUBDOMAIN_MSG =
  "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')"

export function validateObjectMetaCreate(meta: ObjectMeta, namespaced: boolean): FieldError[] {
  const errs: FieldError[] = []
  if (!meta.name) errs.push(required('metadata.name', 'name or generateName is required'))
  else if (meta.name.length > 253) errs.push(invalid('metadata.name', meta.name, 'must be no more than 253 characters'))
  else if (!DNS1123_SUBDOMAIN.test(meta.name)) errs.push(invalid('metadata.name', meta.name, SUBDOMAIN_MSG))
  if (namespaced && !meta.namespace) errs.push(required('metadata.namespace', ''))
  return errs
}

export function validateObjectMetaUpdate(meta: ObjectMeta, old: ObjectMeta, namespaced: boolean): FieldError[] {
  void old
  return validateObjectMetaCreate(meta, namespaced)
}
