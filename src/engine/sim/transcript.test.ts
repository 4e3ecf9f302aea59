import { describe, expect, it } from 'vitest'
import { createWorld } from '../world'
import { runTranscript } from './transcript'

const SESSION = `kubectl get nodes
kubectl run smoke --image=nginx --port=80
kubectl get pods
timeout 15 kubectl get pods -w
kubectl get pods -A -o wide
sleep 30
kubectl get pod smoke
kubectl logs smoke --tail=2
kubectl delete pod smoke
kubectl get events
`

describe('runTranscript', () => {
  it('gives the same transcript, byte for byte, for the same seed', () => {
    const a = runTranscript(createWorld({ seed: 42 }), SESSION)
    const b = runTranscript(createWorld({ seed: 42 }), SESSION)
    expect(b).toBe(a)
    // Another seed gives other names (pod IPs, ReplicaSet hashes, suffixes), not other behaviour.
    const c = runTranscript(createWorld({ seed: 43 }), SESSION)
    expect(c).not.toBe(a)
    expect(c.split('\n').length).toBe(a.split('\n').length)
  })

  it('shows a ready kind cluster and a pod that runs (the smoke session)', () => {
    const out = runTranscript(createWorld({ seed: 1 }), SESSION)
    expect(out).toMatch(/^kind-worker2 +Ready +<none> +\d+s +v1\.32\.2$/m)
    expect(out).toMatch(/\$ kubectl get pod smoke\nNAME {4}READY {3}STATUS {4}RESTARTS {3}AGE\nsmoke {3}1\/1 {5}Running {3}0 {10}\d+s\n/)
    expect(out).toContain('$ kubectl delete pod smoke\npod "smoke" deleted\n')
  })

  it('lets a streaming command run for timeout seconds and the next line interrupt it', () => {
    const world = createWorld({ seed: 1 })
    const start = world.now()
    const out = runTranscript(world, 'kubectl run w --image=nginx\ntimeout 20 kubectl get pods -w\necho $?\nkubectl get pods -w\necho after\n')
    expect(world.now() - start).toBe(20_000)
    expect(out).toMatch(/\$ timeout 20 kubectl get pods -w\nNAME +READY +STATUS +RESTARTS +AGE\nw +0\/1 +ContainerCreating[^\n]*\n(w [^\n]*\n)*w +1\/1 +Running[^\n]*\n\$ echo \$\?\n124\n/)
    // Without timeout the next line interrupts it: the terminal echoes ^C.
    expect(out).toMatch(/\$ kubectl get pods -w\nNAME[^\n]*\nw +1\/1 +Running[^\n]*\n\^C\n\$ echo after\nafter\n$/)
  })

  it('echoes the continuation prompt inside a here-document', () => {
    const out = runTranscript(
      createWorld({ seed: 1 }),
      'cat <<EOF | kubectl apply -f -\napiVersion: v1\nkind: Namespace\nmetadata:\n  name: dev\nEOF\n',
    )
    expect(out).toBe('$ cat <<EOF | kubectl apply -f -\n> apiVersion: v1\n> kind: Namespace\n> metadata:\n>   name: dev\n> EOF\nnamespace/dev created\n')
  })
})

describe('field validation through kubectl', () => {
  it('rejects an unknown field by default and warns with --validate=warn', () => {
    const world = createWorld({ seed: 1 })
    world.host.fs.writeFile('/root/bad.yaml', 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: bad\nspec:\n  containers:\n  - name: app\n    imagee: nginx\n    image: nginx\n')
    expect(runTranscript(world, 'kubectl apply -f bad.yaml\nkubectl apply -f bad.yaml --validate=warn\n')).toBe(
      [
        '$ kubectl apply -f bad.yaml',
        'Error from server (BadRequest): error when creating "bad.yaml": Pod in version "v1" cannot be handled as a Pod: strict decoding error: unknown field "spec.containers[0].imagee"',
        '$ kubectl apply -f bad.yaml --validate=warn',
        'Warning: unknown field "spec.containers[0].imagee"',
        'pod/bad created',
        '',
      ].join('\n'),
    )
  })
})
