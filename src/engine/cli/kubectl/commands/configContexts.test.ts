// The kubeconfig commands in the kind world (seed 1), as one terminal session. The texts are the
// real kubectl 1.32's for a kind kubeconfig (configFidelity.test.ts checks the same commands
// against the binary on arbitrary kubeconfig files).

import { describe, expect, it } from 'vitest'
import { runTranscript } from '../../../sim/transcript'
import { createWorld } from '../../../world'
import { getContextsOutput } from './configContexts'
import { minifyConfig, redactAndShorten } from './configView'

describe('kubectl config in the kind world', () => {
  it('views, switches and edits the kind context, writing ~/.kube/config back', () => {
    const world = createWorld({ seed: 1 })
    const file = world.host.fs.readFile('/root/.kube/config')
    const server = /server: (\S+)/.exec(file)![1]
    const data = (key: string) => new RegExp(`${key}: (\\S+)`).exec(file)![1]
    const session = [
      'kubectl config view',
      'kubectl config current-context',
      'kubectl config get-contexts',
      'kubectl config set-context --current --namespace=dev',
      'kubectl config get-contexts -o name',
      'kubectl config get-contexts',
      'kubectl config use-context kind-dev',
      'kubectl config use-context kind-kind',
      "kubectl config view --minify -o jsonpath='{.contexts[0].context.namespace}'",
      'cat ~/.kube/config',
    ].join('\n')
    expect(runTranscript(world, `${session}\n`)).toBe(
      `$ kubectl config view
apiVersion: v1
clusters:
- cluster:
    certificate-authority-data: DATA+OMITTED
    server: ${server}
  name: kind-kind
contexts:
- context:
    cluster: kind-kind
    user: kind-kind
  name: kind-kind
current-context: kind-kind
kind: Config
preferences: {}
users:
- name: kind-kind
  user:
    client-certificate-data: DATA+OMITTED
    client-key-data: DATA+OMITTED
$ kubectl config current-context
kind-kind
$ kubectl config get-contexts
CURRENT   NAME        CLUSTER     AUTHINFO    NAMESPACE
*         kind-kind   kind-kind   kind-kind   
$ kubectl config set-context --current --namespace=dev
Context "kind-kind" modified.
$ kubectl config get-contexts -o name
kind-kind
$ kubectl config get-contexts
CURRENT   NAME        CLUSTER     AUTHINFO    NAMESPACE
*         kind-kind   kind-kind   kind-kind   dev
$ kubectl config use-context kind-dev
error: no context exists with the name: "kind-dev"
$ kubectl config use-context kind-kind
Switched to context "kind-kind".
$ kubectl config view --minify -o jsonpath='{.contexts[0].context.namespace}'
dev$ cat ~/.kube/config
apiVersion: v1
clusters:
- cluster:
    certificate-authority-data: ${data('certificate-authority-data')}
    server: ${server}
  name: kind-kind
contexts:
- context:
    cluster: kind-kind
    namespace: dev
    user: kind-kind
  name: kind-kind
current-context: kind-kind
kind: Config
preferences: {}
users:
- name: kind-kind
  user:
    client-certificate-data: ${data('client-certificate-data')}
    client-key-data: ${data('client-key-data')}
`,
    )
  })

  it('creates ~/.kube/config when there is none (empty world)', () => {
    const world = createWorld({ scenario: 'empty' })
    expect(runTranscript(world, 'kubectl config current-context\nkubectl config set-context dev --namespace=dev\nkubectl config use-context dev\ncat ~/.kube/config\n')).toBe(
      `$ kubectl config current-context
error: current-context is not set
$ kubectl config set-context dev --namespace=dev
Context "dev" created.
$ kubectl config use-context dev
Switched to context "dev".
$ cat ~/.kube/config
apiVersion: v1
clusters: null
contexts:
- context:
    cluster: ""
    namespace: dev
    user: ""
  name: dev
current-context: dev
kind: Config
preferences: {}
users: null
`,
    )
  })
})

describe('pure parts', () => {
  const config = {
    'current-context': 'b',
    contexts: [
      { name: 'b', context: { cluster: 'c', user: 'u', namespace: 'n' } },
      { name: 'a', context: {} },
    ],
    clusters: [{ name: 'c', cluster: { server: 's', 'certificate-authority-data': 'Q0E=' } }],
    users: [{ name: 'u', user: { token: 't', 'client-key-data': 'S0VZ' } }, { name: 'other', user: {} }],
  }

  it('getContextsOutput sorts, marks the current context and reports missing names', () => {
    expect(getContextsOutput(config, [], { nameOnly: false, noHeaders: false })).toEqual({
      stdout: 'CURRENT   NAME   CLUSTER   AUTHINFO   NAMESPACE\n          a                           \n*         b      c         u          n\n',
      errors: [],
    })
    expect(getContextsOutput(config, ['x', 'a'], { nameOnly: true, noHeaders: false })).toEqual({ stdout: 'a\n', errors: ['context x not found'] })
  })

  it('minifyConfig keeps the current context, its cluster and user', () => {
    const m = minifyConfig(config)
    expect(m.ok && m.config.users).toEqual([{ name: 'u', user: { token: 't', 'client-key-data': 'S0VZ' } }])
    expect(minifyConfig({ ...config, 'current-context': 'zz' })).toEqual({ ok: false, error: 'cannot locate context zz' })
  })

  it('redactAndShorten hides data and secrets', () => {
    const r = redactAndShorten(config)
    expect(r.users?.[0].user).toEqual({ token: 'REDACTED', 'client-key-data': 'DATA+OMITTED' })
    expect(r.clusters?.[0].cluster['certificate-authority-data']).toBe('DATA+OMITTED')
  })
})
