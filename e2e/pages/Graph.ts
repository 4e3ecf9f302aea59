import type { Locator, Page } from '@playwright/test'

/** The cluster graph: objects are found by their data-kind/name/namespace attributes. */
export class Graph {
  constructor(private readonly page: Page) {}

  get root(): Locator {
    return this.page.getByTestId('graph')
  }

  nodes(): Locator {
    return this.root.locator('[data-kind="Node"]')
  }

  node(name: string): Locator {
    return this.root.locator(`[data-kind="Node"][data-name="${name}"]`)
  }

  pod(namespace: string, name: string): Locator {
    return this.root.locator(`[data-kind="Pod"][data-namespace="${namespace}"][data-name="${name}"]`)
  }

  podsIn(namespace: string): Locator {
    return this.root.locator(`[data-kind="Pod"][data-namespace="${namespace}"]`)
  }
}
