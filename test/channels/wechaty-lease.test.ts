import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mock, PuppetMock } from 'wechaty-puppet-mock';
import { createChannelLease } from '../../src/channels/channel-lease.js';
import { createTestApp, type TestApp } from '../helpers/test-app.js';
import { until } from '../helpers/until.js';

describe('channel lease', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => t.close());

  it('lets one holder at a time have it, renews it for the holder, and frees it on lapse or release', async () => {
    let clock = Date.parse('2026-11-30T00:00:00Z');
    const now = () => new Date(clock);
    const a = createChannelLease(t.app.prisma, 'test-bot', 30_000, now);
    const b = createChannelLease(t.app.prisma, 'test-bot', 30_000, now);
    const [first, second] = await Promise.all([a.acquire(), b.acquire()]);
    expect([first, second].sort()).toEqual([false, true]);
    const [holder, other] = first ? [a, b] : [b, a];
    expect((await holder.current())?.holder).toBe(holder.holder);
    clock += 20_000;
    expect(await holder.acquire()).toBe(true); // renewed until +50 s
    clock += 25_000;
    expect(await other.acquire()).toBe(false); // not lapsed yet
    clock += 10_000;
    expect(await other.acquire()).toBe(true); // lapsed: taken over
    expect(await holder.acquire()).toBe(false);
    await other.release();
    expect(await other.current()).toBeUndefined();
    expect(await holder.acquire()).toBe(true);
  });
});

describe('wechaty bot on one database from two processes', () => {
  it('runs in one; the other stands by and takes over when the first stops', async () => {
    const first = await createTestApp({ WECHATY_LEASE_SECONDS: '3' });
    const second = await createTestApp({ WECHATY_LEASE_SECONDS: '3', DATABASE_URL: first.databaseUrl });
    try {
      const mockerA = new mock.Mocker();
      await first.app.wechaty.start(new PuppetMock({ mocker: mockerA }));
      mockerA.login(mockerA.createContact({ name: '工友助手' }));
      await until(() => first.app.wechaty.status().state === 'logged-in', 'the first bot to log in');

      const mockerB = new mock.Mocker();
      const puppetB = new PuppetMock({ mocker: mockerB });
      await second.app.wechaty.start(puppetB);
      expect(second.app.wechaty.status().state).toBe('standby');
      // Still standing by after its lease checks (every second here): its puppet never started.
      await new Promise((resolve) => setTimeout(resolve, 1500));
      expect(second.app.wechaty.status().state).toBe('standby');
      expect(puppetB.state.active()).toBe(false);

      await first.app.wechaty.stop();
      await until(() => second.app.wechaty.status().state !== 'standby', 'the takeover');
      mockerB.login(mockerB.createContact({ name: '工友助手' }));
      await until(() => second.app.wechaty.status().state === 'logged-in', 'the second bot to log in');
    } finally {
      await second.close();
      await first.close();
    }
  }, 30_000);
});
