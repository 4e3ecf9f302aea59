import type { Locator, Page } from '@playwright/test'

export class Clock {
  constructor(private readonly page: Page) {}

  get toggle(): Locator {
    return this.page.getByTestId('clock.toggle')
  }
  get step(): Locator {
    return this.page.getByTestId('clock.step')
  }
  get speed(): Locator {
    return this.page.getByTestId('clock.speed')
  }
  get time(): Locator {
    return this.page.getByTestId('clock.time')
  }

  /** Virtual time in epoch ms, from the <time dateTime> attribute. */
  async now(): Promise<number> {
    const dt = await this.time.getAttribute('datetime')
    return dt ? Date.parse(dt) : NaN
  }
}
