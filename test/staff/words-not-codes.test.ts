import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { INDUSTRIES } from '../../src/offices/office-types.js';
import { TICKET_STATUSES } from '../../src/tickets/ticket-types.js';
import { chat, createTestApp, type TestApp } from '../helpers/test-app.js';
import { createOffices, createStaff, fileTicket, loginBearer } from './staff-fixtures.js';

const locale = (lang: string, ns: string) =>
  JSON.parse(fs.readFileSync(path.join('locales', lang, `${ns}.json`), 'utf8'));

describe('one word per status, in every place a status is read', () => {
  it.each(['zh-CN', 'en'])(
    '%s: the worker’s card, the console, the web chat and the ledger agree',
    (lang) => {
      const worker = locale(lang, 'tickets').status;
      expect(Object.keys(worker).sort()).toEqual([...TICKET_STATUSES].sort());
      // The console and the web chat keep no copy: their pages borrow the card's words.
      expect(locale(lang, 'console').ticketStatus).toBeUndefined();
      expect(locale(lang, 'web').ticketStatus).toBeUndefined();
      expect(locale(lang, 'ledger').ticketStatus).toEqual(worker);
      const console = locale(lang, 'console');
      for (const industry of INDUSTRIES) expect(console.industry[industry], industry).toBeTruthy();
      for (const type of [
        'created',
        'status',
        'transfer',
        'assign',
        'note',
        'message',
        'attachment',
        'duplicate',
        'duplicate-of',
        'has-duplicate',
      ])
        expect(console.event[type], type).toBeTruthy();
    },
  );
});

describe('words, not codes, where staff and workers read', () => {
  let t: TestApp;
  let headers: Record<string, string>;
  let number: string;

  beforeAll(async () => {
    t = await createTestApp({ STAFF_LOGIN_PER_MINUTE: '1000', HANDOFF_OFFICE: 'region-310115' });
    await createOffices(t.app);
    await createStaff(t.app, 'li.ming', 'admin', 'region-310000', { includeSubOffices: true });
    await t.app.prisma.staff.update({ where: { username: 'li.ming' }, data: { displayName: '李明' } });
    headers = await loginBearer(t.app, 'li.ming');
    number = await fileTicket(t.app, { regionCode: '310104017', employer: '上海某某物流有限公司' });
  });
  afterAll(() => t.close());

  it.each(['/', '/console'])('%s gives its script the card’s words for every status', async (url) => {
    for (const lang of ['zh-CN', 'en']) {
      const page = await t.app.inject({ url: `${url}?lang=${lang}` });
      const strings = JSON.parse(
        /<script id="strings" type="application\/json">(.*?)<\/script>/s.exec(page.body)?.[1] ?? '{}',
      );
      expect(strings[lang].ticketStatus).toEqual(locale(lang, 'tickets').status);
    }
    const zh = JSON.parse(
      /<script id="strings" type="application\/json">(.*?)<\/script>/s.exec(
        (await t.app.inject({ url })).body,
      )?.[1] ?? '{}',
    );
    expect([
      zh['zh-CN'].ticketStatus.accepted,
      zh['zh-CN'].ticketStatus.in_progress,
      zh['zh-CN'].ticketStatus.closed,
    ]).toEqual(['已受理', '办理中', '已办结']);
  });

  it('names the staff member, the event and the offices in the timeline, and the place', async () => {
    await t.app.prisma.ticket.update({ where: { number }, data: { officeId: 'region-310115' } });
    const status = (body: Record<string, unknown>) =>
      t.app.inject({ method: 'POST', url: `/api/staff/tickets/${number}/status`, headers, payload: body });
    expect((await status({ to: 'accepted' })).statusCode).toBe(200);
    expect(
      (await status({ to: 'transferred', toOfficeId: 'region-310000', note: '涉及多区，请市总协调' }))
        .statusCode,
    ).toBe(200);
    const detail = (
      await t.app.inject({
        method: 'GET',
        url: `/api/staff/tickets/${number}`,
        headers: { ...headers, 'accept-language': 'zh-CN' },
      })
    ).json();
    const events = detail.ticket.events as Array<Record<string, unknown>>;
    expect(events[0]).toMatchObject({ type: 'created', actorKind: 'worker', actorName: null });
    expect(events[1]).toMatchObject({
      type: 'status',
      toStatus: 'accepted',
      actorKind: 'staff',
      actorName: '李明',
    });
    expect(events[2]).toMatchObject({
      type: 'transfer',
      actorName: '李明',
      fromOfficeName: '上海市浦东新区总工会',
      toOfficeName: '上海市总工会',
    });
    expect(JSON.stringify(events.map(({ actor: _a, ...rest }) => rest))).not.toMatch(/staff:/);
    expect(detail.ticket.regionLabel).toBe('上海市徐汇区漕河泾街道');
    const english = (
      await t.app.inject({
        method: 'GET',
        url: `/api/staff/tickets/${number}`,
        headers: { ...headers, 'accept-language': 'en' },
      })
    ).json();
    expect(english.ticket.regionLabel).toBe('Shanghai Xuhui Caohejing');
  });

  it('records a duplicate link as the other ticket’s number, worded by the console (no English note)', async () => {
    const second = await fileTicket(t.app, { regionCode: '310115', employer: '上海某某物流有限公司' });
    await t.app.prisma.ticket.update({ where: { number }, data: { officeId: 'region-310115' } });
    const link = await t.app.inject({
      method: 'POST',
      url: `/api/staff/tickets/${second}/duplicate-of`,
      headers,
      payload: { of: number },
    });
    expect(link.statusCode).toBe(200);
    const events = async (n: string) =>
      (
        (await t.app.inject({ method: 'GET', url: `/api/staff/tickets/${n}`, headers })).json().ticket
          .events as {
          type: string;
          note: string | null;
        }[]
      ).filter((e) => e.type.includes('duplicate'));
    expect(await events(second)).toMatchObject([{ type: 'duplicate-of', note: number }]);
    expect(await events(number)).toMatchObject([{ type: 'has-duplicate', note: second }]);
  });

  it('shows the dashboard’s regions by name in the console’s language', async () => {
    const dashboard = await t.app.inject({
      method: 'GET',
      url: '/api/staff/dashboard',
      headers: { ...headers, 'accept-language': 'zh-CN' },
    });
    expect(dashboard.json().tickets.byRegion).toContainEqual({
      key: '310104017',
      count: 1,
      label: '上海市徐汇区漕河泾街道',
    });
  });

  it('writes China time in the CSV and XLSX ledgers and says so in the header', async () => {
    // Filed at 00:06 China time on 3 December = 16:06 UTC on 2 December.
    await t.app.prisma.ticket.update({
      where: { number },
      data: { createdAt: new Date('2026-12-02T16:06:05.770Z') },
    });
    const csv = await t.app.inject({ method: 'GET', url: '/api/staff/ledger.csv', headers });
    const [header, ...rows] = csv.body.replace('\uFEFF', '').split('\r\n');
    const row = rows.find((r) => r.startsWith(number));
    expect(header).toContain('登记时间（北京时间 UTC+8）');
    expect(row).toContain('2026-12-03 00:06:05');
    expect(row).toContain('上海市徐汇区漕河泾街道');
    expect(csv.body).not.toMatch(/\d{4}-\d\d-\d\dT\d\d:/);
    const xlsx = await t.app.inject({ method: 'GET', url: '/api/staff/ledger.xlsx', headers });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0];
    if (!sheet) throw new Error('no ticket sheet');
    const headerRow = (sheet.getRow(1).values as string[]).slice(1);
    const filed = headerRow.indexOf('登记时间（北京时间 UTC+8）');
    expect(filed).toBeGreaterThan(0);
    const filedTimes = sheet.getColumn(filed + 1).values as unknown[];
    expect(filedTimes).toContain('2026-12-03 00:06:05');
  });

  it('gives the worker’s ticket card its status in words, the console’s words', async () => {
    const receipt = await t.app.tickets.create({
      type: 'wage_arrears',
      claimantName: '王芳',
      phone: '13611112222',
      regionCode: '310115',
      industry: 'courier',
      employer: '上海某快递站',
      evidence: [],
      channel: 'api',
      locale: 'zh-CN',
      consentVersion: 'test-1',
      consentAt: new Date(),
    });
    await t.app.tickets.changeStatus(receipt.number, 'accepted', 'staff:x');
    await t.app.tickets.changeStatus(receipt.number, 'in_progress', 'staff:x');
    const reply = await chat(t.app, {
      channelUserId: 'card-rider',
      text: `查询进度 ${receipt.number} ${receipt.queryCode}`,
    });
    const card = reply.replies.find((r) => r.type === 'ticket')?.ticket;
    expect(card).toMatchObject({ status: 'in_progress', statusLabel: '办理中' });
  });

  it('tells the worker the title and the name apart when a person takes the chat', async () => {
    const conversation = await chat(t.app, { channelUserId: 'claim-rider', text: '转人工' });
    const handoff = await t.app.prisma.handoff.findFirstOrThrow({
      where: { conversationId: conversation.conversationId },
    });
    const claim = await t.app.inject({
      method: 'POST',
      url: `/api/staff/handoffs/${handoff.id}/claim`,
      headers,
    });
    expect(claim.statusCode).toBe(200);
    const history = await t.app.conversations.history(conversation.conversationId, 50);
    const texts = history.map((m) => m.text ?? '');
    expect(texts).toContain('工会工作人员已接入：李明。请直接说明你的情况。');
    expect(texts.join('\n')).not.toContain('工会工作人员李明');
  });
});
