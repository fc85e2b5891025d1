import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chat, createTestApp, type TestApp } from '../helpers/test-app.js';
import { until } from '../helpers/until.js';
import { fileTicket } from '../staff/staff-fixtures.js';
import { staffWithLogin, workerAsksForPerson, workerSees } from './helpdesk-fixtures.js';

type Login = { id: string; headers: Record<string, string> };

describe('search inside the office scope, SLA warnings before the due time, the satisfaction question', () => {
  let t: TestApp;
  const A = 'region-310115';
  const B = 'region-110105';
  let agentA: Login;
  let supervisorA: Login;
  let agentB: Login;
  let ticketA: string;
  let ticketB: string;
  let chatA: { conversationId: string; handoffId: string };

  const get = (url: string, who: Login) => t.app.inject({ method: 'GET', url, headers: who.headers });

  beforeAll(async () => {
    t = await createTestApp({ HANDOFF_OFFICE: A, STAFF_LOGIN_PER_MINUTE: '1000' });
    agentA = await staffWithLogin(t.app, 'a.agent', 'agent', A, '王芳');
    supervisorA = await staffWithLogin(t.app, 'a.supervisor', 'supervisor', A);
    agentB = await staffWithLogin(t.app, 'b.agent', 'agent', B);
    // The same employer and the same phone in both subtrees: only the searcher's own may come back.
    ticketA = await fileTicket(t.app, {
      regionCode: '310115',
      employer: '速达配送服务有限公司',
      phone: '13900001111',
    });
    ticketB = await fileTicket(t.app, {
      regionCode: '110105',
      employer: '速达配送服务有限公司',
      phone: '13900001111',
    });
    chatA = await workerAsksForPerson(t.app, 'rider-search');
    await chat(t.app, { conversationId: chatA.conversationId, text: '站长说押金不退，电话13900001111' });
  });
  afterAll(() => t.close());

  it('finds tickets by number, employer and phone (blind index) and chats by text, never another subtree’s', async () => {
    const byEmployer = (await get(`/api/staff/search?q=${encodeURIComponent('速达配送')}`, agentA)).json();
    expect(byEmployer.tickets.map((x: { number: string }) => x.number)).toEqual([ticketA]);
    const byPhone = (await get('/api/staff/search?q=139-0000-1111', agentA)).json();
    expect(byPhone.tickets.map((x: { number: string }) => x.number)).toEqual([ticketA]);
    expect(byPhone.chats.map((c: { handoffId: string }) => c.handoffId)).toEqual([chatA.handoffId]);
    expect(byPhone.chats[0].snippet).toContain('139****1111');
    expect(byPhone.tickets[0].phoneMasked).not.toContain('00001111');

    const byText = (await get(`/api/staff/search?q=${encodeURIComponent('押金不退')}`, agentA)).json();
    expect(byText.chats).toMatchObject([{ handoffId: chatA.handoffId, status: 'waiting' }]);
    expect((await get(`/api/staff/search?q=${ticketA}`, agentA)).json().tickets).toHaveLength(1);

    // From the other subtree: the same words, phone and numbers find only B's own ticket.
    const fromB = (await get('/api/staff/search?q=13900001111', agentB)).json();
    expect(fromB.tickets.map((x: { number: string }) => x.number)).toEqual([ticketB]);
    expect(fromB.chats).toEqual([]);
    expect((await get(`/api/staff/search?q=${encodeURIComponent('押金不退')}`, agentB)).json().chats).toEqual(
      [],
    );
    expect((await get(`/api/staff/search?q=${ticketA}`, agentB)).json().tickets).toEqual([]);
    const logged = await t.app.prisma.auditLog.findMany({ where: { action: 'search-cases' } });
    expect(logged.length).toBeGreaterThan(0);
    expect(JSON.stringify(logged)).not.toContain('13900001111');
  });

  it('walks back through every chat of the office, newest first, not just the first few hundred', async () => {
    const old = await workerAsksForPerson(t.app, 'rider-search-old');
    await chat(t.app, { conversationId: old.conversationId, text: '去年冬天在冷库分拣的工钱一直没结' });
    const target = await t.app.prisma.handoff.findUniqueOrThrow({ where: { id: old.handoffId } });
    const day = 86_400_000;
    await t.app.prisma.handoff.update({
      where: { id: target.id },
      data: { status: 'closed', createdAt: new Date(Date.now() - 10 * day) },
    });
    // 250 ended chats older than it and 400 newer: the old list read only the 200 oldest ended ones.
    const filler = (n: number, at: number) =>
      Array.from({ length: n }, (_, i) => ({
        conversationId: `filler-${at}-${i}`,
        officeId: target.officeId,
        reason: 'user-request',
        status: 'closed',
        createdAt: new Date(Date.now() - at * day + i * 1000),
      }));
    await t.app.prisma.handoff.createMany({ data: [...filler(250, 20), ...filler(400, 1)] });
    const found = (await get(`/api/staff/search?q=${encodeURIComponent('冷库分拣')}`, agentA)).json();
    expect(found.chats.map((c: { handoffId: string }) => c.handoffId)).toEqual([old.handoffId]);
    expect(found.chats[0].snippet).toContain('冷库分拣');
    expect(found.chatsSearched).toMatchObject({ complete: true });
    expect(found.chatsSearched.count).toBeGreaterThan(650);
    expect((await get(`/api/staff/search?q=${encodeURIComponent('冷库分拣')}`, agentB)).json().chats).toEqual(
      [],
    );
    // The console's ended list looks back from the newest chat, not from the oldest 200.
    const ended = (await get('/api/staff/handoffs?status=ended', agentA)).json().handoffs as {
      createdAt: string;
    }[];
    expect(ended).toHaveLength(200);
    expect(Date.parse(ended[0]?.createdAt ?? '')).toBeGreaterThan(Date.now() - 2 * day);
  });

  it('warns of tickets within the office’s window before the due time, and of overdue ones', async () => {
    const row = await t.app.prisma.ticket.findUniqueOrThrow({ where: { number: ticketA } });
    const hours = (row.dueAt.getTime() - Date.now()) / 3_600_000;
    expect(hours).toBeGreaterThan(24);
    expect((await get('/api/staff/sla-warnings', agentA)).json().tickets).toEqual([]);
    // The office warns earlier: now the ticket is inside its window.
    const window = Math.ceil(hours) + 1;
    const set = await t.app.inject({
      method: 'PUT',
      url: `/api/staff/offices/${A}/helpdesk`,
      headers: supervisorA.headers,
      payload: { slaWarningHours: window },
    });
    expect(set.statusCode).toBe(200);
    const warned = (await get('/api/staff/sla-warnings', agentA)).json().tickets;
    expect(warned).toMatchObject([{ number: ticketA, overdue: false }]);
    expect(warned[0].hoursLeft).toBeLessThanOrEqual(window);
    // Past its due time it stays on the list, marked overdue.
    await t.app.prisma.ticket.update({
      where: { number: ticketA },
      data: { dueAt: new Date(Date.now() - 3_600_000) },
    });
    expect((await get('/api/staff/sla-warnings', agentA)).json().tickets).toMatchObject([
      { number: ticketA, overdue: true },
    ]);
    await t.app.prisma.ticket.update({ where: { number: ticketA }, data: { dueAt: row.dueAt } });
    // B's office keeps the default and B's staff never see A's ticket.
    expect((await get('/api/staff/sla-warnings', agentB)).json().tickets).toEqual([]);
    const other = await t.app.inject({
      method: 'PUT',
      url: `/api/staff/offices/${A}/helpdesk`,
      headers: agentB.headers,
      payload: { slaWarningHours: 1 },
    });
    expect(other.statusCode).toBe(403);
  });

  it('asks 满意/一般/不满意 after a closed chat when the office wants it, and stores the one-tap answer for staff', async () => {
    await t.app.inject({
      method: 'PUT',
      url: `/api/staff/offices/${A}/helpdesk`,
      headers: supervisorA.headers,
      payload: { satisfactionSurvey: true },
    });
    const asked = await workerAsksForPerson(t.app, 'rider-rating');
    await t.app.inject({
      method: 'POST',
      url: `/api/staff/handoffs/${asked.handoffId}/claim`,
      headers: agentA.headers,
    });
    await t.app.inject({
      method: 'POST',
      url: `/api/staff/handoffs/${asked.handoffId}/close`,
      headers: agentA.headers,
    });
    await until(
      async () => (await workerSees(t.app, asked.conversationId)).some((m) => m.includes('你满意吗')),
      'the satisfaction question',
    );
    const question = (await t.app.conversations.history(asked.conversationId, 50)).find((m) =>
      (m.text ?? '').includes('你满意吗'),
    );
    const quick = JSON.parse(question?.payload ?? '{}').quickReplies as Array<{
      label: string;
      text: string;
    }>;
    expect(quick.map((q) => q.label)).toEqual(['满意', '一般', '不满意']);
    // The tap sends what the quick reply carries.
    const tap = await chat(t.app, { conversationId: asked.conversationId, text: quick[2]?.text });
    expect(tap.replies[0]?.text).toContain('谢谢你的评价');
    const shown = (await get(`/api/staff/handoffs/${asked.handoffId}/satisfaction`, agentA)).json();
    expect(shown.satisfaction).toMatchObject({ rating: 'unsatisfied' });
    const summary = (await get('/api/staff/satisfaction', supervisorA)).json();
    expect(summary.counts.unsatisfied).toBe(1);
    expect(summary.recent[0]).toMatchObject({ rating: 'unsatisfied', staffName: '王芳' });
    expect((await get(`/api/staff/handoffs/${asked.handoffId}/satisfaction`, agentB)).statusCode).toBe(404);
    // A second tap is just a message: the bot answers it as usual, the rating stands.
    const again = await chat(t.app, { conversationId: asked.conversationId, text: '满意' });
    expect(again.replies[0]?.text ?? '').not.toContain('谢谢你的评价');
    expect(
      (await get(`/api/staff/handoffs/${asked.handoffId}/satisfaction`, agentA)).json().satisfaction.rating,
    ).toBe('unsatisfied');
  });

  it('does not ask when the office has the question switched off', async () => {
    await t.app.inject({
      method: 'PUT',
      url: `/api/staff/offices/${A}/helpdesk`,
      headers: supervisorA.headers,
      payload: { satisfactionSurvey: false },
    });
    const quiet = await workerAsksForPerson(t.app, 'rider-quiet');
    await t.app.inject({
      method: 'POST',
      url: `/api/staff/handoffs/${quiet.handoffId}/claim`,
      headers: agentA.headers,
    });
    const closed = await t.app.inject({
      method: 'POST',
      url: `/api/staff/handoffs/${quiet.handoffId}/close`,
      headers: agentA.headers,
    });
    expect(closed.statusCode).toBe(200);
    expect(await t.app.prisma.satisfactionRating.count({ where: { handoffId: quiet.handoffId } })).toBe(0);
    expect((await workerSees(t.app, quiet.conversationId)).join('\n')).not.toContain('你满意吗');
  });
});
