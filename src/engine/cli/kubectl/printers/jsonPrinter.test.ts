import { describe, expect, it } from 'vitest'
import { marshalGoJson } from './goJson'
import { toKubectlJson } from './jsonPrinter'

// Expected texts were printed by the real kubectl 1.32 (`kubectl get pod ... -o json` against a
// fake API server serving these objects).

describe('toKubectlJson', () => {
  it('indents with four spaces, sorts keys and keeps empty collections compact', () => {
    expect(toKubectlJson({ kind: 'List', apiVersion: 'v1', metadata: { resourceVersion: '' }, items: [] })).toBe(
      '{\n    "apiVersion": "v1",\n    "items": [],\n    "kind": "List",\n    "metadata": {\n        "resourceVersion": ""\n    }\n}\n',
    )
    expect(toKubectlJson({ spec: { emptyl: [], emptym: {}, args: ['a', 'b c'], nullv: null, t: true } })).toBe(
      '{\n    "spec": {\n        "args": [\n            "a",\n            "b c"\n        ],\n        "emptyl": [],\n        "emptym": {},\n        "nullv": null,\n        "t": true\n    }\n}\n',
    )
  })

  it('escapes strings as Go encoding/json does (HTML-safe, \\u2028, short \\b and \\f)', () => {
    expect(toKubectlJson({ note: 'a <b> & c\u2028 é 😀 \u0007 \u0000 \b\f' })).toBe(
      '{\n    "note": "a \\u003cb\\u003e \\u0026 c\\u2028 é 😀 \\u0007 \\u0000 \\b\\f"\n}\n',
    )
    expect(marshalGoJson('tab\there\nquote"back\\del\u007f\u2029')).toBe('"tab\\there\\nquote\\"back\\\\del\u007f\\u2029"')
  })

  it('formats numbers as Go does for int64 and float64', () => {
    expect(marshalGoJson({ big: 1000000, bigf: 1e21, f: 1.5, neg: -3, small: 0.000001, tiny: 1.5e-7, zero: -0 })).toBe(
      '{"big":1000000,"bigf":1e+21,"f":1.5,"neg":-3,"small":0.000001,"tiny":1.5e-7,"zero":0}',
    )
  })

  it('orders keys byte-wise as UTF-8 (code points), not by UTF-16 units', () => {
    expect(marshalGoJson({ '\uff01': 1, '😀': 2, b: 3, B: 4, a: 5 })).toBe('{"B":4,"a":5,"b":3,"！":1,"😀":2}')
  })

  it('keeps struct field order with keyOrder insertion (client-side dry runs), sorting maps with integer keys', () => {
    // kubectl create configmap my-cm --from-literal=key1=value1 --dry-run=client -o json
    const cm = { kind: 'ConfigMap', apiVersion: 'v1', metadata: { name: 'my-cm', creationTimestamp: null }, data: { key1: 'value1' } }
    expect(toKubectlJson(cm, { keyOrder: 'insertion' })).toBe(
      '{\n    "kind": "ConfigMap",\n    "apiVersion": "v1",\n    "metadata": {\n        "name": "my-cm",\n        "creationTimestamp": null\n    },\n    "data": {\n        "key1": "value1"\n    }\n}\n',
    )
    expect(marshalGoJson({ data: { '2': 'a', '10': 'b', '-a': 'c' } }, 'insertion')).toBe('{"data":{"-a":"c","10":"b","2":"a"}}')
  })
})
