// PLACEHOLDER until the apply command lands (being written now).
import type { Host } from '../../../host/host'
import type { ApplyResult } from '../../../publicTypes'
import type { ApiEndpoints } from '../factory'
export function applyFromEditor(_host: Host, _endpoints: ApiEndpoints, _fileName: string, _content: string, _dryRun: boolean): ApplyResult {
  throw new Error('not yet')
}
import type { KubectlCommand } from './index'
export const applyCommands: Record<string, KubectlCommand> = {}
