import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasChromium, launchChromium } from '../helpers/browser.js';
import { chat, clientSecretFor, createTestApp, type TestApp } from '../helpers/test-app.js';
import { fileTicket, loginBearer, PASSWORD } from '../staff/staff-fixtures.js';
import { WEBM } from '../voice/audio-samples.js';
import { postVoice } from '../voice/voice-multipart.js';

// CI installs chromium and must run this; a dev machine without it skips.
describe.runIf(hasChromium || process.env.CI)(
  'help desk in the console (headless chromium): canned replies and private notes',
  () => {
    let t: TestApp;
    let browser: Browser;
    let base: string;

    beforeAll(async () => {
      t = await createTestApp({ HANDOFF_OFFICE: 'region-310115', STAFF_LOGIN_PER_MINUTE: '1000' });
      await t.app.staffAccounts.create({
        username: 'chen.supervisor',
        displayName: '陈主任',
        password: PASSWORD,
        role: 'supervisor',
        officeId: 'region-310115',
      });
      await t.app.listen({ port: 0, host: '127.0.0.1' });
      base = `http://127.0.0.1:${(t.app.server.address() as { port: number }).port}`;
      browser = await launchChromium();
    }, 60_000);
    afterAll(async () => {
      await browser?.close();
      await t?.close();
    });

    async function signIn(page: Page) {
      await page.goto(`${base}/console`);
      await page.fill('#login-form input[name=username]', 'chen.supervisor');
      await page.fill('#login-form input[name=password]', PASSWORD);
      await page.click('#login-form button[type=submit]');
      await page.locator('#app').waitFor({ state: 'visible' });
    }

    it('writes a canned reply, inserts it filled into the composer, sends it, and keeps a note from the worker', async () => {
      const consolePage = await (await browser.newContext({ locale: 'zh-CN' })).newPage();
      const errors: string[] = [];
      consolePage.on('pageerror', (err) => errors.push(err.message));
      await signIn(consolePage);

      // 服务台设置: a canned reply with variables.
      await consolePage.click('#tabs button[data-tab=helpdesk]');
      await consolePage.fill('#canned-form input[name=title]', '受理告知');
      await consolePage.fill(
        '#canned-form textarea[name=text]',
        '我是{officeName}的{staffName}，您的工单{ticketNumber}已受理。',
      );
      await consolePage.click('#canned-form button[type=submit]');
      await expect.poll(() => consolePage.locator('#canned-list').textContent()).toContain('受理告知');

      // A rider asks for a person; their chat files a ticket.
      const chatPage = await (await browser.newContext({ locale: 'zh-CN' })).newPage();
      await chatPage.goto(`${base}/`);
      await chatPage.fill('#input', '转人工');
      await chatPage.click('#send');
      await expect.poll(() => chatPage.locator('.msg:not(.me)').last().textContent()).toContain('第 1 位');
      const handoff = await t.app.prisma.handoff.findFirstOrThrow({});
      const number = await fileTicket(t.app, {
        regionCode: '310115',
        employer: '上海某某餐饮管理有限公司',
        conversationId: handoff.conversationId,
      });

      await consolePage.click('#tabs button[data-tab=chats]');
      const item = consolePage.locator('#queue li.item.waiting');
      await item.waitFor({ timeout: 5000 });
      await item.click();
      await consolePage.click('#claim');
      await expect.poll(() => consolePage.locator('#reply-text').isEnabled()).toBe(true);
      await expect.poll(() => consolePage.locator('#canned').isEnabled()).toBe(true);
      await consolePage.selectOption('#canned', { label: '受理告知' });
      const filled = `我是上海市浦东新区总工会的陈主任，您的工单${number}已受理。`;
      expect(await consolePage.inputValue('#reply-text')).toBe(filled);
      await consolePage.click('#reply-send');
      await expect.poll(() => chatPage.locator('.msg.staff').last().textContent()).toContain(filled);

      // A private note: in the staff transcript with the writer's name, never on the rider's screen.
      await consolePage.fill('#note-text', '工友情绪激动，先安抚，明天电话回访');
      await consolePage.click('#note-add');
      const note = consolePage.locator('#transcript li.msg.note');
      await expect.poll(() => note.textContent()).toContain('工友情绪激动');
      expect(await note.textContent()).toContain('内部备注 · 陈主任');
      await consolePage.screenshot({ path: 'test-results/helpdesk-console.png' });

      // The note stays after a reload of the chat, and the rider never got it.
      await consolePage.reload();
      await consolePage.locator('#queue li.item').first().click();
      await expect
        .poll(() => consolePage.locator('#transcript li.msg.note').textContent())
        .toContain('明天电话回访');
      // A label put on the chat shows on its queue item at once, and again after a reload.
      const headers = await loginBearer(t.app, 'chen.supervisor');
      const label = await t.app.inject({
        method: 'POST',
        url: '/api/staff/labels',
        headers,
        payload: { name: '需回访', color: '#cc3300' },
      });
      expect(label.statusCode).toBe(201);
      await consolePage.reload();
      await consolePage.locator('#queue li.item').first().click();
      const picker = consolePage.locator('#chat-tools select[aria-label="添加标签"]');
      await expect.poll(() => picker.locator('option').allTextContents()).toContain('需回访');
      await picker.selectOption({ label: '需回访' });
      const chip = consolePage.locator('#queue li.item .labels .label');
      await expect.poll(() => chip.textContent()).toBe('需回访');
      await consolePage.reload();
      await expect.poll(() => chip.textContent()).toBe('需回访');
      await consolePage.locator('#queue li.item').first().click();

      await chatPage.fill('#input', '好的谢谢');
      await chatPage.click('#send');
      await expect
        .poll(() => consolePage.locator('#transcript .msg.user').last().textContent())
        .toContain('好的谢谢');
      expect(await chatPage.locator('body').textContent()).not.toContain('工友情绪激动');
      expect(errors).toEqual([]);
    }, 90_000);

    it('plays a voice message the bot could not hear, from the chat transcript', async () => {
      const { conversationId } = await chat(t.app, { channelUserId: 'voice-rider', text: '转人工' });
      const sent = await postVoice(
        t.app,
        '/api/chat/voice',
        { conversationId, clientSecret: clientSecretFor(t.app, conversationId) ?? '' },
        { bytes: WEBM, type: 'audio/webm' },
      );
      expect(sent.statusCode).toBe(200);
      const handoff = await t.app.prisma.handoff.findFirstOrThrow({ where: { conversationId } });
      const consolePage = await (await browser.newContext({ locale: 'zh-CN' })).newPage();
      await signIn(consolePage);
      await consolePage.click('#tabs button[data-tab=chats]');
      await consolePage.locator(`#queue li.item[data-id="${handoff.id}"]`).click();
      const audio = consolePage.locator('#transcript audio');
      await audio.waitFor({ timeout: 10_000 });
      const src = (await audio.getAttribute('src')) ?? '';
      expect(src).toContain(`/api/staff/handoffs/${handoff.id}/voice/`);
      // The page's own session fetches the recording (the audio element does the same).
      const fetched = await consolePage.evaluate(async (url) => {
        const response = await fetch(url);
        return { status: response.status, type: response.headers.get('content-type') };
      }, src);
      expect(fetched).toEqual({ status: 200, type: expect.stringContaining('audio/webm') });
    }, 60_000);
  },
);
