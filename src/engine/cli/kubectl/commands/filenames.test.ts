// The pieces of `-f` handling that need no cluster: Go's filepath.Match, filepath.Clean, and which
// document of a file each decoded object came from (for the editor's markers). Path expansion,
// directories, stdin and URLs are exercised through kubectl in apply.test.ts and, against the
// real binary, in applyFidelity.test.ts.

import { describe, expect, it } from 'vitest'
import { readManifest } from '../manifest'
import { cleanPath, documentIndexes, goMatch } from './filenames'

describe('goMatch (path/filepath.Match)', () => {
  const cases: [string, string, boolean | 'bad'][] = [
    ['*.yaml', 'pod.yaml', true],
    ['*.yaml', 'pod.yml', false],
    ['*', '.hidden', true],
    ['p?d.yaml', 'pod.yaml', true],
    ['[a-c]*', 'b.yaml', true],
    ['[^a-c]*', 'b.yaml', false],
    ['[!a]', 'b', false],
    ['\\*', '*', true],
    ['\\*', 'x', false],
    ['[a-', 'a', 'bad'],
    ['[', 'a', 'bad'],
    ['a\\', 'a', 'bad'],
    ['[]a]', ']', 'bad'],
    ['[z-a]', 'b', false],
  ]
  for (const [pattern, name, want] of cases) {
    it(`${pattern} ${name}`, () => {
      if (want === 'bad') expect(() => goMatch(pattern, name)).toThrow()
      else expect(goMatch(pattern, name)).toBe(want)
    })
  }
})

describe('cleanPath (path/filepath.Clean)', () => {
  it.each([
    ['dir/', 'dir'],
    ['./dir//a.yaml', 'dir/a.yaml'],
    ['a/../b', 'b'],
    ['../x', '../x'],
    ['/a/../..', '/'],
    ['', '.'],
  ])('%s → %s', (input, want) => expect(cleanPath(input)).toBe(want))
})

describe('documentIndexes', () => {
  const indexes = (text: string) => documentIndexes('f.yaml', text, readManifest('f.yaml', text, {}).objects.length, true)
  const cm = (name: string) => `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ${name}\n`

  it('one per YAML document, empty documents counted', () => {
    expect(indexes(`${cm('a')}---\n---\n${cm('b')}--- # c\n${cm('c')}`)).toEqual([0, 2, 3])
  })

  it('a leading --- starts the first document; a List gives its items one index', () => {
    const list = `apiVersion: v1\nkind: List\nitems:\n- ${cm('x').replace(/\n(?=.)/g, '\n  ')}- ${cm('y').replace(/\n(?=.)/g, '\n  ')}`
    expect(indexes(`---\n${cm('a')}---\n${list}`)).toEqual([0, 1, 1])
  })

  it('YAML flow style documents after a separator stay YAML', () => {
    expect(indexes(`${cm('a')}---\n{ apiVersion: "v1", kind: "ConfigMap", metadata: { name: "b", }, }\n`)).toEqual([0, 1])
  })

  it('a JSON stream: one per value', () => {
    expect(indexes('{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"a"}}\n{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"b"}}')).toEqual([0, 1])
  })

  it('objects before a parse error keep their indexes', () => {
    expect(indexes(`${cm('a')}---\n${cm('b')}---\na: b\n c: d\n---\n${cm('z')}`)).toEqual([0, 1])
  })
})
