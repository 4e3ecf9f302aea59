// JSON patch, RFC 6902 (`kubectl patch --type=json`; evanphx/json-patch). Operations: add,
// remove, replace, move, copy, test. Errors carry the texts the apiserver returns.

import { deepCopy } from '../../api/deepCopy'

type Json = unknown
export interface JsonPatchOp {
  op: string
  path: string
  value?: Json
  from?: string
}

export class JsonPatchError extends Error {}

function unescape(token: string): string {
  return token.replace(/~1/g, '/').replace(/~0/g, '~')
}

function parsePointer(path: string): string[] {
  if (path === '') return []
  if (!path.startsWith('/')) throw new JsonPatchError(`add operation does not apply: doc is missing path: "${path}": missing value`)
  return path.slice(1).split('/').map(unescape)
}

function container(doc: Json, tokens: string[], op: string, path: string): Json {
  let cur: Json = doc
  for (const t of tokens) {
    if (Array.isArray(cur)) cur = cur[Number(t)]
    else if (cur && typeof cur === 'object') cur = (cur as Record<string, Json>)[t]
    else cur = undefined
    if (cur === undefined) throw new JsonPatchError(`${op} operation does not apply: doc is missing path: "${path}": missing value`)
  }
  return cur
}

function get(doc: Json, path: string): Json {
  const tokens = parsePointer(path)
  return container(doc, tokens, 'copy', path)
}

function add(doc: Json, path: string, value: Json, op = 'add'): Json {
  const tokens = parsePointer(path)
  if (tokens.length === 0) return value
  const last = tokens[tokens.length - 1]
  const parent = container(doc, tokens.slice(0, -1), op, path)
  if (Array.isArray(parent)) {
    const idx = last === '-' ? parent.length : Number(last)
    if (!Number.isInteger(idx) || idx < 0 || idx > parent.length) throw new JsonPatchError(`${op} operation does not apply: doc is missing path: "${path}": missing value`)
    parent.splice(idx, 0, value)
  } else if (parent && typeof parent === 'object') {
    ;(parent as Record<string, Json>)[last] = value
  } else throw new JsonPatchError(`${op} operation does not apply: doc is missing path: "${path}": missing value`)
  return doc
}

function remove(doc: Json, path: string, op = 'remove'): Json {
  const tokens = parsePointer(path)
  const last = tokens[tokens.length - 1]
  const parent = container(doc, tokens.slice(0, -1), op, path)
  if (Array.isArray(parent)) {
    const idx = Number(last)
    if (!Number.isInteger(idx) || idx < 0 || idx >= parent.length) throw new JsonPatchError(`${op} operation does not apply: doc is missing path: "${path}": missing value`)
    parent.splice(idx, 1)
  } else if (parent && typeof parent === 'object' && last in (parent as object)) {
    delete (parent as Record<string, Json>)[last]
  } else throw new JsonPatchError(`${op} operation does not apply: doc is missing path: "${path}": missing value`)
  return doc
}

export function applyJsonPatch(target: Json, ops: JsonPatchOp[]): Json {
  if (!Array.isArray(ops)) throw new JsonPatchError('json: cannot unmarshal object into Go value of type jsonpatch.Patch')
  let doc = deepCopy(target)
  for (const o of ops) {
    switch (o.op) {
      case 'add':
        doc = add(doc, o.path, deepCopy(o.value))
        break
      case 'remove':
        doc = remove(doc, o.path)
        break
      case 'replace':
        doc = remove(doc, o.path, 'replace')
        doc = add(doc, o.path, deepCopy(o.value), 'replace')
        break
      case 'move': {
        const v = get(doc, o.from ?? '')
        doc = remove(doc, o.from ?? '', 'move')
        doc = add(doc, o.path, v, 'move')
        break
      }
      case 'copy':
        doc = add(doc, o.path, deepCopy(get(doc, o.from ?? '')), 'copy')
        break
      case 'test':
        if (JSON.stringify(get(doc, o.path)) !== JSON.stringify(o.value)) throw new JsonPatchError(`testing value ${o.path} failed: test failed`)
        break
      default:
        throw new JsonPatchError(`Unexpected kind: ${o.op}`)
    }
  }
  return doc
}
