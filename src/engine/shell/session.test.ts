import { describe, expect, it } from 'vitest'
import { createWorld } from '../world'
import { runTranscript } from '../sim/transcript'
import { parseLine } from './parse'

/** A transcript on a host without a cluster (fast), with the given files in the home directory. */
function session(text: string, files: Record<string, string> = {}): string {
  const world = createWorld({ scenario: 'empty' })
  for (const [path, content] of Object.entries(files)) world.host.fs.writeFile(`/root/${path}`, content)
  return runTranscript(world, text)
}

describe('parseLine', () => {
  const env = (n: string) => (n === 'HOME' ? '/root' : undefined)
  it('splits lists, pipelines and redirections', () => {
    const r = parseLine('a x "y z" | b > out.txt 2>&1 && c; d', env)
    expect(r).toEqual({
      kind: 'list',
      items: [
        {
          pipeline: [
            { words: [{ text: 'a' }, { text: 'x' }, { text: 'y z' }], redirects: [] },
            { words: [{ text: 'b' }], redirects: [{ fd: 1, op: '>', target: 'out.txt' }, { fd: 2, op: '>&', target: '1' }] },
          ],
          then: '&&',
        },
        { pipeline: [{ words: [{ text: 'c' }], redirects: [] }], then: ';' },
        { pipeline: [{ words: [{ text: 'd' }], redirects: [] }], then: ';' },
      ],
    })
  })
  it.each([
    ['&& b', "bash: syntax error near unexpected token `&&'\n"],
    ['a |', "bash: syntax error near unexpected token `newline'\n"],
    ['a >', "bash: syntax error near unexpected token `newline'\n"],
    ['echo "x', 'bash: unexpected EOF while looking for matching `"\'\n'],
    ["echo 'x", "bash: unexpected EOF while looking for matching `''\n"],
  ])('%s is a syntax error', (line, message) => {
    expect(parseLine(line, env)).toEqual({ kind: 'error', message, exitCode: 2 })
  })
  it('ignores comments and quotes inside them', () => {
    expect(parseLine("echo hi # it's fine", env)).toMatchObject({ kind: 'list', items: [{ pipeline: [{ words: [{ text: 'echo' }, { text: 'hi' }] }] }] })
  })
})

describe('ShellSession', () => {
  it('echoes each line after its prompt and runs coreutils', () => {
    expect(session('echo hello   world\necho -n a; echo b\npwd\n')).toBe('$ echo hello   world\nhello world\n$ echo -n a; echo b\nab\n$ pwd\n/root\n')
  })

  it('reports unknown commands as bash does, with status 127', () => {
    expect(session('kubctl get pods\necho $?\n')).toBe('$ kubctl get pods\nbash: kubctl: command not found\n$ echo $?\n127\n')
  })

  it('runs && and || on the status of the previous pipeline', () => {
    expect(session('false && echo no || echo yes\ntrue || echo no && echo yes\n')).toBe(
      '$ false && echo no || echo yes\nyes\n$ true || echo no && echo yes\nyes\n',
    )
  })

  it('sleeps on virtual time and expands $? when the command runs', () => {
    const world = createWorld({ scenario: 'empty' })
    const start = world.now()
    expect(runTranscript(world, 'sleep 90 && echo done\ntimeout 2 sleep 10; echo $?\n')).toBe(
      '$ sleep 90 && echo done\ndone\n$ timeout 2 sleep 10; echo $?\n124\n',
    )
    expect(world.now() - start).toBe(92_000)
  })

  it('writes, appends and reads files through redirections and pipes', () => {
    expect(session('echo a > f.txt\necho b >> f.txt\ncat f.txt | cat\ncat < f.txt\ncat nope 2>/dev/null || echo missing\n')).toBe(
      '$ echo a > f.txt\n$ echo b >> f.txt\n$ cat f.txt | cat\na\nb\n$ cat < f.txt\na\nb\n$ cat nope 2>/dev/null || echo missing\nmissing\n',
    )
  })

  it('collects here-documents after a continuation prompt', () => {
    expect(session("cat <<EOF > pod.yaml\nkind: Pod\n\n  name: x\nEOF\ncat pod.yaml\n")).toBe(
      '$ cat <<EOF > pod.yaml\n> kind: Pod\n> \n>   name: x\n> EOF\n$ cat pod.yaml\nkind: Pod\n\n  name: x\n',
    )
  })

  it('expands globs against the working directory and keeps unmatched ones', () => {
    expect(session('ls *.yaml\necho *.json\ncd dir; ls\n', { 'a.yaml': '', 'b.yaml': '', 'c.txt': '' }).split('$ cd')[0]).toBe(
      '$ ls *.yaml\na.yaml  b.yaml\n$ echo *.json\n*.json\n',
    )
  })

  it('gives bash and coreutils errors for bad paths and operands', () => {
    expect(session('cd nowhere\ncat /root\nsleep\nsleep 1x\nls missing\necho $?\n')).toBe(
      [
        '$ cd nowhere',
        'bash: cd: nowhere: No such file or directory',
        '$ cat /root',
        'cat: /root: Is a directory',
        '$ sleep',
        'sleep: missing operand',
        "Try 'sleep --help' for more information.",
        '$ sleep 1x',
        'sleep: invalid time interval ‘1x’',
        "Try 'sleep --help' for more information.",
        '$ ls missing',
        "ls: cannot access 'missing': No such file or directory",
        '$ echo $?',
        '2',
        '',
      ].join('\n'),
    )
  })

  it('interrupts a command with Ctrl-C and stops the rest of the line', () => {
    const world = createWorld({ scenario: 'empty' })
    const term = world.terminal('t')
    let out = ''
    const codes: number[] = []
    term.onOutput((d) => (out += d))
    term.onDone((c) => codes.push(c))
    term.runLine('sleep 100; echo after')
    expect(term.busy).toBe(true)
    world.advance(5_000)
    term.interrupt()
    expect(term.busy).toBe(false)
    expect(codes).toEqual([130])
    world.advance(200_000)
    expect(out).toBe('')
  })

  it('is deterministic: the same session gives the same transcript', () => {
    const text = 'echo $HOME\nsleep 3\nls -a\n'
    expect(session(text)).toBe(session(text))
  })
})
