// The kubelet of one node (pkg/kubelet): registers its Node, renews its Lease and heartbeats
// node status, watches the pods bound to it, and makes them real: sandbox and pod IP, image
// pulls (serialized, time from size), container create and start, the simulated program, exits
// and restarts with back-off, graceful termination, status reports, logs and events. Static pods
// (the control plane on a kubeadm/kind control-plane node) are run from manifests and mirrored
// to the API as mirror pods.

import { deepCopy } from '../api/deepCopy'
import type { Clock } from '../clock/virtualClock'
import type { Rng } from '../clock/random'
import type { Container, ContainerStatus, Node, Pod } from '../api/types'
import type { Client } from '../client/client'
import { isNotFound, isConflict } from '../client/client'
import { InformerFactory, type Informer } from '../client/informer'
import { WorkQueue } from '../client/workQueue'
import { EventRecorder } from '../client/eventRecorder'
import type { Reconciler } from '../client/controller'
import { keyOf } from '../client/keys'
import { StatusError, newBadRequest } from '../api/errors'
import { rfc3339 } from '../api/time'
import { podFullName } from '../api/podutil'
import { findImage, parseImageRef, repositoryExists, type CatalogImage } from '../runtime/imageCatalog'
import { isProgram, programFor, type ProcessHandle } from '../programs'
import { computePodStatus, type ContainerRuntimeState } from './podStatus'
import { Backoff } from './backoff'
import { goDuration } from './goDuration'

export interface NodeSpecification {
  name: string
  internalIP: string
  podCIDR: string
  labels: Record<string, string>
  annotations?: Record<string, string>
  taints?: Node['spec'] extends infer S ? (S extends { taints?: infer T } ? T : never) : never
  cpu: number
  memoryKi: number
  providerID: string
  kubeletVersion: string
  /** Images already on the node (kind nodes come with the control plane's images). */
  preloadedImages: string[]
  /** Static pods the kubelet runs from /etc/kubernetes/manifests. */
  staticPods: Pod[]
}

/** Pull speed of the simulated registry: a fixed latency plus size over bandwidth. */
const PULL_LATENCY_MS = 600
const PULL_BYTES_PER_MS = 10_000 // 10 MB/s
const CREATE_MS = 400
const START_MS = 500
const LEASE_RENEW_MS = 10_000
const NODE_STATUS_MS = 10_000
const MAX_LOG_LINES = 5000

interface LogLine {
  time: number
  stream: 'stdout' | 'stderr'
  text: string
}

interface ContainerRuntime extends ContainerRuntimeState {
  spec: Container
  catalogImage?: CatalogImage
  process?: ProcessHandle
  logs: LogLine[]
  previousLogs?: LogLine[]
  followers: Set<(chunk: string) => void>
  /** waiting for something (pull, create, start, back-off) */
  busy: boolean
  killTimer?: () => void
}

interface PodRuntime {
  uid: string
  key: string
  pod: Pod
  podIP?: string
  sandboxReady: boolean
  startTime: string
  containers: ContainerRuntime[]
  terminating: boolean
  lastStatusJson?: string
}

export class Kubelet implements Reconciler {
  readonly name: string
  readonly queue: WorkQueue<string>
  private readonly pods: Informer<Pod>
  private readonly recorder: EventRecorder
  private readonly runtimes = new Map<string, PodRuntime>()
  private readonly images = new Set<string>()
  private readonly backoff: Backoff
  private pullQueueFreeAt = 0
  private nextIP = 2
  private stopped = false

  constructor(
    private readonly client: Client,
    private readonly clock: Clock,
    private readonly rng: Rng,
    readonly spec: NodeSpecification,
  ) {
    this.name = `kubelet/${spec.name}`
    this.queue = new WorkQueue(clock, this.name)
    this.backoff = new Backoff(clock, 10_000, 300_000)
    this.recorder = new EventRecorder(client, clock, { component: 'kubelet', host: spec.name })
    for (const ref of spec.preloadedImages) {
      const parsed = parseImageRef(ref)
      const img = parsed && findImage(parsed)
      if (img) this.images.add(img.digest)
    }
    this.registerNode()
    const factory = new InformerFactory(client)
    this.pods = factory.informerFor<Pod>('pods', { fieldSelector: `spec.nodeName=${spec.name}` })
    this.pods.addEventHandler({
      onAdd: (p) => this.queue.add(keyOf(p)),
      onUpdate: (_o, p) => this.queue.add(keyOf(p)),
      onDelete: (p) => this.queue.add(keyOf(p)),
    })
    factory.start()
    for (const sp of spec.staticPods) this.createMirrorPod(sp)
    this.clock.setTimer(LEASE_RENEW_MS, () => this.renewLease(), `${this.name} lease`)
    this.clock.setTimer(NODE_STATUS_MS, () => this.heartbeat(), `${this.name} status`)
  }

  // --- node registration, lease and heartbeat (kubelet_node_status.go, nodelease) -------------

  private nodeConditions(now: string, transition: string): NonNullable<Node['status']>['conditions'] {
    return [
      { type: 'MemoryPressure', status: 'False', lastHeartbeatTime: now, lastTransitionTime: transition, reason: 'KubeletHasSufficientMemory', message: 'kubelet has sufficient memory available' },
      { type: 'DiskPressure', status: 'False', lastHeartbeatTime: now, lastTransitionTime: transition, reason: 'KubeletHasNoDiskPressure', message: 'kubelet has no disk pressure' },
      { type: 'PIDPressure', status: 'False', lastHeartbeatTime: now, lastTransitionTime: transition, reason: 'KubeletHasSufficientPID', message: 'kubelet has sufficient PID available' },
      { type: 'Ready', status: 'True', lastHeartbeatTime: now, lastTransitionTime: transition, reason: 'KubeletReady', message: 'kubelet is posting ready status' },
    ]
  }

  private registerNode(): void {
    const s = this.spec
    const now = rfc3339(this.clock.now())
    const resources = {
      cpu: String(s.cpu),
      'ephemeral-storage': '102625208Ki',
      'hugepages-1Gi': '0',
      'hugepages-2Mi': '0',
      memory: `${s.memoryKi}Ki`,
      pods: '110',
    }
    const node: Node = {
      apiVersion: 'v1',
      kind: 'Node',
      metadata: {
        name: s.name,
        labels: s.labels,
        annotations: {
          'kubeadm.alpha.kubernetes.io/cri-socket': 'unix:///run/containerd/containerd.sock',
          'node.alpha.kubernetes.io/ttl': '0',
          'volumes.kubernetes.io/controller-managed-attach-detach': 'true',
          ...(s.annotations ?? {}),
        },
      },
      spec: { podCIDR: s.podCIDR, podCIDRs: [s.podCIDR], providerID: s.providerID, ...(s.taints?.length ? { taints: s.taints } : {}) },
      status: {
        capacity: resources,
        allocatable: resources,
        conditions: this.nodeConditions(now, now),
        addresses: [
          { type: 'InternalIP', address: s.internalIP },
          { type: 'Hostname', address: s.name },
        ],
        daemonEndpoints: { kubeletEndpoint: { Port: 10250 } },
        nodeInfo: {
          machineID: this.rng.hex(32),
          systemUUID: this.rng.uid(),
          bootID: this.rng.uid(),
          kernelVersion: '6.8.0-45-generic',
          osImage: 'Debian GNU/Linux 12 (bookworm)',
          containerRuntimeVersion: 'containerd://1.7.24',
          kubeletVersion: s.kubeletVersion,
          kubeProxyVersion: s.kubeletVersion,
          operatingSystem: 'linux',
          architecture: 'amd64',
        },
      },
    }
    this.client.create('nodes', undefined, node)
    this.client.create('leases', 'kube-node-lease', {
      apiVersion: 'coordination.k8s.io/v1',
      kind: 'Lease',
      metadata: { name: s.name, namespace: 'kube-node-lease' },
      spec: { holderIdentity: s.name, leaseDurationSeconds: 40, renewTime: microNow(this.clock.now()) },
    })
  }

  private renewLease(): void {
    if (this.stopped) return
    try {
      const lease = this.client.get('leases', 'kube-node-lease', this.spec.name)
      this.client.update('leases', { ...lease, spec: { ...(lease.spec as object), renewTime: microNow(this.clock.now()) } })
    } catch (e) {
      if (!(e instanceof StatusError)) throw e
    }
    this.clock.setTimer(LEASE_RENEW_MS, () => this.renewLease(), `${this.name} lease`)
  }

  /** Node status is reported every 10 s when it changed, else every 5 min (nodeStatusReportFrequency). */
  private heartbeat(): void {
    if (this.stopped) return
    try {
      const node = this.client.get<Node>('nodes', undefined, this.spec.name)
      const last = node.status?.conditions?.find((c) => c.type === 'Ready')?.lastHeartbeatTime
      const lastMs = last ? Date.parse(last) : 0
      if (this.clock.now() - lastMs >= 5 * 60_000) {
        const now = rfc3339(this.clock.now())
        const conditions = (node.status?.conditions ?? []).map((c) => ({ ...c, lastHeartbeatTime: now }))
        this.client.updateStatus('nodes', { ...node, status: { ...node.status, conditions } })
      }
    } catch (e) {
      if (!(e instanceof StatusError)) throw e
    }
    this.clock.setTimer(NODE_STATUS_MS, () => this.heartbeat(), `${this.name} status`)
  }

  private createMirrorPod(staticPod: Pod): void {
    const node = this.client.get<Node>('nodes', undefined, this.spec.name)
    const hash = this.rng.hex(32)
    const mirror: Pod = deepCopy(staticPod)
    mirror.metadata = {
      ...mirror.metadata,
      name: `${staticPod.metadata!.name}-${this.spec.name}`,
      annotations: {
        ...(mirror.metadata?.annotations ?? {}),
        'kubernetes.io/config.hash': hash,
        'kubernetes.io/config.mirror': hash,
        'kubernetes.io/config.seen': new Date(this.clock.now()).toISOString().replace('Z', '000000Z'),
        'kubernetes.io/config.source': 'file',
      },
      ownerReferences: [{ apiVersion: 'v1', kind: 'Node', name: this.spec.name, uid: node.metadata!.uid!, controller: true }],
    }
    mirror.spec = { ...mirror.spec!, nodeName: this.spec.name }
    this.client.create('pods', mirror.metadata!.namespace, mirror)
  }

  // --- pod workers (pod_workers.go, kubelet.go syncPod / syncTerminatingPod) ----------------

  sync(key: string): void {
    const pod = this.pods.get(key)
    const rt = this.runtimes.get(key)
    if (!pod) {
      // Deleted from the API (force delete, or our own final delete): stop what still runs.
      if (rt) this.killAll(rt, 0)
      this.runtimes.delete(key)
      return
    }
    if (rt && rt.uid !== pod.metadata!.uid) {
      this.killAll(rt, 0)
      this.runtimes.delete(key)
    }
    let runtime = this.runtimes.get(key)
    if (!runtime) {
      if (pod.status?.phase === 'Succeeded' || pod.status?.phase === 'Failed') return
      runtime = this.startPod(key, pod)
    }
    runtime.pod = pod
    if (pod.metadata!.deletionTimestamp) return this.syncTerminating(runtime)
    this.reportStatus(runtime)
  }

  private startPod(key: string, pod: Pod): PodRuntime {
    const hostNetwork = pod.spec?.hostNetwork === true
    const rt: PodRuntime = {
      uid: pod.metadata!.uid!,
      key,
      pod,
      sandboxReady: false,
      startTime: rfc3339(this.clock.now()),
      terminating: false,
      containers: (pod.spec?.containers ?? []).map((c) => ({
        name: c.name,
        spec: c,
        image: c.image ?? '',
        imageID: '',
        containerID: '',
        state: { waiting: { reason: 'ContainerCreating' } },
        lastState: {},
        restartCount: 0,
        ready: false,
        started: false,
        logs: [],
        followers: new Set(),
        busy: true,
      })),
    }
    this.runtimes.set(key, rt)
    // The sandbox (pause container and network namespace) comes up in a moment, then images are pulled.
    this.clock.setTimer(300, () => {
      if (rt.terminating || this.runtimes.get(key) !== rt) return
      rt.sandboxReady = true
      rt.podIP = hostNetwork ? this.spec.internalIP : this.allocateIP()
      this.reportStatus(rt)
      for (const c of rt.containers) this.ensureImage(rt, c)
    }, `${this.name} sandbox ${key}`)
    return rt
  }

  private allocateIP(): string {
    const base = this.spec.podCIDR.split('/')[0].split('.').slice(0, 3).join('.')
    const ip = `${base}.${this.nextIP}`
    this.nextIP = this.nextIP >= 254 ? 2 : this.nextIP + 1
    return ip
  }

  private pullPolicy(c: Container): string {
    if (c.imagePullPolicy) return c.imagePullPolicy
    const ref = parseImageRef(c.image ?? '')
    return !ref || ref.tag === 'latest' ? 'Always' : 'IfNotPresent'
  }

  /** image_manager.go EnsureImageExists */
  private ensureImage(rt: PodRuntime, c: ContainerRuntime): void {
    const image = c.spec.image ?? ''
    const ref = parseImageRef(image)
    const ctr = `spec.containers{${c.name}}`
    if (!ref) {
      this.recorder.event(rt.pod, 'Warning', 'InspectFailed', `Failed to apply default image tag "${image}": couldn't parse image name "${image}": invalid reference format`, ctr)
      this.setWaiting(rt, c, 'InvalidImageName', `Failed to apply default image tag "${image}": couldn't parse image name "${image}": invalid reference format`)
      return
    }
    const found = findImage(ref)
    const policy = this.pullPolicy(c.spec)
    const present = found && this.images.has(found.digest)
    if (present && policy !== 'Always') {
      this.recorder.event(rt.pod, 'Normal', 'Pulled', `Container image "${image}" already present on machine`, ctr)
      c.image = found.repository.startsWith('docker.io/') ? `${found.repository}:${ref.tag}` : `${found.repository}:${ref.tag}`
      c.imageID = `${found.repository}@${found.digest}`
      return this.createContainer(rt, c, found)
    }
    if (policy === 'Never') {
      const msg = `Container image "${image}" is not present with pull policy of Never`
      this.recorder.event(rt.pod, 'Warning', 'ErrImageNeverPull', msg, ctr)
      return this.setWaiting(rt, c, 'ErrImageNeverPull', msg)
    }
    const backoffKey = `pull/${rt.uid}/${c.name}`
    this.recorder.event(rt.pod, 'Normal', 'Pulling', `Pulling image "${image}"`, ctr)
    // Pulls are serialized per node (serializeImagePulls: true): wait for the one before.
    const now = this.clock.now()
    const startAt = Math.max(now, this.pullQueueFreeAt)
    const jitter = 0.9 + this.rng.float() * 0.2
    const pullMs = found
      ? Math.round((present ? PULL_LATENCY_MS * 0.8 : PULL_LATENCY_MS + found.size / PULL_BYTES_PER_MS) * jitter)
      : Math.round(PULL_LATENCY_MS * 1.5 * jitter)
    this.pullQueueFreeAt = startAt + pullMs
    this.clock.setTimer(startAt + pullMs - now, () => {
      if (rt.terminating || this.runtimes.get(rt.key) !== rt) return
      if (!found) {
        const full = ref.full
        const err = repositoryExists(ref.repository)
          ? `rpc error: code = NotFound desc = failed to pull and unpack image "${full}": failed to resolve reference "${full}": ${full}: not found`
          : `rpc error: code = Unknown desc = failed to pull and unpack image "${full}": failed to resolve reference "${full}": pull access denied, repository does not exist or may require authorization: server message: insufficient_scope: authorization failed`
        this.recorder.event(rt.pod, 'Warning', 'Failed', `Failed to pull image "${image}": ${err}`, ctr)
        this.recorder.event(rt.pod, 'Warning', 'Failed', 'Error: ErrImagePull', ctr)
        this.setWaiting(rt, c, 'ErrImagePull', err)
        this.backoff.next(backoffKey)
        // ImagePullBackOff until the back-off expires, then pull again (ErrImagePull, ...).
        this.clock.setTimer(1000, () => {
          if (rt.terminating || this.runtimes.get(rt.key) !== rt) return
          this.recorder.event(rt.pod, 'Normal', 'BackOff', `Back-off pulling image "${image}"`, ctr)
          this.recorder.event(rt.pod, 'Warning', 'Failed', 'Error: ImagePullBackOff', ctr)
          this.setWaiting(rt, c, 'ImagePullBackOff', `Back-off pulling image "${image}"`)
          this.clock.setTimer(this.backoff.get(backoffKey), () => {
            if (rt.terminating || this.runtimes.get(rt.key) !== rt) return
            this.ensureImage(rt, c)
          }, `${this.name} pull backoff`)
        }, `${this.name} pull failed`)
        return
      }
      this.images.add(found.digest)
      const total = this.clock.now() - now
      this.recorder.event(
        rt.pod,
        'Normal',
        'Pulled',
        `Successfully pulled image "${image}" in ${goDuration(pullMs)} (${goDuration(total)} including waiting). Image size: ${found.size} bytes.`,
        ctr,
      )
      c.image = `${found.repository}:${ref.tag}`
      c.imageID = `${found.repository}@${found.digest}`
      this.createContainer(rt, c, found)
    }, `${this.name} pull ${image}`)
  }

  private setWaiting(rt: PodRuntime, c: ContainerRuntime, reason: string, message?: string): void {
    c.state = { waiting: message ? { reason, message } : { reason } }
    c.ready = false
    this.reportStatus(rt)
  }

  private createContainer(rt: PodRuntime, c: ContainerRuntime, image: CatalogImage): void {
    const ctr = `spec.containers{${c.name}}`
    this.clock.setTimer(CREATE_MS, () => {
      if (rt.terminating || this.runtimes.get(rt.key) !== rt) return
      c.containerID = `containerd://${this.rng.hex(64)}`
      this.recorder.event(rt.pod, 'Normal', 'Created', `Created container: ${c.name}`, ctr)
      this.clock.setTimer(START_MS, () => {
        if (rt.terminating || this.runtimes.get(rt.key) !== rt) return
        this.startContainer(rt, c, image)
      }, `${this.name} start ${c.name}`)
    }, `${this.name} create ${c.name}`)
  }

  private startContainer(rt: PodRuntime, c: ContainerRuntime, image: CatalogImage): void {
    const ctr = `spec.containers{${c.name}}`
    this.recorder.event(rt.pod, 'Normal', 'Started', `Started container ${c.name}`, ctr)
    const startedAt = rfc3339(this.clock.now())
    c.state = { running: { startedAt } }
    c.started = true
    c.ready = true
    c.busy = false
    c.logs = []
    const argv = [...(c.spec.command ?? image.config.entrypoint ?? []), ...(c.spec.args ?? (c.spec.command ? [] : (image.config.cmd ?? [])))]
    const env: Record<string, string> = {
      PATH: '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin',
      ...Object.fromEntries((image.config.env ?? []).map((e) => [e.slice(0, e.indexOf('=')), e.slice(e.indexOf('=') + 1)])),
      ...Object.fromEntries((c.spec.env ?? []).filter((e) => e.value !== undefined).map((e) => [e.name, e.value!])),
    }
    const usesDefault = !c.spec.command && !c.spec.args
    const first = (argv[0] ?? '').split('/').pop() ?? ''
    // The image's own program when its entrypoint runs (or the command names it, as the static
    // pods' `command: [kube-apiserver, ...]` do); anything else is interpreted by the shell.
    const own = usesDefault || first === image.config.program || first === 'docker-entrypoint.sh' || isProgram(first)
    const program = programFor(own ? (isProgram(first) ? first : image.config.program) : 'sh')
    const instance = { exited: false }
    const write = (stream: 'stdout' | 'stderr') => (text: string) => {
      if (instance.exited) return
      const time = this.clock.now()
      for (const line of text.split('\n').slice(0, text.endsWith('\n') ? -1 : undefined)) {
        c.logs.push({ time, stream, text: line })
      }
      if (c.logs.length > MAX_LOG_LINES) c.logs.splice(0, c.logs.length - MAX_LOG_LINES)
      for (const f of c.followers) f(text)
    }
    c.process = program({
      now: () => this.clock.now(),
      argv,
      env,
      hostname: rt.pod.spec?.hostNetwork ? this.spec.name : rt.pod.metadata!.name!,
      cpus: this.spec.cpu,
      stdout: write('stdout'),
      stderr: write('stderr'),
      setTimer: (ms, fn) => {
        const id = this.clock.setTimer(ms, () => {
          if (!instance.exited) fn()
        }, `${this.name} ${c.name} program`)
        return () => this.clock.cancel(id)
      },
      exit: (code) => {
        if (instance.exited) return
        instance.exited = true
        this.onContainerExit(rt, c, code, startedAt)
      },
    })
    this.reportStatus(rt)
  }

  private onContainerExit(rt: PodRuntime, c: ContainerRuntime, exitCode: number, startedAt: string): void {
    c.killTimer?.()
    c.killTimer = undefined
    c.process = undefined
    const finishedAt = rfc3339(this.clock.now())
    const terminated = {
      exitCode,
      reason: exitCode === 0 ? 'Completed' : 'Error',
      startedAt,
      finishedAt,
      containerID: c.containerID,
    }
    c.state = { terminated }
    c.ready = false
    c.started = false
    if (rt.terminating || this.runtimes.get(rt.key) !== rt) {
      this.reportStatus(rt)
      if (rt.terminating) this.maybeFinishTermination(rt)
      return
    }
    const policy = rt.pod.spec?.restartPolicy ?? 'Always'
    const restart = policy === 'Always' || (policy === 'OnFailure' && exitCode !== 0)
    if (!restart) return this.reportStatus(rt)
    // Restart with back-off: CrashLoopBackOff while waiting (kuberuntime_manager.go doBackOff).
    const key = `restart/${rt.uid}/${c.name}`
    const ranFor = this.clock.now() - Date.parse(startedAt)
    if (ranFor > 10 * 60_000) this.backoff.reset(key)
    this.backoff.next(key)
    const delay = this.backoff.get(key)
    c.previousLogs = c.logs
    c.lastState = { terminated }
    c.state = {
      waiting: {
        reason: 'CrashLoopBackOff',
        message: `back-off ${goDuration(delay)} restarting failed container=${c.name} pod=${podFullName(rt.pod)}`,
      },
    }
    this.recorder.event(rt.pod, 'Warning', 'BackOff', `Back-off restarting failed container ${c.name} in pod ${podFullName(rt.pod)}`, `spec.containers{${c.name}}`)
    this.reportStatus(rt)
    this.clock.setTimer(delay, () => {
      if (rt.terminating || this.runtimes.get(rt.key) !== rt) return
      c.restartCount++
      const ref = parseImageRef(c.spec.image ?? '')
      const found = ref && findImage(ref)
      if (found && this.pullPolicy(c.spec) !== 'Always') {
        this.recorder.event(rt.pod, 'Normal', 'Pulled', `Container image "${c.spec.image}" already present on machine`, `spec.containers{${c.name}}`)
        this.createContainer(rt, c, found)
      } else this.ensureImage(rt, c)
    }, `${this.name} restart ${c.name}`)
  }

  // --- termination ---------------------------------------------------------------------------

  private syncTerminating(rt: PodRuntime): void {
    if (!rt.terminating) {
      rt.terminating = true
      const grace = rt.pod.metadata!.deletionGracePeriodSeconds ?? rt.pod.spec?.terminationGracePeriodSeconds ?? 30
      this.killAll(rt, grace)
    }
    this.maybeFinishTermination(rt)
  }

  /** killContainer: SIGTERM, then SIGKILL when the grace period runs out. */
  private killAll(rt: PodRuntime, graceSeconds: number): void {
    rt.terminating = true
    for (const c of rt.containers) {
      if (!c.process) {
        if (c.state?.waiting) {
          c.state = { terminated: { exitCode: 0, reason: 'ContainerStatusUnknown', message: 'The container could not be located when the pod was terminated' } }
        }
        continue
      }
      this.recorder.event(rt.pod, 'Normal', 'Killing', `Stopping container ${c.name}`, `spec.containers{${c.name}}`)
      const proc = c.process
      if (graceSeconds <= 0) proc.signal('SIGKILL')
      else {
        proc.signal('SIGTERM')
        if (c.process) {
          const id = this.clock.setTimer(graceSeconds * 1000, () => c.process?.signal('SIGKILL'), `${this.name} kill ${c.name}`)
          c.killTimer = () => this.clock.cancel(id)
        }
      }
    }
  }

  private maybeFinishTermination(rt: PodRuntime): void {
    if (rt.containers.some((c) => c.process)) return
    if (this.runtimes.get(rt.key) !== rt) return
    const pod = this.pods.get(rt.key)
    if (!pod || pod.metadata!.uid !== rt.uid) return
    this.reportStatus(rt)
    // The status manager deletes the pod object once nothing runs (gracePeriod 0, uid precondition).
    try {
      this.client.delete('pods', pod.metadata!.namespace, pod.metadata!.name!, { gracePeriodSeconds: 0, preconditions: { uid: rt.uid } })
    } catch (e) {
      if (!isNotFound(e) && !isConflict(e)) throw e
    }
  }

  // --- status manager ------------------------------------------------------------------------

  private reportStatus(rt: PodRuntime): void {
    const pod = this.pods.get(rt.key)
    if (!pod || pod.metadata!.uid !== rt.uid) return
    const status = computePodStatus(pod, rt.containers, {
      now: rfc3339(this.clock.now()),
      sandboxReady: rt.sandboxReady,
      hostIP: this.spec.internalIP,
      podIP: rt.podIP,
      startTime: rt.startTime,
    })
    const json = JSON.stringify(status)
    if (json === rt.lastStatusJson) return
    try {
      this.client.updateStatus('pods', { ...pod, status })
      rt.lastStatusJson = json
    } catch (e) {
      if (isNotFound(e)) return
      if (isConflict(e)) return this.queue.add(rt.key)
      throw e
    }
  }

  // --- logs (the kubelet's containerLogs, behind the apiserver's pods/log) -------------------

  private containerFor(pod: Pod, query: Record<string, string>): ContainerRuntime {
    const names = (pod.spec?.containers ?? []).map((c) => c.name)
    const name = query.container ?? (names.length === 1 ? names[0] : undefined)
    const podName = pod.metadata!.name
    if (!name) {
      throw new StatusError(newBadRequest(`a container name must be specified for pod ${podName}, choose one of: [${names.join(' ')}]`))
    }
    if (!names.includes(name)) throw new StatusError(newBadRequest(`container ${name} is not valid for pod ${podName}`))
    const rt = this.runtimes.get(keyOf(pod))
    const c = rt?.containers.find((x) => x.name === name)
    const status = pod.status?.containerStatuses?.find((s: ContainerStatus) => s.name === name)
    if (!c || (!c.containerID && !c.logs.length)) {
      const reason = status?.state?.waiting?.reason ?? 'ContainerCreating'
      throw new StatusError(newBadRequest(`container "${name}" in pod "${podName}" is waiting to start: ${reason}`))
    }
    return c
  }

  logs(pod: Pod, query: Record<string, string>): string {
    const c = this.containerFor(pod, query)
    let lines = c.logs
    if (query.previous === 'true') {
      if (!c.previousLogs) {
        throw new StatusError(newBadRequest(`previous terminated container "${c.name}" in pod "${pod.metadata!.name}" not found`))
      }
      lines = c.previousLogs
    }
    if (query.sinceSeconds) lines = lines.filter((l) => l.time >= this.clock.now() - Number(query.sinceSeconds) * 1000)
    if (query.tailLines !== undefined) lines = Number(query.tailLines) >= 0 ? lines.slice(Math.max(0, lines.length - Number(query.tailLines))) : lines
    return lines.map((l) => (query.timestamps === 'true' ? `${new Date(l.time).toISOString().replace(/\.(\d{3})Z$/, '.$1000000Z')} ` : '') + l.text + '\n').join('')
  }

  followLogs(pod: Pod, query: Record<string, string>, onData: (chunk: string) => void): () => void {
    const c = this.containerFor(pod, query)
    const head = this.logs(pod, query)
    if (head) onData(head)
    c.followers.add(onData)
    return () => c.followers.delete(onData)
  }

  stop(): void {
    this.stopped = true
    for (const rt of this.runtimes.values()) this.killAll(rt, 0)
  }
}

function microNow(ms: number): string {
  return new Date(ms).toISOString().replace(/\.(\d{3})Z$/, '.$1000Z')
}
