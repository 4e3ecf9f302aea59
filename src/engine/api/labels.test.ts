import { describe, expect, it } from 'vitest'
import { readFileSync } from 'node:fs'
import {
  checkRequirement,
  everything,
  formatLabels,
  labelSelectorAsSelector,
  lexSelector,
  nothing,
  parseSelector,
  parseToLabelSelector,
  parseToRequirements,
  requirementMatches,
  requirementString,
  selectorFromSet,
  setString,
  validatedSelectorFromSet,
  type Operator,
  type Requirement,
} from './labels'
import { goStringSlice } from './validation/field'

interface ReqJson {
  key?: string
  operator?: Operator
  values?: string[]
  zero_value_requirement?: boolean
}
const corpus = JSON.parse(readFileSync('/work/shared/corpus/apimachinery-cases/label-selector-cases.json', 'utf8')) as Record<string, any>

function req(r: ReqJson): Requirement {
  return { key: r.key ?? '', operator: r.operator ?? ('' as Operator), values: r.values ?? [] }
}
const plain = (rs: readonly Requirement[]) => rs.map((r) => ({ key: r.key, operator: r.operator, values: [...r.values] }))

describe('label-selector-cases.json (apimachinery selector_test.go)', () => {
  for (const c of corpus.parse) {
    it(`parse ${JSON.stringify(c.input)} → ${c.valid ? JSON.stringify(c.string) : 'error'}`, () => {
      if (c.valid) expect(parseSelector(c.input).string()).toBe(c.string)
      else expect(() => parseSelector(c.input)).toThrow()
    })
  }

  it('parsing is deterministic', () => {
    const [a, b] = corpus.deterministic_parse.inputs
    expect(parseSelector(a).string()).toBe(parseSelector(b).string())
  })

  for (const c of corpus.matches) {
    it(`${JSON.stringify(c.selector)} matches ${JSON.stringify(c.labels)}: ${c.matches}`, () => {
      expect(parseSelector(c.selector).matches(c.labels)).toBe(c.matches)
    })
  }

  for (const c of corpus.set_selector_matches) {
    it(`SelectorFromSet(${JSON.stringify(c.selector_set)}) on ${JSON.stringify(c.labels)}`, () => {
      expect(selectorFromSet(c.selector_set).matches(c.labels)).toBe(c.matches)
    })
  }

  // The corpus comes from a newer apimachinery that accepts an even run of commas before ')'.
  // kubectl 1.32 (checked with `kubectl set selector --local`) still rejects these three.
  const rejectedBy132 = new Set(['x in (a,,)', 'x in (a,,,,,,)', 'x in (a,,a,,a,,a,,)'])
  for (const c of corpus.set_selector_parser) {
    it(`set-based parser ${JSON.stringify(c.input)}`, () => {
      if (rejectedBy132.has(c.input)) {
        expect(() => parseToRequirements(c.input)).toThrow("unable to parse requirement: found ')', expected: ',', or identifier")
        return
      }
      if (!c.valid) {
        expect(() => parseToRequirements(c.input)).toThrow()
        return
      }
      const got = parseToRequirements(c.input)
      if (c.requirements) {
        expect(plain(got)).toEqual(c.requirements)
        expect(parseSelector(c.input).string()).toBe(c.string)
      } else {
        expect(plain(got)).toEqual(expect.arrayContaining(c.requirements_unordered))
      }
    })
  }

  for (const c of corpus.requirement_matching) {
    it(`requirements ${c.string} on ${JSON.stringify(c.labels)}: ${c.matches}`, () => {
      const rs = (c.requirements as ReqJson[]).map(req)
      expect(rs.map(requirementString).join(',')).toBe(c.string)
      expect(rs.every((r) => requirementMatches(r, c.labels))).toBe(c.matches)
    })
  }

  for (const c of corpus.requirement_constructor) {
    it(`NewRequirement(${String(c.key).slice(0, 20)}, ${c.operator}, ${JSON.stringify(c.values).slice(0, 30)})`, () => {
      const errs = checkRequirement(c.key, c.operator, c.values)
      expect(
        errs.map((e) => ({ type: e.type, field: e.field })),
      ).toEqual((c.errors as { type: string; field: string }[]).map((e) => ({ type: e.type, field: e.field })))
      ;(c.errors as { badValue: unknown }[]).forEach((e, i) => {
        const bad = errs[i].badValue
        if (Array.isArray(e.badValue)) expect(bad).toEqual({ goRepr: goStringSlice(e.badValue as string[]) })
        else expect(bad).toEqual(e.badValue)
      })
    })
  }

  for (const c of corpus.to_string) {
    it(`String() ${JSON.stringify(c.string)}`, () => {
      const parts = (c.requirements as ReqJson[]).map((r) => (r.zero_value_requirement ? '' : requirementString(req(r))))
      expect(parts.join(',')).toBe(c.string)
    })
  }

  for (const c of corpus.set_selector_string) {
    it(`Set.String ${JSON.stringify(c.set)}`, () => {
      expect(setString(c.set)).toBe(c.string)
      expect(selectorFromSet(c.set).string()).toBe(c.string)
    })
  }

  for (const c of corpus.validated_selector_from_set) {
    it(`ValidatedSelectorFromSet ${JSON.stringify(c.set).slice(0, 40)}`, () => {
      if (c.errors.length === 0) expect(plain(validatedSelectorFromSet(c.set).requirements)).toEqual(c.requirements)
      else expect(() => validatedSelectorFromSet(c.set)).toThrow(`${c.errors[0].field}: Invalid value: "${c.errors[0].badValue}"`)
    })
  }

  for (const c of corpus.requires_exact_match) {
    it(`RequiresExactMatch(${c.label})`, () => {
      const sel = everything().add(...(c.requirements as ReqJson[]).map(req))
      expect(sel.requiresExactMatch(c.label)).toBe(c.found ? c.value : undefined)
    })
  }

  for (const c of corpus.matches_nothing) {
    it(`${JSON.stringify(c.selector)} is not Nothing()`, () => {
      expect(parseSelector(c.selector).nothing).toBe(c.matches_nothing)
    })
  }

  for (const c of corpus.parse_operator) {
    it(`operator ${c.input}`, () => {
      if (c.error) expect(() => parseSelector(`x ${c.input} 1`)).toThrow(c.error)
      else expect(parseToRequirements(`x ${c.input} ${c.operator === 'in' || c.operator === 'notin' ? '(1)' : '1'}`)[0].operator).toBe(c.operator)
    })
  }

  for (const c of corpus.lexer) {
    it(`lexer ${JSON.stringify(c.input)} → ${c.token}`, () => {
      const toks = lexSelector(c.input)
      expect(toks.length === 0 ? 'EndOfString' : toks[0]).toBe(c.token)
    })
  }

  for (const c of corpus.lexer_sequence) {
    it(`lexer sequence ${JSON.stringify(c.input)}`, () => {
      expect(lexSelector(c.input)).toEqual(c.tokens)
    })
  }
})

// Messages captured from the real kubectl 1.32 (`kubectl set selector --local -f pod.yaml '<sel>'`,
// which prints `couldn't parse the selector string "<sel>": <labels.Parse error>`).
const kubectlParseErrors: [string, string][] = [
  ['x==a==b', "found '==', expected: ',' or 'end of string'"],
  ['!x=a', "found '=', expected: ',' or 'end of string'"],
  ['x<a', `unable to parse requirement: values[0]: Invalid value: "a": for 'Gt', 'Lt' operators, the value must be an integer`],
  ['x,,y', "found ',', expected: identifier after ','"],
  [',x,y', "found ',', expected: !, identifier, or 'end of string'"],
  ['x nott in (y)', "unable to parse requirement: found 'nott', expected: in, notin, =, ==, !=, gt, lt"],
  ['a in (xyz),', "found '', expected: identifier after ','"],
  ['a in (xyz)b notin ()', "found 'b', expected: ',' or 'end of string'"],
  ['a in (xyz abc)', "unable to parse requirement: found 'abc', expected: ',' or ')'"],
  ['a notin(', "unable to parse requirement: found '', expected: ',', ')' or identifier"],
  ['a (', "unable to parse requirement: found '(', expected: in, notin, =, ==, !=, gt, lt"],
  ['(', "found '(', expected: !, identifier, or 'end of string'"],
  [
    'Bad_/x',
    `unable to parse requirement: <nil>: Invalid value: "Bad_/x": prefix part a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')`,
  ],
  [
    'a/b/c',
    `unable to parse requirement: <nil>: Invalid value: "a/b/c": a qualified name must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]') with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')`,
  ],
  [
    'x=a||y=b',
    `unable to parse requirement: values[0][x]: Invalid value: "a||y": a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')`,
  ],
  ['x=a b', "found 'b', expected: ',' or 'end of string'"],
  [`x=${'a'.repeat(64)}`, `unable to parse requirement: values[0][x]: Invalid value: "${'a'.repeat(64)}": must be no more than 63 characters`],
  ['!', "unable to parse requirement: found '', expected: identifier"],
  ['x=(', "unable to parse requirement: found '(', expected: identifier"],
  ['x!', "unable to parse requirement: found '!', expected: in, notin, =, ==, !=, gt, lt"],
  ['x=a,', "found '', expected: identifier after ','"],
  ['x in a', "unable to parse requirement: found 'a' expected: '('"],
  ['x in (a', "unable to parse requirement: found '', expected: ',' or ')'"],
  ['===', "found '==', expected: !, identifier, or 'end of string'"],
  ['a=b=c', "found '=', expected: ',' or 'end of string'"],
]

describe('parse error texts (real kubectl 1.32)', () => {
  for (const [sel, msg] of kubectlParseErrors) {
    it(JSON.stringify(sel), () => {
      expect(() => parseSelector(sel)).toThrow(msg)
      let text = ''
      try {
        parseSelector(sel)
      } catch (e) {
        text = (e as Error).message
      }
      expect(text).toBe(msg)
      expect(() => parseToLabelSelector(sel)).toThrow(`couldn't parse the selector string "${sel}": ${msg}`)
    })
  }
  it('gt in a LabelSelector', () => {
    expect(() => parseToLabelSelector('x>1')).toThrow('"gt" isn\'t supported in label selectors')
  })
})

describe('LabelSelectorAsSelector / ParseToLabelSelector / FormatLabels', () => {
  it('nil selects nothing, empty selects everything', () => {
    expect(labelSelectorAsSelector(undefined)).toBe(nothing())
    expect(labelSelectorAsSelector(undefined).matches({ a: 'b' })).toBe(false)
    expect(labelSelectorAsSelector({}).matches({ a: 'b' })).toBe(true)
    expect(labelSelectorAsSelector({}).empty()).toBe(true)
  })

  it('matchLabels and matchExpressions, sorted by key', () => {
    const s = labelSelectorAsSelector({
      matchLabels: { tier: 'web', app: 'nginx' },
      matchExpressions: [
        { key: 'env', operator: 'In', values: ['prod', 'dev'] },
        { key: 'legacy', operator: 'DoesNotExist' },
      ],
    })
    expect(s.string()).toBe('app=nginx,env in (dev,prod),!legacy,tier=web')
    expect(s.matches({ app: 'nginx', tier: 'web', env: 'dev' })).toBe(true)
    expect(s.matches({ app: 'nginx', tier: 'web', env: 'dev', legacy: '' })).toBe(false)
  })

  it('bad operators and bad values', () => {
    expect(() => labelSelectorAsSelector({ matchExpressions: [{ key: 'a', operator: 'Foo' }] })).toThrow('"Foo" is not a valid label selector operator')
    expect(() => labelSelectorAsSelector({ matchExpressions: [{ key: 'a', operator: 'In', values: [] }] })).toThrow(
      "values: Invalid value: []string{}: for 'in', 'notin' operators, values set can't be empty",
    )
  })

  it('ParseToLabelSelector splits equality into matchLabels', () => {
    expect(parseToLabelSelector('app=web,env in (b,a),x,!y')).toEqual({
      matchLabels: { app: 'web' },
      matchExpressions: [
        { key: 'env', operator: 'In', values: ['a', 'b'] },
        { key: 'x', operator: 'Exists' },
        { key: 'y', operator: 'DoesNotExist' },
      ],
    })
    expect(() => parseToLabelSelector('a!=b')).toThrow('"!=" is not a valid label selector operator')
  })

  it('formatLabels sorts k=v strings and prints <none> when empty', () => {
    expect(formatLabels({ 'pod-template-hash': '86dcfdf4c6', app: 'nginx' })).toBe('app=nginx,pod-template-hash=86dcfdf4c6')
    expect(formatLabels({})).toBe('<none>')
    expect(formatLabels(undefined)).toBe('<none>')
  })
})
