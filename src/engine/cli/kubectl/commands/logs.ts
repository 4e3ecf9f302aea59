// Being written: the kubectl logs command(s). Registered in index.ts.
import type { KubectlCommand } from './index'

export const logsCommands: Record<string, KubectlCommand> = {}
