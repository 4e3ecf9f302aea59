// `kubectl delete` waits (--wait, the default) until every object it deleted is gone: for each in
// turn, a GET, then a watch on the object's name until it is DELETED (or replaced by a new
// object of the same name), all within --timeout (a week when 0). Ctrl-C stops the wait with
// exit code 1, as kubectl's interrupt handler does.
// Mirrors: k8s.io/kubectl pkg/cmd/wait/delete.go v0.32 (IsDeleted, Wait.IsDeleted,
// extendErrWaitTimeout), wait.go (RunWait over the deleted infos, one shared deadline),
// pkg/util/interrupt (os.Exit(1) on SIGINT) and pkg/cmd/delete/delete.go (DeleteResult's wait).
// Left out: the watch's ERROR events ("An error occurred while waiting for the object to be
// deleted"): the simulated apiserver never sends them to a live watch.

import { StatusError } from '../../../api/errors'
import type { ResourceInfo } from '../../../api/resources'
import type { Client } from '../../../client/client'
import type { WatchHandle } from '../../../apiserver/apiServer'
import type { Factory } from '../factory'
import { runGuarded } from '../kubectl'

/** What to wait for: a deleted object and the UID the delete answered with (cmdwait.UIDMap). */
export interface DeletedObject {
  info: ResourceInfo
  namespace: string
  name: string
  uid?: string
}

/** A week: what --timeout=0 means for delete. */
const WAIT_FOREVER_MS = 168 * 3600_000

/** extendErrWaitTimeout(wait.ErrWaitTimeout, info). */
export function waitTimeoutError(o: DeletedObject): string {
  return `timed out waiting for the condition on ${o.info.resource}/${o.name}`
}

/**
 * RunWait with IsDeleted over `objects`; exits 0 when all are gone. A Forbidden or
 * MethodNotSupported error ends the wait quietly, as DeleteResult ignores those.
 */
export function waitForDeletion(f: Factory, client: Client, objects: readonly DeletedObject[], timeoutNs: number): void {
  const timeoutMs = timeoutNs === 0 ? WAIT_FOREVER_MS : timeoutNs / 1e6
  const deadline = f.now() + timeoutMs
  let current: WatchHandle | undefined
  let index = 0
  const stopCurrent = () => {
    current?.stop()
    current = undefined
  }
  f.p.defer(stopCurrent)
  f.p.onInterrupt(() => f.p.exit(1))

  const failWait = (err: StatusError) => {
    if (err.status.reason === 'Forbidden' || err.status.reason === 'MethodNotAllowed') return f.p.exit(0)
    f.fail(err)
  }

  const next = (): void => {
    stopCurrent()
    while (index < objects.length) {
      const o = objects[index]!
      const ns = o.info.namespaced ? o.namespace : undefined
      let existing
      try {
        existing = client.get(o.info.resource, ns, o.name)
      } catch (e) {
        if (!(e instanceof StatusError)) throw e
        if (e.status.reason === 'NotFound') {
          index++
          continue
        }
        return failWait(e)
      }
      if (o.uid !== undefined && existing.metadata?.uid !== o.uid) {
        index++
        continue
      }
      if (f.now() >= deadline) f.fail(waitTimeoutError(o))
      // UntilWithSync: list+watch on the name; the precondition passes when the listed object is
      // gone or another object took its name, the condition on a DELETED event.
      let done = false
      let sawObject = false
      const handle = client.watch(o.info.resource, ns, { fieldSelector: `metadata.name=${o.name}` }, (e) => {
        if (done) return
        if (e.type === 'ADDED' && !sawObject) {
          sawObject = true
          if (o.uid === undefined || e.object.metadata?.uid === o.uid) return
        } else if (e.type !== 'DELETED') return
        done = true
        index++
        // Continue after the event is delivered, outside the apiserver's watch fan-out.
        f.p.timer(0, () => runGuarded(f.p, next), 'kubectl delete wait')
      })
      if (handle.code !== 200) {
        handle.stop()
        return failWait(new StatusError(handle.error!))
      }
      if (!sawObject && !done) {
        // The object went between the GET and the watch.
        handle.stop()
        index++
        continue
      }
      if (done) {
        handle.stop()
        return
      }
      current = handle
      return
    }
    f.p.exit(0)
  }

  f.p.timer(
    Math.max(0, deadline - f.now()),
    () => runGuarded(f.p, () => f.fail(waitTimeoutError(objects[Math.min(index, objects.length - 1)]!))),
    'kubectl delete timeout',
  )
  next()
}
