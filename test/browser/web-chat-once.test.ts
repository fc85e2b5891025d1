import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasChromium, launchChromium } from '../helpers/browser.js';
import { createTestApp, type TestApp } from '../helpers/test-app.js';

const STAFF_LINE = '请把工资条照片发给我们。';

// CI installs chromium (.ci/run) and must run this; a dev machine without chromium skips it.
describe.runIf(hasChromium || process.env.CI)('every update shown once across reload and reconnect', () => {
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

  const sockets = () => t.app.websocketServer.clients.size;
  async function say(page: Page, text: string) {
    const before = await page.locator('.msg:not(.me)').count();
    await page.fill('#input', text);
    await page.click('#send');
    await expect.poll(() => page.locator('.msg:not(.me)').count()).toBeGreaterThan(before);
  }
  /** What the worker sees: how many times each status card and the staff line are on screen. */
  async function seen(page: Page) {
    const states = await page.locator('.ticket .state').allTextContents();
    const staff = await page.locator('.msg.staff .text').allTextContents();
    const count = (list: string[], text: string) => list.filter((item) => item === text).length;
    return {
      accepted: count(states, '状态：已受理'),
      inProgress: count(states, '状态：办理中'),
      closed: count(states, '状态：已办结'),
      staff: count(staff, STAFF_LINE),
    };
  }

  it('shows status changes and a staff line made while the page was closed once, after reopen, reload and a dropped socket', async () => {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'zh-CN' });
    let page = await context.newPage();
    await page.goto(url);
    await say(page, '我叫刘洋，美团骑手，在浦东新区张江站，站长拖欠我两个月工资六千，电话13700001234');
    await say(page, '确认');
    await say(page, '同意');
    await page.locator('.ticket').first().waitFor();
    // The receipt names the arbitration limit (劳动争议调解仲裁法 第二十七条) in words.
    expect(await page.locator('.ticket dt').allTextContents()).toContain('仲裁时效');
    expect(await page.locator('.ticket').first().textContent()).toContain('仲裁');
    const userId = await page.evaluate(() => localStorage.getItem('gongyou.userId'));
    const conversation = await t.app.prisma.conversation.findUniqueOrThrow({
      where: { channel_externalUserId: { channel: 'web', externalUserId: String(userId) } },
    });
    const ticket = await t.app.prisma.ticket.findFirstOrThrow({ orderBy: { createdAt: 'desc' } });
    const pending = async () => (await t.app.delivery.pending(conversation.id)).length;

    // The page is closed (the phone locked, the tab killed) while the office works the case.
    await page.close();
    await expect.poll(sockets).toBe(0);
    await t.app.tickets.changeStatus(ticket.number, 'accepted', 'staff:s1');
    await t.app.tickets.changeStatus(ticket.number, 'in_progress', 'staff:s1');
    await t.app.delivery.send(conversation.id, [{ type: 'staff', text: STAFF_LINE }], { author: 'staff' });
    expect(await pending()).toBe(3);

    // Reopened: the history has them and the outbox sends them again; each shows once.
    page = await context.newPage();
    await page.goto(url);
    await expect.poll(pending).toBe(0);
    await expect.poll(() => seen(page)).toEqual({ accepted: 1, inProgress: 1, closed: 0, staff: 1 });

    await page.reload();
    await expect.poll(() => page.locator('.ticket .state').count()).toBe(3);
    await expect.poll(sockets).toBe(1);
    expect(await seen(page)).toEqual({ accepted: 1, inProgress: 1, closed: 0, staff: 1 });

    // The socket drops, and the staff line's acknowledgement is lost with it: the server sends
    // it again on reconnect, with the change made while the socket was down.
    const staffItem = await t.app.prisma.outbox.findFirstOrThrow({
      where: { conversationId: conversation.id },
      orderBy: { createdAt: 'desc' },
    });
    await t.app.prisma.outbox.update({ where: { id: staffItem.id }, data: { status: 'pending' } });
    for (const client of t.app.websocketServer.clients) client.terminate();
    await expect.poll(() => page.locator('#status').isVisible()).toBe(true);
    await t.app.tickets.changeStatus(ticket.number, 'closed', 'staff:s1');
    await expect.poll(() => seen(page)).toEqual({ accepted: 1, inProgress: 1, closed: 1, staff: 1 });
    await expect.poll(pending).toBe(0);
    expect(await seen(page)).toEqual({ accepted: 1, inProgress: 1, closed: 1, staff: 1 });
    await page.screenshot({ path: 'test-results/web-chat-once.png' });
    await context.close();
  });
});
