import { expect, type Locator, type Page } from '@playwright/test'

export class Terminal {
  constructor(private readonly page: Page) {}

  get root(): Locator {
    return this.page.getByTestId('terminal')
  }

  /** The rendered rows (xterm's DOM renderer). */
  get screen(): Locator {
    return this.root.locator('.xterm-rows')
  }

  async ready(): Promise<void> {
    await expect(this.screen).toContainText('$')
  }

  /** Types a line as a person would and presses Enter. */
  async run(line: string): Promise<void> {
    await this.root.click()
    await this.page.keyboard.type(line)
    await this.page.keyboard.press('Enter')
  }
}
