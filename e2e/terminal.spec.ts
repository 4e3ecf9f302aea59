// (b) kubectl in the terminal: a pod appears on a worker, amber then green; `kubectl get pods`
// prints it. (e) The README screenshot is taken at the end.
import { test, expect, openLab } from './fixtures'

test('kubectl run makes a pod appear on a worker node, amber then green', async ({ page, graph, terminal }) => {
  await page.setViewportSize({ width: 1440, height: 900 })
  await openLab(page)
  await expect(graph.nodes()).toHaveCount(3)
  await terminal.ready()

  await terminal.run('kubectl run nginx --image=nginx --port=80')
  await expect(terminal.screen).toContainText('pod/nginx created')
  const pod = graph.pod('default', 'nginx')
  await expect(pod).toHaveAttribute('data-status', /^(Pending|ContainerCreating)$/)
  await expect(pod).toHaveClass(/tone-pending/)
  await expect(pod).toHaveAttribute('data-status', 'Running', { timeout: 30_000 })
  await expect(pod).toHaveClass(/tone-running/)

  const nodeName = await pod.getAttribute('data-node')
  expect(['kind-worker', 'kind-worker2']).toContain(nodeName)
  // Drawn inside its node's box.
  const podBox = (await pod.boundingBox())!
  const nodeBox = (await graph.node(nodeName!).boundingBox())!
  expect(podBox.x).toBeGreaterThanOrEqual(nodeBox.x)
  expect(podBox.y).toBeGreaterThanOrEqual(nodeBox.y)
  expect(podBox.x + podBox.width).toBeLessThanOrEqual(nodeBox.x + nodeBox.width)
  expect(podBox.y + podBox.height).toBeLessThanOrEqual(nodeBox.y + nodeBox.height)

  await terminal.run('kubectl get pods')
  await expect(terminal.screen).toContainText(/NAME\s+READY\s+STATUS\s+RESTARTS\s+AGE/)
  await expect(terminal.screen).toContainText(/nginx\s+1\/1\s+Running/)

  // (e) The README's screenshot: the cluster with the new pod, the terminal and the editor.
  await expect(page.getByTestId('editor').locator('.view-lines')).toBeVisible()
  await page.waitForTimeout(500) // let the graph's fit animation settle
  await page.screenshot({ path: 'docs/screenshot.png' })
})

test('history, Ctrl-C and a multi-line paste', async ({ page, terminal }) => {
  await openLab(page)
  await terminal.ready()
  await terminal.run('kubectl get nodes')
  await expect(terminal.screen).toContainText('kind-worker2')
  // Up recalls the last command.
  await page.keyboard.press('ArrowUp')
  await expect(terminal.screen).toContainText(/\$ kubectl get nodes\s*$/m)
  // Ctrl-C drops the line.
  await page.keyboard.press('Control+C')
  await expect(terminal.screen).toContainText('^C')
  // A paste of two lines runs both, one after the other.
  await page.evaluate(() => {
    const ta = document.querySelector<HTMLTextAreaElement>('[data-testid="terminal"] textarea')!
    const data = new DataTransfer()
    // Short outputs, so both stay on screen (xterm's DOM renders only the visible rows).
    data.setData('text/plain', 'kubectl get ns\nkubectl get pods -n kube-system -l component=etcd\n')
    ta.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }))
  })
  await expect(terminal.screen).toContainText('kube-public')
  await expect(terminal.screen).toContainText('etcd-kind-control-plane')
})

test('a here-document asks for its lines with "> " and feeds them to kubectl', async ({ page, terminal }) => {
  await openLab(page)
  await terminal.ready()
  await terminal.run('cat <<EOF | kubectl apply -f -')
  // The row under the command is the continuation prompt.
  await expect(terminal.screen.locator(':scope > div').nth(1)).toHaveText(/^>\s*$/)
  for (const line of ['apiVersion: v1', 'kind: Namespace', 'metadata:', '  name: dev', 'EOF']) await terminal.run(line)
  await expect(terminal.screen).toContainText('namespace/dev created')
  await terminal.run('kubectl get ns dev')
  await expect(terminal.screen).toContainText(/dev\s+Active\s+\d+s/)
})
