// What runs inside a container: a simulated program with its real start-up logs and behaviour.
// A program is started with its argv and environment, writes to stdout/stderr, may set timers
// on the virtual clock, and exits with a code. Signals arrive through the handle: the runtime
// sends the image's STOPSIGNAL (SIGTERM unless the image says otherwise) when it stops a
// container, and SIGKILL when the grace period runs out.

import type { Client } from '../client/client'

export type Signal = 'SIGTERM' | 'SIGKILL' | 'SIGINT' | 'SIGQUIT' | 'SIGWINCH'

export interface ProcessContext {
  now(): number
  argv: string[]
  env: Record<string, string>
  hostname: string
  /** The address the hostname resolves to in /etc/hosts: the pod IP (the node's with hostNetwork). */
  ip?: string
  /** CPUs the process sees (nginx's worker_processes auto). */
  cpus: number
  stdout(text: string): void
  stderr(text: string): void
  exit(code: number): void
  setTimer(ms: number, fn: () => void): () => void
  /**
   * The API server as the pod's service account reaches it (in-cluster config), for the
   * components that talk to it themselves (kube-proxy records its events). Absent when the
   * node cannot give one.
   */
  apiClient?: Client
  /** Write a file into the node's /etc/cni/net.d (kindnet mounts it from the host). */
  writeCniConfig?(file: string): void
}

export interface ProcessHandle {
  /** Deliver a signal. SIGKILL always ends the process (the runtime enforces it). */
  signal(sig: Signal): void
}

export type Program = (ctx: ProcessContext) => ProcessHandle

/** Go/C style log timestamp "2026/11/22 01:57:49", used by nginx's error log. */
export function nginxTime(ms: number): string {
  const d = new Date(ms)
  const p = (n: number) => String(n).padStart(2, '0')
  return `${d.getUTCFullYear()}/${p(d.getUTCMonth() + 1)}/${p(d.getUTCDate())} ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())}`
}
