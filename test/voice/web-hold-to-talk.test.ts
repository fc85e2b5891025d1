import { type Browser, chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM_PATH, hasChromium } from '../helpers/browser.js';
import { createTestApp, type TestApp } from '../helpers/test-app.js';

// The browser's fake microphone (a tone) stands in for the rider's voice; no recogniser is set,
// so the answer is the honest fallback and the recording is kept.
describe.runIf(hasChromium || process.env.CI)('web chat hold-to-talk (MediaRecorder)', () => {
  let t: TestApp;
  let browser: Browser;
  let url: string;
  beforeAll(async () => {
    t = await createTestApp();
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    const address = t.app.server.address() as { port: number };
    url = `http://127.0.0.1:${address.port}/`;
    browser = await chromium.launch({
      executablePath: CHROMIUM_PATH,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--no-first-run',
        '--disable-background-networking',
        '--use-fake-ui-for-media-stream',
        '--use-fake-device-for-media-stream',
      ],
    });
  });
  afterAll(async () => {
    await browser?.close();
    await t.close();
  });

  it('loads the recorder only on the first press, records while held and sends on release', async () => {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'zh-CN' });
    await context.grantPermissions(['microphone'], { origin: url });
    const page = await context.newPage();
    const scripts: string[] = [];
    page.on('request', (request) => {
      if (request.url().endsWith('.js')) scripts.push(new URL(request.url()).pathname);
    });
    await page.goto(url);
    await page.waitForLoadState('networkidle');
    expect(scripts).not.toContain('/static/chat/voice-recorder.js');

    const mic = page.locator('#mic');
    await mic.hover();
    await page.mouse.down();
    await expect.poll(() => mic.getAttribute('class')).toContain('recording');
    // Hold long enough to be speech, not a tap (the recorder ignores presses under 0.6 s).
    await page.waitForTimeout(1200);
    await page.mouse.up();
    expect(scripts).toContain('/static/chat/voice-recorder.js');

    const bot = page.locator('.msg:not(.me)', { hasText: '我现在还听不了语音消息' });
    await expect.poll(() => bot.count(), { timeout: 15_000 }).toBe(1);
    await expect.poll(() => page.locator('.msg.me', { hasText: '语音消息' }).count()).toBe(1);
    const kept = await t.app.prisma.attachment.findFirstOrThrow({ where: { kind: 'audio' } });
    expect(kept.mimeType).toBe('audio/webm');
    expect(kept.sizeBytes).toBeGreaterThan(0);
    await context.close();
  });
});
