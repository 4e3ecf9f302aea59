// Programs whose work the engine itself does (etcd, the control-plane components, kube-proxy,
// kindnet, CoreDNS, the pause container). They run until stopped. Their real logs are not
// simulated, and they say so plainly rather than printing made-up lines.
// kindnetd writes its CNI configuration into the node's /etc/cni/net.d as it starts (the
// runtime's pod network is ready from then on); kube-proxy's event is in kubeProxy.ts.
import type { Program } from './program'

export function systemComponent(name: string): Program {
  return (ctx) => {
    if (name !== 'pause') {
      ctx.stderr(`Podlab: the work of ${name} is done by the simulated control plane; its own log lines are not simulated.\n`)
    }
    if (name === 'kindnetd') ctx.writeCniConfig?.('10-kindnet.conflist')
    let stopped = false
    return {
      signal(sig) {
        if (sig !== 'SIGKILL' && !stopped) {
          stopped = true
          ctx.exit(0)
        }
      },
    }
  }
}
