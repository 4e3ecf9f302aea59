// Being written: the kubectl create command(s). Registered in index.ts.
import type { KubectlCommand } from './index'

export const createCommands: Record<string, KubectlCommand> = {}
