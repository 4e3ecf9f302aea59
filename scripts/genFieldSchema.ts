// Generates src/engine/api/fieldSchema.generated.ts: the field names of every kind the engine
// serves (src/engine/api/resources.ts) and of the types they contain, which is what the
// apiserver's strict decoding (fieldValidation=Strict|Warn, KEP-2885) checks request bodies
// against. Upstream decodes into the Go structs of k8s.io/api; their json names are the
// properties of the OpenAPI document, so the tree is read from that.
//
//   npx tsx scripts/genFieldSchema.ts [path/to/swagger.json]
//
// Source: the OpenAPI v2 document of release-1.36 kept in the shared corpus
// (shared/corpus/schemas/kubernetes/swagger-v1.36.json). The apiserver mirrors 1.32, so the
// fields added by 1.33-1.36 are taken out (ADDED_AFTER_1_32 below). That list is the whole
// difference, for these kinds, between the 1.36 document and the 1.32.0 one, found by comparing
// every reachable definition with the models of @kubernetes/client-node 1.1.2 (generated from
// "OpenAPI spec version: v1.32.0"); no 1.32 field is missing from the 1.36 document.
//
// Output format (compact; it ships in the web worker bundle): one string per type, its fields
// separated by spaces; a field is `name` (a leaf: scalar, list or map of scalars, Quantity,
// IntOrString, Time, FieldsV1: nothing below it is checked), `name:T` (the struct T),
// `name:[T` (a list of T), `name:{` (a map of scalars: its keys are free, duplicates count).

import { readFileSync, writeFileSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { RESOURCES } from '../src/engine/api/resources'

interface Schema {
  type?: string
  format?: string
  $ref?: string
  items?: Schema
  additionalProperties?: Schema | boolean
  properties?: Record<string, Schema>
  'x-kubernetes-preserve-unknown-fields'?: boolean
  'x-kubernetes-group-version-kind'?: { group: string; version: string; kind: string }[]
}

/** Fields of the 1.36 document that 1.32's Go types do not have (definition → json names). */
const ADDED_AFTER_1_32: Record<string, string[]> = {
  'io.k8s.api.core.v1.NodeStatus': ['declaredFeatures'],
  'io.k8s.api.core.v1.NodeSystemInfo': ['swap'],
  'io.k8s.api.core.v1.PodSpec': ['hostnameOverride', 'schedulingGroup'],
  'io.k8s.api.core.v1.Container': ['restartPolicyRules'],
  'io.k8s.api.core.v1.EphemeralContainer': ['restartPolicyRules'],
  'io.k8s.api.core.v1.EnvVarSource': ['fileKeyRef'],
  'io.k8s.api.core.v1.Lifecycle': ['stopSignal'],
  'io.k8s.api.core.v1.VolumeProjection': ['podCertificate'],
  'io.k8s.api.core.v1.PodStatus': ['allocatedResources', 'extendedResourceClaimStatus', 'nodeAllocatableResourceClaimStatuses', 'observedGeneration', 'resources'],
  'io.k8s.api.core.v1.PodCondition': ['observedGeneration'],
  'io.k8s.api.core.v1.ContainerStatus': ['stopSignal'],
  'io.k8s.api.core.v1.ResourceHealth': ['message'],
  'io.k8s.api.core.v1.VolumeMountStatus': ['volumeStatus'],
  'io.k8s.api.apps.v1.DeploymentStatus': ['terminatingReplicas'],
  'io.k8s.api.apps.v1.ReplicaSetStatus': ['terminatingReplicas'],
  'io.k8s.api.discovery.v1.EndpointHints': ['forNodes'],
}

const here = dirname(fileURLToPath(import.meta.url))
const root = resolve(here, '..')
const swaggerPath = process.argv[2] ?? resolve(root, '../shared/corpus/schemas/kubernetes/swagger-v1.36.json')
const outPath = join(root, 'src/engine/api/fieldSchema.generated.ts')

const doc = JSON.parse(readFileSync(swaggerPath, 'utf8')) as { definitions: Record<string, Schema> }
const defs = doc.definitions

const refName = (ref: string) => ref.slice(ref.lastIndexOf('/') + 1)

/** A definition whose value is decoded by a custom unmarshaler or is a scalar: a leaf. */
function isLeafDefinition(name: string): boolean {
  const d = defs[name]
  if (!d) throw new Error(`no definition ${name}`)
  if (d['x-kubernetes-preserve-unknown-fields']) return true
  if (d.type !== undefined && d.type !== 'object') return true // Time, Quantity, IntOrString
  return d.properties === undefined // FieldsV1 (raw JSON)
}

function propertiesOf(name: string): [string, Schema][] {
  const dropped = new Set(ADDED_AFTER_1_32[name] ?? [])
  for (const f of dropped) if (!defs[name].properties?.[f]) throw new Error(`${name}.${f} is not in the document`)
  return Object.entries(defs[name].properties ?? {}).filter(([f]) => !dropped.has(f))
}

// Collect the definitions reachable from the served kinds, breadth first from the kinds.
const roots: { key: string; def: string }[] = []
for (const ri of RESOURCES) {
  const def = Object.keys(defs).find((n) =>
    (defs[n]['x-kubernetes-group-version-kind'] ?? []).some((g) => g.group === ri.group && g.version === ri.version && g.kind === ri.kind),
  )
  if (!def) throw new Error(`no definition for ${ri.group}/${ri.version} ${ri.kind}`)
  roots.push({ key: ri.group ? `${ri.group}/${ri.version}/${ri.kind}` : `${ri.version}/${ri.kind}`, def })
}
const structs: string[] = []
const queue = roots.map((r) => r.def)
const seen = new Set<string>()
while (queue.length > 0) {
  const n = queue.shift()!
  if (seen.has(n) || isLeafDefinition(n)) continue
  seen.add(n)
  structs.push(n)
  for (const [, p] of propertiesOf(n)) {
    const ref = p.$ref ?? p.items?.$ref ?? (typeof p.additionalProperties === 'object' ? p.additionalProperties.$ref : undefined)
    if (ref) queue.push(refName(ref))
  }
}

// Short names (PodSpec), with the group in front where two groups use the same one.
const lastSegment = (n: string) => n.slice(n.lastIndexOf('.') + 1)
const shortCount = new Map<string, number>()
for (const n of structs) shortCount.set(lastSegment(n), (shortCount.get(lastSegment(n)) ?? 0) + 1)
function shortName(n: string): string {
  const short = lastSegment(n)
  if ((shortCount.get(short) ?? 0) < 2 || n.startsWith('io.k8s.api.core.')) return short
  return `${n.split('.')[3]}.${short}`
}

function typeExpr(p: Schema): string {
  if (p['x-kubernetes-preserve-unknown-fields']) return ''
  if (p.$ref) return isLeafDefinition(refName(p.$ref)) ? '' : shortName(refName(p.$ref))
  if (p.type === 'array') {
    const e = typeExpr(p.items ?? {})
    return e === '' ? '' : `[${e}`
  }
  if (p.type === 'object') {
    if (typeof p.additionalProperties === 'object') return `{${typeExpr(p.additionalProperties)}`
    if (p.properties) throw new Error('inline object schemas are not expected in built-in types')
    return ''
  }
  return ''
}

/** A TypeScript string literal: these names never hold quotes or backslashes. */
const q = (s: string) => `'${s}'`

const lines: string[] = []
for (const n of structs) {
  const fields = propertiesOf(n).map(([f, p]) => {
    const e = typeExpr(p)
    return e === '' ? f : `${f}:${e}`
  })
  lines.push(`  ${/^[A-Za-z]\w*$/.test(shortName(n)) ? shortName(n) : q(shortName(n))}: ${q(fields.join(' '))},`)
}

const out = `// GENERATED by scripts/genFieldSchema.ts from the Kubernetes OpenAPI document (release-1.36,
// shared/corpus/schemas/kubernetes/swagger-v1.36.json) less the fields added after 1.32. Do not edit.
// The json field names of the served kinds and of every struct type they contain, for strict
// decoding (fieldValidation). Format: see scripts/genFieldSchema.ts.

/** Struct types: name → its fields, space separated (\`name\`, \`name:T\`, \`name:[T\`, \`name:{\`). */
export const FIELD_TYPES: Readonly<Record<string, string>> = {
${lines.join('\n')}
}

/** The struct type of each served kind, by "group/version/Kind" ("version/Kind" for the core group). */
export const KIND_TYPES: Readonly<Record<string, string>> = {
${roots.map((r) => `  ${q(r.key)}: ${q(shortName(r.def))},`).join('\n')}
}
`
writeFileSync(outPath, out)
console.log(`wrote ${outPath}: ${structs.length} types, ${out.length} bytes`)
