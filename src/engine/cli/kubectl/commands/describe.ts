// Being written: the kubectl describe command(s). Registered in index.ts.
import type { KubectlCommand } from './index'

export const describeCommands: Record<string, KubectlCommand> = {}
