// The `kubectl.kubernetes.io/last-applied-configuration` annotation: what kubectl apply (and
// create/run with --save-config) stores, and the "modified" document apply diffs against.
// Mirrors: k8s.io/kubectl pkg/util/apply.go (GetOriginalConfiguration, GetModifiedConfiguration,
// CreateApplyAnnotation, CreateOrUpdateAnnotation, updateApplyAnnotation, setOriginalConfiguration)
// with the encoders they are given: unstructured.UnstructuredJSONScheme (json.Encoder: compact,
// keys sorted, HTML-escaped, then "\n") for objects read from files, and the typed JSON encoding
// (Go struct field order; an empty annotations map is omitted, `omitempty`) for the objects run
// and create namespace build.
// Pure: objects are never mutated; the functions return new ones.

import type { KubeObject } from '../../../api/types'
import { marshalGoJson } from '../printers/goJson'
import { compareGoStrings } from '../../../api/goValues'

export const LAST_APPLIED_CONFIG_ANNOTATION = 'kubectl.kubernetes.io/last-applied-configuration'

/** How an object is serialised: the unstructured or the typed JSON encoder. */
export type Encoding = 'unstructured' | 'typed'

type Annotations = Record<string, string>

function annotationsOf(obj: KubeObject): Annotations | undefined {
  const a = obj.metadata?.annotations
  return a && typeof a === 'object' ? (a as Annotations) : undefined
}

/** SetAnnotations with a Go map (keys sorted, as Go writes maps). */
function withAnnotations(obj: KubeObject, annotations: Annotations): KubeObject {
  const sorted: Annotations = {}
  for (const k of Object.keys(annotations).sort(compareGoStrings)) sorted[k] = annotations[k]
  return { ...obj, metadata: { ...(obj.metadata ?? {}), annotations: sorted } }
}

/** runtime.Encode with the command's encoder: JSON text ending in "\n". */
export function encodeObject(obj: KubeObject, encoding: Encoding): string {
  if (encoding === 'unstructured') return `${marshalGoJson(obj)}\n`
  const meta = obj.metadata
  // ObjectMeta.Annotations is `omitempty`: an empty map is not written.
  const shown = meta?.annotations && Object.keys(meta.annotations).length === 0 ? { ...obj, metadata: dropKey(meta, 'annotations') } : obj
  return `${marshalGoJson(shown, 'insertion')}\n`
}

function dropKey<T extends object>(o: T, key: string): T {
  const out = { ...o } as Record<string, unknown>
  delete out[key]
  return out as T
}

/** GetOriginalConfiguration: the annotation's text, or undefined when there is none. */
export function getOriginalConfiguration(obj: KubeObject): string | undefined {
  return annotationsOf(obj)?.[LAST_APPLIED_CONFIG_ANNOTATION]
}

/**
 * GetModifiedConfiguration: the object serialised without the annotation (an empty annotations
 * map stays, so unstructured objects carry `"annotations":{}`); with `annotate`, that text is put
 * in the annotation and the object serialised again.
 */
export function getModifiedConfiguration(obj: KubeObject, annotate: boolean, encoding: Encoding): string {
  const annotations: Annotations = { ...(annotationsOf(obj) ?? {}) }
  delete annotations[LAST_APPLIED_CONFIG_ANNOTATION]
  const modified = encodeObject(withAnnotations(obj, annotations), encoding)
  if (!annotate) return modified
  return encodeObject(withAnnotations(obj, { ...annotations, [LAST_APPLIED_CONFIG_ANNOTATION]: modified }), encoding)
}

/** CreateApplyAnnotation: the object with the annotation set to its own configuration. */
export function createApplyAnnotation(obj: KubeObject, encoding: Encoding): KubeObject {
  const modified = getModifiedConfiguration(obj, false, encoding)
  return withAnnotations(obj, { ...(annotationsOf(obj) ?? {}), [LAST_APPLIED_CONFIG_ANNOTATION]: modified })
}

/**
 * CreateOrUpdateAnnotation(--save-config): set the annotation when asked to, or refresh one the
 * object already has; otherwise the object is returned as it is.
 */
export function createOrUpdateAnnotation(createAnnotation: boolean, obj: KubeObject, encoding: Encoding): KubeObject {
  if (createAnnotation) return createApplyAnnotation(obj, encoding)
  const original = getOriginalConfiguration(obj)
  if (original === undefined || original.length === 0) return obj
  return createApplyAnnotation(obj, encoding)
}
