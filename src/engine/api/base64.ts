// Standard base64 (RFC 4648 §4, with padding), as Go's base64.StdEncoding writes it: Secret data,
// kubeconfig certificate data. The engine's lib has no btoa, and its strings here are ASCII or
// UTF-8 encoded first.

import { utf8Bytes } from './utf8'

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'

export function encodeBase64(bytes: readonly number[]): string {
  let out = ''
  for (let i = 0; i < bytes.length; i += 3) {
    const n = (bytes[i]! << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0)
    out += ALPHABET[(n >> 18) & 63]! + ALPHABET[(n >> 12) & 63]!
    out += i + 1 < bytes.length ? ALPHABET[(n >> 6) & 63]! : '='
    out += i + 2 < bytes.length ? ALPHABET[n & 63]! : '='
  }
  return out
}


export function encodeBase64String(s: string): string {
  return encodeBase64(utf8Bytes(s))
}
