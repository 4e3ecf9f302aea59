import { describe, expect, it } from 'vitest'
import { findByResource } from '../../../api/resources'
import {
  MISSING_RESOURCE_ERROR,
  normalizeMultipleResourcesArgs,
  parseResourceArgs,
  replaceAliases,
  resourceTypeOrNameArgs,
  resourceVisit,
  splitResourceArgument,
  type ResourceVisitOptions,
} from './resourceArgs'

const defaults: ResourceVisitOptions = { namespace: 'default', allNamespaces: false }

function visit(args: string[], opts: Partial<ResourceVisitOptions> & { labelSelector?: string } = {}) {
  const b = resourceTypeOrNameArgs(args, { allowEmptySelector: true, labelSelector: opts.labelSelector })
  return resourceVisit(b, { ...defaults, ...opts })
}

function errorOf(r: ReturnType<typeof visit>): string {
  return r.ok ? '' : r.error
}

describe('resource arguments (cli-runtime Builder)', () => {
  it('splits and de-duplicates comma-separated types', () => {
    expect(splitResourceArgument('pods,svc,,pods')).toEqual(['pods', 'svc'])
  })

  it('turns several types with names into type/name pairs', () => {
    expect(normalizeMultipleResourcesArgs(['pods,svc', 'a', 'b'])).toEqual(['pods/a', 'pods/b', 'svc/a', 'svc/b'])
    expect(normalizeMultipleResourcesArgs(['pods', 'a'])).toEqual(['pods', 'a'])
  })

  it('expands the "all" category to the served resources that list it, in discovery order', () => {
    expect(replaceAliases('all')).toBe('pods,services,daemonsets.apps,deployments.apps,replicasets.apps')
    expect(replaceAliases('nodes,all')).toBe('nodes,pods,services,daemonsets.apps,deployments.apps,replicasets.apps')
  })

  it('lists one type with an empty selector, in the namespace or across all', () => {
    const r = visit(['po'])
    expect(r).toEqual({
      ok: true,
      singleItemImplied: false,
      sources: [{ kind: 'selector', info: findByResource('pods'), namespace: 'default', labelSelector: '', fieldSelector: '' }],
    })
    const nodes = visit(['nodes'], { namespace: '', allNamespaces: true })
    expect(nodes.ok && nodes.sources[0]).toMatchObject({ kind: 'selector', namespace: '' })
  })

  it('fetches names one by one, in argument order, and type/name pairs as given', () => {
    const r = visit(['pod/a', 'svc/b', 'pod/c'])
    expect(r.ok && r.sources.map((s) => (s.kind === 'name' ? `${s.info.resource}/${s.name}` : ''))).toEqual(['pods/a', 'services/b', 'pods/c'])
    expect(r.ok && r.singleItemImplied).toBe(false)
    const one = visit(['pods', 'nginx'])
    expect(one.ok && one.singleItemImplied).toBe(true)
  })

  // Texts printed by the real kubectl 1.32 (after "error: ").
  it.each([
    [['pod/a', 'b'], {}, "there is no need to specify a resource type as a separate argument when passing arguments in resource/name form (e.g. 'kubectl get resource/<resource_name>' instead of 'kubectl get resource resource/<resource_name>'"],
    [['pod/a/b'], {}, 'arguments in resource/name form may not have more than one slash'],
    [['pods,svc/a'], {}, 'arguments in resource/name form must have a single resource and name'],
    [['pods', 'a'], { labelSelector: 'x=y' }, 'name cannot be provided when a selector is specified'],
    [['pod/a'], { labelSelector: 'x=y' }, 'selectors and the all flag cannot be used when passing resource/name arguments'],
    [['pods', 'a'], { namespace: '', allNamespaces: true }, 'a resource cannot be retrieved by name across all namespaces'],
    [['pods,svc'], { singleResourceType: true }, 'you may only specify a single resource type'],
    [['all', 'nginx'], {}, 'you must specify only one resource'],
    [['foo'], {}, 'the server doesn\'t have a resource type "foo"'],
    [[], {}, MISSING_RESOURCE_ERROR],
  ] as const)('%j %j fails with kubectl\'s error', (args, opts, error) => {
    expect(errorOf(visit([...args], opts))).toBe(error)
  })

  it('keeps parseResourceArgs grouping requests by type', () => {
    expect(parseResourceArgs(['pod/a', 'svc/b', 'pod/c'])).toMatchObject({
      ok: true,
      typeNameForm: true,
      requests: [
        { info: { resource: 'pods' }, names: ['a', 'c'] },
        { info: { resource: 'services' }, names: ['b'] },
      ],
    })
    expect(parseResourceArgs(['po,svc'])).toMatchObject({ ok: true, typeNameForm: false, requests: [{ names: [] }, { names: [] }] })
    expect(parseResourceArgs(['pod/a/b'])).toEqual({ ok: false, error: 'arguments in resource/name form may not have more than one slash' })
  })
})
