// kubectl cluster-info, and the registration of the cluster-information commands (version and
// api-resources live in their own files).
// Mirrors: k8s.io/kubectl pkg/cmd/clusterinfo/clusterinfo.go at 1.32 (Complete: -n, else
// kube-system, not the context's namespace; Run: services labelled
// kubernetes.io/cluster-service=true, the control plane line first, a LoadBalancer's
// http://ip:port links or the API server proxy path <scheme>:<name>:<port-name>, the
// kubernetes.io/name label as the title, the footer printed even when listing failed; printService)
// and k8s.io/apimachinery pkg/util/net (JoinSchemeNamePort).
// kubectl 1.32 prints these lines without colours: it no longer links go-colortext (checked on
// the real binary on a terminal with TERM=xterm-256color).
// Left out: `cluster-info dump` (not simulated: Podlab says so plainly).

import type { Service } from '../../../api/types'
import { splitKlogLines } from '../connectionErrors'
import type { Factory } from '../factory'
import { KubectlExit } from '../factory'
import type { KubectlCommand } from './index'
import { apiResources } from './apiResources'
import { version } from './version'

/** JoinSchemeNamePort. */
export function joinSchemeNamePort(scheme: string, name: string, port: string): string {
  if (scheme !== '') return `${scheme}:${name}:${port}`
  if (port !== '') return `${name}:${port}`
  return name
}

/** The lines cluster-info prints for the control plane at `host` and these services. */
export function clusterInfoLines(host: string, services: readonly Service[]): string {
  let out = `Kubernetes control plane is running at ${host}\n`
  for (const svc of services) {
    let link = ''
    const ingress = svc.status?.loadBalancer?.ingress ?? []
    if (ingress.length > 0) {
      const ip = ingress[0].ip || ingress[0].hostname || ''
      for (const port of svc.spec?.ports ?? []) link += `http://${ip}:${port.port} `
    } else {
      let name = svc.metadata?.name ?? ''
      const port = svc.spec?.ports?.[0]
      if (port) {
        // Guess whether the scheme is https.
        const scheme = port.name === 'https' || port.port === 443 ? 'https' : ''
        name = joinSchemeNamePort(scheme, svc.metadata?.name ?? '', port.name ?? '')
      }
      link = `${host}/api/v1/namespaces/${svc.metadata?.namespace ?? ''}/services/${name}/proxy`
    }
    const title = svc.metadata?.labels?.['kubernetes.io/name'] || svc.metadata?.name || ''
    out += `${title} is running at ${link}\n`
  }
  return out
}

const FOOTER = "\nTo further debug and diagnose cluster problems, use 'kubectl cluster-info dump'.\n"

/** `kubectl cluster-info`. Extra arguments are ignored, as cobra does for a command with subcommands. */
export function clusterInfo(f: Factory): void {
  if (f.cmd.args[0] === 'dump') throw new KubectlExit('error: "kubectl cluster-info dump" is not simulated by Podlab yet\n', 1)
  const host = f.server()
  const namespace = f.str('namespace') || 'kube-system'
  let listed: string | undefined
  let failure: KubectlExit | undefined
  try {
    const list = f.client().list<Service>('services', namespace, { labelSelector: 'kubernetes.io/cluster-service=true' })
    listed = clusterInfoLines(host, list.items)
  } catch (e) {
    if (e instanceof KubectlExit) failure = e
    else {
      try {
        f.fail(e)
      } catch (k) {
        if (!(k instanceof KubectlExit)) throw k
        failure = k
      }
    }
  }
  if (failure) {
    const { klog, rest } = splitKlogLines(failure.text)
    f.p.err(klog)
    f.p.out(FOOTER)
    throw new KubectlExit(rest, failure.code)
  }
  f.p.out(listed + FOOTER)
  f.p.exit(0)
}

export const infoCommands: Record<string, KubectlCommand> = {
  version,
  'cluster-info': clusterInfo,
  'api-resources': apiResources,
}
