// (a) The page opens on a ready kind cluster: three Ready nodes holding the kube-system pods.
import { test, expect, openLab } from './fixtures'

test('shows a ready kind cluster with its kube-system pods Running', async ({ page, graph }) => {
  const started = Date.now()
  await openLab(page)
  await expect(graph.nodes()).toHaveCount(3)
  for (const name of ['kind-control-plane', 'kind-worker', 'kind-worker2']) {
    await expect(graph.node(name)).toHaveAttribute('data-status', 'Ready')
  }
  test.info().annotations.push({ type: 'ready-after-ms', description: String(Date.now() - started) })

  for (const component of ['etcd', 'kube-apiserver', 'kube-controller-manager', 'kube-scheduler']) {
    const pod = graph.pod('kube-system', `${component}-kind-control-plane`)
    await expect(pod).toHaveAttribute('data-status', 'Running')
    await expect(pod).toHaveAttribute('data-node', 'kind-control-plane')
  }
  // kube-proxy and kindnet are DaemonSets: one Running pod on every node.
  for (const prefix of ['kube-proxy-', 'kindnet-']) {
    const pods = graph.root.locator(`[data-kind="Pod"][data-namespace="kube-system"][data-name^="${prefix}"]`)
    await expect(pods).toHaveCount(3)
    await expect(pods.and(page.locator('[data-status="Running"]'))).toHaveCount(3)
    const nodes = await pods.evaluateAll((els) => els.map((e) => e.getAttribute('data-node')).sort())
    expect(nodes).toEqual(['kind-control-plane', 'kind-worker', 'kind-worker2'])
  }
  const coredns = graph.root.locator('[data-kind="Pod"][data-namespace="kube-system"][data-name^="coredns-"]')
  await expect(coredns).toHaveCount(2)
  await expect(coredns.and(page.locator('[data-status="Running"]'))).toHaveCount(2)
})

test('every drawn object carries kind, name, namespace and status', async ({ page, graph }) => {
  await openLab(page)
  await expect(graph.nodes()).toHaveCount(3)
  const missing = await page.locator('[data-kind]').evaluateAll((els) =>
    els.filter((e) => ['data-name', 'data-namespace', 'data-status'].some((a) => !e.hasAttribute(a))).map((e) => e.outerHTML.slice(0, 120)),
  )
  expect(missing).toEqual([])
})

/** Seconds in a kubectl age such as 45s, 2m30s, 3h5m, 2d3h. */
function ageSeconds(age: string): number {
  const unit: Record<string, number> = { s: 1, m: 60, h: 3600, d: 86400, y: 31536000 }
  let total = 0
  for (const [, n, u] of age.matchAll(/(\d+)([smhdy])/g)) total += Number(n) * unit[u!]!
  return total
}

test('lists cluster events newest first', async ({ page }) => {
  await openLab(page)
  const events = page.getByTestId('events')
  await expect(events.locator('thead')).toHaveText(/LAST SEEN\s*TYPE\s*REASON\s*OBJECT\s*MESSAGE/)
  const rows = events.locator('tbody tr')
  await expect(rows.first()).toBeVisible()
  await expect(rows.first()).toHaveAttribute('data-kind', 'Event')
  const ages = (await events.locator('tbody td.age').allTextContents()).map(ageSeconds)
  expect(ages.length).toBeGreaterThan(0)
  expect([...ages].sort((a, b) => a - b)).toEqual(ages)
})
