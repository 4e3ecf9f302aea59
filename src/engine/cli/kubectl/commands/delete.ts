// Being written: the kubectl delete command(s). Registered in index.ts.
import type { KubectlCommand } from './index'

export const deleteCommands: Record<string, KubectlCommand> = {}
