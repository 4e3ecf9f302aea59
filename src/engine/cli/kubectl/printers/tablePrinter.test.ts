import { readFileSync } from 'node:fs'
import { describe, it, expect } from 'vitest'
import { printTable } from '../../../api/printers'
import type { KubeObject, Pod } from '../../../api/types'
import { escapeTerminal, printTableGroups, printTableText, TablePrinter, type TablePrintOptions } from './tablePrinter'
import * as F from './testdata/factsCluster'

// The captured outputs of the facts file, looked up by their command line.
const FACTS = readFileSync(new URL('../../../../../../shared/reference/kubernetes-docker-facts.md', import.meta.url), 'utf8')
function capture(command: string): string {
  const start = FACTS.indexOf('```text\n$ ' + command + '\n')
  if (start < 0) throw new Error(`no capture for ${command}`)
  const body = FACTS.slice(start + '```text\n$ '.length + command.length + 1)
  return body.slice(0, body.indexOf('```'))
}

/** kubernetes-types interfaces lack KubeObject's index signature; the API objects are plain JSON. */
const table = (resource: string, objects: readonly object[], now: number): ReturnType<typeof printTable> =>
  printTable(resource, objects as KubeObject[], now)

function get(resource: string, objects: readonly object[], now: number, options: TablePrintOptions = {}): string {
  return printTableText(table(resource, objects, now), options)
}

const allPods = [...F.defaultPods, ...F.kubeSystemPods]

describe('kubectl get pods (facts §1.5)', () => {
  it('kubectl get pods', () => {
    expect(get('pods', F.defaultPods, F.NOW.getPods)).toBe(capture('kubectl get pods'))
  })
  it('kubectl get pods -o wide', () => {
    expect(get('pods', F.defaultPods, F.NOW.getPods, { wide: true })).toBe(capture('kubectl get pods -o wide'))
  })
  it('kubectl get pods -A', () => {
    expect(get('pods', allPods, F.NOW.getPods, { withNamespace: true })).toBe(capture('kubectl get pods -A'))
  })
  it('kubectl get pods --show-labels', () => {
    expect(get('pods', F.defaultPods, F.NOW.getPods, { showLabels: true })).toBe(capture('kubectl get pods --show-labels'))
  })
  it('kubectl get pods -l app=nginx', () => {
    const nginx = F.defaultPods.filter((p) => p.metadata?.labels?.app === 'nginx')
    expect(get('pods', nginx, F.NOW.getPods)).toBe(capture('kubectl get pods -l app=nginx'))
  })
  it('kubectl get pods -n nonexistent prints nothing on stdout', () => {
    expect(capture('kubectl get pods -n nonexistent')).toBe('No resources found in nonexistent namespace.\n')
    expect(get('pods', [], F.NOW.getPods)).toBe('')
  })
  it('kubectl get pods -n kube-system', () => {
    // this capture was taken when every kube-system pod was 3d old
    const threeDays = F.kubeSystemPods.map((p): Pod => ({ ...p, metadata: { ...p.metadata, creationTimestamp: F.at('03:50:00', 19) } }))
    expect(get('pods', threeDays, F.NOW.getPods)).toBe(capture('kubectl get pods -n kube-system'))
  })
})

describe('kubectl get nodes / ns / events (facts §1.5)', () => {
  it('kubectl get nodes', () => {
    expect(get('nodes', [F.controlPlane, F.worker], F.NOW.getPods)).toBe(capture('kubectl get nodes'))
  })
  it('kubectl get nodes -o wide', () => {
    expect(get('nodes', [F.controlPlane, F.worker], F.NOW.getPods, { wide: true })).toBe(capture('kubectl get nodes -o wide'))
  })
  it('kubectl get ns', () => {
    expect(get('namespaces', F.namespaces, F.NOW.getPods)).toBe(capture('kubectl get ns'))
  })
  it('kubectl get events', () => {
    expect(get('events', F.defaultEvents, F.NOW.getEvents)).toBe(capture('kubectl get events'))
  })
})

describe('other kubectl get captures (facts §1.5)', () => {
  const t = (hms: string): number => F.ms(hms)
  it('kubectl get deploy', () => {
    expect(get('deployments', [F.deployment], t('03:57:44'))).toBe(capture('kubectl get deploy'))
  })
  it('kubectl get deploy -o wide', () => {
    expect(get('deployments', [F.deployment], t('03:57:44'), { wide: true })).toBe(capture('kubectl get deploy -o wide'))
  })
  it('kubectl get rs', () => {
    expect(get('replicasets', F.replicaSets, t('03:57:44'))).toBe(capture('kubectl get rs'))
  })
  it('kubectl get rs -o wide', () => {
    expect(get('replicasets', F.replicaSets, t('03:57:44'), { wide: true })).toBe(capture('kubectl get rs -o wide'))
  })
  it('kubectl get svc', () => {
    expect(get('services', F.services, t('03:57:45'))).toBe(capture('kubectl get svc'))
  })
  it('kubectl get svc -o wide', () => {
    expect(get('services', F.services, t('03:57:46'), { wide: true })).toBe(capture('kubectl get svc -o wide'))
  })
  it('kubectl get ep', () => {
    expect(get('endpoints', F.endpoints, t('03:57:44'))).toBe(capture('kubectl get ep'))
  })
  it('kubectl get ep -n kube-system', () => {
    expect(get('endpoints', [F.kubeDnsEndpoints], t('03:57:44'))).toBe(capture('kubectl get ep -n kube-system'))
  })
  it('kubectl get endpointslices', () => {
    expect(get('endpointslices', [F.endpointSlice], t('03:57:44'))).toBe(capture('kubectl get endpointslices'))
  })
  it('kubectl get ds -n kube-system', () => {
    expect(get('daemonsets', F.daemonSets, t('03:57:44'))).toBe(capture('kubectl get ds -n kube-system'))
  })
  it('kubectl get ds -n kube-system -o wide', () => {
    expect(get('daemonsets', F.daemonSets, t('03:57:44'), { wide: true })).toBe(capture('kubectl get ds -n kube-system -o wide'))
  })
  it('kubectl get sts', () => {
    expect(get('statefulsets', [F.statefulSet], t('03:57:44'))).toBe(capture('kubectl get sts'))
  })
  it('kubectl get sts -o wide', () => {
    expect(get('statefulsets', [F.statefulSet], t('03:57:44'), { wide: true })).toBe(capture('kubectl get sts -o wide'))
  })
  it('kubectl get jobs', () => {
    expect(get('jobs', [F.job], t('03:57:44'))).toBe(capture('kubectl get jobs'))
  })
  it('kubectl get jobs -o wide', () => {
    expect(get('jobs', [F.job], t('03:57:44'), { wide: true })).toBe(capture('kubectl get jobs -o wide'))
  })
  it('kubectl get cj', () => {
    expect(get('cronjobs', [F.cronJob], t('03:57:47'))).toBe(capture('kubectl get cj'))
  })
  it('kubectl get cj -o wide', () => {
    expect(get('cronjobs', [F.cronJob], t('03:57:47'), { wide: true })).toBe(capture('kubectl get cj -o wide'))
  })
  it('kubectl get cm', () => {
    expect(get('configmaps', F.configMaps, t('03:57:48'))).toBe(capture('kubectl get cm'))
  })
  it('kubectl get secrets', () => {
    expect(get('secrets', F.secrets, t('03:57:48'))).toBe(capture('kubectl get secrets'))
  })
  it('kubectl get sa', () => {
    expect(get('serviceaccounts', F.serviceAccounts, t('03:57:48'))).toBe(capture('kubectl get sa'))
  })
})

describe('several resource types in one command (get.go group loop)', () => {
  const now = F.NOW.getAll
  it('kubectl get deploy,rs', () => {
    const out = printTableGroups([
      { table: table('deployments', [F.deployment], F.ms('03:57:44')), options: { withKind: 'deployment.apps' } },
      { table: table('replicasets', F.replicaSets, F.ms('03:57:44')), options: { withKind: 'replicaset.apps' } },
    ])
    expect(out).toBe(capture('kubectl get deploy,rs'))
  })
  it('kubectl get all', () => {
    const out = printTableGroups([
      { table: table('pods', F.defaultPods, now), options: { withKind: 'pod' } },
      { table: table('services', F.services, now), options: { withKind: 'service' } },
      { table: table('daemonsets', [], now), options: { withKind: 'daemonset.apps' } },
      { table: table('deployments', [F.deployment], now), options: { withKind: 'deployment.apps' } },
      { table: table('replicasets', F.replicaSets, now), options: { withKind: 'replicaset.apps' } },
      { table: table('statefulsets', [F.statefulSet], now), options: { withKind: 'statefulset.apps' } },
      { table: table('jobs', [F.job], now), options: { withKind: 'job.batch' } },
      { table: table('cronjobs', [F.cronJob], now), options: { withKind: 'cronjob.batch' } },
    ])
    expect(out).toBe(capture('kubectl get all'))
  })
  it('prints nothing when no group has rows', () => {
    expect(printTableGroups([{ table: table('pods', [], now), options: {} }])).toBe('')
  })
})

describe('TablePrinter behaviours', () => {
  it('prints no header for --no-headers', () => {
    expect(get('namespaces', F.namespaces.slice(0, 1), F.NOW.getPods, { noHeaders: true })).toBe('default   Active   3d\n')
  })

  it('adds -L label columns headed by the last path segment, before LABELS', () => {
    const out = get('pods', [F.myappPod, F.nginx7xk2p], F.NOW.getPods, { columnLabels: ['app.kubernetes.io/name', 'app'], showLabels: true })
    expect(out.split('\n')[0]).toBe('NAME                                READY   STATUS     RESTARTS   AGE    NAME    APP     LABELS')
    expect(out.split('\n')[1]).toBe('myapp-pod                           0/1     Init:0/1   0          105s   MyApp           app.kubernetes.io/name=MyApp')
  })

  it('keeps columns aligned and headers once across a watch stream (kubectl get -w)', () => {
    const p = new TablePrinter()
    p.printObj(printTable('pods', [F.nginx7xk2p], F.NOW.getPods))
    const first = p.flush()
    expect(first).toBe(
      'NAME                                READY   STATUS    RESTARTS   AGE\n' + 'nginx-deployment-86dcfdf4c6-7xk2p   1/1     Running   0          120m\n',
    )
    // a later event for a pod with a short name keeps the remembered widths, and no header
    p.printObj(printTable('pods', [F.pending], F.NOW.getPods))
    expect(p.flush()).toBe('pending                             0/1     Pending   0          60s\n')
    // a wider cell widens that column from then on
    p.printObj(printTable('pods', [F.badimage], F.NOW.getPods))
    expect(p.flush()).toBe('badimage                            0/1     ImagePullBackOff   0          2m15s\n')
    p.printObj(printTable('pods', [F.pending], F.NOW.getPods, { noHeaders: true }))
    expect(p.flush()).toBe('pending                             0/1     Pending            0          60s\n')
  })

  it('prefixes rows with the watch event type for --output-watch-events', () => {
    const p = new TablePrinter()
    p.printObj(printTable('pods', [F.pending], F.NOW.getPods), 'ADDED')
    // "ADDED   " is padded to 8 by kubectl itself, then the tabwriter adds its 3
    expect(p.flush()).toBe('EVENT      NAME      READY   STATUS    RESTARTS   AGE\n' + 'ADDED      pending   0/1     Pending   0          60s\n')
  })

  it('prints the header of a watch only once rows arrive', () => {
    const p = new TablePrinter()
    p.printObj(printTable('pods', [], F.NOW.getPods))
    expect(p.flush()).toBe('')
    p.printObj(printTable('pods', [F.pending], F.NOW.getPods))
    expect(p.flush()).toBe('NAME      READY   STATUS    RESTARTS   AGE\n' + 'pending   0/1     Pending   0          60s\n')
  })

  it('cuts a cell at its first line break and escapes terminal control characters', () => {
    const ns = { ...F.namespaces[0], status: { phase: 'Act\x1bive\nmore' } }
    expect(get('namespaces', [ns], F.NOW.getPods, { noHeaders: true })).toBe('default   Act^[ive...   3d\n')
    expect(escapeTerminal('a\rb')).toBe('a\\rb')
  })

  it('prints the default NAME / CREATED AT table for resources without a printer', () => {
    const role = { apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'ClusterRole', metadata: { name: 'admin', creationTimestamp: '2026-11-19T03:57:29Z' } }
    expect(get('clusterroles', [role], F.NOW.getPods)).toBe('NAME    CREATED AT\nadmin   2026-11-19T03:57:29Z\n')
  })
})
