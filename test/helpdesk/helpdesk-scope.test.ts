import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/test-app.js';
import { fileTicket } from '../staff/staff-fixtures.js';
import { staffWithLogin, workerAsksForPerson } from './helpdesk-fixtures.js';

type Login = { id: string; headers: Record<string, string> };

/**
 * Every help-desk route, called by each role of another subtree on office A's chat, ticket,
 * label, canned reply, staff and settings: none may succeed, and none may say more than 403/404.
 */
describe('the help desk holds the office scope for every route and role', () => {
  let t: TestApp;
  const A = 'region-310115';
  const B = 'region-110105';
  const outsiders: Record<string, Login> = {};
  let routes: Array<{ method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE'; url: string; payload?: object }>;
  let chatId: string;

  beforeAll(async () => {
    t = await createTestApp({ HANDOFF_OFFICE: A, STAFF_LOGIN_PER_MINUTE: '1000' });
    const supervisorA = await staffWithLogin(t.app, 'a.supervisor', 'supervisor', A);
    const agentA = await staffWithLogin(t.app, 'a.agent', 'agent', A);
    for (const role of ['admin', 'supervisor', 'agent'] as const)
      outsiders[role] = await staffWithLogin(t.app, `b.${role}`, role, B);
    const chat = await workerAsksForPerson(t.app, 'rider-scope');
    chatId = chat.handoffId;
    const number = await fileTicket(t.app, { regionCode: '310115', employer: '浦东某公司' });
    const label = (
      await t.app.inject({
        method: 'POST',
        url: '/api/staff/labels',
        headers: supervisorA.headers,
        payload: { name: '甲' },
      })
    ).json().id as string;
    const canned = (
      await t.app.inject({
        method: 'POST',
        url: '/api/staff/canned-replies',
        headers: supervisorA.headers,
        payload: { title: '问候', text: '您好' },
      })
    ).json().id as string;
    const h = `/api/staff/handoffs/${chatId}`;
    routes = [
      { method: 'GET', url: `/api/staff/roster?officeId=${A}` },
      { method: 'PUT', url: `/api/staff/roster/${agentA.id}`, payload: { capacity: 9 } },
      { method: 'POST', url: `${h}/assign`, payload: { staffId: agentA.id } },
      { method: 'GET', url: `${h}/transfer-targets` },
      { method: 'POST', url: `${h}/transfer`, payload: { toOfficeId: B, note: '拿走' } },
      { method: 'GET', url: `${h}/canned-replies` },
      { method: 'GET', url: `/api/staff/canned-replies?officeId=${A}` },
      {
        method: 'POST',
        url: '/api/staff/canned-replies',
        payload: { officeId: A, title: '越权', text: '好' },
      },
      { method: 'PATCH', url: `/api/staff/canned-replies/${canned}`, payload: { text: '改' } },
      { method: 'DELETE', url: `/api/staff/canned-replies/${canned}` },
      { method: 'GET', url: `${h}/notes` },
      { method: 'POST', url: `${h}/notes`, payload: { text: '偷看' } },
      { method: 'POST', url: '/api/staff/labels', payload: { officeId: A, name: '越权' } },
      { method: 'DELETE', url: `/api/staff/labels/${label}` },
      { method: 'GET', url: `${h}/labels` },
      { method: 'PUT', url: `${h}/labels/${label}` },
      { method: 'DELETE', url: `${h}/labels/${label}` },
      { method: 'PUT', url: `/api/staff/tickets/${number}/labels/${label}` },
      { method: 'GET', url: `/api/staff/tickets?label=${label}` },
      { method: 'GET', url: `/api/staff/handoffs/${chatId}/satisfaction` },
      { method: 'GET', url: `/api/staff/offices/${A}/helpdesk` },
      { method: 'PUT', url: `/api/staff/offices/${A}/helpdesk`, payload: { slaWarningHours: 1 } },
    ];
  });
  afterAll(() => t.close());

  it('refuses every cross-subtree read and write, for admins, supervisors and agents alike', async () => {
    const allowed: string[] = [];
    for (const [role, who] of Object.entries(outsiders)) {
      for (const route of routes) {
        const response = await t.app.inject({ ...route, headers: who.headers });
        if (![403, 404].includes(response.statusCode))
          allowed.push(`${role} ${route.method} ${route.url} → ${response.statusCode}`);
      }
    }
    expect(allowed).toEqual([]);
    // And nothing changed in A: the chat still waits in A, the label and reply are still there.
    expect(await t.app.prisma.handoff.findUniqueOrThrow({ where: { id: chatId } })).toMatchObject({
      officeId: A,
      status: 'waiting',
    });
    expect(await t.app.prisma.label.count({ where: { officeId: A } })).toBe(1);
    expect(await t.app.prisma.cannedReply.findFirstOrThrow({ where: { officeId: A } })).toMatchObject({
      text: '您好',
    });
    expect(await t.app.prisma.privateNote.count()).toBe(0);
    expect(await t.app.prisma.helpdeskSettings.count()).toBe(0);
  });
});
