// Validation of ConfigMaps and Secrets: metadata, data keys (config-map keys), the 1 MiB total,
// the keys each Secret type requires, and what an immutable one may not change.
// Mirrors: kubernetes pkg/apis/core/validation/validation.go at 1.32 (ValidateConfigMap,
// ValidateConfigMapUpdate, ValidateSecret, ValidateSecretUpdate).
// Go iterates the data maps in random order; errors for several bad keys come here in key order.
// Left out: the JSON well-formedness check of dockercfg/dockerconfigjson secrets (its error text
// is encoding/json's).

import type { ConfigMap, KubeObject } from '../types'
import { compareGoStrings, forbidden, invalid, newPath, required, tooLong, utf8Length, type FieldError } from './field'
import { isConfigMapKey, nameIsDNSSubdomain } from './names'
import { validateCoreObjectMeta, validateCoreObjectMetaUpdate, validateImmutableField } from './objectMeta'

/** A core/v1 Secret (api/types.ts has no Secret alias): data values are base64 strings. */
export interface Secret extends KubeObject {
  type?: string
  data?: Record<string, string>
  stringData?: Record<string, string>
  immutable?: boolean
}

/** core.MaxSecretSize: 1 MiB, for a Secret's and a ConfigMap's data together. */
export const MAX_SECRET_SIZE = 1 * 1024 * 1024

const IMMUTABLE_SET = 'field is immutable when `immutable` is set'

const sortedKeys = (m: Readonly<Record<string, unknown>> | undefined) => Object.keys(m ?? {}).sort(compareGoStrings)

/** The length of the bytes a base64 string (a []byte on the wire) decodes to. */
export function base64DecodedLength(s: string): number {
  const clean = s.replace(/=+$/, '')
  return Math.floor((clean.length * 3) / 4)
}

/** ValidateConfigMap. */
export function validateConfigMap(cfg: ConfigMap): FieldError[] {
  const errs = validateCoreObjectMeta(cfg.metadata, true, nameIsDNSSubdomain, newPath('metadata'))
  let totalSize = 0
  const binary = cfg.binaryData ?? {}
  for (const key of sortedKeys(cfg.data)) {
    for (const msg of isConfigMapKey(key)) errs.push(invalid(newPath('data').key(key), key, msg))
    if (key in binary) errs.push(invalid(newPath('data').key(key), key, 'duplicate of key present in binaryData'))
    totalSize += utf8Length((cfg.data ?? {})[key] ?? '')
  }
  for (const key of sortedKeys(binary)) {
    for (const msg of isConfigMapKey(key)) errs.push(invalid(newPath('binaryData').key(key), key, msg))
    totalSize += base64DecodedLength(binary[key] ?? '')
  }
  // The whole object is too long: the path is the root, which prints "[]".
  if (totalSize > MAX_SECRET_SIZE) errs.push(tooLong(newPath(''), '', MAX_SECRET_SIZE))
  return errs
}

/**
 * reflect.DeepEqual of two data maps. Go tells a nil map from an empty one, but etcd does not
 * keep empty maps and this store does: empty and absent are taken as the same here.
 */
const sameMap = (a: Readonly<Record<string, string>> | undefined, b: Readonly<Record<string, string>> | undefined): boolean => {
  const ka = sortedKeys(a)
  const kb = sortedKeys(b)
  return ka.length === kb.length && ka.every((k, i) => k === kb[i] && a![k] === b![k])
}

/** ValidateConfigMapUpdate. */
export function validateConfigMapUpdate(cfg: ConfigMap, old: ConfigMap): FieldError[] {
  const errs = validateCoreObjectMetaUpdate(cfg.metadata, old.metadata, newPath('metadata'))
  if (old.immutable === true) {
    if (cfg.immutable !== true) errs.push(forbidden(newPath('immutable'), IMMUTABLE_SET))
    if (!sameMap(cfg.data, old.data)) errs.push(forbidden(newPath('data'), IMMUTABLE_SET))
    if (!sameMap(cfg.binaryData, old.binaryData)) errs.push(forbidden(newPath('binaryData'), IMMUTABLE_SET))
  }
  errs.push(...validateConfigMap(cfg))
  return errs
}

/** ValidateSecret. */
export function validateSecret(secret: Secret): FieldError[] {
  const errs = validateCoreObjectMeta(secret.metadata, true, nameIsDNSSubdomain, newPath('metadata'))
  const dataPath = newPath('data')
  const data = secret.data ?? {}
  let totalSize = 0
  for (const key of sortedKeys(data)) {
    for (const msg of isConfigMapKey(key)) errs.push(invalid(dataPath.key(key), key, msg))
    totalSize += base64DecodedLength(data[key] ?? '')
  }
  if (totalSize > MAX_SECRET_SIZE) errs.push(tooLong(dataPath, '', MAX_SECRET_SIZE))
  const has = (k: string) => k in data
  switch (secret.type ?? '') {
    case 'kubernetes.io/service-account-token':
      if (!secret.metadata?.annotations?.['kubernetes.io/service-account.name']) {
        errs.push(required(newPath('metadata', 'annotations').key('kubernetes.io/service-account.name'), ''))
      }
      break
    case 'kubernetes.io/dockercfg':
      if (!has('.dockercfg')) errs.push(required(dataPath.key('.dockercfg'), ''))
      break
    case 'kubernetes.io/dockerconfigjson':
      if (!has('.dockerconfigjson')) errs.push(required(dataPath.key('.dockerconfigjson'), ''))
      break
    case 'kubernetes.io/basic-auth':
      if (!has('username') && !has('password')) {
        errs.push(required(dataPath.key('username'), ''))
        errs.push(required(dataPath.key('password'), ''))
      }
      break
    case 'kubernetes.io/ssh-auth':
      if (base64DecodedLength(data['ssh-privatekey'] ?? '') === 0) errs.push(required(dataPath.key('ssh-privatekey'), ''))
      break
    case 'kubernetes.io/tls':
      if (!has('tls.crt')) errs.push(required(dataPath.key('tls.crt'), ''))
      if (!has('tls.key')) errs.push(required(dataPath.key('tls.key'), ''))
      break
  }
  return errs
}

/** ValidateSecretUpdate: the type never changes; an immutable secret keeps its data. */
export function validateSecretUpdate(secret: Secret, old: Secret): FieldError[] {
  const errs = validateCoreObjectMetaUpdate(secret.metadata, old.metadata, newPath('metadata'))
  errs.push(...validateImmutableField(secret.type ?? '', old.type ?? '', newPath('type')))
  if (old.immutable === true) {
    if (secret.immutable !== true) errs.push(forbidden(newPath('immutable'), IMMUTABLE_SET))
    if (!sameMap(secret.data, old.data)) errs.push(forbidden(newPath('data'), IMMUTABLE_SET))
  }
  errs.push(...validateSecret(secret))
  return errs
}
