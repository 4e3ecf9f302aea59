import { describe, it, expect } from 'vitest'
import { printTable, hasTableHandler } from './index'
import { printPod } from './pod'
import { printNode } from './node'
import { printEvent } from './event'
import { formatLabels, formatLabelSelector, labelSelectorAsSelectorString } from './helpers'
import type { Event, Node, Pod, Service } from '../types'

const NOW = Date.parse('2026-11-22T04:00:00Z')
const ago = (s: number): string => new Date(NOW - s * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z')

function pod(spec: Partial<NonNullable<Pod['spec']>>, status: NonNullable<Pod['status']>, meta: Partial<NonNullable<Pod['metadata']>> = {}): Pod {
  return {
    metadata: { name: 'p', namespace: 'default', creationTimestamp: ago(30), ...meta },
    spec: { containers: [{ name: 'a', image: 'x' }], ...spec },
    status,
  }
}

/** READY, STATUS, RESTARTS of printPod. */
const rsr = (p: Pod): [unknown, unknown, unknown] => {
  const c = printPod(p, NOW)
  return [c[1], c[2], c[3]]
}

describe('printPod status logic (printers.go printPod, facts §1.4)', () => {
  it('shows the phase when no container has a reason', () => {
    expect(rsr(pod({}, { phase: 'Pending' }))).toEqual(['0/1', 'Pending', '0'])
  })
  it('takes the reason of the first container with one, scanning from the last', () => {
    const p = pod(
      { containers: [{ name: 'a' }, { name: 'b' }] },
      {
        phase: 'Running',
        containerStatuses: [
          { name: 'a', image: '', imageID: '', ready: false, restartCount: 0, state: { waiting: { reason: 'ErrImagePull' } } },
          { name: 'b', image: '', imageID: '', ready: false, restartCount: 0, state: { waiting: { reason: 'ContainerCreating' } } },
        ],
      },
    )
    expect(rsr(p)).toEqual(['0/2', 'ErrImagePull', '0'])
  })
  it('prints ExitCode:N and Signal:N for terminations without a reason', () => {
    const t = (terminated: object): Pod =>
      pod({}, { phase: 'Running', containerStatuses: [{ name: 'a', image: '', imageID: '', ready: false, restartCount: 0, state: { terminated: { exitCode: 2, ...terminated } } }] })
    expect(rsr(t({}))[1]).toBe('ExitCode:2')
    expect(rsr(t({ signal: 9 }))[1]).toBe('Signal:9')
  })
  it('turns Completed back into Running or NotReady while another container runs', () => {
    const statuses = [
      { name: 'a', image: '', imageID: '', ready: false, restartCount: 0, state: { terminated: { exitCode: 0, reason: 'Completed' } } },
      { name: 'b', image: '', imageID: '', ready: true, restartCount: 0, state: { running: {} } },
    ]
    const spec = { containers: [{ name: 'a' }, { name: 'b' }] }
    expect(rsr(pod(spec, { phase: 'Running', containerStatuses: statuses, conditions: [{ type: 'Ready', status: 'True' }] }))[1]).toBe('Running')
    expect(rsr(pod(spec, { phase: 'Running', containerStatuses: statuses }))[1]).toBe('NotReady')
  })
  it('reports init container progress, failures and back-off', () => {
    const spec = { initContainers: [{ name: 'i1' }, { name: 'i2' }] }
    const init = (state: object, exitCode?: number): Pod =>
      pod(spec, {
        phase: 'Pending',
        initContainerStatuses: [
          { name: 'i1', image: '', imageID: '', ready: false, restartCount: 0, state: { terminated: { exitCode: 0, reason: 'Completed' } } },
          { name: 'i2', image: '', imageID: '', ready: false, restartCount: 3, state: exitCode === undefined ? state : { terminated: { exitCode, ...state } } },
        ],
      })
    expect(rsr(init({ running: {} }))).toEqual(['0/1', 'Init:1/2', '3'])
    expect(rsr(init({ waiting: { reason: 'CrashLoopBackOff' } }))[1]).toBe('Init:CrashLoopBackOff')
    expect(rsr(init({ reason: 'Error' }, 1))[1]).toBe('Init:Error')
    expect(rsr(init({}, 3))[1]).toBe('Init:ExitCode:3')
    expect(rsr(init({ waiting: { reason: 'PodInitializing' } }))[1]).toBe('Init:1/2')
  })
  it('counts a started sidecar (restartPolicy Always init container) as a container', () => {
    const p = pod(
      { initContainers: [{ name: 'side', restartPolicy: 'Always' }] },
      {
        phase: 'Running',
        conditions: [{ type: 'Initialized', status: 'True' }],
        initContainerStatuses: [{ name: 'side', image: '', imageID: '', ready: true, started: true, restartCount: 2, state: { running: {} } }],
        containerStatuses: [{ name: 'a', image: '', imageID: '', ready: true, restartCount: 1, state: { running: {} } }],
      },
    )
    expect(rsr(p)).toEqual(['2/2', 'Running', '3'])
  })
  it('shows Terminating, or Unknown for a NodeLost pod being deleted', () => {
    expect(rsr(pod({}, { phase: 'Running' }, { deletionTimestamp: ago(-10) }))[1]).toBe('Terminating')
    expect(rsr(pod({}, { phase: 'Succeeded' }, { deletionTimestamp: ago(-10) }))[1]).toBe('Succeeded')
    expect(rsr(pod({}, { phase: 'Running', reason: 'NodeLost' }, { deletionTimestamp: ago(-10) }))[1]).toBe('Unknown')
    expect(rsr(pod({}, { phase: 'Running', reason: 'NodeLost' }))[1]).toBe('NodeLost')
    expect(rsr(pod({}, { phase: 'Failed', reason: 'Evicted' }))[1]).toBe('Evicted')
  })
  it('shows SchedulingGated', () => {
    expect(rsr(pod({}, { phase: 'Pending', conditions: [{ type: 'PodScheduled', status: 'False', reason: 'SchedulingGated' }] }))[1]).toBe('SchedulingGated')
  })
  it('adds "(95s ago)" to restarts when a last termination time is known', () => {
    const p = pod({}, {
      phase: 'Running',
      containerStatuses: [
        { name: 'a', image: '', imageID: '', ready: true, restartCount: 4, state: { running: {} }, lastState: { terminated: { exitCode: 1, finishedAt: ago(95) } } },
      ],
    })
    expect(rsr(p)).toEqual(['1/1', 'Running', '4 (95s ago)'])
  })
  it('fills the wide cells, readiness gates included', () => {
    const p = pod(
      { nodeName: 'n1', readinessGates: [{ conditionType: 'x/ready' }, { conditionType: 'y/ready' }] },
      { phase: 'Running', podIPs: [{ ip: '10.0.0.1' }], nominatedNodeName: 'n2', conditions: [{ type: 'x/ready', status: 'True' }] },
    )
    expect(printPod(p, NOW).slice(5)).toEqual(['10.0.0.1', 'n1', 'n2', '1/2'])
    expect(printPod(pod({}, {}), NOW).slice(5)).toEqual(['<none>', '<none>', '<none>', '<none>'])
  })
})

describe('printNode', () => {
  const node = (conditions: { type: string; status: string }[], unschedulable = false, labels: Record<string, string> = {}): Node => ({
    metadata: { name: 'n', creationTimestamp: ago(100), labels },
    spec: { unschedulable },
    status: { conditions, nodeInfo: { kubeletVersion: 'v1.32.2' } as never },
  })
  it('derives STATUS from the Ready condition and cordoning', () => {
    expect(printNode(node([{ type: 'Ready', status: 'True' }]), NOW)[1]).toBe('Ready')
    expect(printNode(node([{ type: 'Ready', status: 'Unknown' }]), NOW)[1]).toBe('NotReady')
    expect(printNode(node([]), NOW)[1]).toBe('Unknown')
    expect(printNode(node([{ type: 'Ready', status: 'True' }], true), NOW)[1]).toBe('Ready,SchedulingDisabled')
  })
  it('lists roles from both label styles, sorted; <unknown> for missing node info', () => {
    const cells = printNode(node([], false, { 'node-role.kubernetes.io/worker': '', 'kubernetes.io/role': 'infra', 'node-role.kubernetes.io/': '' }), NOW)
    expect(cells[2]).toBe('infra,worker')
    expect(cells.slice(5)).toEqual(['<none>', '<none>', '<unknown>', '<unknown>', '<unknown>'])
  })
})

describe('printEvent wide cells', () => {
  it('fills SUBOBJECT, SOURCE, FIRST SEEN, COUNT and NAME', () => {
    const e: Event = {
      metadata: { name: 'web.187a' },
      involvedObject: { kind: 'Pod', name: 'web', fieldPath: 'spec.containers{nginx}' },
      reason: 'Pulled',
      type: 'Normal',
      message: 'ok\n',
      firstTimestamp: ago(300),
      lastTimestamp: ago(10),
      count: 3,
      source: { component: 'kubelet', host: 'kind-worker' },
    }
    expect(printEvent(e, NOW)).toEqual(['10s', 'Normal', 'Pulled', 'pod/web', 'spec.containers{nginx}', 'kubelet, kind-worker', 'ok', '5m', 3, 'web.187a'])
  })
  it('falls back to eventTime and reportingController, and counts a singleton as 1', () => {
    const e: Event = {
      metadata: { name: 'x' },
      involvedObject: { kind: 'Node' },
      reason: 'R',
      eventTime: '2026-11-22T03:59:00.000000Z',
      reportingComponent: 'node-controller',
    }
    expect(printEvent(e, NOW)).toEqual(['60s', '', 'R', 'node', '', 'node-controller', '', '60s', 1, 'x'])
  })
})

describe('services', () => {
  const svc = (spec: Service['spec'], status?: Service['status']): Service => ({ metadata: { name: 's', creationTimestamp: ago(5) }, spec, status })
  const cells = (s: Service): unknown[] => printTable('services', [s], NOW).rows[0].cells
  it('lists load-balancer ingress sorted, plus external IPs; <pending> when none', () => {
    expect(cells(svc({ type: 'LoadBalancer', clusterIPs: ['10.96.0.9'], ports: [{ port: 80, nodePort: 30000, protocol: 'TCP' }] }))[3]).toBe('<pending>')
    const lb = svc(
      { type: 'LoadBalancer', externalIPs: ['1.2.3.4'], ports: [{ port: 80, protocol: 'TCP' }, { port: 443, protocol: 'TCP' }] },
      { loadBalancer: { ingress: [{ ip: '9.9.9.9' }, { hostname: 'a.example.com' }] } },
    )
    expect(cells(lb).slice(2, 5)).toEqual(['<none>', '9.9.9.9,a.example.com,1.2.3.4', '80/TCP,443/TCP'])
  })
})

describe('label helpers (apimachinery labels)', () => {
  it('sorts label pairs as whole strings', () => {
    expect(formatLabels({ app: 'y', 'app.kubernetes.io/name': 'x' })).toBe('app.kubernetes.io/name=x,app=y')
    expect(formatLabels({})).toBe('<none>')
  })
  it('prints selectors with requirements sorted by key and values sorted', () => {
    const sel = {
      matchLabels: { tier: 'web', app: 'nginx' },
      matchExpressions: [
        { key: 'env', operator: 'In', values: ['prod', 'dev'] },
        { key: 'zone', operator: 'NotIn', values: ['b'] },
        { key: 'gpu', operator: 'Exists' },
        { key: 'old', operator: 'DoesNotExist' },
      ],
    }
    expect(formatLabelSelector(sel)).toBe('app=nginx,env in (dev,prod),gpu,!old,tier=web,zone notin (b)')
    expect(formatLabelSelector({})).toBe('<none>')
    expect(formatLabelSelector({ matchExpressions: [{ key: 'a', operator: 'Bad' }] })).toBe('<error>')
    expect(labelSelectorAsSelectorString(undefined)).toEqual({ ok: true, selector: '' })
  })
})

describe('printTable', () => {
  it('returns a meta.k8s.io/v1 Table with upstream column definitions and the objects', () => {
    const p = pod({}, { phase: 'Pending' })
    const table = printTable('pods', [p], NOW, { listMeta: { resourceVersion: '42' } })
    expect(table.apiVersion).toBe('meta.k8s.io/v1')
    expect(table.kind).toBe('Table')
    expect(table.metadata).toEqual({ resourceVersion: '42' })
    expect(table.columnDefinitions.map((c) => [c.name, c.type, c.format, c.priority])).toEqual([
      ['Name', 'string', 'name', 0],
      ['Ready', 'string', '', 0],
      ['Status', 'string', '', 0],
      ['Restarts', 'string', '', 0],
      ['Age', 'string', '', 0],
      ['IP', 'string', '', 1],
      ['Node', 'string', '', 1],
      ['Nominated Node', 'string', '', 1],
      ['Readiness Gates', 'string', '', 1],
    ])
    expect(table.rows[0].object).toBe(p)
    expect(printTable('pods', [p], NOW, { noHeaders: true }).columnDefinitions).toEqual([])
  })
  it('has the event columns in the wide order of printers.go', () => {
    expect(printTable('events', [], NOW).columnDefinitions.map((c) => `${c.name}:${c.priority}`)).toEqual([
      'Last Seen:0', 'Type:0', 'Reason:0', 'Object:0', 'Subobject:1', 'Source:1', 'Message:0', 'First Seen:1', 'Count:1', 'Name:1',
    ])
  })
  it('falls back to the default NAME / Created At table', () => {
    expect(hasTableHandler('clusterroles')).toBe(false)
    const t = printTable('clusterroles', [{ metadata: { name: 'admin' } }], NOW)
    expect(t.columnDefinitions.map((c) => [c.name, c.type])).toEqual([['Name', 'string'], ['Created At', 'date']])
    expect(t.rows[0].cells).toEqual(['admin', '0001-01-01T00:00:00Z'])
  })
  it('does not mutate frozen inputs', () => {
    const p = Object.freeze(pod({}, Object.freeze({ phase: 'Running' })))
    expect(() => printTable('pods', [p], NOW)).not.toThrow()
  })
})
