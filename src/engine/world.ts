// The whole simulated world: one virtual clock, one seeded random generator, and a cluster
// (store, apiserver, controller manager, scheduler, kubelets). createWorld boots a scenario and
// runs virtual time until it is ready. Everything happens on the clock: commands, controllers
// and kubelets react on timers and drained work queues, never on wall time.

import { VirtualClock } from './clock/virtualClock'
import { Rng } from './clock/random'
import { Store } from './store/store'
import { ApiServer } from './apiserver/apiServer'
import { Client } from './client/client'
import { InformerFactory } from './client/informer'
import { processNextWorkItem, type Reconciler } from './client/controller'
import { Scheduler } from './scheduler/scheduler'
import { Kubelet } from './node/kubelet'
import { ServiceAccountsController } from './controllers/serviceAccount'
import { NamespaceController } from './controllers/namespace'
import { ReplicaSetController } from './controllers/replicaSet'
import { DeploymentController } from './controllers/deployment'
import { DaemonSetController } from './controllers/daemonSet'
import { KUBERNETES_VERSION, kindAddons, kindNodes, SYSTEM_NAMESPACES, SYSTEM_SERVICE_ACCOUNTS } from './cluster/kind'
import { isNodeReady, isPodReady } from './api/podutil'
import type { KubeObject, Node, Pod } from './api/types'
import type { ApplyResult, AuditEvent, ObjectChange } from './publicTypes'
import { StatusError } from './api/errors'
import { Host } from './host/host'
import { encodeBase64String } from './api/base64'
import { ShellSession } from './shell/session'
import { kubectlProgram } from './cli/kubectl/kubectl'
import type { ApiEndpoints } from './cli/kubectl/factory'
import { kindKubeconfig } from './cli/kubectl/kubeconfig'
import { toKubectlYaml } from './cli/kubectl/printers/yamlPrinter'
import { applyFromEditor } from './cli/kubectl/commands/apply'

/** Virtual time at which every world starts: fixed, so transcripts are byte-identical. */
export const DEFAULT_START_TIME = Date.UTC(2026, 10, 22, 9, 0, 0)

export interface WorldOptions {
  seed?: number
  scenario?: string
  startTime?: number
  /** Worker nodes of the kind cluster (kind's default config here: 2). */
  workers?: number
}

export const SCENARIOS = ['kind', 'empty'] as const

/** Guard against hot loops: a reconciler requeuing forever fails loudly instead of hanging. */
const MAX_STEPS_PER_DRAIN = 1_000_000

export class Cluster {
  readonly store = new Store()
  readonly apiserver: ApiServer
  readonly kubelets = new Map<string, Kubelet>()
  readonly reconcilers: Reconciler[] = []
  readonly name: string

  constructor(
    readonly world: World,
    name: string,
  ) {
    this.name = name
    this.apiserver = new ApiServer({ store: this.store, clock: world.clock, rng: world.rng, version: KUBERNETES_VERSION, advertiseAddress: '172.18.0.2:6443' })
    this.apiserver.setNodeProxy({
      logs: (nodeName, pod, query) => this.kubeletFor(nodeName, pod).logs(pod as Pod, query),
      followLogs: (nodeName, pod, query, onData, onEnd) => this.kubeletFor(nodeName, pod).followLogs(pod as Pod, query, onData, onEnd),
    })
  }

  private kubeletFor(nodeName: string, pod: KubeObject): Kubelet {
    const k = this.kubelets.get(nodeName)
    if (!k) {
      throw new StatusError({
        apiVersion: 'v1',
        kind: 'Status',
        metadata: {},
        status: 'Failure',
        message: `pod ${pod.metadata?.name} does not have a host assigned`,
        reason: 'BadRequest',
        code: 400,
      })
    }
    return k
  }

  client(user: string): Client {
    return new Client(this.apiserver, user)
  }

  register(r: Reconciler): void {
    this.reconcilers.push(r)
  }
}

/**
 * A client for programs outside the cluster (kubectl): it hands the responses' Warning headers
 * to the program. Between two of its requests real time
 * passes, in which controllers react: after each write, let them run, so that `apply` of a
 * Namespace and a Pod in it finds the namespace's default ServiceAccount as it would.
 */
class SettlingClient extends Client {
  constructor(
    api: ApiServer,
    user: string,
    private readonly settle: () => void,
    private readonly onWarning?: (warning: string) => void,
  ) {
    super(api, user)
  }

  override request(req: Parameters<Client['request']>[0]): ReturnType<Client['request']> {
    const res = super.request(req)
    for (const w of res.warnings ?? []) this.onWarning?.(w)
    if (req.method !== 'GET') this.settle()
    return res
  }
}

export class World {
  readonly clock: VirtualClock
  readonly rng: Rng
  readonly scenario: string
  cluster: Cluster | undefined
  /** The user's laptop: where the terminal opens, with kubectl and a kubeconfig. */
  readonly host: Host
  /** API servers reachable from the host, by URL. */
  private readonly servers = new Map<string, Cluster>()
  private readonly sessions = new Map<string, ShellSession>()
  private draining = false

  constructor(opts: WorldOptions = {}) {
    this.clock = new VirtualClock(opts.startTime ?? DEFAULT_START_TIME)
    this.rng = new Rng(opts.seed ?? 1)
    this.scenario = opts.scenario ?? 'kind'
    this.clock.afterTimer = () => this.runUntilIdle()
    this.host = new Host('podlab', this.clock)
    this.host.install('kubectl', kubectlProgram(this.endpoints()))
  }

  /** How kubectl on the host reaches API servers. */
  endpoints(): ApiEndpoints {
    return {
      clientFor: (server, user, onWarning) => {
        const cluster = this.servers.get(server)
        return cluster && new SettlingClient(cluster.apiserver, user || 'kubernetes-admin', () => this.runUntilIdle(), onWarning)
      },
      now: () => this.clock.now(),
    }
  }

  /** Makes a cluster's API server reachable at `server` (kind publishes it on 127.0.0.1). */
  exposeApiServer(server: string, cluster: Cluster): void {
    this.servers.set(server, cluster)
  }

  /** The terminal session with this id, opened on the host the first time it is asked for. */
  terminal(id: string): ShellSession {
    let s = this.sessions.get(id)
    if (!s) {
      s = new ShellSession(id, this.host)
      this.sessions.set(id, s)
    }
    return s
  }

  /** The editor's Apply: `kubectl apply -f <fileName>` on the editor's text (or its dry run). */
  apply(fileName: string, content: string, dryRun: boolean): ApplyResult {
    let result: ApplyResult
    try {
      result = applyFromEditor(this.host, this.endpoints(), fileName, content, dryRun)
    } catch (e) {
      // A bug in kubectl's simulation must not stop the world the user is working in.
      result = { stdout: '', stderr: `kubectl: internal error: ${e instanceof Error ? e.message : String(e)}\n`, exitCode: 1, fieldErrors: [] }
    }
    this.runUntilIdle()
    return result
  }

  now(): number {
    return this.clock.now()
  }

  nextDueAt(): number | undefined {
    return this.clock.nextDueAt()
  }

  advanceTo(t: number): void {
    this.runUntilIdle()
    this.clock.advanceTo(t)
    this.runUntilIdle()
  }

  advance(ms: number): void {
    this.advanceTo(this.clock.now() + ms)
  }

  /** Drain every work queue, round-robin in registration order, until nothing is left to do. */
  runUntilIdle(): void {
    if (this.draining || !this.cluster) return
    this.draining = true
    try {
      let steps = 0
      for (;;) {
        let progressed = false
        for (const r of this.cluster.reconcilers) {
          if (processNextWorkItem(r)) {
            progressed = true
            if (++steps > MAX_STEPS_PER_DRAIN) throw new Error(`${r.name}: work queues did not drain after ${MAX_STEPS_PER_DRAIN} steps`)
          }
        }
        if (!progressed) break
      }
    } finally {
      this.draining = false
    }
  }

  /** Run virtual time until `done` holds, or `timeoutMs` passes. Returns whether it holds. */
  runUntil(done: () => boolean, timeoutMs: number): boolean {
    const deadline = this.clock.now() + timeoutMs
    this.runUntilIdle()
    while (!done()) {
      const next = this.clock.nextDueAt()
      if (next === undefined || next > deadline) {
        this.clock.advanceTo(deadline)
        this.runUntilIdle()
        return done()
      }
      this.clock.advanceTo(next)
      this.runUntilIdle()
    }
    return true
  }

  /** Every API object change of the current cluster, first replaying what exists. */
  watchObjects(listener: (c: ObjectChange) => void): () => void {
    const cluster = this.cluster
    if (!cluster) return () => {}
    for (const kv of cluster.store.range<KubeObject>('/registry/')) {
      const obj = kv.value
      if (obj.metadata?.uid) listener({ type: 'upsert', uid: obj.metadata.uid, object: obj })
    }
    const w = cluster.store.watch('/registry/', (e) => {
      const obj = (e.type === 'DELETE' ? e.prevKv?.value : e.kv.value) as KubeObject | undefined
      const uid = obj?.metadata?.uid
      if (!obj || !uid) return
      listener(e.type === 'DELETE' ? { type: 'delete', uid, object: obj } : { type: 'upsert', uid, object: obj })
    })
    return () => w.cancel()
  }

  onAudit(listener: (e: AuditEvent) => void): () => void {
    return this.cluster ? this.cluster.apiserver.onAudit(listener) : () => {}
  }
}

/** Boot a kind-style cluster: namespaces, controllers, scheduler, kubelets and add-ons. */
export function bootKindCluster(world: World, clusterName = 'kind', workers = 2): Cluster {
  const cluster = new Cluster(world, clusterName)
  world.cluster = cluster
  const admin = cluster.client('kubernetes-admin')
  for (const ns of SYSTEM_NAMESPACES) admin.create('namespaces', undefined, { apiVersion: 'v1', kind: 'Namespace', metadata: { name: ns } })
  const caCert = `-----BEGIN CERTIFICATE-----\n${world.rng.hex(64)}\n-----END CERTIFICATE-----\n`
  const cmClient = cluster.client('system:kube-controller-manager')
  const ctx = { client: cmClient, clock: world.clock, rng: world.rng, informers: new InformerFactory(cmClient) }
  const controllers = [
    new ServiceAccountsController(ctx, caCert),
    new NamespaceController(ctx),
    new DeploymentController(ctx),
    new ReplicaSetController(ctx),
    new DaemonSetController(ctx),
  ]
  ctx.informers.start()
  for (const c of controllers) cluster.register(c)
  world.runUntilIdle()
  for (const [ns, name] of SYSTEM_SERVICE_ACCOUNTS) {
    admin.create('serviceaccounts', ns, { apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name, namespace: ns } })
  }
  const nodes = kindNodes(clusterName, workers)
  cluster.register(new Scheduler(cluster.client('system:kube-scheduler'), world.clock, world.rng, nodes[0].name))
  for (const spec of nodes) {
    // Containers that talk to the API themselves (kube-proxy's Starting event) get their service account's client.
    const kubelet = new Kubelet(cluster.client(`system:node:${spec.name}`), world.clock, world.rng, spec, { clientFor: (user) => cluster.client(user) })
    cluster.kubelets.set(spec.name, kubelet)
    cluster.register(kubelet)
  }
  const addons = kindAddons()
  for (const svc of addons.services) admin.create('services', svc.metadata!.namespace, svc)
  for (const ds of addons.daemonSets) admin.create('daemonsets', 'kube-system', ds)
  for (const d of addons.deployments) admin.create('deployments', d.metadata!.namespace, d)
  world.runUntilIdle()
  writeKindKubeconfig(world, cluster, clusterName)
  return cluster
}

/** kind publishes the API server on a random local port and writes ~/.kube/config for it. */
function writeKindKubeconfig(world: World, cluster: Cluster, clusterName: string): void {
  const server = `https://127.0.0.1:${32768 + world.rng.int(60999 - 32768)}`
  world.exposeApiServer(server, cluster)
  const pem = (label: string) => encodeBase64String(`-----BEGIN ${label}-----\n${world.rng.hex(64)}\n-----END ${label}-----\n`)
  const config = kindKubeconfig(clusterName, server, { ca: pem('CERTIFICATE'), cert: pem('CERTIFICATE'), key: pem('RSA PRIVATE KEY') })
  world.host.fs.mkdirAll(`${world.host.home}/.kube`)
  world.host.fs.writeFile(`${world.host.home}/.kube/config`, toKubectlYaml(config))
}
/** True when every node is Ready and every pod in the cluster is Running and ready. */
export function clusterReady(cluster: Cluster): boolean {
  const c = cluster.client('podlab')
  const nodes = c.list<Node>('nodes').items
  const pods = c.list<Pod>('pods').items
  return nodes.length > 0 && nodes.every(isNodeReady) && pods.length > 0 && pods.every((p) => p.status?.phase === 'Running' && isPodReady(p))
}

export function createWorld(opts: WorldOptions = {}): World {
  const world = new World(opts)
  if (world.scenario === 'kind') {
    const cluster = bootKindCluster(world, 'kind', opts.workers)
    world.runUntil(() => clusterReady(cluster), 5 * 60_000)
  } else if (world.scenario !== 'empty') {
    throw new Error(`unknown scenario "${world.scenario}": known scenarios are ${SCENARIOS.join(', ')}`)
  }
  return world
}
