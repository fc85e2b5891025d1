import fs from 'node:fs';
import path from 'node:path';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fillTemplate } from '../../src/supervision/render-template.js';
import { addWorkingDays } from '../../src/supervision/working-days.js';
import { pdfText } from '../helpers/pdf-text.js';
import { createTestApp, type TestApp, tempDir } from '../helpers/test-app.js';
import { createOffices, createStaff, fileTicket, loginBearer, type Offices } from './staff-fixtures.js';

const PDF_FONT = '/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc';

describe('working days and templates', () => {
  it('counts 15 working days over weekends and listed holidays, ending that day in China time', () => {
    // Monday 2026-11-30 10:00 China time → 15 working days → Monday 2026-12-21.
    const due = addWorkingDays(new Date('2026-11-30T02:00:00Z'), 15);
    expect(due.toISOString()).toBe('2026-12-21T15:59:59.000Z');
    const withHoliday = addWorkingDays(new Date('2026-11-30T02:00:00Z'), 15, new Set(['2026-12-01']));
    expect(withHoliday.toISOString()).toBe('2026-12-22T15:59:59.000Z');
  });

  it('drops lines whose fields are all empty and splits multi-line values', () => {
    const filled = fillTemplate('# T\n关联工单：{{tickets}}\n>{{office}}\n{{facts}}', {
      office: '某区总工会',
      facts: '一\n二',
    });
    expect(filled).toBe('# T\n>某区总工会\n一\n二');
  });
});

describe('一函两书', () => {
  let t: TestApp;
  let offices: Offices;
  let supervisor: Record<string, string>;
  let agent: Record<string, string>;
  let outsider: Record<string, string>;
  let ticket: string;

  beforeAll(async () => {
    t = await createTestApp({ STAFF_LOGIN_PER_MINUTE: '1000' });
    offices = await createOffices(t.app);
    await createStaff(t.app, 'super.a', 'supervisor', offices.a);
    await createStaff(t.app, 'agent.a', 'agent', offices.a);
    await createStaff(t.app, 'super.b', 'supervisor', offices.b);
    supervisor = await loginBearer(t.app, 'super.a');
    agent = await loginBearer(t.app, 'agent.a');
    outsider = await loginBearer(t.app, 'super.b');
    ticket = await fileTicket(t.app, {
      regionCode: '310115',
      employer: '上海某某餐饮管理有限公司',
      workerCount: 12,
    });
  });
  afterAll(() => t.close());

  const opinion = {
    kind: 'opinion',
    citations: [
      { law: '劳动合同法', article: 30 },
      { law: '劳动法', article: 50 },
    ],
  };

  it('generates an 意见书 from the ticket, numbered per office and year, due in 15 working days', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/staff/documents',
      headers: supervisor,
      payload: { ...opinion, ticketNumbers: [ticket] },
    });
    expect(response.statusCode).toBe(201);
    const doc = response.json().document;
    const year = new Date(Date.now() + 8 * 3_600_000).getUTCFullYear();
    expect(doc.number).toBe(`〔${year}〕第1号`);
    expect(doc.recipient).toBe('上海某某餐饮管理有限公司');
    expect(doc.status).toBe('issued');
    expect(doc.body).toContain('拖欠12名职工');
    expect(doc.body).toContain('《劳动合同法》第三十条');
    expect(doc.body).toContain(ticket);
    expect(doc.body).toContain('15个工作日内');
    expect(new Date(doc.deadlineAt).getTime()).toBe(addWorkingDays(new Date(doc.issuedAt), 15).getTime());

    const next = await t.app.inject({
      method: 'POST',
      url: '/api/staff/documents',
      headers: supervisor,
      payload: {
        kind: 'reminder',
        recipient: '辖区各用人单位',
        holiday: '春节将至，',
        citations: [{ law: '劳动法', article: 50 }],
      },
    });
    expect(next.json().document.number).toBe(`〔${year}〕第2号`);
    expect(next.json().document.deadlineAt).toBeNull();
    // Another office counts from 1.
    const theirs = await t.app.inject({
      method: 'POST',
      url: '/api/staff/documents',
      headers: outsider,
      payload: { kind: 'reminder', recipient: '辖区各用人单位', facts: '节前提示。' },
    });
    expect(theirs.json().document.number).toBe(`〔${year}〕第1号`);
  });

  it('renders a DOCX with the Chinese text and the procuratorate copy line', async () => {
    const [doc] = (
      await t.app.inject({ method: 'GET', url: '/api/staff/documents?kind=opinion', headers: agent })
    ).json().documents;
    const mark = await t.app.inject({
      method: 'PATCH',
      url: `/api/staff/documents/${doc.id}`,
      headers: supervisor,
      payload: { copiedToProcuratorate: true },
    });
    expect(mark.json().document.copiedToProcuratorate).toBe(true);
    const file = await t.app.inject({
      method: 'GET',
      url: `/api/staff/documents/${doc.id}/docx`,
      headers: agent,
    });
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-type']).toContain('wordprocessingml');
    const xml = await (await JSZip.loadAsync(file.rawPayload)).file('word/document.xml')?.async('string');
    expect(xml).toContain('劳动法律监督意见书');
    expect(xml).toContain(doc.number);
    expect(xml).toContain('抄送：上海市浦东新区人民检察院。');
    expect(xml).toContain('w:eastAsia="仿宋"');
  });

  // The font comes from Debian's fonts-wqy-zenhei (CI installs it; see the README's Test section).
  it.runIf(fs.existsSync(PDF_FONT) || process.env.CI)(
    'renders a PDF with the Chinese font embedded and the same text',
    async () => {
      const [doc] = (
        await t.app.inject({ method: 'GET', url: '/api/staff/documents?kind=opinion', headers: agent })
      ).json().documents;
      const file = await t.app.inject({
        method: 'GET',
        url: `/api/staff/documents/${doc.id}/pdf`,
        headers: agent,
      });
      expect(file.statusCode).toBe(200);
      expect(file.headers['content-type']).toBe('application/pdf');
      expect(file.headers['content-disposition']).toContain(encodeURIComponent('劳动法律监督意见书'));
      expect(file.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
      const { lines, fonts } = pdfText(file.rawPayload);
      // Subset-embedded (a 6-letter tag + the face), not a reference to a font the reader may lack.
      expect(fonts.some((font) => /^[A-Z]{6}\+WenQuanYiZenHei$/.test(font))).toBe(true);
      expect(file.rawPayload.includes(Buffer.from('/FontFile2'))).toBe(true);
      const text = lines.join('\n');
      expect(lines[0]).toBe('劳动法律监督意见书');
      expect(text).toContain(doc.number);
      expect(text).toContain('抄送：上海市浦东新区人民检察院。');
      expect(text).not.toContain('?');

      const outsiderFile = await t.app.inject({
        method: 'GET',
        url: `/api/staff/documents/${doc.id}/pdf`,
        headers: outsider,
      });
      expect(outsiderFile.statusCode).toBe(404);
    },
  );

  it('answers 503 naming the font when the PDF font is not installed', async () => {
    const [doc] = (
      await t.app.inject({ method: 'GET', url: '/api/staff/documents?kind=opinion', headers: agent })
    ).json().documents;
    const config = t.app.config as { PDF_FONT_FILE: string };
    const installed = config.PDF_FONT_FILE;
    config.PDF_FONT_FILE = '/nonexistent/wqy-zenhei.ttc';
    try {
      const missing = await t.app.inject({
        method: 'GET',
        url: `/api/staff/documents/${doc.id}/pdf`,
        headers: agent,
      });
      expect(missing.statusCode).toBe(503);
      expect(missing.json().message).toContain('fonts-wqy-zenhei');
    } finally {
      config.PDF_FONT_FILE = installed;
    }
  });

  it('tracks the reply, and a 建议书 follows an overdue 意见书 and escalates it', async () => {
    const [doc] = (
      await t.app.inject({ method: 'GET', url: '/api/staff/documents?kind=opinion', headers: agent })
    ).json().documents;
    await t.app.prisma.supervisionDocument.update({
      where: { id: doc.id },
      data: { deadlineAt: new Date(Date.now() - 1000) },
    });
    const overdue = await t.app.inject({
      method: 'GET',
      url: '/api/staff/documents?status=overdue',
      headers: agent,
    });
    expect(overdue.json().documents.map((d: { id: string }) => d.id)).toEqual([doc.id]);

    const suggestion = await t.app.inject({
      method: 'POST',
      url: '/api/staff/documents',
      headers: supervisor,
      payload: { kind: 'suggestion', parentId: doc.id, refusal: 'no-reply' },
    });
    expect(suggestion.statusCode).toBe(201);
    const s = suggestion.json().document;
    expect(s.recipient).toBe('上海市浦东新区人力资源和社会保障局');
    expect(s.body).toContain(doc.number);
    expect(s.body).toContain('在规定期限内未作书面回复');
    expect(s.ticketIds).toHaveLength(1);
    const parent = await t.app.inject({
      method: 'GET',
      url: `/api/staff/documents/${doc.id}`,
      headers: agent,
    });
    expect(parent.json().document.status).toBe('escalated');

    const reply = await t.app.inject({
      method: 'POST',
      url: `/api/staff/documents/${s.id}/reply`,
      headers: supervisor,
      payload: { text: '已立案调查。' },
    });
    expect(reply.json().document.status).toBe('replied');
  });

  it('refuses agents, other offices, and an 意见书 without citations', async () => {
    const byAgent = await t.app.inject({
      method: 'POST',
      url: '/api/staff/documents',
      headers: agent,
      payload: opinion,
    });
    expect(byAgent.statusCode).toBe(403);
    const noCitation = await t.app.inject({
      method: 'POST',
      url: '/api/staff/documents',
      headers: supervisor,
      payload: { kind: 'opinion', employer: '某公司', facts: '拖欠工资。' },
    });
    expect(noCitation.statusCode).toBe(400);
    const foreignTicket = await t.app.inject({
      method: 'POST',
      url: '/api/staff/documents',
      headers: outsider,
      payload: { ...opinion, ticketNumbers: [ticket] },
    });
    expect(foreignTicket.statusCode).toBe(404);
    const [doc] = (await t.app.inject({ method: 'GET', url: '/api/staff/documents', headers: agent })).json()
      .documents;
    for (const url of [`/api/staff/documents/${doc.id}`, `/api/staff/documents/${doc.id}/docx`]) {
      expect((await t.app.inject({ method: 'GET', url, headers: outsider })).statusCode).toBe(404);
    }
  });
});

describe('一函两书 from a union’s own templates', () => {
  it('uses the edited template from SUPERVISION_TEMPLATES_DIR and numbers parallel documents apart', async () => {
    const dir = tempDir('gongyou-templates-');
    fs.writeFileSync(
      path.join(dir, 'reminder.md'),
      '# 节前工资支付提示函\n>{{number}}\n!{{recipient}}：\n{{holiday}}请按时足额支付工资。\n>{{office}}\n',
    );
    const t = await createTestApp({ SUPERVISION_TEMPLATES_DIR: dir, STAFF_LOGIN_PER_MINUTE: '1000' });
    try {
      const offices = await createOffices(t.app);
      await createStaff(t.app, 'super.a', 'supervisor', offices.a);
      const headers = await loginBearer(t.app, 'super.a');
      const make = () =>
        t.app.inject({
          method: 'POST',
          url: '/api/staff/documents',
          headers,
          payload: { kind: 'reminder', recipient: '辖区各用人单位', holiday: '春节将至，' },
        });
      const responses = await Promise.all([make(), make(), make()]);
      const docs = responses.map((r) => r.json().document);
      expect(docs[0].title).toBe('节前工资支付提示函');
      expect(docs[0].body).toContain('春节将至，请按时足额支付工资。');
      const numbers = docs.map((d) => d.number).sort();
      expect(new Set(numbers).size).toBe(3);
      expect(numbers.every((n: string) => /^〔\d{4}〕第[123]号$/.test(n))).toBe(true);
      // The built-in opinion template still serves the kinds the union did not edit.
      const opinion = await t.app.inject({
        method: 'POST',
        url: '/api/staff/documents',
        headers,
        payload: {
          kind: 'opinion',
          employer: '某公司',
          facts: '拖欠工资。',
          citations: [{ law: '劳动法', article: 50 }],
        },
      });
      expect(opinion.json().document.title).toBe('劳动法律监督意见书');
    } finally {
      await t.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
