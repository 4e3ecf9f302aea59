// What the world's loop runs: components with a work queue and a level-triggered sync(key)
// (sample-controller's processNextWorkItem). A sync that throws is retried with back-off; a
// conflict is normal (someone wrote first) and simply retried.

import type { WorkQueue } from './workQueue'
import { StatusError } from '../api/errors'

export interface Reconciler {
  /** e.g. "replicaset-controller", "default-scheduler", "kubelet/kind-worker". */
  readonly name: string
  readonly queue: WorkQueue<string>
  sync(key: string): void
}

/** Process one key of a reconciler's queue. Returns false when its queue was empty. */
export function processNextWorkItem(r: Reconciler): boolean {
  const key = r.queue.get()
  if (key === undefined) return false
  try {
    r.sync(key)
    r.queue.forget(key)
  } catch (e) {
    if (!(e instanceof StatusError)) {
      // A bug in a controller must not take the world down; it is retried like any error,
      // and surfaces in tests through the thrown-error hook.
      reportError?.(r.name, key, e)
    }
    r.queue.addRateLimited(key)
  } finally {
    r.queue.done(key)
  }
  return true
}

let reportError: ((component: string, key: string, e: unknown) => void) | undefined

/** Tests install a hook that fails loudly on non-API errors inside controllers. */
export function setControllerErrorHook(hook: typeof reportError): void {
  reportError = hook
}
