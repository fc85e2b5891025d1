import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasChromium, launchChromium } from '../helpers/browser.js';
import { createTestApp, type TestApp } from '../helpers/test-app.js';
import { createOffices, createStaff, fileTicket, PASSWORD } from '../staff/staff-fixtures.js';

const daysAgo = (days: number) =>
  new Date(Date.now() + 8 * 3_600_000 - days * 86_400_000).toISOString().slice(0, 10);

// CI installs chromium and must run this; a dev machine without it skips.
describe.runIf(hasChromium || process.env.CI)('what a union measures, in the console', () => {
  let t: TestApp;
  let browser: Browser;
  let base: string;
  let nearLimit: string;
  let silent: string;

  beforeAll(async () => {
    t = await createTestApp({ STAFF_LOGIN_PER_MINUTE: '1000' });
    const offices = await createOffices(t.app);
    await createStaff(t.app, 'wang.supervisor', 'supervisor', offices.a);
    const receipt = await t.app.tickets.create({
      type: 'wage_arrears',
      claimantName: '赵敏',
      phone: '13655556666',
      regionCode: '310115',
      industry: 'delivery',
      employer: '上海飞毛腿配送有限公司',
      amountYuan: 6000,
      stillEmployed: false,
      employmentEndedOn: daysAgo(365 - 25),
      evidence: [],
      channel: 'api',
      locale: 'zh-CN',
      consentVersion: 'test-1',
      consentAt: new Date(),
    });
    nearLimit = receipt.number;
    silent = await fileTicket(t.app, { regionCode: '310115', employer: '速达配送（上海）有限公司' });
    await fileTicket(t.app, { regionCode: '310115', employer: '上海速达配送公司', phone: '13900001111' });
    await fileTicket(t.app, {
      regionCode: '310115',
      employer: '上海 速达配送有限公司',
      phone: '13900002222',
    });
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    base = `http://127.0.0.1:${(t.app.server.address() as { port: number }).port}`;
    browser = await launchChromium();
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  async function signIn(): Promise<{ page: Page; errors: string[] }> {
    const page = await (await browser.newContext({ locale: 'zh-CN' })).newPage();
    const errors: string[] = [];
    page.on('pageerror', (err) => errors.push(err.message));
    await page.goto(`${base}/console`);
    await page.fill('#login-form input[name=username]', 'wang.supervisor');
    await page.fill('#login-form input[name=password]', PASSWORD);
    await page.click('#login-form button[type=submit]');
    await page.locator('#app').waitFor({ state: 'visible' });
    return { page, errors };
  }

  async function openTicket(page: Page, number: string) {
    await page.click('#tabs button[data-tab=tickets]');
    await page.locator('#ticket-list a', { hasText: number }).click();
    await page.locator('#ticket-detail h2', { hasText: number }).waitFor();
  }

  it('warns 30 days before the limit, asks when the facts are unknown, and takes the amount on closing', async () => {
    const { page, errors } = await signIn();
    await openTicket(page, nearLimit);
    const limit = page.locator('#ticket-detail .measures .limit-30');
    await expect.poll(() => limit.textContent()).toContain('剩 25 天');
    expect(await limit.textContent()).toContain('距仲裁时效届满不足 30 天');
    // measures.css is served and colours the 30-day warning red.
    expect(await limit.evaluate((node) => getComputedStyle(node).color)).toBe('rgb(176, 0, 32)');

    await openTicket(page, silent);
    await expect
      .poll(() => page.locator('#ticket-detail .limit-unknown').textContent())
      .toBe('未知——请询问劳动者是否仍在该单位工作');

    await openTicket(page, nearLimit);
    const status = page.locator('#ticket-detail form.action', { has: page.locator('select[name=to]') });
    await status.locator('select[name=to]').selectOption('closed');
    await status.locator('input[name=recoveredYuan]').fill('1234.5');
    await status.locator('button[type=submit]').click();
    await expect.poll(() => page.locator('#ticket-detail .measures').textContent()).toContain('¥1234.50');
    expect(await page.locator('#ticket-detail .timeline').textContent()).toContain('登记追回金额 ¥1234.50');

    await page.click('#tabs button[data-tab=dashboard]');
    await expect
      .poll(() => page.locator('#dash .totals.recovered strong').textContent())
      .toBe('¥1234.50（1 件）');
    expect(errors).toEqual([]);
  });

  it('suggests a collective case for three spellings of one employer and shows its status on each ticket', async () => {
    const { page, errors } = await signIn();
    await page.click('#tabs button[data-tab=measures]');
    const suggestion = page.locator('#measures li', { hasText: '3 件未办结' });
    await suggestion.locator('button').click();
    const caseLink = page.locator('#case-list > li > a');
    await expect.poll(() => caseLink.textContent()).toContain('待办 · 3 件');
    await caseLink.click();
    await expect.poll(() => page.locator('#case-list .workers li').count()).toBe(3);
    expect(await page.locator('#case-list .workers').textContent()).toContain('139****1111');
    await page.locator('#case-list select[name=status]').selectOption('in_progress');
    await page.locator('#case-list form.action button').click();
    await expect.poll(() => page.locator('#case-list > li > a').textContent()).toContain('办理中');
    await openTicket(page, silent);
    await expect
      .poll(() => page.locator('#ticket-detail .measures').textContent())
      .toContain('办理中 · 共 3 件');
    expect(errors).toEqual([]);
  });
});
