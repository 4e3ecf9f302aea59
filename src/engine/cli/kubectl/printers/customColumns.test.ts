import { describe, expect, it } from 'vitest'
import { customColumnsRows, escapeTerminal, parseCustomColumnsSpec, parseCustomColumnsTemplate, relaxedJsonPathExpression } from './customColumns'

// Expected cells and errors were printed by the real kubectl 1.32 (`kubectl get pods -o
// custom-columns=...` against a fake API server serving these pods).
const pods = [
  {
    kind: 'Pod',
    metadata: { name: 'p1', labels: { app: 'web', tier: 'fe' }, creationTimestamp: null, annotations: { esc: 'esc\u001bx\rcr' } },
    spec: {
      containers: [
        { name: 'c1', image: 'nginx:1.25', ports: [{ containerPort: 80, name: 'http' }, { containerPort: 443 }], args: ['a', 'b c'] },
        { name: 'c2', image: 'busybox' },
      ],
      nullv: null,
      f: 1.5,
      big: 1000000,
      bigf: 1e21,
      small: 0.000001,
      t: true,
      emptyl: [],
      emptym: {},
    },
  },
  { kind: 'Pod', metadata: { name: 'p2' }, spec: { containers: [{ name: 'x', image: 'redis' }] } },
]

function rows(spec: string, objects: unknown[] = pods, noHeaders = false) {
  const parsed = parseCustomColumnsSpec(spec, noHeaders)
  if ('error' in parsed) throw new Error(parsed.error)
  return customColumnsRows(parsed, objects)
}

describe('relaxedJsonPathExpression', () => {
  it.each([
    ['metadata.name', '{.metadata.name}'],
    ['.metadata.name', '{.metadata.name}'],
    ['{metadata.name}', '{.metadata.name}'],
    ['{.metadata.name}', '{.metadata.name}'],
    ['..ready', '{..ready}'],
    ['', ''],
  ])('%s -> %s', (input, expected) => {
    expect(relaxedJsonPathExpression(input)).toEqual({ expression: expected })
  })
  it.each(['{.a', 'x{y', '{.a}{.b}', '{}'])('%s is rejected', (input) => {
    expect(relaxedJsonPathExpression(input)).toEqual({
      error: "unexpected path string, expected a 'name1.name2' or '.name1.name2' or '{name1.name2}' or '{.name1.name2}'",
    })
  })
})

describe('parseCustomColumnsSpec errors', () => {
  it.each([
    ['', 'custom-columns format specified but no custom columns given'],
    ['A', 'unexpected custom-columns spec: A, expected <header>:<json-path-expr>'],
    ['A:.metadata.name,B', 'unexpected custom-columns spec: B, expected <header>:<json-path-expr>'],
  ])('%j', (spec, error) => {
    expect(parseCustomColumnsSpec(spec)).toEqual({ error })
  })
})

describe('customColumnsRows', () => {
  it('prints values with fmt %v, joins several with commas and shows <none> for nothing', () => {
    expect(
      rows('NAME:.metadata.name,CT:.metadata.creationTimestamp,IMG:.spec.containers[*].image,PORTS:.spec.containers[*].ports,LBL:.metadata.labels,NUL:.spec.nullv,F:.spec.f,BIG:.spec.big,BIGF:.spec.bigf,SM:.spec.small,T:.spec.t,EL:.spec.emptyl,EM:.spec.emptym,ARGS:.spec.containers[0].args'),
    ).toEqual({
      rows: [
        ['NAME', 'CT', 'IMG', 'PORTS', 'LBL', 'NUL', 'F', 'BIG', 'BIGF', 'SM', 'T', 'EL', 'EM', 'ARGS'],
        ['p1', '<nil>', 'nginx:1.25,busybox', '[map[containerPort:80 name:http] map[containerPort:443]]', 'map[app:web tier:fe]', '<nil>', '1.5', '1000000', '1e+21', '1e-06', 'true', '[]', 'map[]', '[a b c]'],
        ['p2', '<none>', 'redis', '<none>', '<none>', '<none>', '<none>', '<none>', '<none>', '<none>', '<none>', '<none>', '<none>', '<none>'],
      ],
    })
  })

  it('accepts every relaxed spelling and an empty header', () => {
    expect(rows('A:.metadata.name,B:{.metadata.name},C:metadata.name,D:{metadata.name},E:.spec.containers[*].ports[*].containerPort,F:.x.y,:kind')).toEqual({
      rows: [
        ['A', 'B', 'C', 'D', 'E', 'F', ''],
        ['p1', 'p1', 'p1', 'p1', '80,443', '<none>', 'Pod'],
        ['p2', 'p2', 'p2', 'p2', '<none>', '<none>', 'Pod'],
      ],
    })
  })

  it('escapes ESC and CR, drops the header with --no-headers, and prints only it for no objects', () => {
    expect(rows('ESC:.metadata.annotations.esc', pods, true)).toEqual({ rows: [['esc^[x\\rcr'], ['<none>']] })
    expect(rows('A:.metadata.name', [])).toEqual({ rows: [['A']] })
    expect(rows('A:')).toEqual({ rows: [['A'], ['<none>'], ['<none>']] })
    expect(escapeTerminal('a\u001b[31mb\rc')).toBe('a^[[31mb\\rc')
  })

  it('stops at a template error, after the header', () => {
    expect(rows('A:.spec.containers[0')).toEqual({ rows: [['A']], error: 'unterminated array' })
    expect(rows('A:.spec.containers[5].name')).toEqual({ rows: [['A']], error: 'array index out of bounds: index 5, length 2' })
  })
})

describe('parseCustomColumnsTemplate (custom-columns-file)', () => {
  it('reads headers and specs from two whitespace-separated lines', () => {
    expect(parseCustomColumnsTemplate('NAME   IMAGES\n.metadata.name   {.spec.containers[*].image}\n')).toEqual({
      columns: [
        { header: 'NAME', fieldSpec: '{.metadata.name}' },
        { header: 'IMAGES', fieldSpec: '{.spec.containers[*].image}' },
      ],
      noHeaders: false,
    })
  })
  it.each([
    ['', 'invalid template, missing header line. Expected format is one line of space separated headers, one line of space separated column specs.'],
    ['NAME\n', 'invalid template, missing spec line. Expected format is one line of space separated headers, one line of space separated column specs.'],
    ['NAME IMAGES X\n.metadata.name {.spec.containers[*].image}\n', "number of headers (3) and field specifications (2) don't match"],
    ['A B\n{.a} {.b{\n', "unexpected path string, expected a 'name1.name2' or '.name1.name2' or '{name1.name2}' or '{.name1.name2}'"],
  ])('%j', (content, error) => {
    expect(parseCustomColumnsTemplate(content)).toEqual({ error })
  })
})
