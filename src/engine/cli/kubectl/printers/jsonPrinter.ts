// `kubectl ... -o json`.
// Mirrors: k8s.io/cli-runtime pkg/printers/json.go (JSONPrinter.PrintObj: json.MarshalIndent
// with four spaces, then a newline). Go's encoding for the bytes is in goJson.ts.
// Dropped: the WatchEvent and runtime.Unknown cases (Podlab prints plain objects) and the
// "missing apiVersion or kind" check, which is the caller's (every object Podlab serves has
// both). Stripping metadata.managedFields (OmitManagedFieldsPrinter) is `omitManagedFields`
// in outputFormat.ts, applied before printing.

import { marshalGoJsonIndent, type KeyOrder } from './goJson'

/**
 * An object exactly as `kubectl -o json` prints it, trailing newline included. Objects from the
 * API server are unstructured maps and print with sorted keys (the default); objects kubectl
 * builds itself (`create ... --dry-run=client -o json`) are Go structs and print their fields in
 * declaration order, which `keyOrder: 'insertion'` reproduces when the object was built in it.
 * @example toKubectlJson({ kind: 'List', items: [] }) // '{\n    "items": [],\n    "kind": "List"\n}\n'
 */
export function toKubectlJson(obj: unknown, opts: { keyOrder?: KeyOrder } = {}): string {
  return `${marshalGoJsonIndent(obj, '    ', opts.keyOrder ?? 'sorted')}\n`
}
