// meta.ts against the Kubernetes OpenAPI document (the corpus's swagger, v1.36): every
// field that carries an x-kubernetes-patch-strategy, reached from a kind the Podlab apiserver
// serves, must have the same strategy and merge key in Podlab's table. (Skipped, with the reason
// printed, where the corpus is not on disk.)

import { existsSync, readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { RESOURCES, groupVersion } from '../resources'
import { lookupPatchMetadata, patchSchemaFor, type PatchSchema } from './meta'

const SWAGGER = '/work/shared/corpus/schemas/kubernetes/swagger-v1.36.json'

interface Prop {
  $ref?: string
  type?: string
  items?: Prop
  additionalProperties?: Prop
  'x-kubernetes-patch-strategy'?: string
  'x-kubernetes-patch-merge-key'?: string
}
type Definitions = Record<string, { properties?: Record<string, Prop>; 'x-kubernetes-group-version-kind'?: { group: string; version: string; kind: string }[] }>

function refOf(p: Prop): string | undefined {
  if (p.$ref) return p.$ref.split('/').pop()
  if (p.items) return refOf(p.items)
  if (p.additionalProperties) return refOf(p.additionalProperties)
  return undefined
}

/** Every strategic field under a definition: its path of field names and its metadata. */
function strategicFields(defs: Definitions, root: string): { path: string[]; strategy: string; mergeKey: string }[] {
  const out: { path: string[]; strategy: string; mergeKey: string }[] = []
  const walk = (name: string, path: string[], seen: Set<string>) => {
    if (seen.has(name) || path.length > 12) return
    const next = new Set(seen).add(name)
    for (const [field, p] of Object.entries(defs[name]?.properties ?? {})) {
      if (p['x-kubernetes-patch-strategy']) out.push({ path: [...path, field], strategy: p['x-kubernetes-patch-strategy'], mergeKey: p['x-kubernetes-patch-merge-key'] ?? '' })
      // Maps (labels, data) hold no fields of their own.
      const ref = p.additionalProperties ? undefined : refOf(p)
      if (ref) walk(ref, [...path, field], next)
    }
  }
  walk(root, [], new Set())
  return out
}

describe.skipIf(!existsSync(SWAGGER))('patch metadata of the served kinds against the OpenAPI document', () => {
  const defs = (JSON.parse(readFileSync(SWAGGER, 'utf8')) as { definitions: Definitions }).definitions
  for (const ri of RESOURCES) {
    const gv = groupVersion(ri)
    const def = Object.keys(defs).find((d) => (defs[d]['x-kubernetes-group-version-kind'] ?? []).some((g) => g.group === ri.group && g.version === ri.version && g.kind === ri.kind))
    it(`${gv} ${ri.kind}`, () => {
      expect(def).toBeDefined()
      const expected = strategicFields(defs, def!).map((f) => `${f.path.join('.')}: ${f.strategy} ${f.mergeKey}`)
      const ours = strategicFields(defs, def!).map((f) => {
        let schema: PatchSchema = patchSchemaFor(gv, ri.kind)
        let meta = { strategies: [] as readonly string[], mergeKey: '' }
        for (const key of f.path) ({ schema, meta } = lookupPatchMetadata(schema, key))
        return `${f.path.join('.')}: ${meta.strategies.join(',')} ${meta.mergeKey}`
      })
      expect(ours).toEqual(expected)
    })
  }
})
if (!existsSync(SWAGGER)) console.log(`skipping the patch metadata check: no ${SWAGGER}`)
