// Page objects and fixtures for the Podlab page (STYLE.md §10). Every test fails on a console
// error, an uncaught page error, or a request that leaves 127.0.0.1 (the lab is offline).
import { test as base, expect, type Page } from '@playwright/test'
import { Graph } from './pages/Graph'
import { Terminal } from './pages/Terminal'
import { Editor } from './pages/Editor'
import { Clock } from './pages/Clock'

interface Fixtures {
  graph: Graph
  terminal: Terminal
  editor: Editor
  clock: Clock
  /** Problems the page reported; checked after each test. */
  pageProblems: string[]
}

export const test = base.extend<Fixtures>({
  pageProblems: [
    async ({ page }, use) => {
      const problems: string[] = []
      page.on('console', (msg) => {
        if (msg.type() === 'error') problems.push(`console error: ${msg.text()}`)
      })
      page.on('pageerror', (err) => problems.push(`page error: ${err.message}`))
      page.on('request', (req) => {
        const url = new URL(req.url())
        if (url.protocol === 'data:' || url.protocol === 'blob:') return
        if (url.hostname !== '127.0.0.1') problems.push(`non-local request: ${req.url()}`)
      })
      page.on('requestfailed', (req) => problems.push(`request failed: ${req.url()} ${req.failure()?.errorText ?? ''}`))
      await use(problems)
      expect(problems, 'the page reported problems').toEqual([])
    },
    { auto: true },
  ],
  graph: async ({ page }, use) => use(new Graph(page)),
  terminal: async ({ page }, use) => use(new Terminal(page)),
  editor: async ({ page }, use) => use(new Editor(page)),
  clock: async ({ page }, use) => use(new Clock(page)),
})

export { expect }

/**
 * Opens the page. Each test runs in a fresh browser context, so localStorage starts empty and
 * the editor holds the sample manifest.
 */
export async function openLab(page: Page, query = ''): Promise<void> {
  await page.goto(`/${query}`)
}
