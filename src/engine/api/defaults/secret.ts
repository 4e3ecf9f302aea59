// What the apiserver does to a Secret as it decodes one: type Opaque when none is given, and
// stringData folded into data (base64, as []byte values travel in JSON) — the internal type has
// no stringData, so it is never stored or returned.
// Mirrors: kubernetes pkg/apis/core/v1/defaults.go (SetDefaults_Secret) and
// pkg/apis/core/v1/conversion.go (Convert_v1_Secret_To_core_Secret: "StringData overwrites Data").

import type { Secret } from '../validation/configMap'
import { encodeBase64String } from '../base64'

/** SetDefaults_Secret plus the v1 -> internal conversion of stringData. Pure. */
export function setDefaultsSecret(secret: Secret): Secret {
  const { stringData, ...rest } = secret
  const out: Secret = { ...rest }
  if (!out.type) out.type = 'Opaque'
  if (stringData && Object.keys(stringData).length > 0) {
    const data: Record<string, string> = { ...(out.data ?? {}) }
    for (const [k, v] of Object.entries(stringData)) data[k] = encodeBase64String(v)
    out.data = data
  }
  return out
}
