import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasChromium, launchChromium } from '../helpers/browser.js';
import { createTestApp, type TestApp } from '../helpers/test-app.js';
import { createOffices, createStaff, PASSWORD } from './staff-fixtures.js';

// Issue 7: the WeChat bot's status (and its login QR code while it waits for a scan) is shown
// to admins in the console.
describe.runIf(hasChromium || process.env.CI)('WeChat bot status in the console', () => {
  let t: TestApp;
  let browser: Browser;
  let base: string;

  beforeAll(async () => {
    t = await createTestApp({ STAFF_LOGIN_PER_MINUTE: '1000' });
    const offices = await createOffices(t.app);
    await createStaff(t.app, 'li.admin', 'admin', offices.a);
    await createStaff(t.app, 'zhao.agent', 'agent', offices.a);
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    base = `http://127.0.0.1:${(t.app.server.address() as { port: number }).port}`;
    browser = await launchChromium();
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  async function dashboardAs(username: string) {
    const context = await browser.newContext({ locale: 'zh-CN' });
    const page = await context.newPage();
    await page.goto(`${base}/console`);
    await page.fill('#login-form input[name=username]', username);
    await page.fill('#login-form input[name=password]', PASSWORD);
    await page.click('#login-form button[type=submit]');
    await page.locator('#app').waitFor({ state: 'visible' });
    await page.click('#tabs button[data-tab=dashboard]');
    await page.locator('#dash .card').first().waitFor();
    return { page, context };
  }

  it('an admin sees the bot card; an agent does not', async () => {
    const admin = await dashboardAs('li.admin');
    await admin.page.locator('#dash .card.wechaty').waitFor();
    expect(await admin.page.locator('#dash .card.wechaty').textContent()).toContain('未启用');
    await admin.context.close();

    const agent = await dashboardAs('zhao.agent');
    expect(await agent.page.locator('#dash .card.wechaty').count()).toBe(0);
    await agent.context.close();
  });
});
