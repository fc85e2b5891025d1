import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '../../src/staff/roles.js';
import { chat, createTestApp, type TestApp } from '../helpers/test-app.js';
import {
  createOffices,
  createStaff,
  fileTicket,
  loginBearer,
  loginCookie,
  PASSWORD,
} from './staff-fixtures.js';

type Method = 'GET' | 'POST' | 'PATCH' | 'DELETE' | 'PUT';
interface Call {
  method: Method;
  url: string;
  payload?: Record<string, unknown>;
}

// The office roles; the knowledge role's own routes are checked in test/knowledge/console-access.test.ts.
type OfficeRole = Exclude<Role, 'knowledge'>;
const ROLES: OfficeRole[] = ['admin', 'supervisor', 'agent'];

describe('authorization matrix: every staff endpoint × role × another office', () => {
  let t: TestApp;
  const headers: Record<OfficeRole, Record<string, string>> = { admin: {}, supervisor: {}, agent: {} };
  // Office B's resources, which no one in office A may read or touch.
  const b = {
    handoff: '',
    ticket: '',
    document: '',
    attachment: '',
    staff: '',
    employer: '北京乙方物流有限公司',
  };
  const a = { ticket: '', document: '' };

  beforeAll(async () => {
    t = await createTestApp({ HANDOFF_OFFICE: 'region-110105', STAFF_LOGIN_PER_MINUTE: '1000' });
    const offices = await createOffices(t.app);
    for (const role of ROLES)
      await createStaff(t.app, `${role}.a`, role, offices.a, { includeSubOffices: true });
    const bAdmin = await createStaff(t.app, 'admin.b', 'admin', offices.b);
    b.staff = bAdmin.id;
    for (const role of ROLES) headers[role] = await loginBearer(t.app, `${role}.a`);
    const bHeaders = await loginBearer(t.app, 'admin.b');

    // Office B: a queued chat, a ticket with an attachment, an 意见书.
    const conversation = await chat(t.app, { channelUserId: 'b-rider', text: '转人工' });
    b.handoff = (
      await t.app.prisma.handoff.findFirstOrThrow({ where: { conversationId: conversation.conversationId } })
    ).id;
    b.ticket = await fileTicket(t.app, { regionCode: '110105', employer: b.employer, phone: '13700007777' });
    const ticketRow = await t.app.prisma.ticket.findUniqueOrThrow({ where: { number: b.ticket } });
    b.attachment = (
      await t.app.prisma.attachment.create({
        data: {
          ticketId: ticketRow.id,
          mimeType: 'image/png',
          dataEnc: new Uint8Array(t.app.fieldCipher.encryptBytes(Buffer.from('png'))),
        },
      })
    ).id;
    const doc = await t.app.inject({
      method: 'POST',
      url: '/api/staff/documents',
      headers: bHeaders,
      payload: {
        kind: 'opinion',
        ticketNumbers: [b.ticket],
        citations: [{ law: '劳动合同法', article: 30 }],
      },
    });
    b.document = doc.json().document.id;

    // Office A's own, for the role checks.
    a.ticket = await fileTicket(t.app, { regionCode: '310115', employer: '上海甲方餐饮有限公司' });
    const own = await t.app.inject({
      method: 'POST',
      url: '/api/staff/documents',
      headers: headers.supervisor,
      payload: { kind: 'reminder', recipient: '辖区各用人单位', facts: '节前提示。' },
    });
    a.document = own.json().document.id;
  });
  afterAll(() => t.close());

  it('answers 401 without a session on every staff endpoint in the OpenAPI document', async () => {
    const spec = t.app.swagger() as { paths: Record<string, Record<string, unknown>> };
    const calls: Call[] = [];
    for (const [path, operations] of Object.entries(spec.paths)) {
      if (!path.startsWith('/api/staff/') || path === '/api/staff/login') continue;
      for (const method of Object.keys(operations)) {
        calls.push({
          method: method.toUpperCase() as Method,
          url: path.replace(/\{[^}]+\}/g, 'GY-20260101-0001'),
        });
      }
    }
    expect(calls.length).toBeGreaterThan(30);
    const open: string[] = [];
    for (const call of calls) {
      const response = await t.app.inject({
        method: call.method,
        url: call.url,
        payload: call.method === 'GET' ? undefined : {},
      });
      // Other domains' admin routes may validate the body before signing in (a 400 that reveals
      // nothing but the public schema); the console's own routes sign in first.
      const tolerated = /^\/api\/staff\/(?:stations|offices|routing)/.test(call.url) ? [401, 400] : [401];
      if (!tolerated.includes(response.statusCode))
        open.push(`${call.method} ${call.url} → ${response.statusCode}`);
    }
    expect(open).toEqual([]);
  });

  const crossOffice = (): Call[] => [
    { method: 'GET', url: `/api/staff/handoffs/${b.handoff}` },
    { method: 'POST', url: `/api/staff/handoffs/${b.handoff}/claim` },
    { method: 'POST', url: `/api/staff/handoffs/${b.handoff}/messages`, payload: { text: 'hi' } },
    { method: 'POST', url: `/api/staff/handoffs/${b.handoff}/release` },
    { method: 'POST', url: `/api/staff/handoffs/${b.handoff}/close` },
    { method: 'GET', url: `/api/staff/tickets/${b.ticket}` },
    { method: 'POST', url: `/api/staff/tickets/${b.ticket}/assign`, payload: { staffId: b.staff } },
    { method: 'POST', url: `/api/staff/tickets/${b.ticket}/status`, payload: { to: 'accepted' } },
    { method: 'POST', url: `/api/staff/tickets/${b.ticket}/notes`, payload: { text: 'x' } },
    { method: 'POST', url: `/api/staff/tickets/${b.ticket}/messages`, payload: { text: 'x' } },
    { method: 'POST', url: `/api/staff/tickets/${b.ticket}/duplicate-of`, payload: { of: a.ticket } },
    { method: 'POST', url: `/api/staff/tickets/${a.ticket}/duplicate-of`, payload: { of: b.ticket } },
    { method: 'GET', url: `/api/staff/tickets/${b.ticket}/attachments/${b.attachment}` },
    { method: 'GET', url: `/api/staff/tickets/${a.ticket}/attachments/${b.attachment}` },
    { method: 'GET', url: `/api/staff/documents/${b.document}` },
    { method: 'GET', url: `/api/staff/documents/${b.document}/docx` },
    { method: 'POST', url: `/api/staff/documents/${b.document}/reply`, payload: { text: 'x' } },
    { method: 'PATCH', url: `/api/staff/documents/${b.document}`, payload: { status: 'closed' } },
    {
      method: 'POST',
      url: '/api/staff/documents',
      payload: { kind: 'reminder', recipient: 'x', facts: 'x', ticketNumbers: [b.ticket] },
    },
    { method: 'POST', url: '/api/staff/documents', payload: { kind: 'suggestion', parentId: b.document } },
    { method: 'PATCH', url: `/api/staff/accounts/${b.staff}`, payload: { active: false } },
  ];

  it.each(ROLES)('denies %s of office A every read and write of office B’s resources', async (role) => {
    const leaks: string[] = [];
    for (const call of crossOffice()) {
      const response = await t.app.inject({
        method: call.method,
        url: call.url,
        headers: headers[role],
        payload: call.payload,
      });
      if (![403, 404].includes(response.statusCode))
        leaks.push(`${call.method} ${call.url} → ${response.statusCode}`);
      if (response.body.includes(b.employer) || response.body.includes('13700007777'))
        leaks.push(`${call.url} body leaks`);
    }
    expect(leaks).toEqual([]);
    // Nothing of B's changed.
    expect((await t.app.prisma.handoff.findUniqueOrThrow({ where: { id: b.handoff } })).status).toBe(
      'waiting',
    );
    expect((await t.app.prisma.ticket.findUniqueOrThrow({ where: { number: b.ticket } })).status).toBe(
      'submitted',
    );
    expect((await t.app.prisma.staff.findUniqueOrThrow({ where: { id: b.staff } })).active).toBe(true);
    expect(
      (await t.app.prisma.supervisionDocument.findUniqueOrThrow({ where: { id: b.document } })).status,
    ).toBe('issued');
  });

  it.each(ROLES)('shows %s of office A no trace of office B in any list, count or export', async (role) => {
    const urls = [
      '/api/staff/handoffs?status=open',
      '/api/staff/handoffs?status=ended',
      '/api/staff/tickets',
      `/api/staff/tickets?employer=${encodeURIComponent(b.employer)}`,
      '/api/staff/documents',
      '/api/staff/accounts',
      '/api/staff/audit',
      '/api/staff/dashboard',
      '/api/staff/risks',
      '/api/staff/ledger.csv',
      '/api/staff/ledger.csv?sheet=documents',
    ];
    for (const url of urls) {
      const response = await t.app.inject({ method: 'GET', url, headers: headers[role] });
      expect([200, 403]).toContain(response.statusCode);
      for (const secret of [b.handoff, b.ticket, b.document, b.staff, b.employer, 'admin.b']) {
        expect(response.body, `${role} ${url}`).not.toContain(secret);
      }
    }
  });

  it('lets each role do only what its role allows in its own office', async () => {
    const expectations: [Call, Record<OfficeRole, number>][] = [
      [
        {
          method: 'POST',
          url: '/api/staff/accounts',
          payload: {
            username: 'x.new',
            displayName: 'x',
            password: PASSWORD,
            role: 'agent',
            officeId: 'region-310115',
          },
        },
        { admin: 201, supervisor: 403, agent: 403 },
      ],
      [
        { method: 'GET', url: '/api/staff/accounts' },
        { admin: 200, supervisor: 200, agent: 403 },
      ],
      [
        { method: 'GET', url: '/api/staff/audit' },
        { admin: 200, supervisor: 200, agent: 403 },
      ],
      [
        { method: 'GET', url: '/api/staff/ledger.csv' },
        { admin: 200, supervisor: 200, agent: 403 },
      ],
      [
        { method: 'GET', url: '/api/staff/ledger.xlsx' },
        { admin: 200, supervisor: 200, agent: 403 },
      ],
      [
        { method: 'GET', url: '/api/staff/dashboard' },
        { admin: 200, supervisor: 200, agent: 200 },
      ],
      [
        { method: 'GET', url: `/api/staff/tickets/${a.ticket}` },
        { admin: 200, supervisor: 200, agent: 200 },
      ],
      [
        { method: 'GET', url: `/api/staff/documents/${a.document}/docx` },
        { admin: 200, supervisor: 200, agent: 200 },
      ],
      [
        { method: 'POST', url: `/api/staff/documents/${a.document}/reply`, payload: { text: '收到' } },
        { admin: 200, supervisor: 200, agent: 403 },
      ],
      [
        {
          method: 'POST',
          url: '/api/staff/documents',
          payload: { kind: 'reminder', recipient: '辖区各用人单位', facts: '节前提示。' },
        },
        { admin: 201, supervisor: 201, agent: 403 },
      ],
    ];
    const wrong: string[] = [];
    for (const [call, byRole] of expectations) {
      for (const role of ROLES) {
        const payload = call.payload?.username ? { ...call.payload, username: `${role}.made` } : call.payload;
        const response = await t.app.inject({
          method: call.method,
          url: call.url,
          headers: headers[role],
          payload,
        });
        if (response.statusCode !== byRole[role])
          wrong.push(`${role} ${call.method} ${call.url} → ${response.statusCode}, want ${byRole[role]}`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it('keeps claimant and staff secrets out of the logs', async () => {
    const cookie = await loginCookie(t.app, 'agent.a');
    await t.app.inject({ method: 'GET', url: `/api/staff/tickets/${a.ticket}`, headers: cookie.headers });
    await t.app.inject({
      method: 'POST',
      url: '/api/staff/login',
      payload: { username: 'agent.a', password: 'wrong password!' },
    });
    const logs = t.logs.join('\n');
    expect(logs).not.toContain('13812345678');
    expect(logs).not.toContain('13700007777');
    expect(logs).not.toContain('李强');
    expect(logs).not.toContain(PASSWORD);
    expect(logs).not.toContain('wrong password!');
    expect(logs).not.toContain(cookie.csrf);
    expect(logs).not.toContain(cookie.cookie.split('=')[1]);
  });
});
