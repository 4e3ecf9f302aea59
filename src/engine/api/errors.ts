// metav1.Status failures as the apiserver builds them, and the way kubectl prints them.
// Mirrors: k8s.io/apimachinery pkg/api/errors/errors.go (v0.32: NewNotFound ... NewInvalid) and
// k8s.io/kubectl pkg/cmd/util/helpers.go (checkErr, StandardErrorMessage, MultilineError,
// MultipleErrors, AddSourceToErr).
// A Status is plain JSON with the key order the apiserver writes (kind, apiVersion, metadata,
// status, message, reason, details, code), so printing it with JSON.stringify matches the wire.
// Left out: NewGenericServerResponse (client-side decoding of non-Status bodies), the
// client-go "unexpected object" and connection-refused errors (no network here), klog -v output.

import type { Status, StatusCause, StatusDetails } from './types'
import { aggregateMessage, goQuote, toAggregate, type FieldError } from './validation/field'

/** schema.GroupResource. */
export interface GroupResource {
  group: string
  resource: string
}

/** schema.GroupKind. */
export interface GroupKind {
  group: string
  kind: string
}

/** StatusReason values upstream defines (metav1.StatusReason*). */
export type StatusReason =
  | 'Unauthorized'
  | 'Forbidden'
  | 'NotFound'
  | 'AlreadyExists'
  | 'Conflict'
  | 'Gone'
  | 'Invalid'
  | 'ServerTimeout'
  | 'StoreReadError'
  | 'Timeout'
  | 'TooManyRequests'
  | 'BadRequest'
  | 'MethodNotAllowed'
  | 'NotAcceptable'
  | 'RequestEntityTooLarge'
  | 'UnsupportedMediaType'
  | 'InternalError'
  | 'Expired'
  | 'ServiceUnavailable'

/**
 * StatusError: a Status thrown inside the engine (apiserver handlers, clients). Its message is the
 * Status message, as Go's StatusError.Error() returns.
 */
export class StatusError extends Error {
  constructor(readonly status: Status) {
    super(status.message ?? '')
    this.name = 'StatusError'
  }
}

/** GroupResource.String(): `pods`, `deployments.apps`. */
export function groupResourceString(qr: GroupResource): string {
  return qr.group.length === 0 ? qr.resource : `${qr.resource}.${qr.group}`
}

/** GroupKind.String(): `Pod`, `Deployment.apps`. */
export function groupKindString(qk: GroupKind): string {
  return qk.group.length === 0 ? qk.kind : `${qk.kind}.${qk.group}`
}

interface DetailsIn {
  name?: string
  group?: string
  kind?: string
  uid?: string
  causes?: StatusCause[]
  retryAfterSeconds?: number
}

/** StatusDetails with Go's omitempty: empty strings, empty lists and zero seconds are left out. */
function details(d: DetailsIn): StatusDetails {
  const out: StatusDetails = {}
  if (d.name) out.name = d.name
  if (d.group) out.group = d.group
  if (d.kind) out.kind = d.kind
  if (d.uid) out.uid = d.uid
  if (d.causes && d.causes.length > 0) out.causes = d.causes
  if (d.retryAfterSeconds) out.retryAfterSeconds = d.retryAfterSeconds
  return out
}

function failure(code: number, reason: StatusReason, message: string, d?: DetailsIn): Status {
  const s: Status = { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message, reason }
  if (d) s.details = details(d)
  s.code = code
  return s
}

/** NewNotFound: `pods "x" not found`, `deployments.apps "web" not found`. */
export function newNotFound(qr: GroupResource, name: string): Status {
  return failure(404, 'NotFound', `${groupResourceString(qr)} ${goQuote(name)} not found`, { group: qr.group, kind: qr.resource, name })
}

/** NewAlreadyExists: `pods "x" already exists`. */
export function newAlreadyExists(qr: GroupResource, name: string): Status {
  return failure(409, 'AlreadyExists', `${groupResourceString(qr)} ${goQuote(name)} already exists`, { group: qr.group, kind: qr.resource, name })
}

/** NewGenerateNameConflict: generateName ran out of luck; clients retry after the given seconds. */
export function newGenerateNameConflict(qr: GroupResource, name: string, retryAfterSeconds: number): Status {
  return failure(
    409,
    'AlreadyExists',
    `${groupResourceString(qr)} ${goQuote(name)} already exists, the server was not able to generate a unique name for the object`,
    { group: qr.group, kind: qr.resource, name, retryAfterSeconds },
  )
}

/** NewUnauthorized: the reason, or `not authorized`. */
export function newUnauthorized(reason: string): Status {
  return failure(401, 'Unauthorized', reason.length === 0 ? 'not authorized' : reason)
}

/**
 * NewForbidden: `pods "x" is forbidden: <err>`; without a name `pods is forbidden: <err>`; without a
 * resource `forbidden: <err>`. `err` is the Error() text of the cause.
 */
export function newForbidden(qr: GroupResource, name: string, err: string): Status {
  let message: string
  if (qr.group.length === 0 && qr.resource.length === 0) message = `forbidden: ${err}`
  else if (name.length === 0) message = `${groupResourceString(qr)} is forbidden: ${err}`
  else message = `${groupResourceString(qr)} ${goQuote(name)} is forbidden: ${err}`
  return failure(403, 'Forbidden', message, { group: qr.group, kind: qr.resource, name })
}

/** NewConflict: `Operation cannot be fulfilled on pods "x": <err>`. */
export function newConflict(qr: GroupResource, name: string, err: string): Status {
  return failure(409, 'Conflict', `Operation cannot be fulfilled on ${groupResourceString(qr)} ${goQuote(name)}: ${err}`, {
    group: qr.group,
    kind: qr.resource,
    name,
  })
}

/** NewApplyConflict: server-side apply field-manager conflicts. */
export function newApplyConflict(causes: StatusCause[], message: string): Status {
  return failure(409, 'Conflict', message, { causes })
}

/** NewGone: 410 Gone. */
export function newGone(message: string): Status {
  return failure(410, 'Gone', message)
}

/**
 * NewResourceExpired: 410 Expired. This (not NewGone) is what a watch or list from a compacted
 * resourceVersion gets: `too old resource version: 5 (12)` from the watch cache, `The
 * resourceVersion for the provided watch is too old.` from etcd.
 */
export function newResourceExpired(message: string): Status {
  return failure(410, 'Expired', message)
}

/** The watch cache's message for a resourceVersion older than the oldest revision it keeps. */
export function tooOldResourceVersionMessage(resourceVersion: number, oldest: number): string {
  return `too old resource version: ${resourceVersion} (${oldest})`
}

/**
 * NewInvalid: 422 with one StatusCause per field error and the message
 * `Pod "x" is invalid: <aggregate>` (`[a, b]` for several distinct errors).
 */
export function newInvalid(qk: GroupKind, name: string, errs: readonly FieldError[]): Status {
  const causes: StatusCause[] = errs.map((e) => ({ reason: e.type, message: e.errorBody(), field: e.field }))
  const agg = toAggregate(errs)
  const message =
    agg.length === 0
      ? `${groupKindString(qk)} ${goQuote(name)} is invalid`
      : `${groupKindString(qk)} ${goQuote(name)} is invalid: ${aggregateMessage(agg.map((e) => e.error()))}`
  return failure(422, 'Invalid', message, { group: qk.group, kind: qk.kind, name, causes })
}

/** NewBadRequest. */
export function newBadRequest(reason: string): Status {
  return failure(400, 'BadRequest', reason)
}

/** NewTooManyRequests. */
export function newTooManyRequests(message: string, retryAfterSeconds: number): Status {
  return failure(429, 'TooManyRequests', message, { retryAfterSeconds })
}

/** NewServiceUnavailable. */
export function newServiceUnavailable(reason: string): Status {
  return failure(503, 'ServiceUnavailable', reason)
}

/** NewMethodNotSupported: `create is not supported on resources of kind "pods"`. */
export function newMethodNotSupported(qr: GroupResource, action: string): Status {
  return failure(405, 'MethodNotAllowed', `${action} is not supported on resources of kind ${goQuote(groupResourceString(qr))}`, {
    group: qr.group,
    kind: qr.resource,
  })
}

/** NewServerTimeout. */
export function newServerTimeout(qr: GroupResource, operation: string, retryAfterSeconds: number): Status {
  return failure(
    500,
    'ServerTimeout',
    `The ${operation} operation against ${groupResourceString(qr)} could not be completed at this time, please try again.`,
    { group: qr.group, kind: qr.resource, name: operation, retryAfterSeconds },
  )
}

/** NewInternalError: `Internal error occurred: <err>`, with the error as the only cause. */
export function newInternalError(err: string): Status {
  return failure(500, 'InternalError', `Internal error occurred: ${err}`, { causes: [{ message: err }] })
}

/** NewTimeoutError: 504 `Timeout: <message>`. */
export function newTimeoutError(message: string, retryAfterSeconds: number): Status {
  return failure(504, 'Timeout', `Timeout: ${message}`, { retryAfterSeconds })
}

/** NewTooManyRequestsError: 429 `Too many requests: <message>`. */
export function newTooManyRequestsError(message: string): Status {
  return failure(429, 'TooManyRequests', `Too many requests: ${message}`)
}

/** NewRequestEntityTooLargeError: 413 (the apiserver's 3 MiB body limit). */
export function newRequestEntityTooLargeError(message: string): Status {
  return failure(413, 'RequestEntityTooLarge', `Request entity too large: ${message}`)
}

/** ReasonForError. */
export function reasonForError(err: unknown): string {
  if (err instanceof StatusError) return err.status.reason ?? ''
  if (isStatus(err)) return err.reason ?? ''
  return ''
}

function isStatus(v: unknown): v is Status {
  return typeof v === 'object' && v !== null && (v as Status).kind === 'Status'
}

export const isNotFound = (err: unknown): boolean => reasonForError(err) === 'NotFound'
export const isAlreadyExists = (err: unknown): boolean => reasonForError(err) === 'AlreadyExists'
export const isConflict = (err: unknown): boolean => reasonForError(err) === 'Conflict'
export const isInvalid = (err: unknown): boolean => reasonForError(err) === 'Invalid'
export const isForbidden = (err: unknown): boolean => reasonForError(err) === 'Forbidden'
export const isGone = (err: unknown): boolean => reasonForError(err) === 'Gone'
export const isResourceExpired = (err: unknown): boolean => reasonForError(err) === 'Expired'
export const isBadRequest = (err: unknown): boolean => reasonForError(err) === 'BadRequest'

// ---------------------------------------------------------------------------------------------
// kubectl's side: cmdutil.CheckErr and friends.

/**
 * An error as kubectl holds it: a Status from the server, or the Error() text of a client-side
 * error (`invalid restart policy: Foo`, `error parsing x.yaml: ...`).
 */
export type KubectlError = Status | string

/**
 * AddSourceToErr: kubectl's wrapper for errors about objects read from a file. A Status keeps its
 * reason and gets `error when creating "pod.yaml": ` in front of its message.
 */
export function addSourceToErr(verb: string, source: string, err: KubectlError): KubectlError {
  if (source === '') return err
  if (typeof err === 'string') return `error when ${verb} ${goQuote(source)}: ${err}`
  return { ...err, message: `error when ${verb} ${goQuote(source)}: ${err.message ?? ''}` }
}

/**
 * StandardErrorMessage: how kubectl words a Status. Unauthorized gets a login hint, anything
 * with a reason `Error from server (<Reason>): <message>`, the rest `Error from server: <message>`.
 */
export function standardErrorMessage(status: Status): string {
  const message = status.message ?? ''
  if (status.reason === 'Unauthorized') return `error: You must be logged in to the server (${message})`
  if (status.reason) return `Error from server (${status.reason}): ${message}`
  return `Error from server: ${message}`
}

function messageForError(err: KubectlError): string {
  return typeof err === 'string' ? err : standardErrorMessage(err)
}

/**
 * What `kubectl` prints on stderr for an error before exiting 1 (cmdutil.CheckErr), without the
 * final newline it adds:
 * - Invalid: `The Pod "x" is invalid: <cause>`, or with several causes the header (ending in
 *   `: `) and one `* <field>: <message>` line per distinct cause;
 * - other Status: `Error from server (NotFound): pods "x" not found`;
 * - a client error: `error: <text>` (not doubled when the text already starts with `error: `);
 * - several errors (an aggregate): one line each, Statuses in the standard form, client errors
 *   as they are.
 */
export function formatKubectlError(err: KubectlError | readonly KubectlError[]): string {
  let e: KubectlError | readonly KubectlError[] = err
  if (Array.isArray(e) && e.length === 1) e = e[0] as KubectlError
  if (Array.isArray(e)) {
    const list = e as readonly KubectlError[]
    return list.map(messageForError).join('\n')
  }
  const one = e as KubectlError
  if (typeof one === 'string') return one.startsWith('error: ') ? one : `error: ${one}`
  if (one.reason === 'Invalid') return invalidMessage(one)
  return standardErrorMessage(one)
}

/** checkErr's IsInvalid branch, with statusCausesToAggrError's de-duplication. */
function invalidMessage(status: Status): string {
  const d = status.details
  let s = 'The request is invalid'
  if (!d) return s
  if ((d.kind ?? '').length !== 0 || (d.name ?? '').length !== 0) s = `The ${d.kind ?? ''} ${goQuote(d.name ?? '')} is invalid`
  const causes = d.causes ?? []
  if (causes.length === 0) return s
  const msgs: string[] = []
  for (const c of causes) {
    const msg = `${c.field ?? ''}: ${c.message ?? ''}`
    if (!msgs.includes(msg)) msgs.push(msg)
  }
  return multilineError(`${s}: `, msgs)
}

/** MultilineError over an aggregate: one error inline, several as `* ` lines (trailing newline dropped). */
function multilineError(prefix: string, msgs: readonly string[]): string {
  if (msgs.length === 1) return `${prefix}${msgs[0]}`
  return [prefix, ...msgs.map((m) => `* ${m}`)].join('\n')
}

/** UsageErrorf: a client error that points to the command's help. */
export function usageError(commandPath: string, message: string): string {
  return `${message}\nSee '${commandPath} -h' for help and examples`
}
