// (c) The editor: a manifest, schema and apiserver markers, Apply creates the pod.
import { test, expect, openLab } from './fixtures'
import type { Page } from '@playwright/test'

const POD = `apiVersion: v1
kind: Pod
metadata:
  name: web
  labels:
    app: web
spec:
  containers:
  - name: web
    image: nginx:1.27
    ports:
    - containerPort: 80
`

async function ready(page: Page) {
  await openLab(page)
  await expect(page.locator('[data-kind="Node"]')).toHaveCount(3)
}

test('shows a manifest and marks an unknown field (schema)', async ({ page, editor }) => {
  await ready(page)
  await editor.loaded()
  expect(await editor.text()).toContain('kind: Pod')
  await editor.setText(POD.replace('    image: nginx:1.27', '    imagez: nginx:1.27'))
  await expect(editor.problems).toContainText('Property imagez is not allowed.')
  const markers = await editor.markers()
  expect(markers.some((m) => m.startLineNumber === 10 && /imagez/.test(m.message))).toBe(true)
  await expect(editor.root.locator('.squiggly-warning, .squiggly-error').first()).toBeVisible()
})

test('marks the field the apiserver rejects on a dry run', async ({ page, editor }) => {
  await ready(page)
  await editor.loaded()
  await editor.setText(POD.replace('name: web\n  labels', 'name: Web_Pod\n  labels'))
  await expect(editor.problems.locator('[data-owner="apiserver"]')).toContainText('metadata.name')
  const m = (await editor.markers()).find((x) => x.owner === 'apiserver')!
  expect(m.startLineNumber).toBe(4)
  expect(m.severity).toBe(8) // MarkerSeverity.Error
  // Nothing was created by the dry run.
  await expect(page.locator('[data-kind="Pod"][data-namespace="default"]')).toHaveCount(0)
})

test('Apply creates the pod, and the graph shows it', async ({ page, editor, graph }) => {
  await ready(page)
  await editor.loaded()
  await editor.setText(POD)
  await editor.apply()
  await expect(editor.status).toContainText('pod/web created')
  await expect(page.getByTestId('editor.output')).toContainText('pod/web created')
  await expect(graph.pod('default', 'web')).toBeVisible()
  await expect(graph.pod('default', 'web')).toHaveAttribute('data-status', 'Running', { timeout: 30_000 })
})

test('keeps what the user typed across a reload', async ({ page, editor }) => {
  await ready(page)
  await editor.loaded()
  await editor.root.locator('.view-lines').click()
  await page.keyboard.press('Control+End')
  await page.keyboard.type('# my note')
  await page.reload()
  await editor.loaded()
  expect(await editor.text()).toContain('# my note')
})
