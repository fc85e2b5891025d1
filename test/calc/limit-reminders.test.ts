import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLimitReminders } from '../../src/deadlines/limit-reminders.js';
import { chinaToday, oneYearFrom } from '../../src/measures/arbitration-limit.js';
import type { OutboundMessage } from '../../src/messages/messages.js';
import { CONSENT_VERSION } from '../../src/tickets/consent.js';
import { createTestApp, type TestApp } from '../helpers/test-app.js';

const DAY = 86_400_000;
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
}, 60_000);
afterAll(async () => t?.close());

/** Left the job ten days ago (China date): the limit ends a year later. */
const endedOn = new Date(Date.parse(chinaToday(new Date())) - 10 * DAY).toISOString().slice(0, 10);
const lastDay = oneYearFrom(endedOn);
/** Noon in China, `days` before the last day. */
const daysBefore = (days: number) => new Date(Date.parse(lastDay) - days * DAY + 4 * 3_600_000);

const file = async (extra: Record<string, unknown>) => {
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/tickets',
    payload: {
      type: 'wage_arrears',
      claimantName: '王芳',
      phone: '13700001234',
      regionCode: '310115',
      industry: 'delivery',
      employer: '上海飞毛腿配送有限公司',
      stillEmployed: false,
      employmentEndedOn: endedOn,
      consent: true,
      consentVersion: CONSENT_VERSION,
      ...extra,
    },
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { number: string; queryCode: string; arbitrationLimit?: Record<string, unknown> };
};

const reminders = (now: Date) =>
  createLimitReminders({
    prisma: t.app.prisma,
    measures: t.app.measures,
    delivery: t.app.delivery,
    tickets: t.app.tickets,
    conversations: {
      channelOf: async (id) => (await t.app.conversations.summary(id))?.channel as never,
      lastHeardFrom: async (id) => (await t.app.conversations.latestInbound(id))?.createdAt,
    },
    t: (locale) => t.app.t(locale),
    log: t.app.log,
    now: () => now,
  });

const staffNotes = async (number: string) =>
  ((await t.app.tickets.events(number)) as { type: string; note: string | null }[])
    .filter((event) => event.type === 'note')
    .map((event) => event.note ?? '');

describe('the arbitration limit a worker should not miss', () => {
  it('is on the receipt and the status page, worked out from the day the worker left', async () => {
    const receipt = await file({});
    expect(receipt.arbitrationLimit).toMatchObject({ kind: 'date', lastDay, runsFrom: 'employment-ended' });
    expect(receipt.arbitrationLimit?.text).toContain(`最晚 ${lastDay}`);
    const status = await t.app.inject({
      method: 'GET',
      url: `/api/tickets/${receipt.number}?code=${receipt.queryCode}`,
    });
    expect(status.json().arbitrationLimit.text).toContain('《劳动争议调解仲裁法》第二十七条');

    const employed = await file({ stillEmployed: true, employmentEndedOn: undefined, locale: 'en' });
    expect(employed.arbitrationLimit).toMatchObject({ kind: 'none-while-employed' });
    expect(employed.arbitrationLimit?.text).toContain('no one-year limit');
  });

  it('reminds each worker 30 days before through their channel, once, and tells staff when it cannot', async () => {
    // A web worker with the chat open: delivered now.
    const web = await file({ channel: 'web', channelUserId: 'web-worker' });
    const webConversation = await t.app.conversations.find('web', 'web-worker');
    const pushed: OutboundMessage[][] = [];
    const unsubscribe = t.app.chat.subscribe(webConversation!.id, (replies) => pushed.push(replies));

    // An official-account worker who last wrote three days ago: WeChat's 48-hour window is shut.
    const wechat = await file({});
    const oa = await t.app.conversations.findOrCreate('official-account', 'oa-worker');
    await t.app.prisma.ticket.update({ where: { number: wechat.number }, data: { conversationId: oa.id } });
    await t.app.prisma.message.create({
      data: {
        conversationId: oa.id,
        direction: 'in',
        text: t.app.messageCodec.seal('你好'),
        createdAt: new Date(daysBefore(33)),
      },
    });

    // A form ticket with no chat at all.
    const formOnly = await file({});

    expect(await reminders(daysBefore(31)).runDue()).toEqual([]);

    const done = await reminders(daysBefore(30)).runDue();
    unsubscribe();
    const outcome = (number: string) => done.find((item) => item.number === number)?.outcome;
    expect(outcome(web.number)).toBe('sent');
    expect(outcome(wechat.number)).toBe('blocked');
    expect(outcome(formOnly.number)).toBe('no-channel');

    expect(
      pushed
        .flat()
        .map((reply) => reply.text)
        .join('\n'),
    ).toContain(`${web.number} 申请劳动仲裁的时效最晚到 ${lastDay}，还有 30 天`);
    expect(await staffNotes(web.number)).toEqual([`已通过劳动者的渠道提醒仲裁时效（最晚 ${lastDay}）。`]);
    expect((await staffNotes(wechat.number)).join()).toContain('48 小时');
    expect((await staffNotes(formOnly.number)).join()).toContain('没有可联系的聊天渠道');
    // The WeChat worker's reminder waits in the outbox for the next time they write.
    const waiting = await t.app.delivery.pending(oa.id);
    expect(waiting.map((item) => item.payload).join()).toContain(lastDay);

    // A day later, nothing is sent twice.
    expect(await reminders(daysBefore(29)).runDue()).toEqual([]);
    expect(await staffNotes(web.number)).toHaveLength(1);
  });
});
