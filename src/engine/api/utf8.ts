// A string's UTF-8 bytes: Go strings are byte strings, so byte lengths, byte-wise order and
// encodings (base64, sha256) all start here. The engine's lib has no TextEncoder.

export function utf8Bytes(s: string): number[] {
  const out: number[] = []
  for (const ch of s) {
    // A lone surrogate is not a valid rune: Go writes U+FFFD for it.
    const raw = ch.codePointAt(0)!
    const cp = raw >= 0xd800 && raw <= 0xdfff ? 0xfffd : raw
    if (cp < 0x80) out.push(cp)
    else if (cp < 0x800) out.push(0xc0 | (cp >> 6), 0x80 | (cp & 0x3f))
    else if (cp < 0x10000) out.push(0xe0 | (cp >> 12), 0x80 | ((cp >> 6) & 0x3f), 0x80 | (cp & 0x3f))
    else out.push(0xf0 | (cp >> 18), 0x80 | ((cp >> 12) & 0x3f), 0x80 | ((cp >> 6) & 0x3f), 0x80 | (cp & 0x3f))
  }
  return out
}
