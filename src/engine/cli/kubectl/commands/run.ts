// Being written: the kubectl run command(s). Registered in index.ts.
import type { KubectlCommand } from './index'

export const runCommands: Record<string, KubectlCommand> = {}
