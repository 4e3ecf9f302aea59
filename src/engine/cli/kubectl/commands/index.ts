// kubectl's commands by path ("get", "config view", "create namespace"). A command runs with a
// Factory; it either prints and calls f.p.exit(code) before returning, or keeps running on
// virtual time (get -w, logs -f, delete waiting for the object to go) and exits later.
// Errors are thrown as KubectlExit (f.fail(err) for API errors) and printed by kubectl.ts;
// inside later callbacks (watch events, timers) wrap the work in runGuarded(f.p, ...).

import type { Factory } from '../factory'
import { getCommands } from './get'
import { describeCommands } from './describe'
import { logsCommands } from './logs'
import { deleteCommands } from './delete'
import { runCommands } from './run'
import { createCommands } from './create'
import { applyCommands } from './apply'
import { configCommands } from './config'
import { infoCommands } from './info'

export type KubectlCommand = (f: Factory) => void

export const KUBECTL_COMMANDS: Record<string, KubectlCommand> = {
  ...getCommands,
  ...describeCommands,
  ...logsCommands,
  ...deleteCommands,
  ...runCommands,
  ...createCommands,
  ...applyCommands,
  ...configCommands,
  ...infoCommands,
}
