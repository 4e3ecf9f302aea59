// Validation of core/v1 Events as the apiserver runs it for requests to /api/v1 (the legacy
// rules only: events.k8s.io's stricter ones are skipped for v1 requests, for compatibility).
// Mirrors: kubernetes pkg/apis/core/validation/events.go at 1.32 (ValidateEventCreate,
// ValidateEventUpdate, legacyValidateEvent). Events have no name rule of their own; the
// registry's generic metadata check covers names.

import type { Event } from '../types'
import { invalid, newPath, required, utf8Length, type FieldError } from './field'
import { isDNS1123Subdomain, isQualifiedName } from './names'

const REPORTING_INSTANCE_LENGTH_LIMIT = 128
const ACTION_LENGTH_LIMIT = 128
const REASON_LENGTH_LIMIT = 128
const NOTE_LENGTH_LIMIT = 1024

/** legacyValidateEvent for a v1 request (`reportingComponent` is the v1 name of reportingController). */
export function validateEvent(event: Event): FieldError[] {
  const errs: FieldError[] = []
  const namespace = event.metadata?.namespace ?? ''
  const involvedNamespace = event.involvedObject?.namespace ?? ''
  const involvedPath = newPath('involvedObject', 'namespace')
  if (!event.eventTime) {
    // Old-style events: the event's namespace must be the involved object's (or default/empty for
    // cluster-scoped objects, for old clients).
    if (involvedNamespace.length === 0) {
      if (namespace !== '' && namespace !== 'default') errs.push(invalid(involvedPath, involvedNamespace, 'does not match event.namespace'))
    } else if (namespace !== involvedNamespace) {
      errs.push(invalid(involvedPath, involvedNamespace, 'does not match event.namespace'))
    }
  } else {
    if (involvedNamespace.length === 0 && namespace !== 'default' && namespace !== 'kube-system') {
      errs.push(invalid(involvedPath, involvedNamespace, 'does not match event.namespace'))
    }
    const controller = event.reportingComponent ?? ''
    if (controller.length === 0) errs.push(required(newPath('reportingComponent'), ''))
    for (const msg of isQualifiedName(controller)) errs.push(invalid(newPath('reportingComponent'), controller, msg))
    const instance = event.reportingInstance ?? ''
    if (instance.length === 0) errs.push(required(newPath('reportingInstance'), ''))
    if (utf8Length(instance) > REPORTING_INSTANCE_LENGTH_LIMIT) {
      errs.push(invalid(newPath('reportingInstance'), '', `can have at most ${REPORTING_INSTANCE_LENGTH_LIMIT} characters`))
    }
    const action = event.action ?? ''
    if (action.length === 0) errs.push(required(newPath('action'), ''))
    if (utf8Length(action) > ACTION_LENGTH_LIMIT) errs.push(invalid(newPath('action'), '', `can have at most ${ACTION_LENGTH_LIMIT} characters`))
    const reason = event.reason ?? ''
    if (reason.length === 0) errs.push(required(newPath('reason'), ''))
    if (utf8Length(reason) > REASON_LENGTH_LIMIT) errs.push(invalid(newPath('reason'), '', `can have at most ${REASON_LENGTH_LIMIT} characters`))
    if (utf8Length(event.message ?? '') > NOTE_LENGTH_LIMIT) errs.push(invalid(newPath('message'), '', `can have at most ${NOTE_LENGTH_LIMIT} characters`))
  }
  for (const msg of isDNS1123Subdomain(namespace)) errs.push(invalid(newPath('namespace'), namespace, msg))
  return errs
}
