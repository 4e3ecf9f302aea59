// go-wordwrap's WrapString: kubectl's help wraps its output with it when stdout is a terminal of
// 80 columns or more (term.NewResponsiveWriter, templates.HelpFlagPrinter).
// Mirrors: github.com/mitchellh/go-wordwrap v1.0.1 wordwrap.go (the version kubectl 1.32 vendors:
// widths count runes, and a no-break space is not a break point). Nothing left out.

const nbsp = 0xa0

/** unicode.IsSpace. */
function isGoSpace(cp: number): boolean {
  return (
    cp === 0x20 ||
    (cp >= 0x09 && cp <= 0x0d) ||
    cp === 0x85 ||
    cp === 0xa0 ||
    cp === 0x1680 ||
    (cp >= 0x2000 && cp <= 0x200a) ||
    cp === 0x2028 ||
    cp === 0x2029 ||
    cp === 0x202f ||
    cp === 0x205f ||
    cp === 0x3000
  )
}

/**
 * Wraps s at white space so that lines stay within lim runes where a break allows it; a word
 * longer than lim is left whole. Existing newlines are kept. lim is a Go uint: pass the
 * wrapped-around value for a negative width, which means "never wrap".
 * @example wrapString('aaa bbb ccc', 7) // "aaa bbb\nccc"
 */
export function wrapString(s: string, lim: number): string {
  let buf = ''
  let current = 0
  let word = ''
  let wordLen = 0
  let space = ''
  let spaceLen = 0
  for (const ch of s) {
    const cp = ch.codePointAt(0) as number
    if (ch === '\n') {
      if (wordLen === 0) {
        if (current + spaceLen > lim) current = 0
        else {
          current += spaceLen
          buf += space
        }
      } else {
        current += spaceLen + wordLen
        buf += space + word
        word = ''
        wordLen = 0
      }
      space = ''
      spaceLen = 0
      buf += ch
      current = 0
    } else if (isGoSpace(cp) && cp !== nbsp) {
      if (spaceLen === 0 || wordLen > 0) {
        current += spaceLen + wordLen
        buf += space + word
        space = ''
        spaceLen = 0
        word = ''
        wordLen = 0
      }
      space += ch
      spaceLen++
    } else {
      word += ch
      wordLen++
      if (current + spaceLen + wordLen > lim && wordLen < lim) {
        buf += '\n'
        current = 0
        space = ''
        spaceLen = 0
      }
    }
  }
  if (wordLen === 0) {
    if (current + spaceLen <= lim) buf += space
  } else {
    buf += space + word
  }
  return buf
}
