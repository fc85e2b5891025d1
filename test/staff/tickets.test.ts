import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chat, createTestApp, type TestApp } from '../helpers/test-app.js';
import { createOffices, createStaff, fileTicket, loginBearer, type Offices } from './staff-fixtures.js';

describe('ticket work', () => {
  let t: TestApp;
  let offices: Offices;
  let agent: Record<string, string>;
  let supervisor: Record<string, string>;
  let outsider: Record<string, string>;
  let first: string;
  let second: string;
  let conversationId: string;
  let otherOffice: string;

  beforeAll(async () => {
    t = await createTestApp({ STAFF_LOGIN_PER_MINUTE: '1000' });
    offices = await createOffices(t.app);
    await createStaff(t.app, 'agent.a', 'agent', offices.a);
    await createStaff(t.app, 'super.a', 'supervisor', offices.a);
    await createStaff(t.app, 'agent.b', 'agent', offices.b);
    agent = await loginBearer(t.app, 'agent.a');
    supervisor = await loginBearer(t.app, 'super.a');
    outsider = await loginBearer(t.app, 'agent.b');
    conversationId = (await chat(t.app, { channelUserId: 'worker-1', text: '你好' })).conversationId;
    first = await fileTicket(t.app, {
      regionCode: '310115',
      employer: '上海某某餐饮管理有限公司',
      conversationId,
    });
    second = await fileTicket(t.app, {
      regionCode: '310115',
      employer: '上海某某餐饮管理公司',
      workerCount: 12,
    });
    otherOffice = await fileTicket(t.app, { regionCode: '110105', employer: '北京某某物流有限公司' });
  });
  afterAll(() => t.close());

  it('lists only the office’s tickets, masked, with filters', async () => {
    const all = await t.app.inject({ method: 'GET', url: '/api/staff/tickets', headers: agent });
    expect(all.statusCode).toBe(200);
    const numbers = all.json().items.map((i: { number: string }) => i.number);
    expect(numbers.sort()).toEqual([first, second].sort());
    expect(all.body).not.toContain('13812345678');
    expect(all.body).not.toContain('李强');
    expect(all.json().items[0].phoneMasked).toBe('138****5678');

    const high = await t.app.inject({
      method: 'GET',
      url: '/api/staff/tickets?priority=high',
      headers: agent,
    });
    expect(high.json().items.map((i: { number: string }) => i.number)).toEqual([second]);
    const byEmployer = await t.app.inject({
      method: 'GET',
      url: `/api/staff/tickets?employer=${encodeURIComponent('北京')}`,
      headers: agent,
    });
    expect(byEmployer.json().items).toEqual([]);
    const bad = await t.app.inject({
      method: 'GET',
      url: '/api/staff/tickets?status=nonsense',
      headers: agent,
    });
    expect(bad.statusCode).toBe(400);
  });

  it('shows the detail with personal data, writes the audit log, and hides other offices’ tickets', async () => {
    const detail = await t.app.inject({ method: 'GET', url: `/api/staff/tickets/${first}`, headers: agent });
    expect(detail.statusCode).toBe(200);
    expect(detail.json().ticket.phone).toBe('13812345678');
    expect(detail.json().ticket.events[0].type).toBe('created');
    expect(detail.json().possibleDuplicates.map((d: { number: string }) => d.number)).toEqual([second]);
    const audit = await t.app.prisma.auditLog.findMany({
      where: { subjectId: first, action: 'view-ticket' },
    });
    expect(audit).toHaveLength(1);

    const hidden = await t.app.inject({
      method: 'GET',
      url: `/api/staff/tickets/${otherOffice}`,
      headers: agent,
    });
    expect(hidden.statusCode).toBe(404);
    const theirs = await t.app.inject({
      method: 'GET',
      url: `/api/staff/tickets/${first}`,
      headers: outsider,
    });
    expect(theirs.statusCode).toBe(404);
  });

  it('assigns: an agent to themselves only; a supervisor to anyone in the office', async () => {
    const agentRow = await t.app.prisma.staff.findUniqueOrThrow({ where: { username: 'agent.a' } });
    const superRow = await t.app.prisma.staff.findUniqueOrThrow({ where: { username: 'super.a' } });
    const outsiderRow = await t.app.prisma.staff.findUniqueOrThrow({ where: { username: 'agent.b' } });
    const toOther = await t.app.inject({
      method: 'POST',
      url: `/api/staff/tickets/${first}/assign`,
      headers: agent,
      payload: { staffId: superRow.id },
    });
    expect(toOther.statusCode).toBe(403);
    const byBoss = await t.app.inject({
      method: 'POST',
      url: `/api/staff/tickets/${first}/assign`,
      headers: supervisor,
      payload: { staffId: agentRow.id },
    });
    expect(byBoss.statusCode).toBe(200);
    const crossOffice = await t.app.inject({
      method: 'POST',
      url: `/api/staff/tickets/${first}/assign`,
      headers: supervisor,
      payload: { staffId: outsiderRow.id },
    });
    expect(crossOffice.statusCode).toBe(400);
    const mine = await t.app.inject({ method: 'GET', url: '/api/staff/tickets?mine=true', headers: agent });
    expect(mine.json().items.map((i: { number: string }) => i.number)).toEqual([first]);
  });

  it('changes status with a note through the workflow, and refuses a skipped step', async () => {
    const skip = await t.app.inject({
      method: 'POST',
      url: `/api/staff/tickets/${first}/status`,
      headers: agent,
      payload: { to: 'in_progress' },
    });
    expect(skip.statusCode).toBe(409);
    const accept = await t.app.inject({
      method: 'POST',
      url: `/api/staff/tickets/${first}/status`,
      headers: agent,
      payload: { to: 'accepted', note: '材料齐全，已受理' },
    });
    expect(accept.statusCode).toBe(200);
    const event = accept.json().events.at(-1);
    expect([event.toStatus, event.note, event.actor.startsWith('staff:')]).toEqual([
      'accepted',
      '材料齐全，已受理',
      true,
    ]);
    const foreign = await t.app.inject({
      method: 'POST',
      url: `/api/staff/tickets/${otherOffice}/status`,
      headers: agent,
      payload: { to: 'accepted' },
    });
    expect(foreign.statusCode).toBe(404);
  });

  it('messages the worker in their chat and keeps it in the timeline', async () => {
    const pushed: string[] = [];
    const stop = t.app.chat.subscribe(conversationId, (replies) =>
      pushed.push(...replies.map((r) => r.text)),
    );
    const sent = await t.app.inject({
      method: 'POST',
      url: `/api/staff/tickets/${first}/messages`,
      headers: agent,
      payload: { text: '请把工资条照片发给我们。' },
    });
    stop();
    expect(sent.statusCode).toBe(200);
    expect(sent.json().delivered).toBe(true);
    expect(pushed).toContain('请把工资条照片发给我们。');
    const noChat = await t.app.inject({
      method: 'POST',
      url: `/api/staff/tickets/${second}/messages`,
      headers: agent,
      payload: { text: '你好' },
    });
    expect(noChat.statusCode).toBe(409);
  });

  it('links duplicates against the same employer only', async () => {
    const link = await t.app.inject({
      method: 'POST',
      url: `/api/staff/tickets/${second}/duplicate-of`,
      headers: agent,
      payload: { of: first },
    });
    expect(link.statusCode).toBe(200);
    const again = await t.app.inject({
      method: 'POST',
      url: `/api/staff/tickets/${second}/duplicate-of`,
      headers: agent,
      payload: { of: first },
    });
    expect(again.statusCode).toBe(409);
    const detail = await t.app.inject({ method: 'GET', url: `/api/staff/tickets/${first}`, headers: agent });
    expect(detail.json().duplicates).toEqual([{ number: second, relation: 'has-duplicate', note: null }]);
    const cross = await t.app.inject({
      method: 'POST',
      url: `/api/staff/tickets/${first}/duplicate-of`,
      headers: agent,
      payload: { of: otherOffice },
    });
    expect(cross.statusCode).toBe(404);
  });

  it('stores an uploaded attachment encrypted and serves it back to the office only', async () => {
    const png = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex');
    const boundary = '----gongyou';
    const payload = Buffer.concat([
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="slip.png"\r\nContent-Type: image/png\r\n\r\n`,
      ),
      png,
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]);
    const upload = await t.app.inject({
      method: 'POST',
      url: `/api/staff/tickets/${first}/attachments`,
      headers: { ...agent, 'content-type': `multipart/form-data; boundary=${boundary}` },
      payload,
    });
    expect(upload.statusCode).toBe(201);
    const id = upload.json().attachment.id;
    const row = await t.app.prisma.attachment.findUniqueOrThrow({ where: { id } });
    expect(Buffer.from(row.dataEnc as Uint8Array).includes(png)).toBe(false);
    const back = await t.app.inject({
      method: 'GET',
      url: `/api/staff/tickets/${first}/attachments/${id}`,
      headers: agent,
    });
    expect(back.rawPayload.equals(png)).toBe(true);
    const theirs = await t.app.inject({
      method: 'GET',
      url: `/api/staff/tickets/${first}/attachments/${id}`,
      headers: outsider,
    });
    expect(theirs.statusCode).toBe(404);
  });
});
