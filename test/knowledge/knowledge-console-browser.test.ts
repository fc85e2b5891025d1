import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasChromium, launchChromium } from '../helpers/browser.js';
import { PASSWORD } from '../staff/staff-fixtures.js';
import { type ConsoleApp, createConsoleApp } from './console-fixture.js';

const QUESTION = '公司一个月都不给休息，合法吗？每周至少休息几天';
const NEW_LEAD =
  '每周至少要让你休息一整天，这是《劳动法》的硬规定；休息日被叫去上班又不补休的，要付两倍工资。';

// CI installs chromium and must run this; a dev machine without it skips.
describe.runIf(hasChromium || process.env.CI)(
  'the knowledge console in a browser (headless chromium)',
  () => {
    let t: ConsoleApp;
    let browser: Browser;
    let base: string;
    beforeAll(async () => {
      t = await createConsoleApp();
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
      await page.fill('#login-form input[name=username]', 'legal.a');
      await page.fill('#login-form input[name=password]', PASSWORD);
      await page.click('#login-form button[type=submit]');
      await page.locator('#app').waitFor({ state: 'visible' });
      await page.click('#tabs button[data-tab=knowledge]');
    }

    async function ask(page: Page, text: string, nth: number) {
      await page.fill('#input', text);
      await page.click('#send');
      const reply = page.locator('.msg:not(.me)').nth(nth);
      await reply.waitFor();
      return reply;
    }

    it('edits a card, previews it, saves it, and the web chat answers with it; 没用 feeds the queue', async () => {
      const consolePage = await (await browser.newContext({ locale: 'zh-CN' })).newPage();
      const errors: string[] = [];
      consolePage.on('pageerror', (err) => errors.push(err.message));
      await signIn(consolePage);
      await consolePage.click('#kn-cards button[data-card=rest-day]');
      await expect.poll(() => consolePage.inputValue('#kn-markdown')).toContain('id: rest-day');
      const markdown = await consolePage.inputValue('#kn-markdown');
      await consolePage.fill('#kn-markdown', markdown.replace(/^## zh\n.*$/m, `## zh\n${NEW_LEAD}`));
      await consolePage.click('#kn-preview');
      await expect.poll(() => consolePage.locator('#kn-preview-zh .lead').textContent()).toBe(NEW_LEAD);
      expect(await consolePage.locator('#kn-preview-en .lead').textContent()).toMatch(/^You are entitled/);
      await consolePage.click('#kn-save');
      await expect.poll(() => consolePage.locator('#kn-history li').count()).toBe(1);

      const chatPage = await (await browser.newContext({ locale: 'zh-CN' })).newPage();
      await chatPage.goto(`${base}/`);
      const answer = await ask(chatPage, QUESTION, 0);
      expect(await answer.locator('.text').textContent()).toBe(NEW_LEAD);
      // 有用 / 没用 sit on the answer, not among the quick replies.
      expect(await chatPage.locator('#quick button').allTextContents()).not.toContain('没用');
      await answer.locator('.feedback button.feedback-no').click();
      await expect
        .poll(() => chatPage.locator('.msg:not(.me)').nth(1).textContent())
        .toMatch(/^谢谢你告诉我们/);
      expect(errors).toEqual([]);
    });

    it('turns a review item into an ask of the card it came closest to, in two clicks', async () => {
      const consolePage = await (await browser.newContext({ locale: 'zh-CN' })).newPage();
      await signIn(consolePage);
      const item = consolePage.locator('#kn-review li.kn-item').first();
      await item.waitFor();
      expect(await item.locator('q').textContent()).toBe(QUESTION);
      await item.locator('button.kn-add-ask').click();
      await item.locator('button.kn-confirm').click();
      await expect.poll(() => consolePage.locator('#kn-review li.kn-item').count()).toBe(0);
      const history = await t.app.knowledge.versions.history('rest-day');
      expect(history[0]?.markdown).toContain(`  - ${QUESTION}`);
    });
  },
);
