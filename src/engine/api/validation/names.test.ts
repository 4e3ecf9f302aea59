import { describe, expect, it } from 'vitest'
import { readFileSync } from 'node:fs'
import {
  isConfigMapKey,
  isDNS1035Label,
  isDNS1123Label,
  isDNS1123Subdomain,
  isFullyQualifiedDomainName,
  isFullyQualifiedName,
  isHTTPHeaderName,
  isInRange,
  isQualifiedName,
  isValidGroupID,
  isValidLabelValue,
  isValidPercent,
  isValidPortName,
  isValidPortNum,
  isValidUserID,
  isWildcardDNS1123Subdomain,
  maskTrailingDash,
  nameIsDNSSubdomain,
  regexError,
} from './names'
import { newPath } from './field'

interface Case {
  input: unknown
  valid: boolean
  description?: string
}
interface Group {
  function: string
  cases: Case[]
}
const corpus = JSON.parse(
  readFileSync('/work/shared/corpus/apimachinery-cases/validation-cases.json', 'utf8'),
) as { groups: Group[]; message_cases: { function: string; input: string; error_contains: string }[]; reference: Record<string, { message: string; examples?: string[]; regex: string }> }

const stringChecks: Record<string, (s: string) => string[]> = {
  IsDNS1123Label: isDNS1123Label,
  IsDNS1123Subdomain: isDNS1123Subdomain,
  IsDNS1035Label: isDNS1035Label,
  IsQualifiedName: isQualifiedName,
  IsValidLabelValue: isValidLabelValue,
  IsValidPortName: isValidPortName,
  IsConfigMapKey: isConfigMapKey,
  IsWildcardDNS1123Subdomain: isWildcardDNS1123Subdomain,
  IsFullyQualifiedDomainName: (s) => isFullyQualifiedDomainName(newPath('name'), s).map((e) => e.error()),
  IsValidPercent: isValidPercent,
  IsHTTPHeaderName: isHTTPHeaderName,
}

describe('validation-cases.json (apimachinery validation_test.go)', () => {
  const counts = { total: 0 }
  for (const group of corpus.groups) {
    describe(group.function, () => {
      for (const c of group.cases) {
        counts.total++
        it(`${c.description ?? JSON.stringify(c.input)} → ${c.valid ? 'valid' : 'invalid'}`, () => {
          let errs: string[]
          if (stringChecks[group.function]) errs = stringChecks[group.function](c.input as string)
          else if (group.function === 'IsValidPortNum') errs = isValidPortNum(c.input as number)
          else if (group.function.startsWith('IsValidUserID')) {
            errs = isValidUserID(c.input as number)
            expect(isValidGroupID(c.input as number).length === 0).toBe(c.valid)
          } else if (group.function === 'IsInRange') {
            const { value, min, max } = c.input as { value: number; min: number; max: number }
            errs = isInRange(value, min, max)
          } else throw new Error(`no check for ${group.function}`)
          expect(errs.length === 0, errs.join('; ')).toBe(c.valid)
        })
      }
    })
  }
  it('covers every case of the corpus', () => {
    expect(corpus.groups.reduce((n, g) => n + g.cases.length, 0) + corpus.message_cases.length).toBe(405)
  })

  for (const m of corpus.message_cases) {
    it(`${m.function}(${JSON.stringify(m.input)}) mentions "${m.error_contains}"`, () => {
      const errs = isFullyQualifiedName(newPath('name'), m.input).map((e) => e.error())
      expect(errs.join('\n')).toContain(m.error_contains)
    })
  }

  it('uses the upstream message texts and regexes', () => {
    const ref = corpus.reference
    expect(isDNS1123Label('A')[0]).toContain(ref.dns1123Label.message)
    expect(isDNS1123Label('A')[0]).toContain(`regex used for validation is '${ref.dns1123Label.regex.slice(1, -1)}'`)
    expect(isDNS1123Subdomain('A')[0]).toContain(ref.dns1123Subdomain.message)
    expect(isDNS1035Label('1')[0]).toContain(ref.dns1035Label.message)
    expect(isConfigMapKey('a b')[0]).toContain(ref.configMapKey.message)
    expect(isValidPercent('x')[0]).toContain(ref.percent.message)
  })
})

describe('exact messages', () => {
  it('subdomain: one example', () => {
    // §7.2: The Pod "My_Pod" is invalid: metadata.name: Invalid value: "My_Pod": a lowercase RFC 1123 subdomain ...
    expect(isDNS1123Subdomain('My_Pod')).toEqual([
      "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')",
    ])
  })

  it('label value: several examples join with a double space, as kubectl 1.32 prints', () => {
    // real kubectl 1.32: `kubectl label --local -f p.yaml 'a=bad value'`
    expect(isValidLabelValue('bad value')).toEqual([
      "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')",
    ])
  })

  it('label: dots and length', () => {
    expect(isDNS1123Label('a.b')).toEqual(['must not contain dots'])
    expect(isDNS1123Label('a'.repeat(64))).toEqual(['must be no more than 63 characters'])
  })

  it('qualified name parts', () => {
    expect(isQualifiedName('/a')).toEqual(['prefix part must be non-empty'])
    expect(isQualifiedName('a/')).toEqual([
      'name part must be non-empty',
      `name part ${regexError("must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character", '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]', 'MyName', 'my.name', '123-abc')}`,
    ])
    expect(isQualifiedName('a/b/c')[0]).toMatch(/^a qualified name must consist of .* with an optional DNS subdomain prefix and '\/' \(e\.g\. 'example\.com\/MyName'\)$/)
  })

  it('port names', () => {
    expect(isValidPortName('--')).toEqual([
      'must contain at least one letter (a-z)',
      'must not contain consecutive hyphens',
      'must not begin or end with a hyphen',
    ])
    expect(isValidPortNum(0)).toEqual(['must be between 1 and 65535, inclusive'])
  })

  it('generateName prefixes may end with a dash (maskTrailingDash drops two chars)', () => {
    expect(maskTrailingDash('web-')).toBe('wea')
    expect(nameIsDNSSubdomain('web-', true)).toEqual([])
    expect(nameIsDNSSubdomain('web-', false)).toHaveLength(1)
  })
})
