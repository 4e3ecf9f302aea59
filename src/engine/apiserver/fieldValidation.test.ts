// fieldValidation (KEP-2885) through the apiserver: the bodies and the expected strict decoding
// errors and warnings are those of upstream's integration test
// (kubernetes/kubernetes test/integration/apiserver/field_validation_test.go: testFieldValidationPost,
// Put, PatchTyped, SMP), whose bodies are JSON text with repeated keys.

import { describe, expect, it } from 'vitest'
import { ApiServer, type ApiRequest, type ApiResponse } from './apiServer'
import { Client } from '../client/client'
import { Store } from '../store/store'
import { VirtualClock } from '../clock/virtualClock'
import { Rng } from '../clock/random'
import { formatKubectlError } from '../api/errors'
import type { Deployment, Pod, Status } from '../api/types'

function cluster() {
  const api = new ApiServer({ store: new Store(), clock: new VirtualClock(Date.UTC(2025, 0, 1)), rng: new Rng(7) })
  const c = new Client(api, 'kubectl')
  c.create('namespaces', undefined, { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'default' } })
  c.create('serviceaccounts', 'default', { apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: 'default', namespace: 'default' } })
  const send = (r: Omit<ApiRequest, 'user'>): ApiResponse => api.handle({ ...r, user: 'test' })
  return { api, c, send }
}

const DEPLOYMENTS = '/apis/apps/v1/namespaces/default/deployments'

const invalidBodyJSON = (name: string) => `
	{
		"apiVersion": "apps/v1",
		"kind": "Deployment",
		"metadata": {
			"name": "dupename",
			"name": "${name}",
			"labels": {"app": "nginx"},
			"unknownMeta": "metaVal"
		},
		"spec": {
			"unknown1": "val1",
			"unknownDupe": "valDupe",
			"unknownDupe": "valDupe2",
			"paused": true,
			"paused": false,
			"selector": {
				"matchLabels": {
					"app": "nginx"
				}
			},
			"template": {
				"metadata": {
					"labels": {
						"app": "nginx"
					}
				},
				"spec": {
					"containers": [{
						"name":  "nginx",
						"image": "nginx:latest",
						"unknownNested": "val1",
						"imagePullPolicy": "Always",
						"imagePullPolicy": "Never"
					}]
				}
			}
		}
	}
		`

const validBodyJSON = (name: string) => `
{
	"apiVersion": "apps/v1",
	"kind": "Deployment",
	"metadata": {
		"name": "${name}",
		"labels": {"app": "nginx"},
		"annotations": {"a1": "foo", "a2": "bar"}
	},
	"spec": {
		"selector": {
			"matchLabels": {
				"app": "nginx"
			}
		},
		"template": {
			"metadata": {
				"labels": {
					"app": "nginx"
				}
			},
			"spec": {
				"containers": [{
					"name":  "nginx",
					"image": "nginx:latest",
					"imagePullPolicy": "Always"
				}]
			}
		},
		"replicas": 2
	}
}`

const POST_ERRORS = [
  'duplicate field "metadata.name"',
  'unknown field "metadata.unknownMeta"',
  'unknown field "spec.unknown1"',
  'unknown field "spec.unknownDupe"',
  'duplicate field "spec.paused"',
  'unknown field "spec.template.spec.containers[0].unknownNested"',
  'duplicate field "spec.template.spec.containers[0].imagePullPolicy"',
]

describe('POST and PUT bodies (testFieldValidationPost, testFieldValidationPut)', () => {
  it('Strict: 400, the errors in the order the decoder meets them', () => {
    const { send } = cluster()
    const res = send({ method: 'POST', path: DEPLOYMENTS, body: invalidBodyJSON('strict'), query: { fieldValidation: 'Strict' } })
    expect(res.code).toBe(400)
    expect(res.body).toEqual({
      kind: 'Status',
      apiVersion: 'v1',
      metadata: {},
      status: 'Failure',
      message: `Deployment in version "v1" cannot be handled as a Deployment: strict decoding error: ${POST_ERRORS.join(', ')}`,
      reason: 'BadRequest',
      code: 400,
    })
    expect(res.warnings).toBeUndefined()
  })

  it.each([
    ['Warn', { fieldValidation: 'Warn' }, POST_ERRORS],
    ['no fieldValidation (the server default is Warn)', {}, POST_ERRORS],
    ['Ignore', { fieldValidation: 'Ignore' }, undefined],
  ])('%s: created; unknown fields dropped, the last of repeated keys kept', (_name, query, warnings) => {
    const { send } = cluster()
    const res = send({ method: 'POST', path: DEPLOYMENTS, body: invalidBodyJSON('warned'), query })
    expect(res.code).toBe(201)
    expect(res.warnings).toEqual(warnings)
    const d = res.body as Deployment & { spec: Record<string, unknown> }
    expect(d.metadata?.name).toBe('warned')
    expect(d.metadata).not.toHaveProperty('unknownMeta')
    expect(d.spec).not.toHaveProperty('unknown1')
    expect(d.spec.paused).toBe(false)
    expect(d.spec.template.spec?.containers[0]).not.toHaveProperty('unknownNested')
    expect(d.spec.template.spec?.containers[0].imagePullPolicy).toBe('Never')
  })

  it('PUT: the same errors, the same message', () => {
    const { send } = cluster()
    expect(send({ method: 'POST', path: DEPLOYMENTS, body: validBodyJSON('test-deployment-put') }).code).toBe(201)
    const res = send({ method: 'PUT', path: `${DEPLOYMENTS}/test-deployment-put`, body: invalidBodyJSON('test-deployment-put'), query: { fieldValidation: 'Strict' } })
    expect(res.code).toBe(400)
    expect((res.body as Status).message).toBe(`Deployment in version "v1" cannot be handled as a Deployment: strict decoding error: ${POST_ERRORS.join(', ')}`)
    const warned = send({ method: 'PUT', path: `${DEPLOYMENTS}/test-deployment-put`, body: invalidBodyJSON('test-deployment-put') })
    expect(warned.code).toBe(200)
    expect(warned.warnings).toEqual(POST_ERRORS)
  })

  it('an object body stands for what client-go encodes: keys sorted, no repeats possible', () => {
    const { send } = cluster()
    const pod = {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: 'p', labels: { 'any.key/x': 'y' } },
      spec: { zeta: 1, containers: [{ name: 'c', imagee: 'x', image: 'nginx' }] },
    }
    const res = send({ method: 'POST', path: '/api/v1/namespaces/default/pods', body: pod, query: { fieldValidation: 'Strict' } })
    expect((res.body as Status).message).toBe(
      'Pod in version "v1" cannot be handled as a Pod: strict decoding error: unknown field "spec.containers[0].imagee", unknown field "spec.zeta"',
    )
    expect(formatKubectlError(res.body as Status)).toBe(
      'Error from server (BadRequest): Pod in version "v1" cannot be handled as a Pod: strict decoding error: unknown field "spec.containers[0].imagee", unknown field "spec.zeta"',
    )
    const ok = send({ method: 'POST', path: '/api/v1/namespaces/default/pods', body: pod, query: { fieldValidation: 'Warn' } })
    expect(ok.warnings).toEqual(['unknown field "spec.containers[0].imagee"', 'unknown field "spec.zeta"'])
    expect((ok.body as Pod).spec?.containers[0]).not.toHaveProperty('imagee')
    expect((ok.body as Pod).metadata?.labels).toEqual({ 'any.key/x': 'y' })
  })

  it('JSON text that does not parse: the decoder fails before it knows a kind', () => {
    const { send } = cluster()
    const res = send({ method: 'POST', path: DEPLOYMENTS, body: '{"apiVersion": "apps/v1", "kind": x}' })
    expect(res.code).toBe(400)
    expect((res.body as Status).message).toBe(
      `the object provided is unrecognized (must be of type Deployment): couldn't get version/kind; json parse error: invalid character 'x' looking for beginning of value ({"apiVersion": "apps/v1", "kin ...)`,
    )
  })
})

describe('PATCH (testFieldValidationPatchTyped, testFieldValidationSMP)', () => {
  const mergePatchBody = `
{
	"spec": {
		"unknown1": "val1",
		"unknownDupe": "valDupe",
		"unknownDupe": "valDupe2",
		"paused": true,
		"paused": false,
		"template": {
			"spec": {
				"containers": [{
					"name": "nginx",
					"image": "nginx:latest",
					"unknownNested": "val1",
					"imagePullPolicy": "Always",
					"imagePullPolicy": "Never"
				}]
			}
		}
	}
}
	`
  const jsonPatchBody = `
			[
				{"op": "add", "path": "/spec/unknown1", "value": "val1", "foo":"bar"},
				{"op": "add", "path": "/spec/unknown2", "path": "/spec/unknown3", "value": "val1"},
				{"op": "add", "path": "/spec/unknownDupe", "value": "valDupe"},
				{"op": "add", "path": "/spec/unknownDupe", "value": "valDupe2"},
				{"op": "add", "path": "/spec/paused", "value": true},
				{"op": "add", "path": "/spec/paused", "value": false},
				{"op": "add", "path": "/spec/template/spec/containers/0/unknownNested", "value": "val1"},
				{"op": "add", "path": "/spec/template/spec/containers/0/imagePullPolicy", "value": "Always"},
				{"op": "add", "path": "/spec/template/spec/containers/0/imagePullPolicy", "value": "Never"}
			]
			`
  const nonconflictingMergePatchBody = `
{
	"spec": {
		"paused": true,
		"paused": false,
		"template": {
			"spec": {
				"containers": [{
					"name": "nginx",
					"image": "nginx:latest",
					"imagePullPolicy": "Always",
					"imagePullPolicy": "Never"
				}]
			}
		}
	}
}
			`
  const smpBody = `
	{
		"spec": {
			"unknown1": "val1",
			"unknownDupe": "valDupe",
			"unknownDupe": "valDupe2",
			"paused": true,
			"paused": false,
			"selector": {
				"matchLabels": {
					"app": "nginx"
				}
			},
			"template": {
				"metadata": {
					"labels": {
						"app": "nginx"
					}
				},
				"spec": {
					"containers": [{
						"name": "nginx",
						"unknownNested": "val1",
						"imagePullPolicy": "Always",
						"imagePullPolicy": "Never"
					}]
				}
			}
		}
	}
	`
  const MERGE = 'application/merge-patch+json'
  const JSON_PATCH = 'application/json-patch+json'
  const SMP = 'application/strategic-merge-patch+json'
  const mergeErrors = [
    'duplicate field "spec.unknownDupe"',
    'duplicate field "spec.paused"',
    'duplicate field "spec.template.spec.containers[0].imagePullPolicy"',
    'unknown field "spec.template.spec.containers[0].unknownNested"',
    'unknown field "spec.unknown1"',
    'unknown field "spec.unknownDupe"',
  ]
  const jsonPatchErrors = [
    'json patch unknown field "[0].foo"',
    'json patch duplicate field "[1].path"',
    'unknown field "spec.template.spec.containers[0].unknownNested"',
    'unknown field "spec.unknown1"',
    'unknown field "spec.unknown3"',
    'unknown field "spec.unknownDupe"',
  ]
  const nonconflicting = ['duplicate field "spec.paused"', 'duplicate field "spec.template.spec.containers[0].imagePullPolicy"']

  function patched(contentType: string, body: string, query: Record<string, string>) {
    const { send } = cluster()
    expect(send({ method: 'POST', path: DEPLOYMENTS, body: validBodyJSON('d') }).code).toBe(201)
    return send({ method: 'PATCH', path: `${DEPLOYMENTS}/d`, body, contentType, query })
  }

  it.each([
    ['merge', MERGE, mergePatchBody, mergeErrors],
    ['json', JSON_PATCH, jsonPatchBody, jsonPatchErrors],
    ['nonconflicting merge', MERGE, nonconflictingMergePatchBody, nonconflicting],
    ['strategic', SMP, smpBody, mergeErrors],
  ])('%s patch: Strict fails with the errors; Warn and the default warn; Ignore is silent', (_n, contentType, body, errors) => {
    const strict = patched(contentType, body, { fieldValidation: 'Strict' })
    expect(strict.code).toBe(422)
    const s = strict.body as Status
    expect(s.reason).toBe('Invalid')
    expect(s.message?.endsWith(`strict decoding error: ${errors.join(', ')}`)).toBe(true)
    expect(s.details).toEqual({ causes: [{ reason: 'FieldValueInvalid', message: s.details!.causes![0].message, field: 'patch' }] })
    for (const query of [{ fieldValidation: 'Warn' }, {}] as Record<string, string>[]) {
      const warned = patched(contentType, body, query)
      expect(warned.code).toBe(200)
      expect(warned.warnings).toEqual(errors)
    }
    const ignored = patched(contentType, body, { fieldValidation: 'Ignore' })
    expect(ignored.code).toBe(200)
    expect(ignored.warnings).toBeUndefined()
    const d = ignored.body as Deployment
    expect(d.spec).not.toHaveProperty('unknown1')
    expect(d.spec?.paused).toBe(false)
    expect(d.spec?.template.spec?.containers[0].imagePullPolicy).toBe('Never')
  })

  it('a strategic merge patch: the Invalid shows the patch as Go prints the map (kubectl: The request is invalid)', () => {
    const { c, send } = cluster()
    c.create('pods', 'default', { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'web' }, spec: { containers: [{ name: 'nginx', image: 'nginx' }] } } as Pod)
    const res = send({
      method: 'PATCH',
      path: '/api/v1/namespaces/default/pods/web',
      body: { metadata: { annotations: { note: '{"a":"b"}\n' } }, spec: { containers: [{ name: 'nginx', imagee: 'x' }], wat: 1 } },
      contentType: SMP,
      query: { fieldValidation: 'Strict' },
    })
    expect(res.code).toBe(422)
    // From a real 1.3x server: ` "" is invalid: patch: Invalid value: "map[spec:map[wat:1]]": strict decoding error: unknown field "spec.wat"`.
    expect((res.body as Status).message).toBe(
      ' "" is invalid: patch: Invalid value: "map[metadata:map[annotations:map[note:{\\"a\\":\\"b\\"}\\n]] spec:map[containers:[map[imagee:x name:nginx]] wat:1]]": strict decoding error: unknown field "spec.containers[0].imagee", unknown field "spec.wat"',
    )
    expect(formatKubectlError(res.body as Status)).toBe(
      'The request is invalid: patch: Invalid value: "map[metadata:map[annotations:map[note:{\\"a\\":\\"b\\"}\\n]] spec:map[containers:[map[imagee:x name:nginx]] wat:1]]": strict decoding error: unknown field "spec.containers[0].imagee", unknown field "spec.wat"',
    )
  })

  it('a merge patch: the Invalid shows the patched object as JSON, keys sorted', () => {
    const { c, send } = cluster()
    c.create('configmaps', 'default', { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'cm' }, data: { a: '<b>' } })
    const res = send({ method: 'PATCH', path: '/api/v1/namespaces/default/configmaps/cm', body: '{"datta":{"x":"1"}}', contentType: MERGE, query: { fieldValidation: 'Strict' } })
    const s = res.body as Status
    expect(s.message).toMatch(/^ "" is invalid: patch: Invalid value: "\{\\"apiVersion\\":\\"v1\\",\\"data\\":\{\\"a\\":\\"\\\\u003cb\\\\u003e\\"\},\\"datta\\":\{\\"x\\":\\"1\\"\},\\"kind\\":\\"ConfigMap\\",\\"metadata\\":\{/)
    expect(s.message).toMatch(/\}": strict decoding error: unknown field "datta"$/)
  })
})

describe('the options of a write (ValidateCreateOptions, ValidateUpdateOptions, ValidatePatchOptions)', () => {
  it('rejects an unknown fieldValidation or dryRun value before reading the body', () => {
    const { send } = cluster()
    const bad = send({ method: 'POST', path: DEPLOYMENTS, body: 'not json', query: { fieldValidation: 'strict' } })
    expect(bad.code).toBe(422)
    expect((bad.body as Status).message).toBe('CreateOptions.meta.k8s.io "" is invalid: fieldValidation: Unsupported value: "strict": supported values: "", "Ignore", "Strict", "Warn"')
    expect((bad.body as Status).details).toEqual({
      group: 'meta.k8s.io',
      kind: 'CreateOptions',
      causes: [{ reason: 'FieldValueNotSupported', message: 'Unsupported value: "strict": supported values: "", "Ignore", "Strict", "Warn"', field: 'fieldValidation' }],
    })
    const dry = send({ method: 'PATCH', path: `${DEPLOYMENTS}/x`, body: {}, contentType: 'application/merge-patch+json', query: { dryRun: 'true' } })
    expect((dry.body as Status).message).toBe('PatchOptions.meta.k8s.io "" is invalid: dryRun: Unsupported value: []string{"true"}: supported values: "All"')
  })
})
