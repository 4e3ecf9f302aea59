// Shared shell of the controllers: an informer factory, a work queue named after the
// controller, and an event recorder with the controller's component name
// (kube-controller-manager's ControllerContext, in miniature).
import type { Clock } from '../clock/virtualClock'
import type { Rng } from '../clock/random'
import type { Client } from '../client/client'
import type { InformerFactory } from '../client/informer'
import { WorkQueue } from '../client/workQueue'
import { EventRecorder } from '../client/eventRecorder'

export interface ControllerContext {
  client: Client
  clock: Clock
  rng: Rng
  informers: InformerFactory
}

export abstract class BaseController {
  readonly queue: WorkQueue<string>
  protected readonly recorder: EventRecorder
  constructor(
    readonly name: string,
    protected readonly ctx: ControllerContext,
  ) {
    this.queue = new WorkQueue(ctx.clock, name)
    this.recorder = new EventRecorder(ctx.client, ctx.clock, { component: name })
  }
  abstract sync(key: string): void
}

/** metav1.NewControllerRef */
export function newControllerRef(owner: { apiVersion?: string; kind?: string; metadata?: { name?: string; uid?: string } }, apiVersion: string, kind: string) {
  return { apiVersion, kind, name: owner.metadata!.name!, uid: owner.metadata!.uid!, controller: true, blockOwnerDeletion: true }
}
