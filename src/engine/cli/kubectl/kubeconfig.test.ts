import { describe, expect, it } from 'vitest'
import { HostFs } from '../../host/fs'
import {
  base64CorruptOffset,
  decodeKubeconfig,
  kindKubeconfig,
  kubeconfigPaths,
  loadKubeconfig,
  resolveClientConfig,
  serializeKubeconfig,
  serverHostPort,
  toV1Config,
} from './kubeconfig'

describe('decodeKubeconfig errors', () => {
  // Each message is what the real kubectl 1.32 prints after `error loading config file "<f>": `.
  it.each([
    ['clusters:\n- name: c1\n  cluster:\n    server: 123\n', 'json: cannot unmarshal number into Go struct field Cluster.clusters.cluster.server of type string'],
    ['contexts:\n- name: y\n', 'json: cannot unmarshal bool into Go struct field NamedContext.contexts.name of type string'],
    ['foo: [\n', 'yaml: line 1: did not find expected node content'],
    ['- a\n- b\n', 'couldn\'t get version/kind; json parse error: json: cannot unmarshal array into Go value of type struct { APIVersion string "json:\\"apiVersion,omitempty\\""; Kind string "json:\\"kind,omitempty\\"" }'],
    ['apiVersion: v2\nkind: Config\n', 'no kind "Config" is registered for version "v2" in scheme "k8s.io/client-go/tools/clientcmd/api/latest/latest.go:50"'],
    ['kind: Pod\n', 'no kind "Pod" is registered for version "v1" in scheme "k8s.io/client-go/tools/clientcmd/api/latest/latest.go:50"'],
    ['clusters: {}\n', 'json: cannot unmarshal object into Go struct field Config.clusters of type []v1.NamedCluster'],
    ['users:\n- name: u\n  user:\n    client-key-data: abc\n', 'illegal base64 data at input byte 0'],
  ])('%j', (text, error) => {
    expect(decodeKubeconfig(text)).toEqual({ ok: false, error })
  })

  it('reads an empty or null document as an empty config', () => {
    expect(decodeKubeconfig('')).toEqual({ ok: true, config: {} })
    expect(decodeKubeconfig('\n')).toEqual({ ok: true, config: {} })
  })

  it('drops unknown fields and keeps known ones', () => {
    expect(decodeKubeconfig('clusters:\n- name: a\n  cluster:\n    server: s\n    Server: x\n    bogus: 1\nfoo: bar\n')).toEqual({
      ok: true,
      config: { clusters: [{ name: 'a', cluster: { server: 's' } }] },
    })
  })
})

describe('base64CorruptOffset (base64.StdEncoding.Decode)', () => {
  // Offsets from the real kubectl 1.32 ("illegal base64 data at input byte N" for client-key-data).
  it.each([
    ['TWFu', undefined],
    ['TWE=', undefined],
    ['TQ==', undefined],
    ['TW\nFu', undefined],
    ['TWF', 0],
    ['T', 0],
    ['TW=u', 2],
    ['T===', 1],
    ['TWFu!', 4],
    ['TQ==x', 4],
    ['abc', 0],
    ['TQ=', 3],
    ['TQ=x', 2],
    ['TQ== ', 4],
  ])('%j → %j', (s, want) => {
    expect(base64CorruptOffset(s)).toBe(want)
  })
})

describe('loadKubeconfig', () => {
  const fs = new HostFs()
  fs.mkdirAll('/w')
  fs.writeFile('/w/a.yaml', 'clusters:\n- name: c1\n  cluster: {server: "https://a"}\ncontexts:\n- name: x\n  context: {cluster: c1}\n')
  fs.writeFile('/w/b.yaml', 'clusters:\n- name: c1\n  cluster: {server: "https://b"}\n- name: c2\n  cluster: {server: "https://c"}\ncurrent-context: x\npreferences: {colors: true}\n')
  const resolve = (p: string) => (p.startsWith('/') ? p : `/w/${p}`)

  it('merges: the first file to name an entry wins, origins remembered, missing files skipped', () => {
    const r = loadKubeconfig(fs, resolve, ['a.yaml', 'missing.yaml', 'b.yaml'], false)
    if (!r.ok) throw new Error(r.error)
    expect(r.config.clusters).toEqual([
      { name: 'c1', cluster: { server: 'https://a' } },
      { name: 'c2', cluster: { server: 'https://c' } },
    ])
    expect(r.config['current-context']).toBe('x')
    expect(r.config.preferences).toEqual({ colors: true })
    expect(r.files).toEqual(['a.yaml', 'b.yaml'])
    expect(r.origins.clusters.get('c2')).toBe('b.yaml')
  })

  it('refuses a missing --kubeconfig file', () => {
    expect(loadKubeconfig(fs, resolve, ['nope.yaml'], true)).toEqual({ ok: false, error: 'stat nope.yaml: no such file or directory' })
  })

  it('wraps decoding errors with the file name', () => {
    fs.writeFile('/w/bad.yaml', 'kind: Pod\n')
    expect(loadKubeconfig(fs, resolve, ['bad.yaml'], false)).toEqual({
      ok: false,
      error: 'error loading config file "bad.yaml": no kind "Pod" is registered for version "v1" in scheme "k8s.io/client-go/tools/clientcmd/api/latest/latest.go:50"',
    })
  })
})

describe('kubeconfigPaths', () => {
  it('prefers --kubeconfig, then $KUBECONFIG (deduplicated), then ~/.kube/config', () => {
    expect(kubeconfigPaths('x', { KUBECONFIG: 'a:b' }, '/root')).toEqual({ paths: ['x'], explicit: true })
    expect(kubeconfigPaths('', { KUBECONFIG: 'a::b:a' }, '/root')).toEqual({ paths: ['a', 'b'], explicit: false })
    expect(kubeconfigPaths('', {}, '/root')).toEqual({ paths: ['/root/.kube/config'], explicit: false })
  })
})

describe('toV1Config and serializeKubeconfig', () => {
  it('writes kind\'s kubeconfig back in the same form kind wrote it', () => {
    const kind = kindKubeconfig('kind', 'https://127.0.0.1:40000', { ca: 'Q0E=', cert: 'Q0VSVA==', key: 'S0VZ' })
    expect(serializeKubeconfig(kind)).toBe(
      [
        'apiVersion: v1',
        'clusters:',
        '- cluster:',
        '    certificate-authority-data: Q0E=',
        '    server: https://127.0.0.1:40000',
        '  name: kind-kind',
        'contexts:',
        '- context:',
        '    cluster: kind-kind',
        '    user: kind-kind',
        '  name: kind-kind',
        'current-context: kind-kind',
        'kind: Config',
        'preferences: {}',
        'users:',
        '- name: kind-kind',
        '  user:',
        '    client-certificate-data: Q0VSVA==',
        '    client-key-data: S0VZ',
        '',
      ].join('\n'),
    )
  })

  it('an empty config: null lists, empty current-context (real `kubectl config view` with no kubeconfig)', () => {
    expect(serializeKubeconfig({})).toBe(
      'apiVersion: v1\nclusters: null\ncontexts: null\ncurrent-context: ""\nkind: Config\npreferences: {}\nusers: null\n',
    )
  })

  it('keeps Go field order, sorts by name, fills non-omitempty fields', () => {
    const v1 = toV1Config({ contexts: [{ name: 'b', context: {} }, { name: 'a', context: { namespace: 'n' } }], clusters: [{ name: 'c', cluster: { 'insecure-skip-tls-verify': false } }] })
    expect(JSON.stringify(v1)).toBe(
      '{"kind":"Config","apiVersion":"v1","preferences":{},"clusters":[{"name":"c","cluster":{"server":""}}],"users":null,' +
        '"contexts":[{"name":"a","context":{"cluster":"","user":"","namespace":"n"}},{"name":"b","context":{"cluster":"","user":""}}],"current-context":""}',
    )
  })
})

describe('resolveClientConfig and serverHostPort', () => {
  it('falls back to localhost:8080 and to the default namespace', () => {
    expect(resolveClientConfig({}, { context: '', cluster: '', user: '', namespace: '', server: '' })).toMatchObject({
      ok: true,
      server: 'http://localhost:8080',
      namespace: 'default',
    })
  })

  it('shows the URL host as written', () => {
    expect(serverHostPort('https://127.0.0.1:6443')).toBe('127.0.0.1:6443')
    expect(serverHostPort('https://127.0.0.1')).toBe('127.0.0.1')
    expect(serverHostPort('http://localhost:8080/')).toBe('localhost:8080')
  })
})
