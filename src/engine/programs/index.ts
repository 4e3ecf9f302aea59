// The programs images run, by name (runtime/imageCatalog.ts names them), and the commands that
// start them (a pod's `command: [redis-server]` runs the redis program).
import type { Program } from './program'
import { httpd } from './httpd'
import { kubeProxy } from './kubeProxy'
import { nginx } from './nginx'
import { redis } from './redis'
import { sh } from './sh'
import { systemComponent } from './system'

/** Components whose work the simulated cluster does; their containers only run (system.ts). */
const SYSTEM = ['pause', 'etcd', 'kube-apiserver', 'kube-controller-manager', 'kube-scheduler', 'coredns', 'kindnetd', 'local-path-provisioner']

const PROGRAMS: Record<string, Program> = { nginx, redis, httpd, 'kube-proxy': kubeProxy }

/** Executable names that start a simulated program, other than the program's own name. */
const COMMANDS: Record<string, string> = { 'redis-server': 'redis' }

/** Whether a command (an executable's base name) starts one of the simulated programs other than the shell. */
export function isProgram(command: string): boolean {
  return Object.hasOwn(COMMANDS, command) || (Object.hasOwn(PROGRAMS, command) && command !== 'redis') || SYSTEM.includes(command)
}

/** The program by its name, or by a command that starts it; the shell for anything else. */
export function programFor(name: string): Program {
  const program = Object.hasOwn(COMMANDS, name) ? COMMANDS[name] : name
  if (Object.hasOwn(PROGRAMS, program)) return PROGRAMS[program]
  if (SYSTEM.includes(program)) return systemComponent(program)
  return sh
}

export type { Program, ProcessContext, ProcessHandle, Signal } from './program'
