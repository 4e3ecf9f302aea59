// Being written: the kubectl get command(s). Registered in index.ts.
import type { KubectlCommand } from './index'

export const getCommands: Record<string, KubectlCommand> = {}
