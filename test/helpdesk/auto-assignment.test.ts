import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/test-app.js';
import { until } from '../helpers/until.js';
import { handoffRow, staffWithLogin, workerAsksForPerson, workerSees } from './helpdesk-fixtures.js';

type Login = { id: string; headers: Record<string, string> };

describe('auto-assignment inside an office: round-robin among staff on duty, up to each one’s capacity', () => {
  let t: TestApp;
  const A = 'region-310115';
  const B = 'region-110105';
  let li: Login;
  let zhang: Login;
  let offDuty: Login;
  let adminA: Login;
  let adminB: Login;
  let agentB: Login;

  const put = (url: string, who: Login, payload: object) =>
    t.app.inject({ method: 'PUT', url, headers: who.headers, payload });

  beforeAll(async () => {
    t = await createTestApp({ HANDOFF_OFFICE: A, STAFF_LOGIN_PER_MINUTE: '1000' });
    li = await staffWithLogin(t.app, 'a1.li', 'agent', A, '李明');
    zhang = await staffWithLogin(t.app, 'a2.zhang', 'agent', A, '张华');
    offDuty = await staffWithLogin(t.app, 'a3.off', 'agent', A, '休息中');
    adminA = await staffWithLogin(t.app, 'a.admin', 'admin', A);
    adminB = await staffWithLogin(t.app, 'b.admin', 'admin', B);
    agentB = await staffWithLogin(t.app, 'b.agent', 'agent', B);
  });
  afterAll(() => t.close());

  it('lets only an admin of the office set capacity, and nobody outside it see the roster', async () => {
    expect((await put(`/api/staff/roster/${li.id}`, li, { capacity: 1 })).statusCode).toBe(403);
    expect((await put(`/api/staff/roster/${li.id}`, adminB, { capacity: 9 })).statusCode).toBe(404);
    expect((await put(`/api/staff/roster/${li.id}`, adminA, { capacity: 1 })).statusCode).toBe(200);
    expect((await put(`/api/staff/roster/${zhang.id}`, adminA, { capacity: 1 })).statusCode).toBe(200);
    const other = await t.app.inject({
      method: 'GET',
      url: `/api/staff/roster?officeId=${A}`,
      headers: adminB.headers,
    });
    expect(other.statusCode).toBe(404);
    const agentRoster = await t.app.inject({
      method: 'GET',
      url: '/api/staff/roster',
      headers: agentB.headers,
    });
    expect(agentRoster.statusCode).toBe(403);
  });

  it('gives chats in turn to those on duty, holds the rest until someone has room, and names the person to the worker', async () => {
    for (const who of [li, zhang]) {
      const duty = await put('/api/staff/duty', who, { onDuty: true });
      expect(duty.json()).toMatchObject({ onDuty: true, capacity: 1 });
    }
    const first = await workerAsksForPerson(t.app, 'rider-1');
    await until(
      async () => (await handoffRow(t.app, first.handoffId)).status === 'claimed',
      'the first chat assigned',
    );
    const second = await workerAsksForPerson(t.app, 'rider-2');
    await until(
      async () => (await handoffRow(t.app, second.handoffId)).status === 'claimed',
      'the second chat assigned',
    );
    const firstTo = (await handoffRow(t.app, first.handoffId)).claimedById;
    const secondTo = (await handoffRow(t.app, second.handoffId)).claimedById;
    expect(new Set([firstTo, secondTo])).toEqual(new Set([li.id, zhang.id]));
    const firstName = firstTo === li.id ? '李明' : '张华';
    await until(
      async () =>
        (await workerSees(t.app, first.conversationId)).some((m) =>
          m.includes(`工会工作人员已接入：${firstName}`),
        ),
      'the worker told who took over',
    );

    // Both are full (capacity 1) and the third person is off duty: the third chat waits.
    const third = await workerAsksForPerson(t.app, 'rider-3');
    const roster = (
      await t.app.inject({ method: 'GET', url: '/api/staff/roster', headers: adminA.headers })
    ).json();
    expect(roster.staff.find((s: { staffId: string }) => s.staffId === offDuty.id)).toMatchObject({
      onDuty: false,
      load: 0,
    });
    expect((await handoffRow(t.app, third.handoffId)).status).toBe('waiting');

    // The first chat ends: its holder has room again and gets the waiting one.
    const holder = firstTo === li.id ? li : zhang;
    const closed = await t.app.inject({
      method: 'POST',
      url: `/api/staff/handoffs/${first.handoffId}/close`,
      headers: holder.headers,
    });
    expect(closed.statusCode).toBe(200);
    await until(
      async () => (await handoffRow(t.app, third.handoffId)).status === 'claimed',
      'the third chat assigned',
    );
    expect((await handoffRow(t.app, third.handoffId)).claimedById).toBe(holder.id);
  });

  it('coming on duty takes a waiting chat at once', async () => {
    const fourth = await workerAsksForPerson(t.app, 'rider-4');
    expect((await handoffRow(t.app, fourth.handoffId)).status).toBe('waiting');
    await put('/api/staff/duty', offDuty, { onDuty: true });
    expect(await handoffRow(t.app, fourth.handoffId)).toMatchObject({
      status: 'claimed',
      claimedById: offDuty.id,
    });
  });

  it('two chats arriving together never both take the last free place', async () => {
    // Everyone is full again except one place: the newcomer with capacity 1.
    const newcomer = await staffWithLogin(t.app, 'a4.new', 'agent', A, '新同事');
    await put(`/api/staff/roster/${newcomer.id}`, adminA, { capacity: 1 });
    await put('/api/staff/roster/' + offDuty.id, adminA, { capacity: 1 });
    await put('/api/staff/duty', newcomer, { onDuty: true });
    const [x, y] = await Promise.all([
      workerAsksForPerson(t.app, 'rider-x'),
      workerAsksForPerson(t.app, 'rider-y'),
    ]);
    await until(
      async () =>
        (await t.app.prisma.handoff.count({
          where: { id: { in: [x.handoffId, y.handoffId] }, status: 'claimed' },
        })) === 1,
      'one of the two assigned',
    );
    const held = await t.app.prisma.handoff.count({ where: { claimedById: newcomer.id, status: 'claimed' } });
    expect(held).toBe(1);
    const statuses = [
      (await handoffRow(t.app, x.handoffId)).status,
      (await handoffRow(t.app, y.handoffId)).status,
    ];
    expect(statuses.sort()).toEqual(['claimed', 'waiting']);
  });
});
