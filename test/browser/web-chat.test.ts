import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasChromium, launchChromium } from '../helpers/browser.js';
import { createTestApp, type TestApp } from '../helpers/test-app.js';

// CI installs chromium (.ci/run) and must run this; a dev machine without chromium skips it.
describe.runIf(hasChromium || process.env.CI)('web chat in a phone-sized browser', () => {
  let t: TestApp;
  let browser: Browser;
  let url: string;
  beforeAll(async () => {
    t = await createTestApp();
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    const address = t.app.server.address() as { port: number };
    url = `http://127.0.0.1:${address.port}/`;
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await t.close();
  });

  it('sends 你好 and shows the menu, then switches to English', async () => {
    const context = await browser.newContext({
      viewport: { width: 375, height: 740 },
      locale: 'zh-CN',
      isMobile: true,
      hasTouch: true,
    });
    const page = await context.newPage();
    const failed: string[] = [];
    page.on('requestfailed', (request) => failed.push(request.url()));
    await page.goto(url);
    await expect.poll(() => page.title()).toContain('工友');
    await page.fill('#input', '你好');
    await page.click('#send');
    const bot = page.locator('.msg:not(.me)').first();
    await bot.waitFor();
    expect(await bot.textContent()).toContain('工会驿站');
    const quick = await page.locator('#quick button').allTextContents();
    expect(quick).toEqual(['问法律问题', '找附近驿站', '反映欠薪', '找工作人员', '查询进度']);

    await page.fill('#input', 'hello');
    await page.click('#send');
    await page.locator('.msg:not(.me)').nth(1).waitFor();
    expect(await page.locator('.msg:not(.me)').nth(1).textContent()).toContain("I'm Gongyou");
    await expect.poll(() => page.locator('#send').textContent()).toBe('Send');
    // A reload (a phone killing the tab between orders) brings the conversation back.
    await page.reload();
    await expect.poll(() => page.locator('.msg').count()).toBe(4);
    expect(failed).toEqual([]);
    await page.screenshot({ path: 'test-results/web-chat.png' });

    // Another browser that learnt only this one's id sees nothing of the chat and starts anew.
    const userId = await page.evaluate(() => localStorage.getItem('gongyou.userId'));
    const other = await browser.newContext({ viewport: { width: 375, height: 740 }, locale: 'zh-CN' });
    await other.addInitScript((id) => localStorage.setItem('gongyou.userId', String(id)), userId);
    const otherPage = await other.newPage();
    await otherPage.goto(url);
    await expect
      .poll(() => otherPage.evaluate(() => localStorage.getItem('gongyou.userId')))
      .not.toBe(userId);
    expect(await otherPage.locator('.msg').count()).toBe(0);
    await other.close();
    await context.close();
  });

  it('shows an answer’s lead and folds its steps and legal basis, each article named once in words', async () => {
    const context = await browser.newContext({ viewport: { width: 375, height: 740 }, locale: 'zh-CN' });
    const page = await context.newPage();
    await page.goto(url);
    // A question about the law (a wage report is answered with the offer to file instead).
    await page.fill('#input', '加班费怎么算');
    await page.click('#send');
    const answer = page.locator('.msg:not(.me)').first();
    await answer.waitFor();
    expect(await answer.locator('.text').textContent()).toMatch(/^加班要按标准付钱/);
    const steps = answer.locator('details.more ol li').first();
    expect(await steps.isVisible()).toBe(false);
    await answer.locator('details.more > summary').click();
    expect(await steps.isVisible()).toBe(true);
    const cited = await answer.locator('.cites li').allTextContents();
    expect(cited[0]).toBe('《劳动法》第四十四条');
    expect(cited.join(' ')).not.toMatch(/第\d+条/);
    await context.close();
  });

  it('keeps its script small', async () => {
    const response = await t.app.inject({
      url: '/static/chat/chat.js',
      headers: { 'accept-encoding': 'identity' },
    });
    expect(response.statusCode).toBe(200);
    const { gzipSync } = await import('node:zlib');
    expect(gzipSync(response.rawPayload).length).toBeLessThan(50 * 1024);
  });
});
