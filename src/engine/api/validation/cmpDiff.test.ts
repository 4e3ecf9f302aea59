import { describe, expect, it } from 'vitest'
import { cmpDiff, difference } from './cmpDiff'
import { containerType, podSpecType } from './coreTypes'
import { asStored, fromJSON, goInt32, goString, sliceOf, struct, type GoStruct, type GoType } from './goValue'

describe('diff.Difference (go-cmp internal/diff TestDifference)', () => {
  // Spaces mark a missing symbol; upper/lower case of the same letter are "similar" (Modified).
  // '|' separates the outputs upstream accepts; ours is the deterministic (forward-first) one.
  const cases: [string, string, string][] = [
    ['', '', ''],
    ['#', '#', '.'],
    ['##', '# ', '.X|X.'],
    ['a#', 'A ', 'MX'],
    ['#a', ' A', 'XM'],
    ['# ', '##', '.Y|Y.'],
    [' #', '@#', 'Y.'],
    ['@#', ' #', 'X.'],
    ['##########0123456789', '          0123456789', 'XXXXXXXXXX..........'],
    ['          0123456789', '##########0123456789', 'YYYYYYYYYY..........'],
    ['#####0123456789#####', '     0123456789     ', 'XXXXX..........XXXXX'],
    ['01234##########56789', '01234          56789', '.....XXXXXXXXXX.....'],
    ['0123456789##########', '0123456789          ', '..........XXXXXXXXXX'],
    ['abcdefghij0123456789', 'ABCDEFGHIJ0123456789', 'MMMMMMMMMM..........'],
    ['01234abcdefghij56789', '01234ABCDEFGHIJ56789', '.....MMMMMMMMMM.....'],
    ['ABCDEFGHIJ0123456789          ', '          0123456789abcdefghij', 'XXXXXXXXXX..........YYYYYYYYYY'],
    ['ABCDE0123456789     FGHIJ', '     0123456789abcdefghij', 'XXXXX..........YYYYYMMMMM'],
    ['ABCDE01234F G H I J 56789     ', '     01234 a b c d e56789fghij', 'XXXXX.....XYXYXYXYXY.....YYYYY'],
    ['FGHIJ01234ABCDE56789     ', '     01234abcde56789fghij', 'XXXXX.....MMMMM.....YYYYY'],
    ['ABCAB BA ', '  C BABAC', 'XX.X.Y..Y|XX.Y.X..Y'],
    ['# ####  ###', '#y####yy###', '.Y....YY...'],
    ['###z#z###### x  #', '#y##Z#Z###### yy#', '.Y..M.M......XYY.'],
    ['0 12z3x 456789 x x 0', '0y12Z3 y456789y y y0', '.Y..M.XY......YXYXY.|.Y..M.XY......XYXYY.'],
    ['x1234xxab.', ' 1234  AB ', 'X....XXMMX'],
    [' 0123456789', '9012345678 ', 'Y.........X'],
    ['0123456789     ', '     5678901234', 'XXXXX.....YYYYY|YYYYY.....XXXXX'],
    ['0 1 2 3 45 6 7 8 9 ', ' 9 8 7 6 54 3 2 1 0', 'XYXYXYXYX.YXYXYXYXY'],
    [
      'F B Q M O    I G T L       N72X90 E  4S P  651HKRJU DA 83CVZW',
      ' 5 W H XO10R9IV K ZLCTAJ8P3N     SEQM4 7 2G6      UBD F      ',
      'XYXYXYXY.YYYY.YXYXY.YYYYYYY.XXXXXY.YY.XYXYY.XXXXXX.Y.XYXXXXXX',
    ],
  ]
  const compareByte = (x: string, y: string) =>
    x === y ? { numSame: 0, numDiff: 0 } : x.toUpperCase() === y.toUpperCase() ? { numSame: 0, numDiff: 1 } : { numSame: 0, numDiff: 2 }
  it.each(cases)('Difference(%j, %j)', (rawX, rawY, want) => {
    const x = rawX.replaceAll(' ', '')
    const y = rawY.replaceAll(' ', '')
    const es = difference(x.length, y.length, (ix, iy) => compareByte(x[ix], y[iy]))
    const got = es.map((e) => (e === 'I' ? '.' : e)).join('')
    expect(want.split('|')).toContain(got)
  })
})

describe('cmp.Diff report', () => {
  /** The 1.27 shapes of core.Container (no restartPolicy yet) and core.PodSpec (no resources). */
  const container127: GoType = { ...containerType, fields: containerType.fields!.filter((f) => f.name !== 'RestartPolicy') }
  const podSpec127: GoType = {
    ...podSpecType,
    fromJSON: undefined,
    fields: podSpecType.fields!.filter((f) => f.name !== 'Resources').map((f) => (f.name === 'Containers' ? { ...f, type: sliceOf(container127) } : f)),
  }
  const as127 = (spec: unknown): GoStruct => {
    const v = { ...(fromJSON(podSpecType, spec) as GoStruct) } as Record<string, unknown>
    delete v.Resources
    v.Containers = (v.Containers as GoStruct[]).map(({ RestartPolicy: _r, ...c }) => c)
    return v as GoStruct
  }
  const stressPod = (memory: string) => ({
    volumes: [
      {
        name: 'kube-api-access-pxw5v',
        projected: {
          sources: [
            { serviceAccountToken: { expirationSeconds: 3607, path: 'token' } },
            { configMap: { name: 'kube-root-ca.crt', items: [{ key: 'ca.crt', path: 'ca.crt' }] } },
            { downwardAPI: { items: [{ path: 'namespace', fieldRef: { apiVersion: 'v1', fieldPath: 'metadata.namespace' } }] } },
          ],
          defaultMode: 420,
        },
      },
    ],
    containers: [
      {
        name: 'resources-demo',
        image: 'polinux/stress',
        command: ['stress'],
        args: ['--cpu', '2', '--vm', '1', '--vm-bytes', '1G', '--vm-hang', '1'],
        resources: { requests: { cpu: '1', memory } },
        volumeMounts: [{ name: 'kube-api-access-pxw5v', readOnly: true, mountPath: '/var/run/secrets/kubernetes.io/serviceaccount' }],
        terminationMessagePath: '/dev/termination-log',
        terminationMessagePolicy: 'File',
        imagePullPolicy: 'Always',
      },
    ],
    restartPolicy: 'Always',
    terminationGracePeriodSeconds: 30,
    dnsPolicy: 'ClusterFirst',
    serviceAccountName: 'default',
    nodeName: 'minikube',
    securityContext: {},
    schedulerName: 'default-scheduler',
    tolerations: [
      { key: 'node.kubernetes.io/not-ready', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 },
      { key: 'node.kubernetes.io/unreachable', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 },
    ],
    priority: 0,
    enableServiceLinks: true,
    preemptionPolicy: 'PreemptLowerPriority',
  })

  it('reproduces a captured apiserver report (minikube, 1.27: memory request 10Gi -> 2Gi)', () => {
    // `kubectl apply` of the changed manifest, as published (its long lines unwrapped).
    const captured = [
      '  core.PodSpec{',
      '  \tVolumes:        {{Name: "kube-api-access-pxw5v", VolumeSource: {Projected: &{Sources: {{ServiceAccountToken: &{ExpirationSeconds: 3607, Path: "token"}}, {ConfigMap: &{LocalObjectReference: {Name: "kube-root-ca.crt"}, Items: {{Key: "ca.crt", Path: "ca.crt"}}}}, {DownwardAPI: &{Items: {{Path: "namespace", FieldRef: &{APIVersion: "v1", FieldPath: "metadata.namespace"}}}}}}, DefaultMode: &420}}}},',
      '  \tInitContainers: nil,',
      '  \tContainers: []core.Container{',
      '  \t\t{',
      '  \t\t\t... // 6 identical fields',
      '  \t\t\tEnvFrom: nil,',
      '  \t\t\tEnv:     nil,',
      '  \t\t\tResources: core.ResourceRequirements{',
      '  \t\t\t\tLimits: nil,',
      '  \t\t\t\tRequests: core.ResourceList{',
      '  \t\t\t\t\ts"cpu":    {i: {...}, s: "1", Format: "DecimalSI"},',
      '- \t\t\t\t\ts"memory": {i: resource.int64Amount{value: 10737418240}, s: "10Gi", Format: "BinarySI"},',
      '+ \t\t\t\t\ts"memory": {i: resource.int64Amount{value: 2147483648}, s: "2Gi", Format: "BinarySI"},',
      '  \t\t\t\t},',
      '  \t\t\t\tClaims: nil,',
      '  \t\t\t},',
      '  \t\t\tResizePolicy: nil,',
      '  \t\t\tVolumeMounts: {{Name: "kube-api-access-pxw5v", ReadOnly: true, MountPath: "/var/run/secrets/kubernetes.io/serviceaccount"}},',
      '  \t\t\t... // 12 identical fields',
      '  \t\t},',
      '  \t},',
      '  \tEphemeralContainers: nil,',
      '  \tRestartPolicy:       "Always",',
      '  \t... // 28 identical fields',
      '  }',
      '',
    ].join('\n')
    const old = asStored(podSpec127, as127(stressPod('10Gi')))
    expect(cmpDiff(podSpec127, old, as127(stressPod('2Gi')))).toBe(captured)
  })

  it('is empty for equal values, and tells nil from empty', () => {
    const t = struct('main.T', [{ name: 'Names', type: sliceOf(goString), json: 'names' }, { name: 'N', type: goInt32, json: 'n' }])
    expect(cmpDiff(t, { Names: ['a'], N: 1 }, { Names: ['a'], N: 1 })).toBe('')
    expect(cmpDiff(t, { Names: null, N: 1 }, { Names: [], N: 1 })).toBe(['  main.T{', '- \tNames: nil,', '+ \tNames: []string{},', '  \tN:     1,', '  }', ''].join('\n'))
  })

  // Cases from go-cmp's own golden file (cmp/testdata/diffs), inputs rebuilt from its test.
  const int8s = sliceOf({ kind: 'int32', name: 'int8' })
  const myComposite = struct(
    'cmp_test.MyComposite',
    ['StringA', 'StringB', 'BytesA', 'BytesB', 'BytesC', 'IntsA', 'IntsB', 'IntsC', 'UintsA', 'UintsB', 'UintsC', 'FloatsA', 'FloatsB', 'FloatsC'].map((name) => ({
      name,
      type: name.startsWith('String') ? (name === 'StringB' ? { kind: 'string' as const, name: 'cmp_test.MyString' } : goString) : int8s,
    })),
  )
  const composite = (o: Record<string, unknown>) => ({ StringA: '', StringB: '', BytesA: null, BytesB: null, BytesC: null, IntsA: null, IntsB: null, IntsC: null, UintsA: null, UintsB: null, UintsC: null, FloatsA: null, FloatsB: null, FloatsC: null, ...o }) as GoStruct

  it('TestDiff/Comparer#09', () => {
    const t = struct('struct{ A int; B int; C int }', ['A', 'B', 'C'].map((name) => ({ name, type: goInt32 })))
    expect(cmpDiff(t, { A: 1, B: 2, C: 3 }, { A: 1, B: 2, C: 4 })).toBe(['  struct{ A int; B int; C int }{', '  \tA: 1,', '  \tB: 2,', '- \tC: 3,', '+ \tC: 4,', '  }', ''].join('\n'))
  })

  it('TestDiff/Reporter: an inserted and a modified element among many', () => {
    const xs = Array.from({ length: 19 }, (_, i) => 11 + i)
    const ys = [10, 11, 21, ...xs.slice(2)]
    expect(cmpDiff(myComposite, composite({ IntsA: xs }), composite({ IntsA: ys }))).toBe(
      [
        '  cmp_test.MyComposite{',
        '  \t... // 3 identical fields',
        '  \tBytesB: nil,',
        '  \tBytesC: nil,',
        '  \tIntsA: []int8{',
        '+ \t\t10,',
        '  \t\t11,',
        '- \t\t12,',
        '+ \t\t21,',
        '  \t\t13,',
        '  \t\t14,',
        '  \t\t... // 15 identical elements',
        '  \t},',
        '  \tIntsB: nil,',
        '  \tIntsC: nil,',
        '  \t... // 6 identical fields',
        '  }',
        '',
      ].join('\n'),
    )
  })

  const letters = 'abcdefghijklmnopqrstuvwxyz'.split('').map((c) => c.repeat(3))
  const lines = (edit: (l: string[]) => void) => {
    const l = [...letters]
    edit(l)
    return `${l.join('\n')}\n`
  }

  it('TestDiff/Reporter/TripleQuote: multi-line strings diff by line', () => {
    const x = lines((l) => {
      l[17] = 'RRR'
    })
    const y = lines((l) => {
      l[2] = 'CCC'
      l[18] = 'SSS'
    })
    expect(cmpDiff(myComposite, composite({ StringA: x }), composite({ StringA: y }))).toBe(
      [
        '  cmp_test.MyComposite{',
        '  \tStringA: (',
        '  \t\t"""',
        '  \t\taaa',
        '  \t\tbbb',
        '- \t\tccc',
        '+ \t\tCCC',
        '  \t\tddd',
        '  \t\teee',
        '  \t\t... // 10 identical lines',
        '  \t\tppp',
        '  \t\tqqq',
        '- \t\tRRR',
        '- \t\tsss',
        '+ \t\trrr',
        '+ \t\tSSS',
        '  \t\tttt',
        '  \t\tuuu',
        '  \t\t... // 6 identical lines',
        '  \t\t"""',
        '  \t),',
        '  \tStringB: "",',
        '  \tBytesA:  nil,',
        '  \t... // 11 identical fields',
        '  }',
        '',
      ].join('\n'),
    )
  })

  it('TestDiff/Reporter/AvoidTripleQuoteAmbiguousQuotes', () => {
    const x = lines((l) => {
      l[17] = 'RRR'
    })
    const y = lines((l) => {
      l[2] = 'CCC'
      l[5] = '"""'
    })
    expect(cmpDiff(goString, x, y)).toBe(
      [
        '  strings.Join({',
        '  \t"aaa",',
        '  \t"bbb",',
        '- \t"ccc",',
        '+ \t"CCC",',
        '  \t"ddd",',
        '  \t"eee",',
        '- \t"fff",',
        '+ \t`"""`,',
        '  \t"ggg",',
        '  \t"hhh",',
        '  \t... // 7 identical lines',
        '  \t"ppp",',
        '  \t"qqq",',
        '- \t"RRR",',
        '+ \t"rrr",',
        '  \t"sss",',
        '  \t"ttt",',
        '  \t... // 7 identical lines',
        '  }, "\\n")',
        '',
      ].join('\n'),
    )
  })
})
