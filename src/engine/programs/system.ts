// Programs whose work the engine itself does (etcd, the control-plane components, kube-proxy,
// kindnet, CoreDNS, the pause container). They run until stopped. Their real logs are not
// simulated, and they say so plainly rather than printing made-up lines.
import type { Program } from './program'

export function systemComponent(name: string): Program {
  return (ctx) => {
    if (name !== 'pause') {
      ctx.stderr(`Podlab: the work of ${name} is done by the simulated control plane; its own log lines are not simulated.\n`)
    }
    return {
      signal(sig) {
        if (sig !== 'SIGKILL') ctx.exit(0)
      },
    }
  }
}
