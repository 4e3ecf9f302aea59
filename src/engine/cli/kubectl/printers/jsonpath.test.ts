import { describe, expect, it } from 'vitest'
import { executeJsonPath, parseJsonPath, printJsonPath, type JsonPathOptions, type JsonPathTemplate } from './jsonpath'
import { kubectlList } from './outputFormat'

// The List `kubectl get pods` hands the jsonpath printer; every expected string below was printed
// by the real kubectl 1.32 for these two pods served by a fake API server.
const podList = kubectlList([
  {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: 'p1', namespace: 'default', labels: { app: 'web', tier: 'fe' }, annotations: { nul: 'x' }, creationTimestamp: null, uid: 'u1' },
    spec: {
      containers: [
        { name: 'c1', image: 'nginx:1.25', ports: [{ containerPort: 80, name: 'http' }, { containerPort: 443 }], args: ['a', 'b c'] },
        { name: 'c2', image: 'busybox' },
      ],
      nodeName: 'n1',
      priority: 0,
      f: 1.5,
      big: 1000000,
      bigf: 1e21,
      small: 0.000001,
      neg: -3,
      t: true,
      nullv: null,
      emptyl: [],
      emptym: {},
    },
    status: {
      phase: 'Running',
      podIP: '10.0.0.1',
      containerStatuses: [
        { name: 'c1', restartCount: 3, ready: true },
        { name: 'c2', restartCount: 0, ready: false },
      ],
    },
  },
  {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: 'p2', namespace: 'default', annotations: { note: 'a <b> & c\u2028 é 😀 \u0007 \u0000 \b\f' } },
    spec: { containers: [{ name: 'x', image: 'redis' }] },
    status: { phase: 'Pending' },
  },
])

function tmpl(text: string): JsonPathTemplate {
  const t = parseJsonPath(text)
  if ('error' in t) throw new Error(t.error)
  return t
}

function run(text: string, data: unknown = podList, opts: JsonPathOptions = {}): string {
  const r = executeJsonPath(tmpl(text), data, opts)
  return 'output' in r ? r.output : `ERROR ${r.error}`
}

describe('executeJsonPath, as `kubectl get pods -o jsonpath=...` prints', () => {
  it.each([
    ['{.items[*].metadata.name}', 'p1 p2'],
    ['{.items[0].metadata.labels}', '{"app":"web","tier":"fe"}'],
    ['{range .items[*]}{.metadata.name}{"\\t"}{.status.phase}{"\\n"}{end}', 'p1\tRunning\np2\tPending\n'],
    ['{.items[?(@.status.phase=="Running")].metadata.name}', 'p1'],
    ['{.items[*].status.containerStatuses[?(@.restartCount>1)].name}', 'c1'],
    [
      '{.items[0].spec.nullv}|{.items[0].spec.f}|{.items[0].spec.big}|{.items[0].spec.bigf}|{.items[0].spec.small}|{.items[0].spec.emptyl}|{.items[0].spec.emptym}',
      'null|1.5|1000000|1e+21|1e-06|[]|{}',
    ],
    ['{.items[-1].metadata.name}', 'p2'],
    ['{.kind.*}', '76 105 115 116'],
    ['{.items[0].spec.containers[*].ports[*].containerPort}', '80 443'],
    ["{.items[0].spec.containers[*]['name','image']}", 'c1 c2 nginx:1.25 busybox'],
    ['{.items[1].metadata.annotations}', '{"note":"a \\u003cb\\u003e \\u0026 c\\u2028 é 😀 \\u0007 \\u0000 \\b\\f"}'],
    ['{3}{1.5}{true}', '31.5true'],
    ['{.items[0].metadata.creationTimestamp}', 'null'],
    ['{.metadata}', '{"resourceVersion":""}'],
    ['{.items[0].spec.containers[?(@.ports[0].containerPort==80)].name}', 'c1'],
    ['{.items[?(@.spec.nodeName=="n1")].metadata.name}', 'p1'],
    ['{.items[?(@.spec.nullv)].metadata.name}', 'p1'],
    ['{.items[*].spec.containers[0:1].name}', 'c1 x'],
    ['{.items[0].spec.containers[:-1].name}', 'c1'],
    ['{range .x}{.y}{end}done', 'done'],
    ['{.items[0].spec.replicas+1}', ''],
    ['{.kind true}', 'true'],
    ['plain text only', 'plain text only'],
    ['{"a\\tb\\n\\u00e9"}', 'a\tb\né'],
    ["{'single'}", 'single'],
  ])('%s', (template, expected) => {
    expect(run(template)).toBe(expected)
  })

  it('prints each result set of jsonpath-as-json as an indented array', () => {
    expect(run('{.items[*].metadata.name}', podList, { outputJson: true })).toBe('[\n    "p1",\n    "p2"\n]\n')
    expect(run('{.items[0].metadata.name}{.items[1].metadata.name}', podList, { outputJson: true })).toBe('[\n    "p1"\n]\n[\n    "p2"\n]\n')
    expect(run('{.metadata.name}', podList, { outputJson: true })).toBe('[]\n')
  })

  it.each([
    ['{.items[5]}', 'array index out of bounds: index 5, length 2'],
    ['{.items[-3]}', 'array index out of bounds: index -1, length 2'],
    ['{.items[0:5]}', 'array index out of bounds: index 4, length 2'],
    ['{.items[1:0]}', 'starting index 1 is greater than ending index 0'],
    ['{.items[::0]}', 'step must be > 0'],
    ['{.items[?(@.spec.f>1)].metadata.name}', 'incompatible types for comparison'],
    ['{.items[?(@.spec.nullv=="x")].metadata.name}', 'invalid type for comparison'],
    ['{.items[0].spec.containers[?(@.*=="c1")]}', 'can only compare one element at a time'],
    ['{.items[?(@.spec.f=1.5)]}', 'unrecognized filter operator ='],
    ['{.items[0].metadata[?(@.x)]}', 'map[annotations:map[nul:x] creationTimestamp:<nil> labels:map[app:web tier:fe] name:p1 namespace:default uid:u1] is not array or slice and cannot be filtered'],
    ['{.kind[0]}', 'string is not array or slice'],
    ['{.items[0].spec.big[0]}', 'int64 is not array or slice'],
    ['{.items[0].spec.f[0]}', 'float64 is not array or slice'],
    ['{end}', 'not in range, nothing to end'],
    ['{unknown}', 'unrecognized identifier unknown'],
  ])('%s fails with "%s"', (template, message) => {
    expect(run(template)).toBe(`ERROR ${message}`)
  })

  it('reports missing keys only when allowMissingKeys is false', () => {
    expect(run('{.items[0].x}')).toBe('')
    expect(run('{.items[0].x}', podList, { allowMissingKeys: false })).toBe('ERROR x is not found')
    expect(run('{range .items[*]}{.spec.nodeName}{end}', podList, { allowMissingKeys: false })).toBe('ERROR nodeName is not found')
  })

  it('treats every number of a typed object as a float64', () => {
    const deployment = { kind: 'Deployment', spec: { replicas: 1000000, template: { spec: { containers: [{ name: 'nginx', restartCount: 1 }] } } } }
    expect(run('{.spec.replicas}', deployment, { numbers: 'typed' })).toBe('1e+06')
    expect(run('{.spec.replicas}', deployment)).toBe('1000000')
    expect(run('{.spec.replicas[0]}', deployment, { numbers: 'typed' })).toBe('ERROR float64 is not array or slice')
    expect(run('{.spec.template.spec.containers[?(@.restartCount==1)].name}', deployment, { numbers: 'typed' })).toBe(
      'ERROR incompatible types for comparison',
    )
  })
})

describe('parseJsonPath errors', () => {
  it.each([
    ['{.spec.replicas', 'unclosed action'],
    ['{.kind}{.metadata.name', 'unclosed action'],
    ['{.spec.template.spec.containers[0]["image"]}', 'invalid array index "image"'],
    ['{.metadata.labels.app,.kind}', "unrecognized character in action: U+002C ','"],
    ['{#}', "unrecognized character in action: U+0023 '#'"],
    ['{.a[?(@.name=~"ng")]}', "unrecognized character in action: U+007E '~'"],
    ['{.a[?(@.name=="nginx"].name}', 'unterminated filter'],
    ['{.a[a]}', 'invalid array index a'],
    ['{.a[1:2:3:4]}', 'invalid array index 1:2:3:4'],
    ['{.a[}', 'unterminated array'],
    ['{....a}', 'invalid multiple recursive descent'],
    ['{.kind}{"unterminated}', 'unterminated quoted string'],
    ['{"\\q"}', 'unquote string "\\q" error invalid syntax'],
    ['{-}', 'cannot parse number -'],
  ])('%s: %s', (template, message) => {
    expect(parseJsonPath(template)).toEqual({ error: message })
  })
})

describe('printJsonPath (cli-runtime JSONPathPrinter)', () => {
  it('wraps execution errors with the template and a %#v dump of the object', () => {
    // kubectl create configmap x --from-literal=a=b --dry-run=client -o jsonpath='{.data.zz}' --allow-missing-template-keys=false
    const cm = { kind: 'ConfigMap', apiVersion: 'v1', metadata: { name: 'x', creationTimestamp: null }, data: { a: 'b' } }
    const printed = printJsonPath(tmpl('{.data.zz}'), cm, { allowMissingKeys: false, numbers: 'typed' })
    expect(printed).toEqual({
      error:
        'error executing jsonpath "{.data.zz}": Error executing template: zz is not found. Printing more information for debugging the template:\n' +
        '\ttemplate was:\n\t\t{.data.zz}\n' +
        '\tobject given to jsonpath engine was:\n' +
        '\t\tmap[string]interface {}{"apiVersion":"v1", "data":map[string]interface {}{"a":"b"}, "kind":"ConfigMap", "metadata":map[string]interface {}{"creationTimestamp":interface {}(nil), "name":"x"}}\n\n\n',
    })
  })

  it('quotes the template with Go %q in the first line', () => {
    const printed = printJsonPath(tmpl('{.a[?(@.b=="x")]}'), { a: [{ b: {} }] })
    expect('error' in printed && printed.error.split('\n')[0]).toBe(
      'error executing jsonpath "{.a[?(@.b==\\"x\\")]}": Error executing template: invalid type for comparison. Printing more information for debugging the template:',
    )
  })
})
