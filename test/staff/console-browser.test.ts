import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasChromium, launchChromium } from '../helpers/browser.js';
import { createTestApp, type TestApp } from '../helpers/test-app.js';
import { createOffices, createStaff, fileTicket, PASSWORD } from './staff-fixtures.js';

// CI installs chromium and must run this; a dev machine without it skips.
describe.runIf(hasChromium || process.env.CI)('staff console in headless chromium', () => {
  let t: TestApp;
  let browser: Browser;
  let base: string;
  let ticket: string;

  beforeAll(async () => {
    t = await createTestApp({ HANDOFF_OFFICE: 'region-310115', STAFF_LOGIN_PER_MINUTE: '1000' });
    const offices = await createOffices(t.app);
    await createStaff(t.app, 'wang.supervisor', 'supervisor', offices.a);
    ticket = await fileTicket(t.app, {
      regionCode: '310115',
      employer: '上海某某餐饮管理有限公司',
      workerCount: 12,
    });
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    base = `http://127.0.0.1:${(t.app.server.address() as { port: number }).port}`;
    browser = await launchChromium();
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it('signs in, sees a waiting chat live, claims it, replies to the web chat, and issues an 意见书', async () => {
    const staffContext = await browser.newContext({ locale: 'zh-CN', acceptDownloads: true });
    const consolePage = await staffContext.newPage();
    const failed: string[] = [];
    // A download ends its navigation as 'aborted' in Chromium: that one is expected.
    consolePage.on('requestfailed', (request) => {
      if (!/\/(docx|pdf)$/.test(request.url())) failed.push(request.url());
    });
    consolePage.on('pageerror', (err) => failed.push(err.message));
    await consolePage.goto(`${base}/console`);
    await consolePage.fill('#login-form input[name=username]', 'wang.supervisor');
    await consolePage.fill('#login-form input[name=password]', PASSWORD);
    await consolePage.click('#login-form button[type=submit]');
    await consolePage.locator('#app').waitFor({ state: 'visible' });
    await expect.poll(() => consolePage.locator('#live').textContent()).toBe('实时连接正常');
    expect(await consolePage.locator('#queue .empty').textContent()).toBe('暂无排队的会话');
    // The ticket filed before sign-in is a collective case (12 workers): one risk warning.
    await expect.poll(() => consolePage.locator('#risk-count').textContent()).toBe('1');

    // A rider in a second browser asks for a person.
    const riderContext = await browser.newContext({ locale: 'zh-CN' });
    const chatPage = await riderContext.newPage();
    await chatPage.goto(`${base}/`);
    await chatPage.fill('#input', '转人工');
    await chatPage.click('#send');
    await expect.poll(() => chatPage.locator('.msg:not(.me)').last().textContent()).toContain('第 1 位');

    // It appears in the console without a reload (the live socket), and the staff member takes it.
    const item = consolePage.locator('#queue li.item.waiting');
    await item.waitFor({ timeout: 5000 });
    expect(await item.textContent()).toContain('用户要求人工');
    // What staff need to pick a chat: the worker's words, channel and language, the wait.
    expect(await item.textContent()).toMatch(/转人工[\s\S]*网页 · 中文 · 已等待 \d+ 分钟/);
    expect(await consolePage.locator('#waiting-count').textContent()).toBe('1');
    await item.click();
    await expect.poll(() => consolePage.locator('#transcript').textContent()).toContain('转人工');
    await consolePage.click('#claim');
    await expect.poll(() => consolePage.locator('#reply-text').isEnabled()).toBe(true);
    // Taken, the item keeps its facts and counts from the claim.
    await expect
      .poll(() => consolePage.locator('#queue li.item').textContent())
      .toMatch(/网页 · 中文 · 已接入 \d+ 分钟/);
    await expect.poll(() => chatPage.locator('.msg').last().textContent()).toContain('已接入');

    await consolePage.fill('#reply-text', '您好，我是工会的王老师。请问是哪家公司拖欠工资？');
    await consolePage.click('#reply-send');
    const staffReply = chatPage.locator('.msg.staff');
    await staffReply.waitFor({ timeout: 5000 });
    expect(await staffReply.textContent()).toContain('我是工会的王老师');

    // The rider answers; the bot stays silent and the message shows in the console live.
    await chatPage.fill('#input', '是上海某某餐饮管理有限公司');
    await chatPage.click('#send');
    await expect
      .poll(() => consolePage.locator('#transcript .msg.user').last().textContent())
      .toContain('上海某某餐饮');

    await consolePage.screenshot({ path: 'test-results/staff-console-chat.png' });

    // The ticket in words: its place and industry by name, the timeline with the staff member's name.
    await consolePage.click('#tabs button[data-tab=tickets]');
    await consolePage.locator('#ticket-list tbody tr', { hasText: ticket }).click();
    const detail = consolePage.locator('#ticket-detail');
    await expect.poll(() => detail.textContent()).toContain('上海市浦东新区');
    expect(await detail.textContent()).toContain('外卖配送');
    await detail.locator('form.action select[name=to]').selectOption('accepted');
    await detail
      .locator('form.action', { has: consolePage.locator('select[name=to]') })
      .locator('button')
      .click();
    await expect
      .poll(() => detail.locator('.timeline').textContent())
      .toContain('状态变更 → 已受理 · wang.supervisor');
    expect(await detail.locator('.timeline').textContent()).toContain('提交 · 工友本人');
    expect(await detail.locator('.timeline').textContent()).not.toContain('staff:');

    // 一函两书: an 意见书 for the ticket's employer, numbered and downloadable as DOCX and PDF.
    await consolePage.click('#tabs button[data-tab=documents]');
    await consolePage.fill('#doc-form input[name=employer]', '上海某某餐饮管理有限公司');
    await consolePage.fill('#doc-form input[name=tickets]', ticket);
    await consolePage.click('#doc-generate');
    const year = new Date(Date.now() + 8 * 3_600_000).getUTCFullYear();
    const row = consolePage.locator('#doc-list tbody tr', { hasText: `〔${year}〕第1号` });
    await row.waitFor({ timeout: 5000 });
    expect(await row.textContent()).toContain('意见书');
    const { readFileSync } = await import('node:fs');
    const downloaded = async (format: 'docx' | 'pdf') => {
      const [download] = await Promise.all([
        consolePage.waitForEvent('download'),
        row.locator(`a.download[href$="/${format}"]`).click(),
      ]);
      const path = await download.path();
      expect(path).toBeTruthy();
      return readFileSync(path as string);
    };
    expect((await downloaded('docx')).subarray(0, 2).toString()).toBe('PK');
    expect((await downloaded('pdf')).subarray(0, 5).toString()).toBe('%PDF-');

    await consolePage.screenshot({ path: 'test-results/staff-console.png' });
    expect(failed).toEqual([]);
    await staffContext.close();
    await riderContext.close();
  }, 60_000);
});
