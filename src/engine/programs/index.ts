// The programs images run, by name (runtime/imageCatalog.ts names them).
import type { Program } from './program'
import { nginx } from './nginx'
import { sh } from './sh'
import { systemComponent } from './system'

const SYSTEM = ['pause', 'etcd', 'kube-apiserver', 'kube-controller-manager', 'kube-scheduler', 'kube-proxy', 'coredns', 'kindnetd', 'local-path-provisioner', 'redis', 'httpd']

/** Whether a command name is one of the simulated programs (other than the shell). */
export function isProgram(name: string): boolean {
  return name === 'nginx' || SYSTEM.includes(name)
}

export function programFor(name: string): Program {
  if (name === 'nginx') return nginx
  if (name === 'sh') return sh
  if (SYSTEM.includes(name)) return systemComponent(name)
  return sh
}

export type { Program, ProcessContext, ProcessHandle, Signal } from './program'
