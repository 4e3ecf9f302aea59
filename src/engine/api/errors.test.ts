import { describe, expect, it } from 'vitest'
import {
  StatusError,
  addSourceToErr,
  formatKubectlError,
  isNotFound,
  newAlreadyExists,
  newBadRequest,
  newConflict,
  newForbidden,
  newGone,
  newInternalError,
  newInvalid,
  newMethodNotSupported,
  newNotFound,
  newResourceExpired,
  newServerTimeout,
  newTimeoutError,
  newUnauthorized,
  tooOldResourceVersionMessage,
  usageError,
} from './errors'
import { goStringMap, invalid, newPath, required } from './validation/field'
import { isDNS1123Subdomain } from './validation/names'

const subdomainMsg = isDNS1123Subdomain('My_Pod')[0]

describe('Status builders (apimachinery pkg/api/errors)', () => {
  it('NotFound has the wire shape and key order of the apiserver', () => {
    expect(JSON.stringify(newNotFound({ group: '', resource: 'pods' }, 'x'))).toBe(
      '{"kind":"Status","apiVersion":"v1","metadata":{},"status":"Failure","message":"pods \\"x\\" not found","reason":"NotFound","details":{"name":"x","kind":"pods"},"code":404}',
    )
    expect(newNotFound({ group: 'apps', resource: 'deployments' }, 'web').message).toBe('deployments.apps "web" not found')
    expect(newNotFound({ group: 'apps', resource: 'deployments' }, 'web').details).toEqual({ name: 'web', group: 'apps', kind: 'deployments' })
  })

  it('AlreadyExists / Conflict / Forbidden / MethodNotSupported messages', () => {
    expect(newAlreadyExists({ group: 'apps', resource: 'deployments' }, 'nginx-deployment').message).toBe(
      'deployments.apps "nginx-deployment" already exists',
    )
    const c = newConflict({ group: '', resource: 'pods' }, 'x', 'the object has been modified; please apply your changes to the latest version and try again')
    expect(c.message).toBe('Operation cannot be fulfilled on pods "x": the object has been modified; please apply your changes to the latest version and try again')
    expect(c.code).toBe(409)
    expect(newForbidden({ group: '', resource: 'pods' }, 'x', 'error looking up service account default/foo: serviceaccount "foo" not found').message).toBe(
      'pods "x" is forbidden: error looking up service account default/foo: serviceaccount "foo" not found',
    )
    expect(newForbidden({ group: '', resource: 'pods' }, '', 'no').message).toBe('pods is forbidden: no')
    expect(newForbidden({ group: '', resource: '' }, '', 'no').message).toBe('forbidden: no')
    expect(newMethodNotSupported({ group: '', resource: 'pods' }, 'create').message).toBe('create is not supported on resources of kind "pods"')
    expect(newMethodNotSupported({ group: '', resource: 'pods' }, 'create').details).toEqual({ kind: 'pods' })
  })

  it('Gone vs Expired, timeouts, internal errors', () => {
    expect(newGone('x').reason).toBe('Gone')
    expect(newResourceExpired(tooOldResourceVersionMessage(5, 12))).toMatchObject({ code: 410, reason: 'Expired', message: 'too old resource version: 5 (12)' })
    expect(newTimeoutError('request did not complete within 60s', 0)).toMatchObject({ code: 504, reason: 'Timeout', message: 'Timeout: request did not complete within 60s' })
    expect(newTimeoutError('x', 0).details).toEqual({})
    expect(newServerTimeout({ group: '', resource: 'pods' }, 'create', 2).message).toBe(
      'The create operation against pods could not be completed at this time, please try again.',
    )
    expect(newInternalError('boom')).toMatchObject({ code: 500, reason: 'InternalError', message: 'Internal error occurred: boom', details: { causes: [{ message: 'boom' }] } })
    expect(newUnauthorized('').message).toBe('not authorized')
    expect(newBadRequest('bad').code).toBe(400)
  })

  it('Invalid: one error inline, several as an aggregate, causes kept in order', () => {
    const one = newInvalid({ group: '', kind: 'Pod' }, 'noimage', [required(newPath('spec', 'containers').index(0).child('image'))])
    expect(one.message).toBe('Pod "noimage" is invalid: spec.containers[0].image: Required value')
    expect(one.details).toEqual({
      name: 'noimage',
      kind: 'Pod',
      causes: [{ reason: 'FieldValueRequired', message: 'Required value', field: 'spec.containers[0].image' }],
    })
    const two = newInvalid({ group: '', kind: 'Pod' }, 'My_Pod', [
      invalid(newPath('metadata', 'name'), 'My_Pod', subdomainMsg),
      required(newPath('spec', 'containers').index(0).child('image')),
    ])
    expect(two.message).toBe(`Pod "My_Pod" is invalid: [metadata.name: Invalid value: "My_Pod": ${subdomainMsg}, spec.containers[0].image: Required value]`)
    const dup = newInvalid({ group: 'apps', kind: 'Deployment' }, 'd', [required('a'), required('a')])
    expect(dup.message).toBe('Deployment.apps "d" is invalid: a: Required value')
    expect(dup.details?.causes).toHaveLength(2)
    expect(newInvalid({ group: '', kind: 'Pod' }, 'p', []).message).toBe('Pod "p" is invalid')
  })

  it('StatusError carries the Status', () => {
    const e = new StatusError(newNotFound({ group: '', resource: 'pods' }, 'x'))
    expect(e.message).toBe('pods "x" not found')
    expect(isNotFound(e)).toBe(true)
  })
})

describe('kubectl rendering (cmdutil.CheckErr) — strings from facts §7.1/§7.2', () => {
  it('Error from server (Reason): message', () => {
    expect(formatKubectlError(newNotFound({ group: '', resource: 'pods' }, 'nosuch'))).toBe('Error from server (NotFound): pods "nosuch" not found')
    expect(formatKubectlError(newNotFound({ group: 'apps', resource: 'deployments' }, 'nosuch'))).toBe(
      'Error from server (NotFound): deployments.apps "nosuch" not found',
    )
    expect(formatKubectlError(newAlreadyExists({ group: '', resource: 'pods' }, 'nginx'))).toBe('Error from server (AlreadyExists): pods "nginx" already exists')
    expect(formatKubectlError({ ...newNotFound({ group: '', resource: 'pods' }, 'x'), reason: undefined })).toBe('Error from server: pods "x" not found')
    expect(formatKubectlError(newUnauthorized(''))).toBe('error: You must be logged in to the server (not authorized)')
  })

  it('error when creating "file": wrapper keeps the reason', () => {
    const err = addSourceToErr('creating', 'clean.yaml', newAlreadyExists({ group: 'apps', resource: 'deployments' }, 'web'))
    expect(formatKubectlError(err)).toBe('Error from server (AlreadyExists): error when creating "clean.yaml": deployments.apps "web" already exists')
  })

  it('several errors print one line each (kubectl delete -f multi.yaml)', () => {
    const errs = [
      addSourceToErr('deleting', 'multi.yaml', newNotFound({ group: '', resource: 'configmaps' }, 'cfg')),
      addSourceToErr('deleting', 'multi.yaml', newNotFound({ group: '', resource: 'services' }, 'web')),
    ]
    expect(formatKubectlError(errs)).toBe(
      'Error from server (NotFound): error when deleting "multi.yaml": configmaps "cfg" not found\n' +
        'Error from server (NotFound): error when deleting "multi.yaml": services "web" not found',
    )
  })

  it('Invalid with one cause', () => {
    const s = newInvalid({ group: '', kind: 'Pod' }, 'noimage', [required(newPath('spec', 'containers').index(0).child('image'))])
    expect(formatKubectlError(s)).toBe('The Pod "noimage" is invalid: spec.containers[0].image: Required value')
    // the wrapper from -f does not show for Invalid
    expect(formatKubectlError(addSourceToErr('creating', 'noimage.yaml', s))).toBe('The Pod "noimage" is invalid: spec.containers[0].image: Required value')
  })

  it('Invalid with several causes (badname.yaml, note the space after the colon)', () => {
    const s = newInvalid({ group: '', kind: 'Pod' }, 'My_Pod', [
      invalid(newPath('metadata', 'name'), 'My_Pod', subdomainMsg),
      required(newPath('spec', 'containers').index(0).child('image')),
    ])
    expect(formatKubectlError(s)).toBe(
      'The Pod "My_Pod" is invalid: \n' +
        `* metadata.name: Invalid value: "My_Pod": a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')\n` +
        '* spec.containers[0].image: Required value',
    )
  })

  it('Invalid with a map value (bad-selector.yaml)', () => {
    const s = newInvalid({ group: 'apps', kind: 'Deployment' }, 'nginx-deployment', [
      invalid(newPath('spec', 'template', 'metadata', 'labels'), { goRepr: goStringMap({ app: 'web' }) }, '`selector` does not match template `labels`'),
    ])
    expect(formatKubectlError(s)).toBe(
      'The Deployment "nginx-deployment" is invalid: spec.template.metadata.labels: Invalid value: map[string]string{"app":"web"}: `selector` does not match template `labels`',
    )
  })

  it('client-side errors get one error: prefix', () => {
    expect(formatKubectlError('invalid env: FOO')).toBe('error: invalid env: FOO')
    expect(formatKubectlError('error: already prefixed')).toBe('error: already prefixed')
    expect(formatKubectlError(usageError('kubectl run', 'NAME is required for run'))).toBe(
      "error: NAME is required for run\nSee 'kubectl run -h' for help and examples",
    )
    expect(formatKubectlError(['a', 'b'])).toBe('a\nb')
  })
})
