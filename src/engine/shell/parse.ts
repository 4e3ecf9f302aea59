// One typed line of shell, from text to a list of pipelines: what bash's parser would make of
// it, for the subset of bash a container course uses. Words, quotes, escapes and $VAR come from
// shell-quote; this file arranges its tokens into `a | b && c; d`, redirections and here-docs,
// and reports bash's syntax error for what does not fit.
// Left out (reported plainly as not supported): command substitution, subshells, background
// jobs, variable assignments before a command, brace expansion, ~user.

import { parse as shellParse } from 'shell-quote'

export type Redirect =
  | { fd: 1 | 2; op: '>' | '>>'; target: string }
  /** 2>&1 or 1>&2 */
  | { fd: 1 | 2; op: '>&'; target: string }
  | { fd: 0; op: '<'; target: string }

export interface SimpleCommand {
  /** Words, globs still unexpanded (expanded against the filesystem when the command runs). */
  words: Word[]
  redirects: Redirect[]
  /** `<<EOF`: the body comes from the lines that follow. */
  heredoc?: { delimiter: string; stripTabs: boolean }
}

export type Word = { text: string; glob?: false } | { text: string; glob: true }

export interface ListItem {
  pipeline: SimpleCommand[]
  /** How this item's status decides whether the next one runs. */
  then: ';' | '&&' | '||'
}

export type ParsedLine = { kind: 'list'; items: ListItem[] } | { kind: 'error'; message: string; exitCode: number }

type Token = ReturnType<typeof shellParse>[number]

const UNSUPPORTED: Record<string, string> = {
  '&': 'background jobs (&)',
  '(': 'subshells and command substitution',
  ')': 'subshells and command substitution',
  '|&': '|&',
  '<(': 'process substitution',
  '>(': 'process substitution',
}

/** bash's own message for a token where a word was expected. */
function syntaxError(token: string): ParsedLine {
  return { kind: 'error', message: `bash: syntax error near unexpected token \`${token}'\n`, exitCode: 2 }
}

function unsupported(what: string): ParsedLine {
  return { kind: 'error', message: `bash: ${what}: not supported in Podlab's shell\n`, exitCode: 2 }
}

/**
 * Parses one line. `env` answers $NAME (and $? for the last status).
 * @example parseLine('kubectl get po && echo ok', () => undefined).items.length // 2
 */
export function parseLine(line: string, env: (name: string) => string | undefined): ParsedLine {
  const quoteError = unterminatedQuote(line)
  if (quoteError) return { kind: 'error', message: `bash: unexpected EOF while looking for matching \`${quoteError}'\n`, exitCode: 2 }
  let tokens: Token[]
  try {
    tokens = shellParse(line, (name) => env(name) ?? '')
  } catch (e) {
    return { kind: 'error', message: `bash: ${e instanceof Error ? e.message : String(e)}\n`, exitCode: 2 }
  }
  const items: ListItem[] = []
  let pipeline: SimpleCommand[] = []
  let cmd: SimpleCommand = { words: [], redirects: [] }

  const endCommand = (op: string): ParsedLine | undefined => {
    if (cmd.words.length === 0 && cmd.redirects.length === 0 && !cmd.heredoc) return syntaxError(op)
    pipeline.push(cmd)
    cmd = { words: [], redirects: [] }
    return undefined
  }

  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!
    if (typeof t === 'string') {
      cmd.words.push({ text: t })
      continue
    }
    if ('comment' in t) break
    if (!('op' in t)) return unsupported('this syntax')
    if (t.op === 'glob') {
      cmd.words.push({ text: t.pattern, glob: true })
      continue
    }
    const op = t.op as string
    if (op in UNSUPPORTED) return unsupported(UNSUPPORTED[op]!)
    if (op === '|') {
      const err = endCommand(op)
      if (err) return err
      continue
    }
    if (op === ';' || op === '&&' || op === '||') {
      const err = endCommand(op)
      if (err) return err
      items.push({ pipeline, then: op })
      pipeline = []
      continue
    }
    // A redirection takes the next word as its target; a lone digit word before it is the fd.
    const next = tokens[i + 1]
    if (typeof next !== 'string') return syntaxError(next === undefined ? 'newline' : opText(next))
    i++
    if (op === '<<' || op === '<<-') {
      cmd.heredoc = { delimiter: next, stripTabs: op === '<<-' }
      continue
    }
    const last = cmd.words[cmd.words.length - 1]
    let fd: 0 | 1 | 2 = op === '<' ? 0 : 1
    if (last && !last.glob && (last.text === '1' || last.text === '2') && op !== '<') {
      fd = last.text === '1' ? 1 : 2
      cmd.words.pop()
    }
    if (op === '>' || op === '>>') cmd.redirects.push({ fd: fd as 1 | 2, op, target: next })
    else if (op === '>&') cmd.redirects.push({ fd: fd as 1 | 2, op, target: next })
    else if (op === '<') cmd.redirects.push({ fd: 0, op, target: next })
    else return unsupported(op)
  }
  if (cmd.words.length > 0 || cmd.redirects.length > 0 || cmd.heredoc) pipeline.push(cmd)
  else if (pipeline.length > 0) return syntaxError('newline')
  if (pipeline.length > 0) items.push({ pipeline, then: ';' })
  return { kind: 'list', items }
}

function opText(t: Token): string {
  if (typeof t === 'string') return t
  if ('op' in t) return t.op === 'glob' ? t.pattern : t.op
  return '#'
}

/** The quote character left open at the end of the line, if any (bash would ask for more). */
function unterminatedQuote(line: string): string | undefined {
  let quote: string | undefined
  for (let i = 0; i < line.length; i++) {
    const c = line[i]
    if (quote === "'") {
      if (c === "'") quote = undefined
    } else if (quote === '"') {
      if (c === '\\') i++
      else if (c === '"') quote = undefined
    } else if (c === '\\') i++
    else if (c === "'" || c === '"') quote = c
    else if (c === '#' && (i === 0 || /\s/.test(line[i - 1]!))) break
  }
  return quote
}

/** Glob pattern to a RegExp for one path segment: *, ? and [...] as bash reads them. */
export function globToRegExp(pattern: string): RegExp {
  let re = ''
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i]!
    if (c === '*') re += '[^/]*'
    else if (c === '?') re += '[^/]'
    else if (c === '[') {
      const end = pattern.indexOf(']', i + 2)
      if (end === -1) re += '\\['
      else {
        let body = pattern.slice(i + 1, end)
        if (body.startsWith('!')) body = `^${body.slice(1)}`
        re += `[${body.replace(/\\/g, '\\\\')}]`
        i = end
      }
    } else re += c.replace(/[.+^${}()|\\]/g, '\\$&')
  }
  return new RegExp(`^${re}$`)
}
