// Strict decoding, the JSON tokens it walks, and the Go formatting of the values in its errors.
// Table cases restate sigs.k8s.io/json's json_test.go (TestUnmarshal: case-sensitive, duplicate
// typed/untyped/map fields, unknown fields), with the field paths the kjson vendored by 1.32 adds.

import { describe, expect, it } from 'vitest'
import { ANY, LEAF, typeForKind, type TypeRef } from '../api/fieldSchema'
import { decodeValue, strictDecode, strictDecodingErrorMessage, unknownFieldsSorted } from './strictDecode'
import { JsonSyntaxError, nodeFromValue, nodeValue, parseJsonText } from './jsonText'
import { goJsonMarshal, goSprintV } from './goFormat'

/** json_test.go's Obj: a, b int; c map[string]string; D, E int (untagged: their Go names). */
const OBJ: TypeRef = {
  kind: 'struct',
  name: 'Obj',
  fields: new Map<string, TypeRef>([
    ['a', LEAF],
    ['b', LEAF],
    ['c', { kind: 'map', elem: LEAF }],
    ['D', LEAF],
    ['E', LEAF],
  ]),
}

const POD = typeForKind('', 'v1', 'Pod')!

describe('strictDecode (kjson.UnmarshalStrict)', () => {
  it.each([
    ['case-sensitive', '{"a":1,"A":2,"B":3}', OBJ, { a: 1 }, ['unknown field "A"', 'unknown field "B"']],
    ['duplicate untyped', '{"a":1,"a":2,"b":1,"b":2}', ANY, { a: 2, b: 2 }, ['duplicate field "a"', 'duplicate field "b"']],
    ['duplicate typed', '{"a":1,"a":2,"b":1,"b":2}', OBJ, { a: 2, b: 2 }, ['duplicate field "a"', 'duplicate field "b"']],
    ['duplicate map field', '{"c":{"a":"1","a":"2","b":"1","b":"2"}}', OBJ, { c: { a: '2', b: '2' } }, ['duplicate field "c.a"', 'duplicate field "c.b"']],
    ['unknown fields', '{"a":1,"unknown":true,"unknown2":false,"b":2}', OBJ, { a: 1, b: 2 }, ['unknown field "unknown"', 'unknown field "unknown2"']],
  ])('%s', (_name, text, ref, value, errors) => {
    expect(strictDecode(parseJsonText(text), ref)).toEqual({ value, errors })
  })

  it('paths: struct fields joined with ".", list items as [i], map keys as they are', () => {
    const body = {
      metadata: { name: 'p', labels: { 'app.kubernetes.io/name': 'x' }, annotation: {} },
      spec: { containers: [{ name: 'a' }, { name: 'b', ports: [{ containerPort: 80, hostport: 1 }] }], nodeSelector: { anything: 'goes' } },
    }
    expect(decodeValue(body, POD).errors).toEqual(['unknown field "metadata.annotation"', 'unknown field "spec.containers[1].ports[0].hostport"'])
  })

  it('leaves are not looked into: quantities, int-or-string, times, FieldsV1', () => {
    const body = {
      metadata: { managedFields: [{ manager: 'm', fieldsV1: { 'f:spec': { 'f:x': {} } } }], creationTimestamp: '2025-01-01T00:00:00Z' },
      spec: { containers: [{ name: 'a', resources: { limits: { cpu: '1' } }, livenessProbe: { httpGet: { port: 'http' } } }] },
    }
    expect(decodeValue(body, POD)).toEqual({ value: body, errors: [] })
  })

  it('an unknown field is reported once, however often it comes; the same text is not repeated', () => {
    expect(strictDecode(parseJsonText('{"x":1,"x":2,"a":1,"a":2,"a":3}'), OBJ).errors).toEqual(['unknown field "x"', 'duplicate field "a"'])
  })

  it('stops at 100 errors', () => {
    const many = Object.fromEntries(Array.from({ length: 150 }, (_, i) => [`f${i}`, i]))
    expect(decodeValue(many, OBJ).errors).toHaveLength(100)
  })

  it('a repeated struct field fills in the first; a repeated list or scalar replaces it', () => {
    const text = '{"metadata":{"name":"a","labels":{"x":"1"}},"metadata":{"labels":{"y":"2"},"namespace":"n"},"spec":{"containers":[{"name":"a"}]},"spec":{"containers":[{"name":"b"}]}}'
    expect(strictDecode(parseJsonText(text), POD).value).toEqual({ metadata: { name: 'a', labels: { x: '1', y: '2' }, namespace: 'n' }, spec: { containers: [{ name: 'b' }] } })
  })

  it('a value is met in encoding/json order (sorted keys); FromUnstructured sorts its errors', () => {
    const v = { spec: { zz: 1, containers: [{ name: 'a', yy: 1 }] }, aa: 1 }
    expect(decodeValue(v, POD).errors).toEqual(['unknown field "aa"', 'unknown field "spec.containers[0].yy"', 'unknown field "spec.zz"'])
    // The two orders differ where "[" meets a key character: '0' sorts before '['.
    const w = { spec: { containers: [{ name: 'a', x: 1 }], containers0: 1 } }
    expect(decodeValue(w, POD).errors).toEqual(['unknown field "spec.containers[0].x"', 'unknown field "spec.containers0"'])
    expect(unknownFieldsSorted(nodeFromValue(w), POD).errors).toEqual(['unknown field "spec.containers0"', 'unknown field "spec.containers[0].x"'])
    expect(strictDecodingErrorMessage(['unknown field "a"', 'duplicate field "b"'])).toBe('strict decoding error: unknown field "a", duplicate field "b"')
  })
})

describe('parseJsonText', () => {
  it('keeps repeated keys in order; nodeValue lets the last win', () => {
    const n = parseJsonText(' {"a": [1, -2.5e3, "x\\u00e9\\n"], "a": {"b": null}, "t": true} ')
    expect(n.t === 'object' && n.entries.map(([k]) => k)).toEqual(['a', 'a', 't'])
    expect(nodeValue(n)).toEqual({ a: { b: null }, t: true })
    expect(nodeValue(parseJsonText('[1, -2.5e3, "x\\u00e9\\n", false]'))).toEqual([1, -2500, 'xé\n', false])
  })

  it.each([
    ['', 'unexpected end of JSON input'],
    ['{"a":1', 'unexpected end of JSON input'],
    ['{"a" 1}', "invalid character '1' after object key"],
    ['{"a":1 "b":2}', `invalid character '"' after object key:value pair`],
    ['[1 2]', "invalid character '2' after array element"],
    ['{a:1}', "invalid character 'a' looking for beginning of object key string"],
    ['{"a":tru}', "invalid character '}' in literal true (expecting 'e')"],
    ['{} x', "invalid character 'x' after top-level value"],
    ["'a'", `invalid character '\\'' looking for beginning of value`],
  ])('%j: %s', (text, message) => {
    expect(() => parseJsonText(text)).toThrow(new JsonSyntaxError(message))
  })
})

describe('Go formatting', () => {
  it("goSprintV: fmt's %+v of a decoded map", () => {
    expect(goSprintV({ spec: { wat: 1 } })).toBe('map[spec:map[wat:1]]')
    expect(goSprintV({ b: [1, 'x y', null, true], a: {}, c: 0.5, d: 1e6 + 0.5, e: 2.5e-7 })).toBe('map[a:map[] b:[1 x y <nil> true] c:0.5 d:1.0000005e+06 e:2.5e-07]')
  })

  it('goJsonMarshal: sorted keys, HTML-safe strings', () => {
    expect(goJsonMarshal({ b: '<a&b>\u2028', a: [1, null, { z: 1, y: false }], c: 'tab\there\b' })).toBe(
      '{"a":[1,null,{"y":false,"z":1}],"b":"\\u003ca\\u0026b\\u003e\\u2028","c":"tab\\there\\b"}',
    )
  })
})
