// Being written: the kubectl info command(s). Registered in index.ts.
import type { KubectlCommand } from './index'

export const infoCommands: Record<string, KubectlCommand> = {}
