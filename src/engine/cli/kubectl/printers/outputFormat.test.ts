import { describe, expect, it } from 'vitest'
import { kubectlList, nameOf, omitManagedFields, parseOutputFormat, printNames } from './outputFormat'

// Error texts were printed by the real kubectl 1.32 (`kubectl get pods -o <value>` and
// `kubectl create configmap x --dry-run=client -o <value>`).
const GET_ALLOWED = 'custom-columns,custom-columns-file,go-template,go-template-file,json,jsonpath,jsonpath-as-json,jsonpath-file,name,template,templatefile,wide,yaml'
const GENERIC_ALLOWED = 'go-template,go-template-file,json,jsonpath,jsonpath-as-json,jsonpath-file,name,template,templatefile,yaml'

describe('parseOutputFormat', () => {
  it.each([
    ['', { kind: 'default', wide: false }],
    ['wide', { kind: 'default', wide: true }],
    ['json', { kind: 'json' }],
    ['JSON', { kind: 'json' }],
    ['Yaml', { kind: 'yaml' }],
    ['Name', { kind: 'name' }],
  ])('get -o %j', (value, format) => {
    expect(parseOutputFormat(value, { command: 'get' })).toEqual({ format })
  })

  it('parses jsonpath templates and custom columns', () => {
    const jp = parseOutputFormat('jsonpath-as-json={.items[*].metadata.name}', { command: 'get', allowMissingTemplateKeys: false })
    expect('format' in jp && jp.format.kind === 'jsonpath' && [jp.format.template.source, jp.format.asJson, jp.format.allowMissingKeys]).toEqual([
      '{.items[*].metadata.name}',
      true,
      false,
    ])
    const withFlag = parseOutputFormat('jsonpath', { command: 'generic', templateArgument: '{.kind}' })
    expect('format' in withFlag && withFlag.format.kind === 'jsonpath' && withFlag.format.template.source).toBe('{.kind}')
    const cc = parseOutputFormat('custom-columns=NAME:.metadata.name', { command: 'get', noHeaders: true })
    expect(cc).toEqual({ format: { kind: 'custom-columns', spec: { columns: [{ header: 'NAME', fieldSpec: '{.metadata.name}' }], noHeaders: true } } })
    const file = parseOutputFormat('jsonpath-file=/t', { command: 'get', readFile: (p) => (p === '/t' ? '{.kind}' : undefined) })
    expect('format' in file && file.format.kind === 'jsonpath' && file.format.template.source).toBe('{.kind}')
  })

  it.each([
    ['foo', `unable to match a printer suitable for the output format "foo", allowed formats are: ${GET_ALLOWED}`],
    ['WIDE', `unable to match a printer suitable for the output format "WIDE", allowed formats are: ${GET_ALLOWED}`],
    ['yml', `unable to match a printer suitable for the output format "yml", allowed formats are: ${GET_ALLOWED}`],
    ['JSONPATH={.kind}', `unable to match a printer suitable for the output format "JSONPATH={.kind}", allowed formats are: ${GET_ALLOWED}`],
    ['jsonpath', 'template format specified but no template given'],
    ['jsonpath=', 'template format specified but no template given'],
    ['go-template', 'template format specified but no template given'],
    ['jsonpath={.kind', 'error parsing jsonpath {.kind, unclosed action'],
    ['jsonpath-file=/nonexist', 'error reading --template /nonexist, open /nonexist: no such file or directory'],
    ['custom-columns', 'custom-columns format specified but no custom columns given'],
    ['custom-columns=A', 'unexpected custom-columns spec: A, expected <header>:<json-path-expr>'],
    ['custom-columns-file=/nonexist', 'error reading template /nonexist, open /nonexist: no such file or directory\n'],
  ])('get -o %j', (value, error) => {
    expect(parseOutputFormat(value, { command: 'get', readFile: () => undefined })).toEqual({ error })
  })

  it.each([
    ['foo', `unable to match a printer suitable for the output format "foo", allowed formats are: ${GENERIC_ALLOWED}`],
    ['wide', `unable to match a printer suitable for the output format "wide", allowed formats are: ${GENERIC_ALLOWED}`],
    ['name=x', `unable to match a printer suitable for the output format "name=x", allowed formats are: ${GENERIC_ALLOWED}`],
    ['jsonpath', 'template format specified but no template given'],
  ])('create -o %j', (value, error) => {
    expect(parseOutputFormat(value, { command: 'generic' })).toEqual({ error })
  })

  it('says plainly that Go templates are not simulated (kubectl itself would print with them)', () => {
    expect(parseOutputFormat('go-template={{.kind}}', { command: 'get' })).toEqual({
      error: 'output format "go-template": Go templates are not simulated by Podlab yet',
      unsupported: true,
    })
    expect(parseOutputFormat('', { command: 'generic', templateArgument: '{{.kind}}' })).toEqual({
      error: 'output format "go-template": Go templates are not simulated by Podlab yet',
      unsupported: true,
    })
  })
})

describe('-o name', () => {
  it.each([
    [{ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'crasher' } }, 'pod/crasher'],
    [{ apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'nginx-deployment' } }, 'deployment.apps/nginx-deployment'],
    [{ apiVersion: 'batch/v1', kind: 'CronJob', metadata: { name: 'cj1' } }, 'cronjob.batch/cj1'],
    [{ apiVersion: 'v1', kind: 'ConfigMap', metadata: {} }, 'configmap/<unknown>'],
  ])('%j', (obj, name) => {
    expect(nameOf(obj)).toBe(name)
  })
  it('prints one line per list item, with an optional operation', () => {
    const list = kubectlList([
      { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'a' } },
      { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'b' } },
    ])
    expect(printNames(list)).toBe('pod/a\ndeployment.apps/b\n')
    expect(printNames({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'x' } }, 'created (dry run)')).toBe('pod/x created (dry run)\n')
  })
})

describe('omitManagedFields', () => {
  it('removes metadata.managedFields without touching the input', () => {
    const pod = Object.freeze({ kind: 'Pod', metadata: Object.freeze({ name: 'p', managedFields: [{ manager: 'kubectl' }] }) })
    expect(omitManagedFields(pod)).toEqual({ kind: 'Pod', metadata: { name: 'p' } })
    expect(omitManagedFields(kubectlList([pod]))).toEqual(kubectlList([{ kind: 'Pod', metadata: { name: 'p' } }]))
    expect(pod.metadata.managedFields).toHaveLength(1)
  })
})
