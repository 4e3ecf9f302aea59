// Strategic merge patch (k8s.io/apimachinery/pkg/util/strategicpatch), for the fields whose
// merge strategy matters in practice: lists of named things merge by their patchMergeKey
// (containers by name, ports by containerPort, ...); other lists are replaced. Directives:
// `$patch: delete|replace|merge` in maps and list items, `$deleteFromPrimitiveList/<f>`,
// `$setElementOrder/<f>` (order of merged lists, as kubectl apply sends it), `$retainKeys`.

import { deepCopy } from '../../api/deepCopy'

type Json = unknown
type Obj = Record<string, Json>

/** patchMergeKey by field name, from the Go struct tags of k8s.io/api (the common ones). */
const MERGE_KEYS: Record<string, string> = {
  containers: 'name',
  initContainers: 'name',
  ephemeralContainers: 'name',
  volumes: 'name',
  volumeMounts: 'mountPath',
  volumeDevices: 'devicePath',
  env: 'name',
  ports: 'containerPort',
  imagePullSecrets: 'name',
  hostAliases: 'ip',
  conditions: 'type',
  ownerReferences: 'uid',
  topologySpreadConstraints: 'topologyKey',
  resourceClaims: 'name',
  schedulingGates: 'name',
}
/** Lists that merge as sets of primitives (patchStrategy:"merge" on []string). */
const PRIMITIVE_MERGE = new Set(['finalizers'])

function isObject(v: Json): v is Obj {
  return typeof v === 'object' && v !== null && !Array.isArray(v)
}

/** Service ports merge by port, not containerPort: the key depends on where the list sits. */
function mergeKeyFor(field: string, path: string[]): string | undefined {
  if (field === 'ports' && path.includes('spec') && !path.includes('containers') && !path.includes('initContainers')) return 'port'
  return MERGE_KEYS[field]
}

export function applyStrategicMergePatch(original: Json, patch: Json): Json {
  return mergeMap(isObject(original) ? original : {}, isObject(patch) ? patch : {}, [])
}

function mergeMap(original: Obj, patch: Obj, path: string[]): Obj {
  if (patch.$patch === 'replace') {
    const { $patch: _, ...rest } = patch
    return deepCopy(rest)
  }
  if (patch.$patch === 'delete') return {}
  const out: Obj = { ...original }
  const orders: Record<string, Json[]> = {}
  for (const [k, v] of Object.entries(patch)) {
    if (k === '$patch' || k === '$retainKeys') continue
    if (k.startsWith('$setElementOrder/')) {
      orders[k.slice('$setElementOrder/'.length)] = v as Json[]
      continue
    }
    if (k.startsWith('$deleteFromPrimitiveList/')) {
      const f = k.slice('$deleteFromPrimitiveList/'.length)
      const drop = new Set((v as Json[]).map((x) => JSON.stringify(x)))
      if (Array.isArray(out[f])) out[f] = (out[f] as Json[]).filter((x) => !drop.has(JSON.stringify(x)))
      continue
    }
    if (v === null) {
      delete out[k]
      continue
    }
    const cur = out[k]
    if (isObject(v)) out[k] = mergeMap(isObject(cur) ? cur : {}, v, [...path, k])
    else if (Array.isArray(v)) out[k] = mergeList(Array.isArray(cur) ? cur : [], v, k, [...path, k])
    else out[k] = v
  }
  if (Array.isArray(patch.$retainKeys)) {
    const keep = new Set(patch.$retainKeys as string[])
    for (const k of Object.keys(out)) if (!keep.has(k)) delete out[k]
  }
  for (const [field, order] of Object.entries(orders)) {
    if (Array.isArray(out[field])) out[field] = applyOrder(out[field] as Json[], order, mergeKeyFor(field, path))
  }
  return out
}

function mergeList(original: Json[], patch: Json[], field: string, path: string[]): Json[] {
  if (PRIMITIVE_MERGE.has(field)) {
    const seen = new Set(original.map((x) => JSON.stringify(x)))
    return [...original, ...patch.filter((x) => !seen.has(JSON.stringify(x)))]
  }
  const key = mergeKeyFor(field, path.slice(0, -1))
  if (!key) return deepCopy(patch.filter((x) => !(isObject(x) && x.$patch)))
  if (patch.some((x) => isObject(x) && x.$patch === 'replace')) {
    return deepCopy(patch.filter((x) => !(isObject(x) && x.$patch === 'replace')))
  }
  const out = [...original]
  for (const item of patch) {
    if (!isObject(item)) continue
    const idx = out.findIndex((o) => isObject(o) && o[key] === item[key])
    if (item.$patch === 'delete') {
      if (idx >= 0) out.splice(idx, 1)
      continue
    }
    if (idx >= 0) out[idx] = mergeMap(out[idx] as Obj, item, path)
    else out.push(mergeMap({}, item, path))
  }
  return out
}

function applyOrder(list: Json[], order: Json[], key: string | undefined): Json[] {
  const keyOf = (x: Json) => JSON.stringify(key && isObject(x) ? x[key] : x)
  const rank = new Map(order.map((o, i) => [keyOf(o), i]))
  return [...list].sort((a, b) => (rank.get(keyOf(a)) ?? order.length) - (rank.get(keyOf(b)) ?? order.length))
}
