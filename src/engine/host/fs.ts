// A machine's filesystem as the shell and host tools see it: a tree of directories and text
// files, with POSIX path resolution and the errno a real call would give. It is the host's own
// disk (the user's home, ~/.kube/config, the workspace files); container filesystems are the
// runtime's (layers plus a writable layer) and live in src/engine/runtime.
// Left out: permissions, owners, symlinks, binary contents, timestamps.

export type Errno = 'ENOENT' | 'ENOTDIR' | 'EISDIR' | 'EEXIST'

/** A failed filesystem call, with the errno and the path as the caller gave it. */
export class FsError extends Error {
  constructor(
    readonly code: Errno,
    readonly path: string,
  ) {
    super(`${code}: ${path}`)
  }

  /** strerror(3) text, as Go's os.PathError and coreutils print it. */
  get description(): string {
    return STRERROR[this.code]
  }
}

const STRERROR: Record<Errno, string> = {
  ENOENT: 'no such file or directory',
  ENOTDIR: 'not a directory',
  EISDIR: 'is a directory',
  EEXIST: 'file exists',
}

type Entry = { type: 'file'; content: string } | { type: 'dir'; children: Map<string, Entry> }

export interface DirEntry {
  name: string
  type: 'file' | 'dir'
}

/** Joins and normalizes like path.posix.resolve: "." and ".." removed, one leading "/". */
export function resolvePath(cwd: string, path: string, home = '/root'): string {
  let p = path
  if (p === '~' || p.startsWith('~/')) p = home + p.slice(1)
  const parts = (p.startsWith('/') ? p : `${cwd}/${p}`).split('/')
  const out: string[] = []
  for (const part of parts) {
    if (part === '' || part === '.') continue
    if (part === '..') out.pop()
    else out.push(part)
  }
  return `/${out.join('/')}`
}

export function baseName(path: string): string {
  const parts = path.split('/').filter(Boolean)
  return parts[parts.length - 1] ?? '/'
}

export class HostFs {
  private readonly root: Entry = { type: 'dir', children: new Map() }

  /** The entry at an absolute, normalized path. */
  private lookup(abs: string, shown: string): Entry {
    let e: Entry = this.root
    for (const part of abs.split('/').filter(Boolean)) {
      if (e.type !== 'dir') throw new FsError('ENOTDIR', shown)
      const next = e.children.get(part)
      if (!next) throw new FsError('ENOENT', shown)
      e = next
    }
    return e
  }

  stat(abs: string): 'file' | 'dir' | undefined {
    try {
      return this.lookup(abs, abs).type
    } catch {
      return undefined
    }
  }

  readFile(abs: string, shown = abs): string {
    const e = this.lookup(abs, shown)
    if (e.type === 'dir') throw new FsError('EISDIR', shown)
    return e.content
  }

  /** Entries sorted by name, as Go's os.ReadDir returns them. */
  readDir(abs: string, shown = abs): DirEntry[] {
    const e = this.lookup(abs, shown)
    if (e.type !== 'dir') throw new FsError('ENOTDIR', shown)
    return [...e.children.entries()]
      .map(([name, c]) => ({ name, type: c.type }))
      .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
  }

  mkdirAll(abs: string): void {
    let e: Entry = this.root
    for (const part of abs.split('/').filter(Boolean)) {
      if (e.type !== 'dir') throw new FsError('ENOTDIR', abs)
      let next = e.children.get(part)
      if (!next) {
        next = { type: 'dir', children: new Map() }
        e.children.set(part, next)
      }
      e = next
    }
    if (e.type !== 'dir') throw new FsError('ENOTDIR', abs)
  }

  /** Creates or replaces a file; the parent directory must exist. */
  writeFile(abs: string, content: string, shown = abs): void {
    const { dir, name } = this.parent(abs, shown)
    const existing = dir.children.get(name)
    if (existing?.type === 'dir') throw new FsError('EISDIR', shown)
    dir.children.set(name, { type: 'file', content })
  }

  appendFile(abs: string, content: string, shown = abs): void {
    const prev = this.stat(abs) === 'file' ? this.readFile(abs, shown) : ''
    this.writeFile(abs, prev + content, shown)
  }

  remove(abs: string, shown = abs): void {
    const { dir, name } = this.parent(abs, shown)
    if (!dir.children.has(name)) throw new FsError('ENOENT', shown)
    dir.children.delete(name)
  }

  private parent(abs: string, shown: string): { dir: Extract<Entry, { type: 'dir' }>; name: string } {
    const parts = abs.split('/').filter(Boolean)
    const name = parts.pop()
    if (name === undefined) throw new FsError('EISDIR', shown)
    const dir = this.lookup(`/${parts.join('/')}`, shown)
    if (dir.type !== 'dir') throw new FsError('ENOTDIR', shown)
    return { dir, name }
  }
}
