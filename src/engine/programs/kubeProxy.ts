// kube-proxy (cmd/kube-proxy/app/server.go). Its work, the Service rules, is done by the simulated
// network; what it shows of itself is the event it records once it runs ("Tell the world we're up
// and running"): an events.k8s.io Event about its Node, reason Starting, action StartKubeProxy,
// an empty note, reported by "kube-proxy" from instance kube-proxy-<hostname>. Its node reference
// carries the node's name as UID (NodeRef in server.go), like the kubelet's. The node name is the
// hostname: kind runs kube-proxy with the host's network and --hostname-override=$(NODE_NAME).
// Its own log lines are not simulated (see system.ts).
import type { Clock, TimerId } from '../clock/virtualClock'
import { EventRecorder } from '../client/eventRecorder'
import type { Program, ProcessContext } from './program'
import { systemComponent } from './system'

/** The recorder's clock: the process's view of virtual time. */
function processClock(ctx: ProcessContext): Clock {
  const timers = new Map<TimerId, () => void>()
  let next = 0
  return {
    now: () => ctx.now(),
    setTimer: (ms, fn) => {
      const id = ++next
      timers.set(id, ctx.setTimer(ms, fn))
      return id
    },
    cancel: (id) => timers.get(id)?.(),
  }
}

export const kubeProxy: Program = (ctx) => {
  const handle = systemComponent('kube-proxy')(ctx)
  if (ctx.apiClient) {
    const recorder = new EventRecorder(ctx.apiClient, processClock(ctx), { component: 'kube-proxy', host: ctx.hostname, newEventsApi: true, action: 'StartKubeProxy' })
    recorder.event({ kind: 'Node', metadata: { name: ctx.hostname, uid: ctx.hostname } }, 'Normal', 'Starting', '')
  }
  return handle
}
