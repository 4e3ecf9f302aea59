import { expect, type Locator, type Page } from '@playwright/test'

interface MonacoMarker {
  owner: string
  message: string
  startLineNumber: number
  severity: number
}

export class Editor {
  constructor(private readonly page: Page) {}

  get root(): Locator {
    return this.page.getByTestId('editor')
  }

  get problems(): Locator {
    return this.page.getByTestId('editor.problems')
  }

  get status(): Locator {
    return this.page.getByTestId('editor.status')
  }

  async loaded(): Promise<void> {
    await expect(this.root.locator('.view-lines')).toBeVisible()
    await this.page.waitForFunction(() => !!(window as unknown as { __monaco?: unknown }).__monaco)
  }

  async text(): Promise<string> {
    return this.page.evaluate(() => {
      const m = (window as unknown as { __monaco: { editor: { getModels(): { getValue(): string }[] } } }).__monaco
      return m.editor.getModels()[0]!.getValue()
    })
  }

  /** Replaces the whole text through Monaco's model (what a paste would do). */
  async setText(text: string): Promise<void> {
    await this.page.evaluate((t) => {
      const m = (window as unknown as { __monaco: { editor: { getModels(): { setValue(v: string): void }[] } } }).__monaco
      m.editor.getModels()[0]!.setValue(t)
    }, text)
  }

  async markers(): Promise<MonacoMarker[]> {
    return this.page.evaluate(() => {
      const m = (window as unknown as { __monaco: { editor: { getModelMarkers(f: object): MonacoMarker[] } } }).__monaco
      return m.editor.getModelMarkers({}).map((x) => ({ owner: x.owner, message: x.message, startLineNumber: x.startLineNumber, severity: x.severity }))
    })
  }

  async apply(): Promise<void> {
    await this.page.getByTestId('editor.apply').click()
  }
}
