import fs from 'node:fs';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { breakLines } from '../../src/supervision/break-lines.js';
import { layoutBody } from '../../src/supervision/document-layout.js';
import { renderPdf } from '../../src/supervision/render-pdf.js';
import { readTemplate } from '../../src/supervision/render-template.js';
import { type PdfRun, pdfPages } from '../helpers/pdf-text.js';
import { createTestApp, type TestApp } from '../helpers/test-app.js';
import { createOffices, createStaff, fileTicket, loginBearer } from './staff-fixtures.js';

const FONT = { file: '/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc', face: 'WenQuanYiZenHei' };
const hasFont = fs.existsSync(FONT.file) || Boolean(process.env.CI);
// A4 and the GB/T 9704 margins (28 mm left, 26 mm right), in points.
const MM = 72 / 25.4;
const LEFT = 28 * MM;
const RIGHT = 595.28 - 26 * MM;
const EMPLOYER = '上海速达配送服务有限公司';

interface DocxParagraph {
  text: string;
  jc: string | undefined;
  firstLine: string | undefined;
  keepNext: boolean;
}

function docxParagraphs(xml: string): DocxParagraph[] {
  return [...xml.matchAll(/<w:p>([\s\S]*?)<\/w:p>|<w:p [^>]*>([\s\S]*?)<\/w:p>/g)].map((m) => {
    const body = m[1] ?? m[2] ?? '';
    return {
      text: [...body.matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((t) => t[1]).join(''),
      jc: body.match(/<w:jc w:val="(\w+)"/)?.[1],
      firstLine: body.match(/w:firstLine="(\d+)"/)?.[1],
      keepNext: body.includes('<w:keepNext/>'),
    };
  });
}

describe('一函两书 layout per GB/T 9704', () => {
  let t: TestApp;
  let headers: Record<string, string>;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    t = await createTestApp({ STAFF_LOGIN_PER_MINUTE: '1000' });
    const offices = await createOffices(t.app);
    await createStaff(t.app, 'doc.super', 'supervisor', offices.a);
    headers = await loginBearer(t.app, 'doc.super');
    const ticket = await fileTicket(t.app, { regionCode: '310115', employer: EMPLOYER, workerCount: 3 });
    const create = async (payload: Record<string, unknown>) => {
      const response = await t.app.inject({ method: 'POST', url: '/api/staff/documents', headers, payload });
      expect(response.statusCode, response.body).toBe(201);
      return response.json().document.id as string;
    };
    ids.opinion = await create({
      kind: 'opinion',
      ticketNumbers: [ticket],
      citations: [{ law: '劳动合同法', article: 30 }],
      copiedToProcuratorate: true,
    });
    ids.reminder = await create({ kind: 'reminder', recipient: '辖区各用人单位', facts: '春节将至。' });
    ids.suggestion = await create({ kind: 'suggestion', parentId: ids.opinion, refusal: 'refused' });
  });
  afterAll(() => t.close());

  const download = async (id: string, format: 'docx' | 'pdf') => {
    const response = await t.app.inject({
      method: 'GET',
      url: `/api/staff/documents/${id}/${format}`,
      headers,
    });
    expect(response.statusCode).toBe(200);
    return response.rawPayload;
  };

  it('sets each DOCX paragraph by its role: centred title, number right, addressee flush left, body justified and indented', async () => {
    const zip = await JSZip.loadAsync(await download(ids.opinion as string, 'docx'));
    const paragraphs = docxParagraphs((await zip.file('word/document.xml')?.async('string')) ?? '');
    const [title, number, addressee, ...rest] = paragraphs;
    expect(title).toMatchObject({ text: '劳动法律监督意见书', jc: 'center' });
    expect(number).toMatchObject({ jc: 'right', firstLine: undefined });
    expect(number?.text).toMatch(/^〔\d{4}〕第1号$/);
    expect(addressee).toEqual({ text: `${EMPLOYER}：`, jc: 'left', firstLine: undefined, keepNext: false });
    const copy = rest.at(-1);
    const date = rest.at(-2);
    const signature = rest.at(-3);
    const body = rest.slice(0, -3);
    expect(copy).toMatchObject({ text: '抄送：上海市浦东新区人民检察院。', jc: 'left' });
    expect(date?.text).toMatch(/^\d{4}年\d{1,2}月\d{1,2}日$/);
    expect(date?.jc).toBe('right');
    expect(signature).toMatchObject({ text: '上海市浦东新区总工会', jc: 'right', keepNext: true });
    expect(body.length).toBeGreaterThan(5);
    for (const p of body) expect(p, p.text).toMatchObject({ jc: 'both', firstLine: '640' });
    // The last paragraph of the text takes the signature block with it to its page.
    expect(body.at(-1)?.keepNext).toBe(true);
    expect(body.slice(0, -1).some((p) => p.keepNext)).toBe(false);
    expect(paragraphs.some((p) => /^[!>]/.test(p.text))).toBe(false);
    // Page numbers "— N —", odd right and even left (GB/T 9704 7.5).
    const footers = await Promise.all(
      Object.keys(zip.files)
        .filter((name) => /^word\/footer\d+\.xml$/.test(name))
        .map((name) => zip.file(name)?.async('string') ?? ''),
    );
    expect(footers).toHaveLength(2);
    expect(footers.every((f) => f.includes('PAGE') && f.includes('— '))).toBe(true);
    expect(footers.map((f) => f.match(/<w:jc w:val="(\w+)"/)?.[1]).sort()).toEqual(['left', 'right']);
    expect(await zip.file('word/settings.xml')?.async('string')).toContain('<w:evenAndOddHeaders/>');
  });

  it.runIf(hasFont)('lays out the PDF the same way, with page numbers on every page', async () => {
    for (const kind of ['opinion', 'reminder', 'suggestion']) {
      const pages = pdfPages(await download(ids[kind] as string, 'pdf'));
      const runs = pages.flat();
      const [title, number, addressee] = runs;
      expect(title?.size).toBe(22);
      // Centred: as much room on each side (CJK glyphs are one em wide).
      const titleWidth = [...(title?.text ?? '')].length * 22;
      expect(Math.abs((title?.x ?? 0) - LEFT - (RIGHT - (title?.x ?? 0) - titleWidth))).toBeLessThan(1);
      expect(number?.text).toMatch(/^〔\d{4}〕第\d+号$/);
      expect(number?.x ?? 0).toBeGreaterThan((LEFT + RIGHT) / 2);
      expect(addressee?.text.endsWith('：')).toBe(true);
      expect(addressee?.text.startsWith('!')).toBe(false);
      expect(addressee?.x).toBeCloseTo(LEFT, 1);
      // Body: first lines two characters in; the lines before a paragraph's last are stretched
      // to the right edge (justified), never left ragged.
      const bodyStarts = runs.filter((r) => Math.abs(r.x - (LEFT + 32)) < 0.1);
      expect(bodyStarts.length).toBeGreaterThan(2);
      expect(runs.filter((r) => r.characterSpacing > 0).length).toBeGreaterThan(2);
      pages.forEach((page, index) => {
        expect(page.some((r) => r.text === `— ${index + 1} —`)).toBe(true);
      });
    }
  });
});

describe('the signature block keeps with the last paragraph, whatever the length', () => {
  // One line each, so the sweep moves the end of the text down one line at a time.
  const paragraph = '该单位未按约定日期足额支付职工工资。';
  const body = (facts: number) =>
    [
      '# 劳动法律监督意见书',
      '>〔2026〕第7号',
      `!${EMPLOYER}：`,
      ...Array.from({ length: facts }, (_, i) => `${i + 1}. ${paragraph}`),
      '请你单位自收到本意见书之日起十五个工作日内予以整改，并将整改情况书面回复本工会。逾期未回复或拒不整改的，本工会将提请同级劳动行政部门依法处理。',
      '>上海市浦东新区总工会',
      '>2026年12月3日',
    ].join('\n');
  const pageOf = (pages: PdfRun[][], test: (r: PdfRun) => boolean) => pages.findIndex((p) => p.some(test));

  it.runIf(hasFont)(
    'never leaves the office and date alone on a page (every end position across a page break)',
    async () => {
      const pageCounts = new Set<number>();
      for (let facts = 4; facts <= 28; facts++) {
        const pages = pdfPages(
          await renderPdf(layoutBody(body(facts), '抄送：上海市浦东新区人民检察院。'), {
            creator: 'test',
            font: FONT,
          }),
        );
        pageCounts.add(pages.length);
        const date = pageOf(pages, (r) => r.text === '2026年12月3日');
        const office = pageOf(pages, (r) => r.text === '上海市浦东新区总工会');
        const lastLine = pageOf(pages, (r) => r.text.endsWith('依法处理。'));
        const copy = pageOf(pages, (r) => r.text.startsWith('抄送：'));
        expect({ facts, office, copy, lastLine }).toEqual({
          facts,
          office: date,
          copy: date,
          lastLine: date,
        });
        // Room for the seal: two empty lines between the text and the office.
        const last = pages[date]?.find((r) => r.text.endsWith('依法处理。'));
        const signature = pages[date]?.find((r) => r.text === '上海市浦东新区总工会');
        expect((signature?.y ?? 0) - (last?.y ?? 0)).toBeCloseTo(3 * 28, 0);
        for (const [index, page] of pages.entries())
          expect(page.some((r) => r.text === `— ${index + 1} —`)).toBe(true);
      }
      // The sweep really crossed a page boundary.
      expect([...pageCounts].sort()).toEqual([1, 2]);
    },
  );
});

describe('reading stored bodies and breaking Chinese lines', () => {
  it.each(['reminder', 'opinion', 'suggestion'] as const)(
    'keeps the built-in %s template marked line by line',
    (kind) => {
      // A Markdown formatter once turned these into one quotation: every line marked ">".
      const lines = readTemplate(kind).trim().split('\n').filter(Boolean);
      const marked = lines.map((line, i) => (line.startsWith('>') ? i : -1)).filter((i) => i >= 0);
      expect(marked).toEqual([1, lines.length - 2, lines.length - 1]);
      expect(lines[2]).toBe('!{{recipient}}：');
    },
  );

  it('reads a body from the earlier templates (every line marked ">") with the roles meant', () => {
    const legacy = layoutBody(
      `# 劳动法律监督意见书\n> 〔2026〕第3号\n> !${EMPLOYER}：\n> 根据规定。\n> 关联工单：GY-20261203-0001\n> 上海市浦东新区总工会\n> 2026年12月3日`,
    );
    expect(legacy.paragraphs.map((p) => `${p.role}:${p.text}`)).toEqual([
      'number:〔2026〕第3号',
      `addressee:${EMPLOYER}：`,
      'body:根据规定。',
      'body:关联工单：GY-20261203-0001',
      'signature:上海市浦东新区总工会',
      'date:2026年12月3日',
    ]);
  });

  it('never starts a line with closing punctuation and breaks a ticket number only after a hyphen', () => {
    const measure = (unit: string) => [...unit].length * (/^[\x21-\x7e]+$/.test(unit) ? 8 : 16);
    const lines = breakLines('一二三四五，六七八九十GY-20261203-0001号', 5 * 16, measure);
    expect(lines.map((l) => l.text)).toEqual(['一二三四', '五，六七八', '九十GY-', '20261203-', '0001号']);
    expect(lines.at(-1)?.last).toBe(true);
  });
});
