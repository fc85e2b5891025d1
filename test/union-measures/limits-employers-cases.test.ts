import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONSENT_VERSION } from '../../src/tickets/consent.js';
import { createTestApp, type TestApp } from '../helpers/test-app.js';
import {
  createOffices,
  createStaff,
  fileTicket,
  loginBearer,
  type Offices,
} from '../staff/staff-fixtures.js';

const daysAgo = (days: number) =>
  new Date(Date.now() + 8 * 3_600_000 - days * 86_400_000).toISOString().slice(0, 10);

describe('arbitration limit, employers as one entity, collective cases', () => {
  let t: TestApp;
  let offices: Offices;
  let agentA: Record<string, string>;
  let superA: Record<string, string>;
  let superB: Record<string, string>;

  const form = (extra: Record<string, unknown>) =>
    t.app.inject({
      method: 'POST',
      url: '/api/tickets',
      payload: {
        claimantName: '王芳',
        phone: '13700001234',
        regionCode: '310115',
        industry: 'delivery',
        employer: '上海飞毛腿配送有限公司',
        consent: true,
        consentVersion: CONSENT_VERSION,
        ...extra,
      },
    });
  const detail = async (number: string, headers = agentA) =>
    (await t.app.inject({ method: 'GET', url: `/api/staff/tickets/${number}`, headers })).json();

  beforeAll(async () => {
    t = await createTestApp({ STAFF_LOGIN_PER_MINUTE: '1000' });
    offices = await createOffices(t.app);
    await createStaff(t.app, 'agent.a', 'agent', offices.a);
    await createStaff(t.app, 'super.a', 'supervisor', offices.a);
    await createStaff(t.app, 'super.b', 'supervisor', offices.b);
    agentA = await loginBearer(t.app, 'agent.a');
    superA = await loginBearer(t.app, 'super.a');
    superB = await loginBearer(t.app, 'super.b');
  });
  afterAll(() => t.close());

  it('shows the limit the intake’s facts give, and "unknown, ask" when they were not captured', async () => {
    const left = await form({ stillEmployed: false, employmentEndedOn: daysAgo(365 - 20) });
    expect(left.statusCode).toBe(201);
    const ended = await detail(left.json().number);
    expect(ended.measures.limit).toMatchObject({
      kind: 'date',
      runsFrom: 'employment-ended',
      daysLeft: 20,
      warning: '30',
    });
    const still = await form({ stillEmployed: true });
    expect((await detail(still.json().number)).measures.limit).toEqual({ kind: 'none-while-employed' });
    const silent = await fileTicket(t.app, { regionCode: '310115', employer: '浦东某某餐饮公司' });
    expect((await detail(silent)).measures.limit).toEqual({ kind: 'unknown', ask: 'still-employed' });
    expect((await form({ employmentEndedOn: '2099-01-01' })).statusCode).toBe(400);
    expect((await form({ employerCreditCode: '91350100M000100Y44' })).statusCode).toBe(400);
  });

  it('records what the worker says later, and lists tickets near the limit in scope only', async () => {
    const number = await fileTicket(t.app, { regionCode: '310115', employer: '浦东另一家公司' });
    const put = await t.app.inject({
      method: 'PUT',
      url: `/api/staff/tickets/${number}/employment`,
      headers: agentA,
      payload: { stillEmployed: false, employmentEndedOn: daysAgo(365 - 50) },
    });
    expect(put.statusCode).toBe(200);
    expect(put.json().limit).toMatchObject({ daysLeft: 50, warning: '60' });
    const list = (await t.app.inject({ method: 'GET', url: '/api/staff/limits', headers: agentA })).json();
    expect(list.tickets.map((x: { limit: { daysLeft: number } }) => x.limit.daysLeft)).toEqual([20, 50]);
    const theirs = (await t.app.inject({ method: 'GET', url: '/api/staff/limits', headers: superB })).json();
    expect(theirs.tickets).toEqual([]);
    const foreign = await t.app.inject({
      method: 'PUT',
      url: `/api/staff/tickets/${number}/employment`,
      headers: superB,
      payload: { stillEmployed: true },
    });
    expect(foreign.statusCode).toBe(404);
    const back = await t.app.inject({
      method: 'PUT',
      url: `/api/staff/tickets/${number}/employment`,
      headers: agentA,
      payload: { stillEmployed: true },
    });
    expect(back.json()).toMatchObject({
      limit: { kind: 'none-while-employed' },
      facts: { stillEmployed: true, employmentEndedOn: null },
    });
    const future = await t.app.inject({
      method: 'PUT',
      url: `/api/staff/tickets/${number}/employment`,
      headers: agentA,
      payload: { employmentEndedOn: '2099-01-01' },
    });
    expect(future.statusCode).toBe(400);
  });

  it('keeps one trade name in two cities as two employers, and a name without a city with the one it fits', async () => {
    const shanghai = await t.app.employers.ensure('上海快马跑腿有限公司');
    const placeless = await t.app.employers.ensure('快马跑腿公司');
    expect(placeless?.id).toBe(shanghai?.id);
    const beijing = await t.app.employers.ensure('北京快马跑腿有限公司');
    expect(beijing?.id).not.toBe(shanghai?.id);
    const resolved = await t.app.employers.resolve(['快马跑腿（上海）有限公司', '快马跑腿(北京)公司']);
    expect(resolved.get('快马跑腿（上海）有限公司')?.id).toBe(shanghai?.id);
    expect(resolved.get('快马跑腿(北京)公司')?.id).toBe(beijing?.id);
  });

  it('counts one employer however typed, and staff merge a brand into its registered name', async () => {
    const numbers = [
      await fileTicket(t.app, { regionCode: '310115', employer: '闪送达（上海）有限公司' }),
      await fileTicket(t.app, { regionCode: '310115', employer: '上海 闪送达公司' }),
      await fileTicket(t.app, { regionCode: '310115', employer: '小闪跑腿' }),
    ];
    const before = (await t.app.inject({ method: 'GET', url: '/api/staff/risks', headers: agentA })).json()
      .risks;
    expect(before.some((r: { employer: string }) => r.employer.includes('闪送达'))).toBe(false);
    const employers = (
      await t.app.inject({ method: 'GET', url: '/api/staff/employers?q=闪', headers: superA })
    ).json().items as { id: string; spellings: string[]; tickets: number }[];
    const brand = employers.find((e) => e.spellings.includes('小闪跑腿'));
    const registered = employers.find((e) => e.tickets === 2);
    expect(registered?.spellings.sort()).toEqual(['上海 闪送达公司', '闪送达（上海）有限公司']);
    const agentTry = await t.app.inject({
      method: 'POST',
      url: '/api/staff/employers/merge',
      headers: agentA,
      payload: { from: brand?.id, into: registered?.id },
    });
    expect(agentTry.statusCode).toBe(403);
    const outsider = await t.app.inject({
      method: 'POST',
      url: '/api/staff/employers/merge',
      headers: superB,
      payload: { from: brand?.id, into: registered?.id },
    });
    expect(outsider.statusCode).toBe(404);
    const merged = await t.app.inject({
      method: 'POST',
      url: '/api/staff/employers/merge',
      headers: superA,
      payload: { from: brand?.id, into: registered?.id },
    });
    expect(merged.statusCode).toBe(200);
    const risks = (await t.app.inject({ method: 'GET', url: '/api/staff/risks', headers: agentA })).json()
      .risks;
    const repeat = risks.find(
      (r: { kind: string; employerId: string }) =>
        r.kind === 'repeat-employer' && r.employerId === registered?.id,
    );
    expect(repeat?.tickets.sort()).toEqual([...numbers].sort());
    const code = await t.app.inject({
      method: 'PUT',
      url: `/api/staff/employers/${registered?.id}/credit-code`,
      headers: superA,
      payload: { creditCode: '91350100M000100Y43' },
    });
    expect(code.json().employer.creditCode).toBe('91350100M000100Y43');
    const typo = await t.app.inject({
      method: 'PUT',
      url: `/api/staff/employers/${registered?.id}/credit-code`,
      headers: superA,
      payload: { creditCode: '91350100M000100Y44' },
    });
    expect(typo.statusCode).toBe(400);
    const foreignCode = await t.app.inject({
      method: 'PUT',
      url: `/api/staff/employers/${registered?.id}/credit-code`,
      headers: superB,
      payload: { creditCode: '91350100M000100Y43' },
    });
    expect(foreignCode.statusCode).toBe(404);
    const theirList = (
      await t.app.inject({ method: 'GET', url: '/api/staff/employers', headers: superB })
    ).json();
    expect(theirList.items).toEqual([]);
  });

  it('suggests a collective case at 3 open tickets, groups them with workers masked, one status on each ticket', async () => {
    const suggestions = (
      await t.app.inject({ method: 'GET', url: '/api/staff/cases/suggestions', headers: agentA })
    ).json().suggestions as { employer: string; tickets: string[] }[];
    const group = suggestions.find((s) => s.tickets.length === 3);
    expect(group).toBeDefined();
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/staff/cases',
      headers: agentA,
      payload: { tickets: group?.tickets },
    });
    expect(created.statusCode).toBe(201);
    const view = created.json();
    expect(view.workers).toHaveLength(3);
    expect(view.workers[0].claimantNameMasked).toBe('李*');
    expect(view.workers[0].phoneMasked).toBe('138****5678');
    expect(JSON.stringify(view)).not.toContain('13812345678');
    const again = await t.app.inject({
      method: 'POST',
      url: '/api/staff/cases',
      headers: agentA,
      payload: { tickets: group?.tickets.slice(0, 2) },
    });
    expect(again.statusCode).toBe(409);
    const mixed = await t.app.inject({
      method: 'POST',
      url: '/api/staff/cases',
      headers: agentA,
      payload: { tickets: [group?.tickets[0], (await form({})).json().number] },
    });
    expect(mixed.statusCode).toBe(400);
    const status = await t.app.inject({
      method: 'POST',
      url: `/api/staff/cases/${view.id}/status`,
      headers: agentA,
      payload: { status: 'in_progress' },
    });
    expect(status.json().status).toBe('in_progress');
    const onTicket = await detail(group?.tickets[1] as string);
    expect(onTicket.measures.case).toEqual({ id: view.id, status: 'in_progress', tickets: 3 });
    // The case carries each ticket through the workflow with it (submitted → accepted → 办理中).
    expect(status.json().workers.map((w: { status: string }) => w.status)).toEqual([
      'in_progress',
      'in_progress',
      'in_progress',
    ]);
    expect(onTicket.ticket.status).toBe('in_progress');
    // A ticket closed on its own stays closed when the case is resolved; the others are resolved.
    const [first, second, third] = (group?.tickets ?? []) as [string, string, string];
    await t.app.inject({
      method: 'POST',
      url: `/api/staff/tickets/${third}/status`,
      headers: superA,
      payload: { to: 'closed', note: '工友撤回' },
    });
    const resolved = await t.app.inject({
      method: 'POST',
      url: `/api/staff/cases/${view.id}/status`,
      headers: agentA,
      payload: { status: 'resolved' },
    });
    expect(resolved.json().unmoved).toEqual([third]);
    expect((await detail(first)).ticket.status).toBe('resolved');
    expect((await detail(second)).ticket.status).toBe('resolved');
    expect((await detail(third)).ticket.status).toBe('closed');
    const timeline = (await detail(first)).ticket.events.map((e: { toStatus?: string }) => e.toStatus);
    expect(timeline).toEqual(expect.arrayContaining(['accepted', 'in_progress', 'resolved']));
    expect(
      (await t.app.inject({ method: 'GET', url: `/api/staff/cases/${view.id}`, headers: superB })).statusCode,
    ).toBe(404);
    expect(
      (await t.app.inject({ method: 'GET', url: '/api/staff/cases', headers: superB })).json().items,
    ).toEqual([]);
    const suggestedAfter = (
      await t.app.inject({ method: 'GET', url: '/api/staff/cases/suggestions', headers: agentA })
    ).json().suggestions as { tickets: string[] }[];
    expect(suggestedAfter.some((s) => s.tickets.includes(group?.tickets[0] as string))).toBe(false);
  });
});
