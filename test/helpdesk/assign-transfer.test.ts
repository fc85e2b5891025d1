import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chat as chatApi, createTestApp, type TestApp } from '../helpers/test-app.js';
import { until } from '../helpers/until.js';
import { handoffRow, staffWithLogin, workerAsksForPerson, workerSees } from './helpdesk-fixtures.js';

type Login = { id: string; headers: Record<string, string> };

describe('manual assignment and transfer of a chat, with a note, under the office scope rule', () => {
  let t: TestApp;
  const A = 'region-310115';
  const B = 'region-110105';
  let agent: Login;
  let colleague: Login;
  let supervisor: Login;
  let agentB: Login;

  const post = (url: string, who: Login, payload: object) =>
    t.app.inject({ method: 'POST', url, headers: who.headers, payload });

  beforeAll(async () => {
    t = await createTestApp({ HANDOFF_OFFICE: A, STAFF_LOGIN_PER_MINUTE: '1000' });
    agent = await staffWithLogin(t.app, 'a.agent', 'agent', A, '王芳');
    colleague = await staffWithLogin(t.app, 'a.colleague', 'agent', A, '赵强');
    supervisor = await staffWithLogin(t.app, 'a.supervisor', 'supervisor', A, '陈主任');
    agentB = await staffWithLogin(t.app, 'b.agent', 'agent', B);
  });
  afterAll(() => t.close());

  it('a supervisor gives a chat to a colleague; an agent cannot hand out others’ chats; no one outside sees it', async () => {
    const chat = await workerAsksForPerson(t.app, 'rider-assign');
    const url = `/api/staff/handoffs/${chat.handoffId}/assign`;
    expect((await post(url, agent, { staffId: colleague.id })).statusCode).toBe(403);
    expect((await post(url, agentB, { staffId: agentB.id })).statusCode).toBe(404);
    expect((await post(url, supervisor, { staffId: agentB.id })).statusCode).toBe(400);
    const given = await post(url, supervisor, { staffId: agent.id, note: '她熟悉外卖平台的案子' });
    expect(given.statusCode).toBe(200);
    expect(await handoffRow(t.app, chat.handoffId)).toMatchObject({
      status: 'claimed',
      claimedById: agent.id,
    });
    await until(
      async () =>
        (await workerSees(t.app, chat.conversationId)).some((m) => m.includes('工会工作人员已接入：王芳')),
      'the worker told who joined',
    );

    // The holder passes it on; the worker hears the new name.
    const passed = await post(url, agent, { staffId: colleague.id });
    expect(passed.statusCode).toBe(200);
    expect((await handoffRow(t.app, chat.handoffId)).claimedById).toBe(colleague.id);
    await until(
      async () =>
        (await workerSees(t.app, chat.conversationId)).some((m) => m.includes('工会工作人员已接入：赵强')),
      'the worker told of the new person',
    );
    const notes = await t.app.inject({
      method: 'GET',
      url: `/api/staff/handoffs/${chat.handoffId}/notes`,
      headers: colleague.headers,
    });
    expect(notes.json().notes).toMatchObject([
      { kind: 'assign', staffName: '陈主任', text: '她熟悉外卖平台的案子' },
    ]);
  });

  it('transfers only to an office in scope or the parent, always with a reason, and the note travels with the chat', async () => {
    const chat = await workerAsksForPerson(t.app, 'rider-transfer');
    const url = `/api/staff/handoffs/${chat.handoffId}/transfer`;
    const targets = (
      await t.app.inject({ method: 'GET', url: `${url}-targets`, headers: agent.headers })
    ).json().offices as Array<{ id: string; relation: string }>;
    const parent = targets.find((o) => o.relation === 'parent');
    expect(parent?.id).toBe('region-310000');
    expect(targets.map((o) => o.id)).not.toContain(B);

    expect((await post(url, agent, { toOfficeId: B, note: '地址在北京' })).statusCode).toBe(403);
    expect((await post(url, agent, { toOfficeId: 'region-310000', note: '   ' })).statusCode).toBe(400);
    expect((await post(url, agentB, { toOfficeId: B, note: '给我' })).statusCode).toBe(404);
    const moved = await post(url, agent, {
      toOfficeId: 'region-310000',
      note: '涉及全市多个站点，请市总协调',
    });
    expect(moved.statusCode).toBe(200);
    expect(await handoffRow(t.app, chat.handoffId)).toMatchObject({
      officeId: 'region-310000',
      status: 'waiting',
      claimedById: null,
    });
    // Now the city's chat: the district agent no longer sees it; the city's staff read why it came.
    const gone = await t.app.inject({
      method: 'GET',
      url: `/api/staff/handoffs/${chat.handoffId}`,
      headers: agent.headers,
    });
    expect(gone.statusCode).toBe(404);
    const city = await staffWithLogin(t.app, 'city.agent', 'agent', 'region-310000');
    const notes = await t.app.inject({
      method: 'GET',
      url: `/api/staff/handoffs/${chat.handoffId}/notes`,
      headers: city.headers,
    });
    expect(notes.json().notes).toMatchObject([
      { kind: 'transfer', staffName: '王芳', text: '涉及全市多个站点，请市总协调' },
    ]);
    await until(
      async () => (await workerSees(t.app, chat.conversationId)).some((m) => m.includes('上海市总工会')),
      'the worker told where the chat went',
    );
    // The worker then names a district: the staff's transfer holds, the chat does not move back.
    await chatApi(t.app, { conversationId: chat.conversationId, text: '我在浦东新区送外卖' });
    expect((await handoffRow(t.app, chat.handoffId)).officeId).toBe('region-310000');
  });
});
