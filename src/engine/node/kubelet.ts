// The kubelet of one node (pkg/kubelet): registers its Node with the events a starting kubelet
// records, renews its Lease and heartbeats node status, watches the pods bound to it, and makes
// them real: sandbox and pod IP, image pulls (serialized, time from size), init containers one
// after the other, container create and start, the simulated program, exits and restarts with
// back-off, graceful termination with the image's stop signal, status reports, logs and events.
// Static pods (the control plane on a kubeadm/kind control-plane node) are run from their
// manifests, their events recorded against the static pod, and mirrored to the API.
// Mirrors kubelet.go (Run, syncPod, syncTerminatingPod, syncTerminatedPod), pod_workers.go,
// kubelet_node_status.go (see nodeStatus.ts), kuberuntime_manager.go (computePodActions,
// doBackOff), kuberuntime_container.go (startContainer, killContainer), images/image_manager.go,
// status/status_manager.go (SetPodStatus, TerminatePod, the final delete), kubelet_pods.go
// (GetKubeletContainerLogs, see containerLogs.ts) and pod/mirror_client.go (see staticPods.ts).
// Left out: probes, volumes (only their teardown time), restartable init containers, ephemeral
// containers, resource enforcement, eviction, image garbage collection, and the kubelet's own
// restarts (a kubelet runs for the world's whole life).

import type { Clock } from '../clock/virtualClock'
import type { Rng } from '../clock/random'
import type { Container, Node, Pod } from '../api/types'
import type { Client } from '../client/client'
import { isAlreadyExists, isNotFound, isConflict } from '../client/client'
import { InformerFactory, type Informer } from '../client/informer'
import { WorkQueue } from '../client/workQueue'
import { EventRecorder } from '../client/eventRecorder'
import type { Reconciler } from '../client/controller'
import { keyOf } from '../client/keys'
import { StatusError, newBadRequest } from '../api/errors'
import { rfc3339 } from '../api/time'
import { podFullName } from '../api/podutil'
import { findImage, parseImageRef, repositoryExists, type CatalogImage, type ImageConfig } from '../runtime/imageCatalog'
import { isProgram, programFor, type ProcessHandle, type Signal } from '../programs'
import { computePodStatus, terminatedState, type ContainerRuntimeState } from './podStatus'
import { Backoff } from './backoff'
import { goDuration } from './goDuration'
import { formatLogLine, LogRequestError, readLogs, validateContainer, validateContainerLogStatus, type LogLine, type LogQuery } from './containerLogs'
import { initialNode, NETWORK_NOT_READY_ERROR, nodeRef, nodeStatusEventMessage, setNodeConditions } from './nodeStatus'
import { isMirrorPod, isMirrorPodOf, mirrorPodOf, staticPodFromManifest } from './staticPods'

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
  /**
   * The node's /etc/cni/net.d starts empty, as in kind's node image: the runtime reports
   * NetworkReady=false, the node is NotReady and only host-network pods start, until a CNI
   * plugin's DaemonSet (kindnet) writes its configuration; then the node turns Ready (NodeReady).
   * Unset, the pod network is ready from the start and the node registers Ready.
   */
  awaitsCniConfig?: boolean
}

export interface KubeletOptions {
  /**
   * A client acting as another user: containers that talk to the API server themselves get one
   * for their pod's service account (kube-proxy records its Starting event with it).
   */
  clientFor?: (user: string) => Client
}

/** Pull speed of the simulated registry: a fixed latency plus size over bandwidth. */
const PULL_LATENCY_MS = 600
const PULL_BYTES_PER_MS = 10_000 // 10 MB/s
/** RunPodSandbox: the pause container and the pod network (CNI ADD). */
const SANDBOX_MS = 300
const CREATE_MS = 400
const START_MS = 500
/** killPod's StopPodSandbox once the containers are gone: CNI DEL and the pause container. */
const STOP_SANDBOX_MS = 200
/** syncTerminatedPod: the volume manager's reconciler (every 100 ms) unmounts, WaitForUnmount polls every 300 ms. */
const VOLUME_TEARDOWN_MS = 600
/** kuberuntime_container.go minimumGracePeriodInSeconds: a container always gets this long after its stop signal. */
const MINIMUM_GRACE_PERIOD_S = 2
/** pod_workers.go: a failed sync is retried after backOffPeriod, jittered by workerBackOffPeriodJitterFactor. */
const POD_WORKER_BACKOFF_MS = 10_000
const POD_WORKER_BACKOFF_JITTER = 0.5
/** fastStatusUpdateOnce polls the runtime every 100 ms until the node is Ready. */
const FAST_STATUS_UPDATE_MS = 100
const LEASE_RENEW_MS = 10_000
const NODE_STATUS_MS = 10_000
const MAX_LOG_LINES = 5000
/** Dead containers kept per container (the GC's MaxPerPodContainer): the one `--previous` reads. */
const DEAD_CONTAINERS_KEPT = 1

/** A `kubectl logs -f` stream on one container. */
interface LogFollower {
  query: LogQuery
  onData(chunk: string): void
  onEnd?(): void
}

/** One container the runtime created: its ID, its log file, and who follows it. */
interface ContainerInstance {
  id: string
  logs: LogLine[]
  exited: boolean
  followers: Set<LogFollower>
}

interface ContainerRuntime extends ContainerRuntimeState {
  spec: Container
  isInit: boolean
  /** involvedObject.fieldPath of its events: spec.containers{name} or spec.initContainers{name}. */
  fieldPath: string
  /** Its first image pull or start was begun (computePodActions chose it). */
  launched: boolean
  catalogImage?: CatalogImage
  process?: ProcessHandle
  /** Ends the process as SIGKILL does (a program cannot ignore it). */
  forceExit?: () => void
  /** The runtime's containers for it, oldest first: the current one and the last dead ones. */
  instances: ContainerInstance[]
  killTimer?: () => void
}

interface PodRuntime {
  /** The UID the kubelet knows the pod by: the API's, or a static pod's config hash. */
  uid: string
  key: string
  /** The pod as the kubelet runs it: from the API, or a static pod from its manifest. */
  pod: Pod
  isStatic: boolean
  podIP?: string
  sandboxReady: boolean
  startTime: string
  initContainers: ContainerRuntime[]
  containers: ContainerRuntime[]
  terminating: boolean
  /** All containers stopped: the sandbox and volumes are being torn down. */
  finishing: boolean
  /** syncTerminatingPod's status: no container will run again. */
  podIsTerminal: boolean
  lastStatusKey?: string
}

export class Kubelet implements Reconciler {
  readonly name: string
  readonly queue: WorkQueue<string>
  private readonly pods: Informer<Pod>
  private readonly recorder: EventRecorder
  private readonly runtimes = new Map<string, PodRuntime>()
  private readonly staticPods = new Map<string, Pod>()
  private readonly images = new Set<string>()
  private readonly backoff: Backoff
  /** runtimeState.networkErrors(): set while the node has no CNI configuration. */
  private networkError: string | undefined
  private pullQueueFreeAt = 0
  private nextIP = 2
  private stopped = false

  constructor(
    private readonly client: Client,
    private readonly clock: Clock,
    private readonly rng: Rng,
    readonly spec: NodeSpecification,
    private readonly options: KubeletOptions = {},
  ) {
    this.name = `kubelet/${spec.name}`
    this.queue = new WorkQueue(clock, this.name)
    this.backoff = new Backoff(clock, 10_000, 300_000)
    this.recorder = new EventRecorder(client, clock, { component: 'kubelet', host: spec.name })
    this.networkError = spec.awaitsCniConfig ? NETWORK_NOT_READY_ERROR : undefined
    for (const ref of spec.preloadedImages) {
      const parsed = parseImageRef(ref)
      const img = parsed && findImage(parsed)
      if (img) this.images.add(img.digest)
    }
    // Run: the birth cry, then the container manager starts and registration begins.
    this.recordNodeEvent('Starting', 'Starting kubelet.')
    this.registerNode()
    const factory = new InformerFactory(client)
    this.pods = factory.informerFor<Pod>('pods', { fieldSelector: `spec.nodeName=${spec.name}` })
    this.pods.addEventHandler({
      onAdd: (p) => this.queue.add(keyOf(p)),
      onUpdate: (_o, p) => this.queue.add(keyOf(p)),
      onDelete: (p) => this.queue.add(keyOf(p)),
    })
    factory.start()
    // The file source: the static pods, each mirrored to the API.
    for (const manifest of spec.staticPods) {
      const staticPod = staticPodFromManifest(manifest, spec.name, this.rng.hex(32), this.clock.now())
      const key = keyOf(staticPod)
      this.staticPods.set(key, staticPod)
      this.createMirrorPod(staticPod)
      this.queue.add(key)
    }
    this.clock.setTimer(LEASE_RENEW_MS, () => this.renewLease(), `${this.name} lease`)
    this.clock.setTimer(NODE_STATUS_MS, () => this.heartbeat(), `${this.name} status`)
  }

  // --- node registration, lease and heartbeat (kubelet_node_status.go, nodelease) -------------

  private recordNodeEvent(reason: string, message: string): void {
    this.recorder.event(nodeRef(this.spec.name), 'Normal', reason, message)
  }

  private recordNodeStatusEvents(events: readonly string[]): void {
    for (const e of events) this.recordNodeEvent(e, nodeStatusEventMessage(this.spec.name, e))
  }

  private registerNode(): void {
    const s = this.spec
    const now = rfc3339(this.clock.now())
    const ids = { machineID: this.rng.hex(32), systemUUID: this.rng.uid(), bootID: this.rng.uid() }
    // initializeRuntimeDependentModules: the container manager starts with getNodeAnyWay(), which
    // builds initialNode (its setters record their events) while the node is not in the API yet,
    // then enforces node allocatable.
    this.recordNodeStatusEvents(initialNode(s, now, ids, this.networkError).events)
    this.recordNodeEvent('NodeAllocatableEnforced', 'Updated Node Allocatable limit across pods')
    // registerWithAPIServer builds initialNode again (the same events, counted twice) and creates it.
    const { node, events } = initialNode(s, now, ids, this.networkError)
    this.recordNodeStatusEvents(events)
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

  /** tryUpdateNodeStatus: the setters over the node in the API, written when `force` or changed. */
  private syncNodeStatus(force: boolean): void {
    try {
      const node = this.client.get<Node>('nodes', undefined, this.spec.name)
      const { conditions, events } = setNodeConditions(node.status?.conditions, rfc3339(this.clock.now()), this.networkError)
      if (!force && !events.length) return
      this.recordNodeStatusEvents(events)
      this.client.updateStatus('nodes', { ...node, status: { ...node.status, conditions } })
    } catch (e) {
      if (!(e instanceof StatusError)) throw e
    }
  }

  /** Node status is reported every 10 s when it changed, else every 5 min (nodeStatusReportFrequency). */
  private heartbeat(): void {
    if (this.stopped) return
    const node = this.client.find<Node>('nodes', undefined, this.spec.name)
    const last = node?.status?.conditions?.find((c) => c.type === 'Ready')?.lastHeartbeatTime
    this.syncNodeStatus(this.clock.now() - (last ? Date.parse(last) : 0) >= 5 * 60_000)
    this.clock.setTimer(NODE_STATUS_MS, () => this.heartbeat(), `${this.name} status`)
  }

  /** A CNI plugin wrote its configuration: containerd's network turns ready, and the next fast status update sees it. */
  private onCniConfigWritten(): void {
    if (this.networkError === undefined) return
    this.networkError = undefined
    this.clock.setTimer(FAST_STATUS_UPDATE_MS, () => this.syncNodeStatus(false), `${this.name} network ready`)
  }

  // --- static pods and their mirrors (pod/mirror_client.go) ---------------------------------

  private createMirrorPod(staticPod: Pod): void {
    const node = this.client.get<Node>('nodes', undefined, this.spec.name)
    try {
      this.client.create('pods', staticPod.metadata!.namespace, mirrorPodOf(staticPod, this.spec.name, node.metadata!.uid!))
    } catch (e) {
      if (!isAlreadyExists(e)) throw e
    }
  }

  /** DeleteMirrorPod: gracePeriod 0, with the mirror's UID as precondition. */
  private deleteMirrorPod(mirror: Pod): void {
    try {
      this.client.delete('pods', mirror.metadata!.namespace, mirror.metadata!.name!, { gracePeriodSeconds: 0, preconditions: { uid: mirror.metadata!.uid } })
    } catch (e) {
      if (!isNotFound(e) && !isConflict(e)) throw e
    }
  }

  /** syncPod for a static pod: a mirror that is being deleted, or is not this pod's, is replaced; the pod runs on. */
  private syncStaticPod(key: string, staticPod: Pod): void {
    const mirror = this.pods.get(key)
    let hasMirror = !!mirror
    if (mirror && (mirror.metadata?.deletionTimestamp || !isMirrorPodOf(mirror, staticPod))) {
      this.deleteMirrorPod(mirror)
      hasMirror = false
    }
    if (!hasMirror) this.createMirrorPod(staticPod)
    let rt = this.runtimes.get(key)
    if (!rt) {
      rt = this.newRuntime(key, staticPod, true)
      this.createSandbox(rt)
    }
    this.reportStatus(rt)
  }

  // --- pod workers (pod_workers.go, kubelet.go syncPod / syncTerminatingPod) ----------------

  sync(key: string): void {
    const staticPod = this.staticPods.get(key)
    if (staticPod) return this.syncStaticPod(key, staticPod)
    const pod = this.pods.get(key)
    const rt = this.runtimes.get(key)
    if (!pod) {
      // Gone from the API (a force delete, or the status manager's final delete): stop what still runs.
      if (rt) this.killPod(rt, 0)
      this.runtimes.delete(key)
      return
    }
    // A mirror pod without its static pod here (HandlePodCleanups' deleteOrphanedMirrorPods).
    if (isMirrorPod(pod)) return this.deleteMirrorPod(pod)
    if (rt && rt.uid !== pod.metadata!.uid) {
      this.killPod(rt, 0)
      this.runtimes.delete(key)
    }
    let runtime = this.runtimes.get(key)
    if (!runtime) {
      const terminal = pod.status?.phase === 'Succeeded' || pod.status?.phase === 'Failed'
      if (terminal && !pod.metadata!.deletionTimestamp) return
      runtime = this.newRuntime(key, pod, false)
      // A pod that arrives being deleted is never started.
      if (pod.metadata!.deletionTimestamp) runtime.terminating = true
      else this.createSandbox(runtime)
    }
    runtime.pod = pod
    if (pod.metadata!.deletionTimestamp) return this.syncTerminating(runtime)
    this.reportStatus(runtime)
  }

  private newContainerRuntime(c: Container, isInit: boolean, hasInit: boolean): ContainerRuntime {
    return {
      name: c.name,
      spec: c,
      isInit,
      fieldPath: `spec.${isInit ? 'initContainers' : 'containers'}{${c.name}}`,
      launched: false,
      image: c.image ?? '',
      imageID: '',
      containerID: '',
      // convertToAPIContainerStatuses' default waiting state.
      state: { waiting: { reason: hasInit ? 'PodInitializing' : 'ContainerCreating' } },
      lastState: {},
      restartCount: 0,
      ready: false,
      started: false,
      instances: [],
    }
  }

  private newRuntime(key: string, pod: Pod, isStatic: boolean): PodRuntime {
    const hasInit = (pod.spec?.initContainers?.length ?? 0) > 0
    const rt: PodRuntime = {
      uid: pod.metadata!.uid!,
      key,
      pod,
      isStatic,
      sandboxReady: false,
      startTime: rfc3339(this.clock.now()),
      initContainers: (pod.spec?.initContainers ?? []).map((c) => this.newContainerRuntime(c, true, hasInit)),
      containers: (pod.spec?.containers ?? []).map((c) => this.newContainerRuntime(c, false, hasInit)),
      terminating: false,
      finishing: false,
      podIsTerminal: false,
    }
    this.runtimes.set(key, rt)
    return rt
  }

  /** The pod still runs here and is not being terminated. */
  private isAlive(rt: PodRuntime): boolean {
    return !rt.terminating && this.runtimes.get(rt.key) === rt
  }

  private allContainers(rt: PodRuntime): ContainerRuntime[] {
    return [...rt.initContainers, ...rt.containers]
  }

  /** syncPod's sandbox step: without a pod network only host-network pods start (NetworkNotReady). */
  private createSandbox(rt: PodRuntime): void {
    const hostNetwork = rt.pod.spec?.hostNetwork === true
    if (this.networkError !== undefined && !hostNetwork) {
      this.recorder.event(rt.pod, 'Warning', 'NetworkNotReady', `network is not ready: ${this.networkError}`)
      const delay = Math.round(POD_WORKER_BACKOFF_MS * (1 + POD_WORKER_BACKOFF_JITTER * this.rng.float()))
      this.clock.setTimer(delay, () => {
        if (this.isAlive(rt)) this.createSandbox(rt)
      }, `${this.name} pod worker backoff ${rt.key}`)
      return
    }
    this.clock.setTimer(SANDBOX_MS, () => {
      if (!this.isAlive(rt)) return
      rt.sandboxReady = true
      rt.podIP = hostNetwork ? this.spec.internalIP : this.allocateIP()
      this.reportStatus(rt)
      this.startNextContainers(rt)
    }, `${this.name} sandbox ${rt.key}`)
  }

  /** computePodActions: the next init container, one at a time; once all succeeded, every container. */
  private startNextContainers(rt: PodRuntime): void {
    if (!this.isAlive(rt) || !rt.sandboxReady) return
    for (const c of rt.initContainers) {
      if (c.state?.terminated?.exitCode === 0) continue
      if (!c.launched) {
        c.launched = true
        this.ensureImage(rt, c)
      }
      return
    }
    for (const c of rt.containers) {
      if (c.launched) continue
      c.launched = true
      this.ensureImage(rt, c)
    }
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
    const ctr = c.fieldPath
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
      c.image = `${found.repository}:${ref.tag}`
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
      if (!this.isAlive(rt)) return
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
          if (!this.isAlive(rt)) return
          this.recorder.event(rt.pod, 'Normal', 'BackOff', `Back-off pulling image "${image}"`, ctr)
          this.recorder.event(rt.pod, 'Warning', 'Failed', 'Error: ImagePullBackOff', ctr)
          this.setWaiting(rt, c, 'ImagePullBackOff', `Back-off pulling image "${image}"`)
          this.clock.setTimer(this.backoff.get(backoffKey), () => {
            if (this.isAlive(rt)) this.ensureImage(rt, c)
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
    this.clock.setTimer(CREATE_MS, () => {
      if (!this.isAlive(rt)) return
      c.containerID = `containerd://${this.rng.hex(64)}`
      c.catalogImage = image
      c.instances.push({ id: c.containerID, logs: [], exited: false, followers: new Set() })
      // The container GC removes dead containers beyond the last one.
      const dead = c.instances.length - 1
      if (dead > DEAD_CONTAINERS_KEPT) c.instances.splice(0, dead - DEAD_CONTAINERS_KEPT)
      this.recorder.event(rt.pod, 'Normal', 'Created', `Created container: ${c.name}`, c.fieldPath)
      this.clock.setTimer(START_MS, () => {
        if (!this.isAlive(rt)) return
        this.startContainer(rt, c, image)
      }, `${this.name} start ${c.name}`)
    }, `${this.name} create ${c.name}`)
  }

  /** Which program a container runs: the image's own when its entrypoint or command runs, else the shell's interpretation. */
  private programName(c: ContainerRuntime, image: CatalogImage, argv: readonly string[]): string {
    const usesDefault = !c.spec.command && !c.spec.args
    const first = (argv[0] ?? '').split('/').pop() ?? ''
    const imageCommand = (image.config.entrypoint?.[0] ?? image.config.cmd?.[0] ?? '').split('/').pop()
    if (isProgram(first)) return first
    // The static pods' `command: [kube-apiserver, ...]` names the image's program; redis-server is the redis image's command.
    if (usesDefault || first === image.config.program || first === imageCommand || first === 'docker-entrypoint.sh') return image.config.program
    return 'sh'
  }

  private startContainer(rt: PodRuntime, c: ContainerRuntime, image: CatalogImage): void {
    this.recorder.event(rt.pod, 'Normal', 'Started', `Started container ${c.name}`, c.fieldPath)
    const startedAt = rfc3339(this.clock.now())
    c.state = { running: { startedAt } }
    c.started = true
    // A running init container is not ready (it is once it succeeded); probes are not simulated.
    c.ready = !c.isInit
    const inst = c.instances[c.instances.length - 1]
    const argv = [...(c.spec.command ?? image.config.entrypoint ?? []), ...(c.spec.args ?? (c.spec.command ? [] : (image.config.cmd ?? [])))]
    const env: Record<string, string> = {
      PATH: '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin',
      ...Object.fromEntries((image.config.env ?? []).map((e) => [e.slice(0, e.indexOf('=')), e.slice(e.indexOf('=') + 1)])),
      ...Object.fromEntries((c.spec.env ?? []).filter((e) => e.value !== undefined).map((e) => [e.name, e.value!])),
    }
    const program = programFor(this.programName(c, image, argv))
    let exited = false
    const write = (stream: 'stdout' | 'stderr') => (text: string) => {
      if (exited) return
      const time = this.clock.now()
      const lines = text.split('\n').slice(0, text.endsWith('\n') ? -1 : undefined).map((t): LogLine => ({ time, stream, text: t }))
      inst.logs.push(...lines)
      if (inst.logs.length > MAX_LOG_LINES) inst.logs.splice(0, inst.logs.length - MAX_LOG_LINES)
      for (const f of inst.followers) f.onData(lines.map((l) => formatLogLine(l, f.query)).join(''))
    }
    const exit = (code: number) => {
      if (exited) return
      exited = true
      this.onContainerExit(rt, c, inst, code, startedAt)
    }
    c.forceExit = () => exit(137)
    const hostNetwork = rt.pod.spec?.hostNetwork === true
    const serviceAccount = `system:serviceaccount:${rt.pod.metadata?.namespace}:${rt.pod.spec?.serviceAccountName || 'default'}`
    c.process = program({
      now: () => this.clock.now(),
      argv,
      env,
      hostname: hostNetwork ? this.spec.name : rt.pod.metadata!.name!,
      ip: rt.podIP,
      cpus: this.spec.cpu,
      stdout: write('stdout'),
      stderr: write('stderr'),
      setTimer: (ms, fn) => {
        const id = this.clock.setTimer(ms, () => {
          if (!exited) fn()
        }, `${this.name} ${c.name} program`)
        return () => this.clock.cancel(id)
      },
      exit,
      apiClient: this.options.clientFor?.(serviceAccount),
      writeCniConfig: () => this.onCniConfigWritten(),
    })
    // The program may have ended already, as it started.
    if (exited) c.process = undefined
    this.reportStatus(rt)
  }

  private onContainerExit(rt: PodRuntime, c: ContainerRuntime, inst: ContainerInstance, exitCode: number, startedAt: string): void {
    // The log stream closes: followers see their last lines and the end.
    inst.exited = true
    for (const f of inst.followers) f.onEnd?.()
    inst.followers.clear()
    c.killTimer?.()
    c.killTimer = undefined
    c.process = undefined
    c.forceExit = undefined
    const terminated = {
      exitCode,
      reason: exitCode === 0 ? 'Completed' : 'Error',
      startedAt,
      finishedAt: rfc3339(this.clock.now()),
      containerID: inst.id,
    }
    c.state = { terminated }
    // An init container that succeeded is ready; the prober reports nothing else as ready.
    c.ready = c.isInit && exitCode === 0
    c.started = false
    if (rt.terminating) return this.maybeFinishTermination(rt)
    if (this.runtimes.get(rt.key) !== rt) return
    if (c.isInit && exitCode === 0) {
      this.reportStatus(rt)
      return this.startNextContainers(rt)
    }
    const policy = rt.pod.spec?.restartPolicy ?? 'Always'
    // A failed init container is restarted unless the policy is Never, whatever Always says.
    const restart = c.isInit ? policy !== 'Never' : policy === 'Always' || (policy === 'OnFailure' && exitCode !== 0)
    if (!restart) return this.reportStatus(rt)
    // Restart with back-off: CrashLoopBackOff while waiting (kuberuntime_manager.go doBackOff).
    const key = `restart/${rt.uid}/${c.name}`
    const ranFor = this.clock.now() - Date.parse(startedAt)
    if (ranFor > 10 * 60_000) this.backoff.reset(key)
    this.backoff.next(key)
    const delay = this.backoff.get(key)
    c.lastState = { terminated }
    c.state = {
      waiting: {
        reason: 'CrashLoopBackOff',
        message: `back-off ${goDuration(delay)} restarting failed container=${c.name} pod=${podFullName(rt.pod)}`,
      },
    }
    this.recorder.event(rt.pod, 'Warning', 'BackOff', `Back-off restarting failed container ${c.name} in pod ${podFullName(rt.pod)}`, c.fieldPath)
    this.reportStatus(rt)
    this.clock.setTimer(delay, () => {
      if (!this.isAlive(rt)) return
      c.restartCount++
      const ref = parseImageRef(c.spec.image ?? '')
      const found = ref && findImage(ref)
      if (found && this.pullPolicy(c.spec) !== 'Always') {
        this.recorder.event(rt.pod, 'Normal', 'Pulled', `Container image "${c.spec.image}" already present on machine`, c.fieldPath)
        this.createContainer(rt, c, found)
      } else this.ensureImage(rt, c)
    }, `${this.name} restart ${c.name}`)
  }

  // --- termination ---------------------------------------------------------------------------

  private syncTerminating(rt: PodRuntime): void {
    if (!rt.terminating) {
      const grace = rt.pod.metadata!.deletionGracePeriodSeconds ?? rt.pod.spec?.terminationGracePeriodSeconds ?? 30
      this.killPod(rt, grace)
    }
    this.maybeFinishTermination(rt)
  }

  /** The stop signal containerd sends: the image's STOPSIGNAL, else SIGTERM. */
  private stopSignal(c: ContainerRuntime): Signal {
    return c.catalogImage?.config.stopSignal ?? 'SIGTERM'
  }

  /**
   * killPod: every running container gets its stop signal, with a Killing event, and SIGKILL when
   * the grace period (never under 2 s) runs out.
   */
  private killPod(rt: PodRuntime, graceSeconds: number): void {
    rt.terminating = true
    const grace = Math.max(graceSeconds, MINIMUM_GRACE_PERIOD_S)
    for (const c of this.allContainers(rt)) {
      const proc = c.process
      if (!proc) continue
      this.recorder.event(rt.pod, 'Normal', 'Killing', `Stopping container ${c.name}`, c.fieldPath)
      const id = this.clock.setTimer(grace * 1000, () => this.sigkill(c), `${this.name} kill ${c.name}`)
      c.killTimer = () => this.clock.cancel(id)
      proc.signal(this.stopSignal(c))
    }
  }

  private sigkill(c: ContainerRuntime): void {
    c.process?.signal('SIGKILL')
    c.forceExit?.()
  }

  /**
   * Once nothing runs: StopPodSandbox, syncTerminatingPod's terminal status, then syncTerminatedPod
   * (volumes unmounted) and the status manager's TerminatePod and final delete (grace 0, UID precondition).
   */
  private maybeFinishTermination(rt: PodRuntime): void {
    if (this.stopped || rt.finishing || this.allContainers(rt).some((c) => c.process)) return
    if (this.runtimes.get(rt.key) !== rt) return
    rt.finishing = true
    this.clock.setTimer(STOP_SANDBOX_MS, () => {
      if (this.runtimes.get(rt.key) !== rt) return
      rt.sandboxReady = false
      rt.podIsTerminal = true
      this.reportStatus(rt)
      this.clock.setTimer(VOLUME_TEARDOWN_MS, () => {
        if (this.runtimes.get(rt.key) !== rt) return
        for (const c of this.allContainers(rt)) c.state = terminatedState(c)
        this.reportStatus(rt)
        const pod = this.apiPodFor(rt)
        if (!pod?.metadata?.deletionTimestamp || rt.isStatic) return
        try {
          this.client.delete('pods', pod.metadata.namespace, pod.metadata.name!, { gracePeriodSeconds: 0, preconditions: { uid: rt.uid } })
        } catch (e) {
          if (!isNotFound(e) && !isConflict(e)) throw e
        }
      }, `${this.name} terminated ${rt.key}`)
    }, `${this.name} stop sandbox ${rt.key}`)
  }

  // --- status manager ------------------------------------------------------------------------

  /** The pod in the API the kubelet's status goes to: the pod itself, or a static pod's mirror. */
  private apiPodFor(rt: PodRuntime): Pod | undefined {
    const pod = this.pods.get(rt.key)
    if (!pod) return undefined
    if (rt.isStatic) return isMirrorPodOf(pod, rt.pod) && !pod.metadata?.deletionTimestamp ? pod : undefined
    return pod.metadata?.uid === rt.uid ? pod : undefined
  }

  /** generateAPIPodStatus: over the pod's spec and its last status in the API. */
  private generateStatus(rt: PodRuntime, apiPod: Pod) {
    return computePodStatus({ ...rt.pod, status: apiPod.status }, rt.initContainers, rt.containers, {
      now: rfc3339(this.clock.now()),
      sandboxReady: rt.sandboxReady,
      hostIP: this.spec.internalIP,
      podIP: rt.podIP,
      startTime: rt.startTime,
      podIsTerminal: rt.podIsTerminal,
      isStatic: rt.isStatic,
    })
  }

  private reportStatus(rt: PodRuntime): void {
    if (this.stopped) return
    const pod = this.apiPodFor(rt)
    if (!pod) return
    const status = this.generateStatus(rt, pod)
    const statusKey = `${pod.metadata!.uid}/${JSON.stringify(status)}`
    if (statusKey === rt.lastStatusKey) return
    try {
      this.client.updateStatus('pods', { ...pod, status })
      rt.lastStatusKey = statusKey
    } catch (e) {
      if (isNotFound(e)) return
      if (isConflict(e)) return this.queue.add(rt.key)
      throw e
    }
  }

  // --- logs (GetKubeletContainerLogs, behind the apiserver's pods/log) -----------------------

  /** The runtime running this API pod (a mirror pod's is its static pod's). */
  private runtimeOf(pod: Pod): PodRuntime | undefined {
    const rt = this.runtimes.get(keyOf(pod))
    if (!rt) return undefined
    return rt.uid === pod.metadata?.uid || (rt.isStatic && isMirrorPodOf(pod, rt.pod)) ? rt : undefined
  }

  /** The container whose log the request reads, or the 400 the apiserver and kubelet answer. */
  private logSource(pod: Pod, query: LogQuery): ContainerInstance | undefined {
    try {
      const name = validateContainer(query.container, pod)
      const rt = this.runtimeOf(pod)
      const status = rt ? this.generateStatus(rt, pod) : pod.status
      const id = validateContainerLogStatus(pod.metadata?.name ?? '', status, name, query.previous === 'true')
      return rt && this.allContainers(rt).find((c) => c.name === name)?.instances.find((i) => i.id === id)
    } catch (e) {
      if (e instanceof LogRequestError) throw new StatusError(newBadRequest(e.message))
      throw e
    }
  }

  logs(pod: Pod, query: LogQuery): string {
    const source = this.logSource(pod, query)
    return source ? readLogs(source.logs, query, this.clock.now()) : ''
  }

  /**
   * Follow a container's log: what it has (after sinceSeconds and tailLines), then each line as
   * it is written, each with its timestamp when asked. The stream ends (`onEnd`, possibly before
   * this returns) once the container has exited, as ReadLogs returns when the container stops.
   */
  followLogs(pod: Pod, query: LogQuery, onData: (chunk: string) => void, onEnd?: () => void): () => void {
    const source = this.logSource(pod, query)
    const head = source ? readLogs(source.logs, query, this.clock.now()) : ''
    if (head) onData(head)
    if (!source || source.exited) {
      onEnd?.()
      return () => {}
    }
    const follower: LogFollower = { query, onData, onEnd }
    source.followers.add(follower)
    return () => source.followers.delete(follower)
  }

  /** The kubelet dies with the node: its containers are killed and nothing more is reported. */
  stop(): void {
    this.stopped = true
    for (const rt of this.runtimes.values()) {
      rt.terminating = true
      for (const c of this.allContainers(rt)) this.sigkill(c)
    }
  }
}

function microNow(ms: number): string {
  return new Date(ms).toISOString().replace(/\.(\d{3})Z$/, '.$1000Z')
}

