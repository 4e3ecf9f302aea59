// (d) Clock controls: pause holds virtual time, step jumps to the next timer, speed scales it.
import { test, expect, openLab } from './fixtures'

test('pause holds the virtual clock and resume continues it', async ({ page, clock }) => {
  await openLab(page)
  await expect(clock.time).toHaveText(/^\d\d:\d\d:\d\d$/)
  await clock.toggle.click()
  await expect(page.getByText('paused', { exact: true })).toBeVisible()
  const t0 = await clock.now()
  await page.waitForTimeout(1500)
  expect(await clock.now()).toBe(t0)

  await clock.step.click()
  await expect.poll(() => clock.now()).toBeGreaterThan(t0)

  await clock.toggle.click()
  await expect(page.getByText('paused', { exact: true })).toHaveCount(0)
  const t1 = await clock.now()
  await expect.poll(() => clock.now(), { timeout: 5000 }).toBeGreaterThan(t1)
})

test('speed scales virtual time against wall time', async ({ page, clock }) => {
  await openLab(page)
  await expect(clock.time).toHaveText(/^\d\d:\d\d:\d\d$/)
  await clock.speed.selectOption('20')
  await expect(clock.speed).toHaveValue('20')
  const t0 = await clock.now()
  const w0 = Date.now()
  await page.waitForTimeout(2000)
  const virtual = (await clock.now()) - t0
  const wall = Date.now() - w0
  // At 20x, two wall seconds are about forty virtual ones; allow for slow frames.
  expect(virtual).toBeGreaterThan(wall * 5)
})
