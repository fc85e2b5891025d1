import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/test-app.js';
import { fileTicket } from '../staff/staff-fixtures.js';
import { staffWithLogin, workerAsksForPerson, workerSees } from './helpdesk-fixtures.js';

type Login = { id: string; headers: Record<string, string> };

describe('canned replies, private notes and labels, per office', () => {
  let t: TestApp;
  const A = 'region-310115';
  const B = 'region-110105';
  let agent: Login;
  let supervisor: Login;
  let supervisorB: Login;

  const call = (
    method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE',
    url: string,
    who: Login,
    payload?: object,
  ) => t.app.inject({ method, url, headers: who.headers, ...(payload ? { payload } : {}) });

  beforeAll(async () => {
    t = await createTestApp({ HANDOFF_OFFICE: A, STAFF_LOGIN_PER_MINUTE: '1000' });
    agent = await staffWithLogin(t.app, 'a.agent', 'agent', A, '王芳');
    supervisor = await staffWithLogin(t.app, 'a.supervisor', 'supervisor', A, '陈主任');
    supervisorB = await staffWithLogin(t.app, 'b.supervisor', 'supervisor', B);
  });
  afterAll(() => t.close());

  it('fills a canned reply for the open chat with its ticket number, office and staff name; only the office writes them', async () => {
    const chat = await workerAsksForPerson(t.app, 'rider-canned');
    const number = await fileTicket(t.app, {
      regionCode: '310115',
      employer: '上海某某餐饮管理有限公司',
      conversationId: chat.conversationId,
    });
    const text = '您好，我是{officeName}的{staffName}，您的工单 {ticketNumber} 已收到。';
    expect((await call('POST', '/api/staff/canned-replies', agent, { title: '问候', text })).statusCode).toBe(
      403,
    );
    expect(
      (
        await call('POST', '/api/staff/canned-replies', supervisor, {
          title: '错',
          text: '{workerName} 您好',
        })
      ).statusCode,
    ).toBe(400);
    expect(
      (
        await call('POST', '/api/staff/canned-replies', supervisorB, {
          officeId: A,
          title: '越权',
          text: '好',
        })
      ).statusCode,
    ).toBe(404);
    const created = await call('POST', '/api/staff/canned-replies', supervisor, { title: '问候', text });
    expect(created.statusCode).toBe(201);
    expect(
      (await call('POST', '/api/staff/canned-replies', supervisor, { title: '问候', text: '重复' }))
        .statusCode,
    ).toBe(409);
    await call('POST', '/api/staff/canned-replies', supervisorB, { title: '北京的', text: '北京' });

    await call('POST', `/api/staff/handoffs/${chat.handoffId}/claim`, agent);
    const composer = await call('GET', `/api/staff/handoffs/${chat.handoffId}/canned-replies`, agent);
    expect(composer.json().replies).toEqual([
      expect.objectContaining({
        title: '问候',
        filled: `您好，我是上海市浦东新区总工会的王芳，您的工单 ${number} 已收到。`,
      }),
    ]);
    expect(
      (await call('GET', `/api/staff/handoffs/${chat.handoffId}/canned-replies`, supervisorB)).statusCode,
    ).toBe(404);
    const id = created.json().id as string;
    expect((await call('DELETE', `/api/staff/canned-replies/${id}`, supervisorB)).statusCode).toBe(404);
    const edited = await call('PATCH', `/api/staff/canned-replies/${id}`, supervisor, { title: '开场白' });
    expect(edited.json()).toMatchObject({ title: '开场白', text });
  });

  it('keeps private notes from the worker, stores them sealed, and shows them with the staff name', async () => {
    const chat = await workerAsksForPerson(t.app, 'rider-notes');
    const secret = '工友说老板姓刘，电话未核实';
    const sentBefore = (await workerSees(t.app, chat.conversationId)).length;
    const outboxBefore = await t.app.prisma.outbox.count({ where: { conversationId: chat.conversationId } });
    const added = await call('POST', `/api/staff/handoffs/${chat.handoffId}/notes`, agent, { text: secret });
    expect(added.statusCode).toBe(201);
    expect(
      (await call('POST', `/api/staff/handoffs/${chat.handoffId}/notes`, supervisorB, { text: 'x' }))
        .statusCode,
    ).toBe(404);
    const listed = await call('GET', `/api/staff/handoffs/${chat.handoffId}/notes`, supervisor);
    expect(listed.json().notes).toMatchObject([{ kind: 'note', staffName: '王芳', text: secret }]);
    // Nothing was sent or queued for the worker, and the note is not in clear in the database.
    const sent = await workerSees(t.app, chat.conversationId);
    expect(sent).toHaveLength(sentBefore);
    expect(sent.join('\n')).not.toContain('老板姓刘');
    expect(await t.app.prisma.outbox.count({ where: { conversationId: chat.conversationId } })).toBe(
      outboxBefore,
    );
    const stored = await t.app.prisma.privateNote.findFirstOrThrow({
      where: { subjectId: chat.conversationId },
    });
    expect(stored.textEnc).not.toContain('老板');
  });

  it('labels chats and tickets with the office’s labels and filters by them; another office’s label is not usable', async () => {
    const label = await call('POST', '/api/staff/labels', supervisor, { name: '需回访', color: '#cc3300' });
    expect(label.statusCode).toBe(201);
    const labelId = label.json().id as string;
    const otherLabel = (await call('POST', '/api/staff/labels', supervisorB, { name: '北京标签' })).json()
      .id as string;
    expect((await call('POST', '/api/staff/labels', agent, { name: '代理' })).statusCode).toBe(403);

    const [one, two] = [
      await fileTicket(t.app, { regionCode: '310115', employer: '甲公司' }),
      await fileTicket(t.app, { regionCode: '310115', employer: '乙公司' }),
    ];
    expect(
      (await call('PUT', `/api/staff/tickets/${one}/labels/${labelId}`, agent)).json().labels,
    ).toMatchObject([{ name: '需回访' }]);
    expect((await call('PUT', `/api/staff/tickets/${two}/labels/${otherLabel}`, agent)).statusCode).toBe(404);
    const filtered = (await call('GET', `/api/staff/tickets?label=${labelId}`, agent)).json();
    expect(filtered.items.map((i: { number: string }) => i.number)).toEqual([one]);
    expect(filtered.items[0].labels).toMatchObject([{ name: '需回访', color: '#cc3300' }]);
    expect((await call('GET', `/api/staff/tickets?label=${otherLabel}`, agent)).statusCode).toBe(404);
    expect((await call('GET', `/api/staff/tickets/${one}`, agent)).json().labels).toMatchObject([
      { name: '需回访' },
    ]);

    const chat = await workerAsksForPerson(t.app, 'rider-labels');
    await workerAsksForPerson(t.app, 'rider-unlabelled');
    await call('PUT', `/api/staff/handoffs/${chat.handoffId}/labels/${labelId}`, agent);
    const queue = (await call('GET', `/api/staff/handoffs?label=${labelId}`, agent)).json().handoffs;
    expect(queue.map((h: { id: string }) => h.id)).toEqual([chat.handoffId]);
    await call('DELETE', `/api/staff/handoffs/${chat.handoffId}/labels/${labelId}`, agent);
    expect((await call('GET', `/api/staff/handoffs?label=${labelId}`, agent)).json().handoffs).toEqual([]);
  });
});
