// A machine a terminal can open a shell on: its name, its filesystem (home /root) and the
// programs installed on it. The laptop host of every scenario has kubectl and coreutils; later
// scenarios add docker, kind and VMs with their own hosts.

import type { Clock } from '../clock/virtualClock'
import type { Program } from '../shell/proc'
import type { ShellHost } from '../shell/session'
import { coreutils } from './coreutils'
import { textutils } from './textutils'
import { HostFs } from './fs'

export class Host implements ShellHost {
  readonly fs = new HostFs()
  readonly home = '/root'
  private readonly programs = new Map<string, Program>(Object.entries({ ...coreutils, ...textutils }))

  constructor(
    readonly name: string,
    readonly clock: Clock,
  ) {
    this.fs.mkdirAll(this.home)
  }

  install(name: string, program: Program): void {
    this.programs.set(name, program)
  }

  program(name: string): Program | undefined {
    // A command typed with a path runs the program of that name (/usr/local/bin/kubectl).
    const base = name.includes('/') ? name.slice(name.lastIndexOf('/') + 1) : name
    return this.programs.get(base)
  }
}
