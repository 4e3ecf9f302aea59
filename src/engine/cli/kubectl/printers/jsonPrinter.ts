// `kubectl ... -o json`.
// Mirrors: k8s.io/cli-runtime pkg/printers/json.go (JSONPrinter.PrintObj: json.MarshalIndent
// with four spaces, then a newline). Go's encoding for the bytes is in goJson.ts.
// Dropped: the WatchEvent and runtime.Unknown cases (Podlab prints plain objects) and the
// "missing apiVersion or kind" check, which is the caller's (every object Podlab serves has
// both). Stripping metadata.managedFields (OmitManagedFieldsPrinter) is `omitManagedFields`
// in outputFormat.ts, applied before printing.

import { marshalGoJsonIndent } from './goJson'

/**
 * An object exactly as `kubectl -o json` prints it, trailing newline included.
 * @example toKubectlJson({ kind: 'List', items: [] }) // '{\n    "items": [],\n    "kind": "List"\n}\n'
 */
export function toKubectlJson(obj: unknown): string {
  return `${marshalGoJsonIndent(obj, '    ')}\n`
}
