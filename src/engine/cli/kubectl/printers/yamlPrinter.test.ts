import { describe, expect, it } from 'vitest'
import { printKubectlYaml, printKubectlYamlDocuments, toKubectlYaml } from './yamlPrinter'

// Expected texts are real kubectl 1.32 output: the facts file §6.1 captures (quoted exactly) and
// `kubectl create configmap x --from-literal=v=<value> --dry-run=client -o yaml` runs.

describe('toKubectlYaml: facts §6.1 client-side generator output', () => {
  it('kubectl create deployment nginx --image=nginx --replicas=3 --dry-run=client -o yaml', () => {
    const obj = {
      kind: 'Deployment',
      apiVersion: 'apps/v1',
      metadata: { name: 'nginx', creationTimestamp: null, labels: { app: 'nginx' } },
      spec: {
        replicas: 3,
        selector: { matchLabels: { app: 'nginx' } },
        template: { metadata: { creationTimestamp: null, labels: { app: 'nginx' } }, spec: { containers: [{ name: 'nginx', image: 'nginx', resources: {} }] } },
        strategy: {},
      },
      status: {},
    }
    expect(toKubectlYaml(obj)).toBe(`apiVersion: apps/v1
kind: Deployment
metadata:
  creationTimestamp: null
  labels:
    app: nginx
  name: nginx
spec:
  replicas: 3
  selector:
    matchLabels:
      app: nginx
  strategy: {}
  template:
    metadata:
      creationTimestamp: null
      labels:
        app: nginx
    spec:
      containers:
      - image: nginx
        name: nginx
        resources: {}
status: {}
`)
  })

  it('kubectl run nginx --image=nginx --port=80 --dry-run=client -o yaml', () => {
    const obj = {
      kind: 'Pod',
      apiVersion: 'v1',
      metadata: { name: 'nginx', creationTimestamp: null, labels: { run: 'nginx' } },
      spec: { containers: [{ name: 'nginx', image: 'nginx', ports: [{ containerPort: 80 }], resources: {} }], restartPolicy: 'Always', dnsPolicy: 'ClusterFirst' },
      status: {},
    }
    expect(toKubectlYaml(obj)).toBe(`apiVersion: v1
kind: Pod
metadata:
  creationTimestamp: null
  labels:
    run: nginx
  name: nginx
spec:
  containers:
  - image: nginx
    name: nginx
    ports:
    - containerPort: 80
    resources: {}
  dnsPolicy: ClusterFirst
  restartPolicy: Always
status: {}
`)
  })

  it('kubectl create service clusterip my-svc --tcp=80:8080 --dry-run=client -o yaml', () => {
    const obj = {
      kind: 'Service',
      apiVersion: 'v1',
      metadata: { name: 'my-svc', creationTimestamp: null, labels: { app: 'my-svc' } },
      spec: { ports: [{ name: '80-8080', protocol: 'TCP', port: 80, targetPort: 8080 }], selector: { app: 'my-svc' }, type: 'ClusterIP' },
      status: { loadBalancer: {} },
    }
    expect(toKubectlYaml(obj)).toBe(`apiVersion: v1
kind: Service
metadata:
  creationTimestamp: null
  labels:
    app: my-svc
  name: my-svc
spec:
  ports:
  - name: 80-8080
    port: 80
    protocol: TCP
    targetPort: 8080
  selector:
    app: my-svc
  type: ClusterIP
status:
  loadBalancer: {}
`)
  })

  it("kubectl create cronjob my-cj --image=busybox --schedule='*/1 * * * *' --dry-run=client -o yaml -- date", () => {
    const container = { name: 'my-cj', image: 'busybox', command: ['date'], resources: {} }
    const obj = {
      kind: 'CronJob',
      apiVersion: 'batch/v1',
      metadata: { name: 'my-cj', creationTimestamp: null },
      spec: {
        schedule: '*/1 * * * *',
        jobTemplate: {
          metadata: { name: 'my-cj', creationTimestamp: null },
          spec: { template: { metadata: { creationTimestamp: null }, spec: { containers: [container], restartPolicy: 'OnFailure' } } },
        },
      },
      status: {},
    }
    expect(toKubectlYaml(obj)).toBe(`apiVersion: batch/v1
kind: CronJob
metadata:
  creationTimestamp: null
  name: my-cj
spec:
  jobTemplate:
    metadata:
      creationTimestamp: null
      name: my-cj
    spec:
      template:
        metadata:
          creationTimestamp: null
        spec:
          containers:
          - command:
            - date
            image: busybox
            name: my-cj
            resources: {}
          restartPolicy: OnFailure
  schedule: '*/1 * * * *'
status: {}
`)
  })

  it('kubectl create secret generic my-secret --from-literal=password=s3cr3t --dry-run=client -o yaml', () => {
    const obj = { kind: 'Secret', apiVersion: 'v1', metadata: { name: 'my-secret', creationTimestamp: null }, data: { password: 'czNjcjN0' } }
    expect(toKubectlYaml(obj)).toBe(`apiVersion: v1
data:
  password: czNjcjN0
kind: Secret
metadata:
  creationTimestamp: null
  name: my-secret
`)
  })
})

describe('toKubectlYaml: how a string value is written', () => {
  // Each pair: the value, and the text after "v: " in kubectl's output.
  it.each([
    ['yes', '"yes"'],
    ['Yes', '"Yes"'],
    ['yEs', 'yEs'],
    ['y', '"y"'],
    ['on', '"on"'],
    ['OFF', '"OFF"'],
    ['null', '"null"'],
    ['nULL', 'nULL'],
    ['~', '"~"'],
    ['', '""'],
    ['1.5', '"1.5"'],
    ['1e5', '"1e5"'],
    ['0x1F', '"0x1F"'],
    ['0o17', '"0o17"'],
    ['0b101', '"0b101"'],
    ['-0b101', '"-0b101"'],
    ['017', '"017"'],
    ['08', '"08"'],
    ['1_000', '"1_000"'],
    ['0x_1F', '"0x_1F"'],
    ['+5', '"+5"'],
    ['.5', '".5"'],
    ['._5', '._5'],
    ['.5_5', '".5_5"'],
    ['5.', '"5."'],
    ['1e999', '1e999'],
    ['.1e999', '.1e999'],
    ['-.inf', '"-.inf"'],
    ['.NaN', '".NaN"'],
    ['12345678901234567890', '"12345678901234567890"'],
    ['99999999999999999999', '"99999999999999999999"'],
    ['0xFFFFFFFFFFFFFFFFFF', '0xFFFFFFFFFFFFFFFFFF'],
    ['2024-02-29', '"2024-02-29"'],
    ['2024-02-30', '2024-02-30'],
    ['2023-02-29', '2023-02-29'],
    ['2024-1-5', '"2024-1-5"'],
    ['2024-01-01 10:00:00', '"2024-01-01 10:00:00"'],
    ['2024-01-01T10:00:00.5+01:00', '"2024-01-01T10:00:00.5+01:00"'],
    ['2024-01-01t10:00:00Z', '"2024-01-01t10:00:00Z"'],
    ['2024-01-01T25:00:00Z', '2024-01-01T25:00:00Z'],
    ['2024-01-01T10:00:00', '2024-01-01T10:00:00'],
    ['1:30', '"1:30"'],
    ['190:20:30', '"190:20:30"'],
    ['1:60', '1:60'],
    ['<<', '<<'],
    ['=', '='],
    ['-', "'-'"],
    ['--', '--'],
    ['---', "'---'"],
    ['...', "'...'"],
    ['a #b', "'a #b'"],
    ['a#b', 'a#b'],
    ['a: ', "'a: '"],
    ['a: b', "'a: b'"],
    ['a:b', 'a:b'],
    [':a', ':a'],
    ['?a', '?a'],
    ['? a', "'? a'"],
    ['- a', "'- a'"],
    ['-a', '-a'],
    ['@a', "'@a'"],
    ['`a', "'`a'"],
    ['*a', "'*a'"],
    ["'a", "'''a'"],
    ['"a', `'"a'`],
    ['a,b', 'a,b'],
    ['a[b', 'a[b'],
    [' a', "' a'"],
    ['a ', "'a '"],
    ['a  b', 'a  b'],
    ['a\tb', '"a\\tb"'],
    ["it's", "it's"],
    ['say "hi"', 'say "hi"'],
    ['a\\b', 'a\\b'],
    ['é', 'é'],
    ['ü:', "'ü:'"],
    ['\u3000', '\u3000'],
    ['x😀y', '"x\\U0001F600y"'],
    ['\ufeffbom', '"\\uFEFF\\x62\\x6F\\x6D"'],
    ['ctl\u0001x', '"ctl\\x01x"'],
    ['esc\u001bx', '"esc\\ex"'],
    ['a <b> & c\u2028 é 😀 \u0007 \u0000 \b\f', '"a <b> & c\\L é \\U0001F600 \\a \\0 \\b\\f"'],
    ['nel\u0085x', 'nel x'],
  ])('%j', (value, expected) => {
    expect(toKubectlYaml({ v: value })).toBe(`v: ${expected}\n`)
  })

  it.each([
    ['multi\nline', 'v: |-\n  multi\n  line\n'],
    ['trail\n', 'v: |\n  trail\n'],
    ['a\n\n', 'v: |+\n  a\n\n'],
    ['\na', 'v: |2-\n\n  a\n'],
    [' a\nb', 'v: |2-\n   a\n  b\n'],
    ['a \nb', 'v: "a \\nb"\n'],
    ['a\n b', 'v: |-\n  a\n   b\n'],
    ['\n', 'v: |2+\n\n'],
    ['multi  \n line  \n  x', 'v: "multi  \\n line  \\n  x"\n'],
    ['tab\t\nline', 'v: "tab\\t\\nline"\n'],
    ['n\u0085 \u0085b', 'v: |-\n  n\n  b\n'],
  ])('multi-line %j', (value, expected) => {
    expect(toKubectlYaml({ v: value })).toBe(expected)
  })

  it('folds long plain, single- and double-quoted scalars after column 80', () => {
    const long = Array.from({ length: 40 }, (_, i) => `word${i}`).join(' ')
    const lines = [
      'word0 word1 word2 word3 word4 word5 word6 word7 word8 word9 word10 word11',
      '  word12 word13 word14 word15 word16 word17 word18 word19 word20 word21 word22 word23',
      '  word24 word25 word26 word27 word28 word29 word30 word31 word32 word33 word34 word35',
      '  word36 word37 word38 word39',
    ]
    expect(toKubectlYaml({ data: { long } })).toBe(`data:\n  long: ${lines.join('\n  ')}\n`)
    expect(toKubectlYaml({ data: { longq: `'${long}` } })).toBe(`data:\n  longq: '''${lines.join('\n  ')}'\n`)
    expect(toKubectlYaml({ data: { longdq: `${long}\ttab` } })).toBe(`data:\n  longdq: "${lines.join('\n  ')}\\ttab"\n`)
    // Literal blocks are never folded.
    expect(toKubectlYaml({ v: `${long}\nx` })).toBe(`v: |-\n  ${long}\n  x\n`)
  })

  it('fails like go-yaml on characters its reader refuses', () => {
    expect(printKubectlYaml({ v: 'del\u007fx' })).toEqual({ error: 'yaml: control characters are not allowed' })
    expect(printKubectlYaml({ v: 'c1\u0080x' })).toEqual({ error: 'yaml: control characters are not allowed' })
    expect(() => toKubectlYaml({ v: '\uffff' })).toThrow('yaml: control characters are not allowed')
  })
})

describe('toKubectlYaml: structure', () => {
  it('orders keys like go-yaml (letters first, digit runs by value)', () => {
    // Not 'a1b' with 'a01b' and 'a10': keyList.Less orders those in a cycle, and the real kubectl
    // prints them in a different order from run to run.
    const keys = ['a10', 'a9', 'a09', 'b', 'B', '_x', '1', '10', '2', '-a', '.a', 'a.b', 'a-b', 'a_b', 'ab', 'a01b', 'a001', 'a0', 'a00', '0x10', '1.5']
    const printed = toKubectlYaml(Object.fromEntries(keys.map((k) => [k, 1])))
    // kubectl create configmap x --from-literal=<key>=... -o yaml, data keys in order:
    expect(printed.split('\n').map((l) => l.split(':')[0])).toEqual([
      '-a', '.a', '_x', '"0x10"', '"1"', '"1.5"', '"2"', '"10"', 'B', 'a-b', 'a.b', 'a_b', 'a0', 'a00', 'a01b', 'a001', 'a9', 'a09', 'a10', 'ab', 'b', '',
    ])
  })

  it('writes keys over 128 bytes and multi-line keys in the "? key" form', () => {
    const k = 'k'.repeat(130)
    expect(toKubectlYaml({ data: { [k]: 'long key value' } })).toBe(`data:\n  ? ${k}\n  : long key value\n`)
    expect(toKubectlYaml({ 'a\nb': 1 })).toBe('? |-\n  a\n  b\n: 1\n')
  })

  it('nests sequences and empty collections as go-yaml does', () => {
    expect(toKubectlYaml({ s: [[1, 2], [], [[]], [{}], [{ a: [] }], { b: [{ c: 'd' }] }], e: {}, l: [], z: null })).toBe(
      'e: {}\nl: []\ns:\n- - 1\n  - 2\n- []\n- - []\n- - {}\n- - a: []\n- b:\n  - c: d\nz: null\n',
    )
    expect(toKubectlYaml([])).toBe('[]\n')
    expect(toKubectlYaml({})).toBe('{}\n')
  })

  it('prints numbers as go-yaml re-reads Go JSON numbers', () => {
    expect(toKubectlYaml({ big: 1000000, bigf: 1e21, small: 0.000001, f: 1.5, neg: -3, zero: 0 })).toBe(
      'big: 1000000\nbigf: 1e+21\nf: 1.5\nneg: -3\nsmall: 1e-06\nzero: 0\n',
    )
  })

  it('the List kubectl get prints', () => {
    expect(toKubectlYaml({ apiVersion: 'v1', items: [], kind: 'List', metadata: { resourceVersion: '' } })).toBe(
      'apiVersion: v1\nitems: []\nkind: List\nmetadata:\n  resourceVersion: ""\n',
    )
  })

  it('separates documents printed by one printer with ---', () => {
    expect(printKubectlYamlDocuments([{ a: 1 }, { b: 'del\u007f' }, { c: 2 }])).toEqual({
      output: 'a: 1\n---\n---\nc: 2\n',
      errors: ['yaml: control characters are not allowed'],
    })
  })
})
