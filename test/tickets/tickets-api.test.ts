import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONSENT_VERSION } from '../../src/tickets/consent.js';
import { chat, createTestApp, type TestApp } from '../helpers/test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ TICKET_HIGH_AMOUNT_YUAN: '30000' });
}, 60_000);
afterAll(async () => t?.close());

const form = (overrides: Record<string, unknown> = {}) => ({
  claimantName: '陈静',
  phone: '138-0000-9999',
  place: '深圳宝安区',
  industry: 'factory',
  employer: '宝安某电子厂（样例）',
  amount: '八千多',
  period: '3月到5月',
  workerCount: 1,
  evidence: ['pay_records'],
  consent: true,
  consentVersion: CONSENT_VERSION,
  ...overrides,
});
const post = (payload: unknown) =>
  t.app.inject({ method: 'POST', url: '/api/tickets', payload: payload as object });

describe('POST /api/tickets', () => {
  it('files a routed, numbered ticket from the form', async () => {
    const response = await post(form());
    expect(response.statusCode).toBe(201);
    const receipt = response.json();
    expect(receipt).toMatchObject({
      status: 'submitted',
      priority: 'normal',
      office: { name: '深圳市宝安区总工会', regionCode: '440306', contactPhone: '12351' },
    });
    const stored = await t.app.tickets.get(receipt.number);
    expect(stored).toMatchObject({
      phone: '13800009999',
      amountYuan: 8000,
      amountApprox: true,
      periodMonths: 3,
      channel: 'api',
      consentVersion: CONSENT_VERSION,
    });
    expect(stored?.events).toEqual([
      expect.objectContaining({ type: 'created', toStatus: 'submitted', actor: 'worker' }),
    ]);
  });

  it('numbers tickets GY-YYYYMMDD-NNNN in sequence', async () => {
    const numbers = await Promise.all(
      [1, 2, 3].map(async () => (await post(form())).json().number as string),
    );
    const sequence = numbers.map((n) => Number(n.slice(-4))).sort((a, b) => a - b);
    expect(sequence[1]! - sequence[0]!).toBe(1);
    expect(sequence[2]! - sequence[1]!).toBe(1);
    expect(new Set(numbers.map((n) => n.slice(0, 11))).size).toBe(1);
  });

  it('makes a large amount, a collective case or a vulnerable worker high priority with a shorter SLA', async () => {
    const normal = (await post(form())).json();
    const large = (await post(form({ amount: 45000 }))).json();
    const collective = (await post(form({ workerCount: '十几个人' }))).json();
    const vulnerable = (await post(form({ vulnerable: true }))).json();
    for (const receipt of [large, collective, vulnerable]) {
      expect(receipt.priority).toBe('high');
      expect(Date.parse(receipt.dueAt)).toBeLessThan(Date.parse(normal.dueAt));
    }
    expect((await t.app.tickets.get(collective.number))?.priorityReasons).toEqual(['collective']);
  });

  it.each([
    ['missing name', { claimantName: undefined }, /claimantName/],
    ['bad phone', { phone: '021-12345678' }, /phone must be a mainland mobile/],
    ['unknown region code', { place: undefined, regionCode: '999999' }, /not a GB\/T 2260 code/],
    ['ambiguous place', { place: '朝阳区' }, /ambiguous.*110105/],
    ['unknown place', { place: '月球背面' }, /not a known district/],
    ['no place at all', { place: undefined }, /regionCode or place/],
    ['unreadable amount', { amount: '很多钱' }, /amount "很多钱" is not an amount/],
    ['unknown industry', { industry: 'mining' }, /industry/],
    ['no consent', { consent: false }, /consent/],
    ['stale consent text', { consentVersion: 'old' }, /consentVersion must be/],
    ['unknown field', { extra: 1 }, /extra|additional/i],
  ])('rejects %s with a clear 400', async (_label, overrides, message) => {
    const response = await post(form(overrides));
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ statusCode: 400, error: 'Bad Request' });
    expect(response.json().message).toMatch(message);
  });

  it('rejects a body that is not JSON object', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/tickets',
      headers: { 'content-type': 'application/json' },
      payload: '[1,2]',
    });
    expect(response.statusCode).toBe(400);
  });
});

describe('metrics', () => {
  it('counts filed tickets and open overdue ones', async () => {
    await post(form());
    const metrics = await t.app.inject({ url: '/metrics' });
    expect(metrics.body).toMatch(/gongyou_tickets_created_total\{channel="api",priority="normal"\} [1-9]/);
    expect(metrics.body).toMatch(/gongyou_tickets_overdue 0/);
  });
});

describe('GET /api/tickets/:number?code=', () => {
  it('shows status, office and history without personal data', async () => {
    const receipt = (await post(form())).json();
    const response = await t.app.inject({
      url: `/api/tickets/${receipt.number}?code=${receipt.queryCode.toLowerCase()}`,
    });
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body).toMatchObject({
      number: receipt.number,
      status: 'submitted',
      office: { name: '深圳市宝安区总工会' },
    });
    expect(body.history).toHaveLength(1);
    expect(response.body).not.toContain('陈静');
    expect(response.body).not.toContain('13800009999');
    expect(response.body).not.toContain('9999');
  });

  it('answers 404 alike for a wrong code and an unknown number, 400 for a malformed one', async () => {
    const receipt = (await post(form())).json();
    const wrong = await t.app.inject({ url: `/api/tickets/${receipt.number}?code=ZZZZ99` });
    const unknown = await t.app.inject({ url: `/api/tickets/GY-20000101-0001?code=${receipt.queryCode}` });
    expect(wrong.statusCode).toBe(404);
    expect(unknown.statusCode).toBe(404);
    expect(wrong.json().message).toBe(unknown.json().message);
    expect((await t.app.inject({ url: '/api/tickets/12345?code=ABCDEF' })).statusCode).toBe(400);
    expect((await t.app.inject({ url: `/api/tickets/${receipt.number}` })).statusCode).toBe(400);
  });
});

describe('status workflow', () => {
  it('moves through accepted → in_progress → resolved → closed with an append-only history', async () => {
    const { number } = (await post(form())).json();
    await t.app.tickets.changeStatus(number, 'accepted', 'staff:s1');
    await t.app.tickets.changeStatus(number, 'in_progress', 'staff:s1', '已联系用人单位');
    await t.app.tickets.changeStatus(number, 'resolved', 'staff:s1', '工资已结清');
    const closed = await t.app.tickets.changeStatus(number, 'closed', 'staff:s1');
    expect(closed.events.map((e) => [e.fromStatus, e.toStatus])).toEqual([
      [null, 'submitted'],
      ['submitted', 'accepted'],
      ['accepted', 'in_progress'],
      ['in_progress', 'resolved'],
      ['resolved', 'closed'],
    ]);
    expect(closed.events[2]).toMatchObject({ actor: 'staff:s1', note: '已联系用人单位' });
    // The database itself refuses to rewrite history.
    const event = await t.app.prisma.ticketEvent.findFirstOrThrow({ where: { ticket: { number } } });
    await expect(
      t.app.prisma.ticketEvent.update({ where: { id: event.id }, data: { note: 'x' } }),
    ).rejects.toThrow();
    await expect(t.app.prisma.ticketEvent.delete({ where: { id: event.id } })).rejects.toThrow();
    expect(await t.app.prisma.ticketEvent.findUnique({ where: { id: event.id } })).toEqual(event);
  });

  it('refuses impossible moves, a rejection without reason and a transfer without office', async () => {
    const { number } = (await post(form())).json();
    await expect(t.app.tickets.changeStatus(number, 'resolved', 'staff:s1')).rejects.toMatchObject({
      kind: 'conflict',
    });
    await expect(t.app.tickets.changeStatus(number, 'rejected', 'staff:s1')).rejects.toThrow(/reason/);
    await expect(t.app.tickets.changeStatus(number, 'transferred', 'staff:s1')).rejects.toThrow(/office/);
    const rejected = await t.app.tickets.changeStatus(number, 'rejected', 'staff:s1', '不属于工会受理范围');
    expect(rejected.status).toBe('rejected');
    await expect(t.app.tickets.changeStatus(number, 'accepted', 'staff:s1')).rejects.toMatchObject({
      kind: 'conflict',
    });
  });

  it('transfers to another office and records both offices', async () => {
    const { number } = (await post(form())).json();
    const city = await t.app.offices.getByCode('region-440300');
    const moved = await t.app.tickets.changeStatus(number, 'transferred', 'staff:s1', '涉及多区', {
      toOfficeId: city!.id,
    });
    expect(moved.office.name).toBe('深圳市总工会');
    expect(moved.events.at(-1)).toMatchObject({
      type: 'transfer',
      fromOfficeId: 'region-440306',
      toOfficeId: 'region-440300',
    });
  });

  it('lists tickets masked, filtered by office, status and phone', async () => {
    const receipt = (await post(form({ claimantName: '欧阳娜娜', phone: '13911110000' }))).json();
    const list = await t.app.tickets.list({ officeIds: [receipt.office.id], phone: '139 1111 0000' });
    expect(list.total).toBe(1);
    expect(list.items[0]).toMatchObject({ claimantNameMasked: '欧阳**', phoneMasked: '139****0000' });
    expect(JSON.stringify(list)).not.toContain('13911110000');
    expect((await t.app.tickets.list({ officeIds: ['region-110105'] })).total).toBe(0);
  });
});

describe('status notifications reach the worker', () => {
  it('pushes to a connected web user and queues for one who is offline', async () => {
    const first = await chat(t.app, {
      channelUserId: 'notify-1',
      text: '我叫刘洋，美团骑手，在浦东新区张江站，站长拖欠我两个月工资六千，电话13700001234',
    });
    await chat(t.app, { conversationId: first.conversationId, text: '确认' });
    const receipt = (await chat(t.app, { conversationId: first.conversationId, text: '同意' })).replies[0]!;
    const number = receipt.ticket.number as string;

    const received: unknown[] = [];
    const unsubscribe = t.app.chat.subscribe(first.conversationId, (replies) => received.push(...replies));
    await t.app.tickets.changeStatus(number, 'accepted', 'staff:s1');
    unsubscribe();
    expect(received).toEqual([
      expect.objectContaining({
        type: 'ticket',
        text: expect.stringContaining('已受理'),
        ticket: expect.objectContaining({ number, status: 'accepted' }),
      }),
    ]);

    // Offline: kept in the outbox, delivered on reconnect.
    await t.app.tickets.changeStatus(number, 'in_progress', 'staff:s1');
    const pending = await t.app.delivery.pending(first.conversationId);
    expect(pending).toHaveLength(1);
    expect(pending[0]!.payload).toContain('办理中');
    const later: unknown[] = [];
    const again = t.app.chat.subscribe(first.conversationId, (replies) => later.push(...replies));
    expect(await t.app.delivery.flush(first.conversationId)).toBe(1);
    again();
    expect(later).toEqual([
      expect.objectContaining({ ticket: expect.objectContaining({ status: 'in_progress' }) }),
    ]);
  });
});

describe('form tickets are followed up on the worker’s channel', () => {
  it('queues a status change for the mini-program user who filed it', async () => {
    const receipt = (await post(form({ channel: 'miniprogram', channelUserId: 'mp-openid-1' }))).json();
    const conversation = await t.app.prisma.conversation.findUniqueOrThrow({
      where: { channel_externalUserId: { channel: 'miniprogram', externalUserId: 'mp-openid-1' } },
    });
    await t.app.tickets.changeStatus(receipt.number, 'accepted', 'staff:s1');
    const queued = await t.app.prisma.outbox.findMany({ where: { conversationId: conversation.id } });
    expect(queued).toHaveLength(1);
    // Sealed at rest like every message; opened, it names the ticket and no personal data.
    expect(queued[0]!.payload).not.toContain(receipt.number);
    const opened = t.app.messageCodec.open(queued[0]!.payload) ?? '';
    expect(opened).toContain(receipt.number);
    expect(opened).toContain(t.app.i18n.t('tickets:status.accepted', { lng: 'zh-CN' }));
    expect(opened).not.toContain('陈静');
  });

  it('commits the notice with the status change: if the notice cannot be stored, the change is not either', async () => {
    const receipt = (await post(form({ channel: 'miniprogram', channelUserId: 'mp-openid-2' }))).json();
    const delivery = t.app.delivery;
    const original = delivery.stage;
    // Break the notice's writes (a duplicate outbox id) the way a full disk would break them.
    const taken = await t.app.prisma.outbox.findFirstOrThrow();
    delivery.stage = async (...args) => {
      const staged = await original.apply(delivery, args);
      if (!staged) return staged;
      const broken = t.app.prisma.outbox.create({
        data: { id: taken.id, conversationId: taken.conversationId, channel: 'web', payload: '[]' },
      });
      return { ...staged, writes: [...staged.writes, broken] };
    };
    try {
      await expect(t.app.tickets.changeStatus(receipt.number, 'accepted', 'staff:s1')).rejects.toThrow();
    } finally {
      delivery.stage = original;
    }
    const ticket = await t.app.prisma.ticket.findUniqueOrThrow({ where: { number: receipt.number } });
    expect(ticket.status).toBe('submitted');
    const events = await t.app.prisma.ticketEvent.findMany({
      where: { ticketId: ticket.id, type: 'status' },
    });
    expect(events).toEqual([]);
    // Unbroken, the same change goes through with its notice.
    await t.app.tickets.changeStatus(receipt.number, 'accepted', 'staff:s1');
    const conversationId = ticket.conversationId as string;
    expect(await t.app.prisma.outbox.count({ where: { conversationId } })).toBe(1);
  });
});

describe('查询进度 in chat', () => {
  it('shows the ticket to the conversation that filed it, and asks anyone else for the code', async () => {
    const owner = await chat(t.app, {
      channelUserId: 'status-owner',
      text: '我叫黄磊，饿了么骑手，杭州西湖区文三路站拖欠我两个月工资五千，电话13600007777',
    });
    await chat(t.app, { conversationId: owner.conversationId, text: '确认' });
    const receipt = (await chat(t.app, { conversationId: owner.conversationId, text: '同意' })).replies[0]!
      .ticket;

    const mine = await chat(t.app, {
      conversationId: owner.conversationId,
      text: `查询进度 ${receipt.number}`,
    });
    expect(mine.replies[0]).toMatchObject({
      type: 'ticket',
      ticket: { number: receipt.number, status: 'submitted' },
    });
    expect(mine.replies[0]!.text).toContain('杭州市西湖区总工会');
    const bare = await chat(t.app, { conversationId: owner.conversationId, text: '查询进度' });
    expect(bare.replies[0]!.ticket.number).toBe(receipt.number);

    const stranger = await chat(t.app, {
      channelUserId: 'status-stranger',
      text: `查询进度 ${receipt.number}`,
    });
    expect(stranger.replies[0]!.text).toContain('查询码');
    const wrong = await chat(t.app, { conversationId: stranger.conversationId, text: 'ZZZZ22' });
    expect(wrong.replies[0]!.text).toContain('没有找到');
    await chat(t.app, { conversationId: stranger.conversationId, text: `查询进度 ${receipt.number}` });
    const right = await chat(t.app, { conversationId: stranger.conversationId, text: receipt.queryCode });
    expect(right.replies[0]).toMatchObject({ type: 'ticket', ticket: { number: receipt.number } });
    expect(right.replies[0]!.text).not.toContain('黄磊');
  });
});
