// Being written: the kubectl config command(s). Registered in index.ts.
import type { KubectlCommand } from './index'

export const configCommands: Record<string, KubectlCommand> = {}
