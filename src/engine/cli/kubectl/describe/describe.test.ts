import { readFileSync } from 'node:fs'
import { describe, it, expect } from 'vitest'
import type { Event, Pod } from '../../../api/types'
import * as F from '../printers/testdata/factsCluster'
import { describeNamespace } from './namespace'
import { describeNode } from './node'
import { describePod } from './pod'
import { formatRFC1123Z, LEVEL_1, printAnnotationsMultiline, tabbedString } from './describe'
import { describeEvents } from './events'

// The captured outputs of the facts file, looked up by their command line.
const FACTS = readFileSync(new URL('../../../../../../shared/reference/kubernetes-docker-facts.md', import.meta.url), 'utf8')
function capture(command: string): string {
  const start = FACTS.indexOf('```text\n$ ' + command + '\n')
  if (start < 0) throw new Error(`no capture for ${command}`)
  const body = FACTS.slice(start + '```text\n$ '.length + command.length + 1)
  return body.slice(0, body.indexOf('```'))
}

describe('kubectl describe pod (facts §2.1)', () => {
  const cases: [command: string, pod: Pod, events: Event[], now: number][] = [
    ['kubectl describe pod nginx-deployment-86dcfdf4c6-7xk2p', F.nginx7xk2p, F.nginx7xk2pEvents, F.NOW.describeNginx],
    ['kubectl describe pod crasher', F.crasher, F.crasherEvents, F.NOW.describeCrasher],
    ['kubectl describe pod badimage', F.badimage, F.badimageEvents, F.NOW.describeBadimage],
    ['kubectl describe pod pending', F.pending, F.pendingEvents, F.NOW.describePending],
    ['kubectl describe pod pi-x8k2d', F.piPod, [], F.NOW.getPods],
    ['kubectl describe pod myapp-pod', F.myappPod, [], F.NOW.getPods],
    ['kubectl describe pod memhog', F.memhog, [], F.NOW.getPods],
    ['kubectl describe pod goingaway', F.goingaway, [], F.NOW.getPods],
  ]
  it.each(cases)('%s', (command, pod, events, now) => {
    expect(describePod(pod, events, now)).toBe(capture(command))
  })

  it('omits the Events section with --show-events=false', () => {
    expect(describePod(F.piPod, null, F.NOW.getPods)).not.toContain('Events:')
  })

  it('prints events newest last whatever the input order', () => {
    const reversed = [...F.crasherEvents].reverse()
    const out = describePod(F.crasher, reversed, F.NOW.describeCrasher)
    const lines = out.split('\n').filter((l) => l.startsWith('  Normal') || l.startsWith('  Warning'))
    expect(lines[0]).toContain('Scheduled')
    expect(lines[lines.length - 1]).toContain('BackOff')
  })
})

describe('kubectl describe node (facts §2.1)', () => {
  it('kubectl describe node kind-worker', () => {
    const onWorker = [
      ...F.defaultPods.filter((p) => p.spec?.nodeName === 'kind-worker' && p.status?.phase !== 'Succeeded' && p.status?.phase !== 'Failed'),
      F.kindnetWq8bb,
      F.kubeProxyM2ljd,
    ]
    expect(onWorker).toHaveLength(10)
    expect(describeNode(F.worker, onWorker, [], F.NOW.describeNode, { lease: F.workerLease })).toBe(capture('kubectl describe node kind-worker'))
  })

  it('prints roles and sorted taints of a control-plane node, and a missing lease', () => {
    const out = describeNode(F.controlPlane, [], [], F.NOW.describeNode)
    expect(out).toContain('Roles:              control-plane\n')
    expect(out).toContain('Taints:             node-role.kubernetes.io/control-plane:NoSchedule\n')
    expect(out).toContain('Lease:              Failed to get lease: leases.coordination.k8s.io "kind-control-plane" not found\n')
    expect(out).toContain('Non-terminated Pods:          (0 in total)\n')
  })
})

describe('kubectl describe namespace (facts §2.1)', () => {
  it('kubectl describe ns default (server without quota / limit range lists)', () => {
    expect(describeNamespace(F.namespaces[0], F.NOW.getPods, null, null)).toBe(capture('kubectl describe ns default'))
  })

  it('says "No resource quota." and "No LimitRange resource." for empty lists', () => {
    expect(describeNamespace(F.namespaces[0], F.NOW.getPods)).toBe(
      'Name:         default\n' +
        'Labels:       kubernetes.io/metadata.name=default\n' +
        'Annotations:  <none>\n' +
        'Status:       Active\n' +
        '\n' +
        'No resource quota.\n' +
        '\n' +
        'No LimitRange resource.\n',
    )
  })

  it('tabulates quotas and limit ranges', () => {
    const quota = {
      metadata: { name: 'compute' },
      spec: { hard: { 'requests.cpu': '1', pods: '10' } },
      status: { hard: { 'requests.cpu': '1', pods: '10' }, used: { 'requests.cpu': '500m', pods: '3' } },
    }
    const limits = {
      metadata: { name: 'lr' },
      spec: { limits: [{ type: 'Container', max: { cpu: '1' }, default: { cpu: '500m' }, defaultRequest: { cpu: '250m' } }] },
    }
    expect(describeNamespace(F.namespaces[0], F.NOW.getPods, [quota], [limits])).toBe(
      'Name:         default\n' +
        'Labels:       kubernetes.io/metadata.name=default\n' +
        'Annotations:  <none>\n' +
        'Status:       Active\n' +
        '\n' +
        'Resource Quotas\n' +
        '  Name:         compute\n' +
        '  Resource      Used  Hard\n' +
        '  --------      ---   ---\n' +
        '  pods          3     10\n' +
        '  requests.cpu  500m  1\n' +
        '\n' +
        'Resource Limits\n' +
        ' Type       Resource  Min  Max  Default Request  Default Limit  Max Limit/Request Ratio\n' +
        ' ----       --------  ---  ---  ---------------  -------------  -----------------------\n' +
        ' Container  cpu       -    1    250m             500m           -\n',
    )
  })
})

describe('describe helpers', () => {
  it('formats times as RFC1123Z in UTC', () => {
    expect(formatRFC1123Z('2026-11-22T01:57:39Z')).toBe('Sun, 22 Nov 2026 01:57:39 +0000')
    expect(formatRFC1123Z(undefined)).toBe('Mon, 01 Jan 0001 00:00:00 +0000')
  })

  it('puts long or multi-line annotations under their key', () => {
    const out = tabbedString((w) => printAnnotationsMultiline(w, 'Annotations', { a: 'x', b: 'line1\nline2', 'kubectl.kubernetes.io/last-applied-configuration': '{}' }))
    expect(out).toBe('Annotations:  a: x\n              b:\n                line1\n                line2\n')
  })

  it('prints events of a series and of the events.k8s.io API', () => {
    const now = F.ms('04:00:00')
    const ev: Event = {
      metadata: { name: 'x' },
      involvedObject: {},
      reason: 'FailedScheduling',
      type: 'Warning',
      message: '  no nodes  ',
      eventTime: '2026-11-22T03:50:00.000000Z',
      series: { count: 4, lastObservedTime: '2026-11-22T03:59:00.000000Z' },
      reportingComponent: 'default-scheduler',
    }
    const out = tabbedString((w) => {
      w.write(LEVEL_1, '')
      describeEvents([ev], now, w)
    })
    expect(out).toBe(
      '  Events:\n' +
        '  Type     Reason            Age                From               Message\n' +
        '  ----     ------            ----               ----               -------\n' +
        '  Warning  FailedScheduling  60s (x4 over 10m)  default-scheduler  no nodes\n',
    )
  })
})
