import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cardToMarkdown } from '../../src/knowledge/cards/card-markdown.js';
import { parseFrontMatter } from '../../src/knowledge/cards/front-matter.js';
import { loadCardDir, loadCardsOrThrow } from '../../src/knowledge/cards/load-card-dir.js';
import { parseCardFile } from '../../src/knowledge/cards/parse-card-file.js';
import { readStatuteDir } from '../../src/knowledge/statute-files.js';
import { CARDS_DIR, PROJECT_ROOT } from '../../src/platform/paths.js';
import { tempDir } from '../helpers/test-app.js';

const FIXTURE_LAWS = path.join(PROJECT_ROOT, 'test', 'fixtures', 'laws');
const FIXTURE_CARDS = path.join(PROJECT_ROOT, 'test', 'fixtures', 'cards');
const restDay = fs.readFileSync(path.join(FIXTURE_CARDS, 'rest-day.md'), 'utf8');

/** A folder holding the given card files (name → text). */
function cardFolder(files: Record<string, string>): string {
  const dir = tempDir('gongyou-cards-');
  for (const [name, text] of Object.entries(files)) fs.writeFileSync(path.join(dir, name), text);
  return dir;
}

describe('card files', () => {
  it('reads the front matter strictly: lists, booleans, text, and says which line is wrong', () => {
    const read = parseFrontMatter(
      '---\nid: a-b\noffer: true\ncite: [劳动法 44, 劳动法 38]\nasks:\n  - 一\n  - 二\n---\nbody',
    );
    expect(read).toEqual({
      ok: true,
      fields: { id: 'a-b', offer: true, cite: ['劳动法 44', '劳动法 38'], asks: ['一', '二'] },
      body: 'body',
      bodyLine: 9,
    });
    expect(parseFrontMatter('---\nid: a\nthis is not yaml\n---\n')).toEqual({
      ok: false,
      problems: ['line 3: expected "key: value" or "  - item", found "this is not yaml"'],
    });
    expect(parseFrontMatter('id: a\n')).toMatchObject({
      ok: false,
      problems: [expect.stringContaining('---')],
    });
  });

  it('reads a card: front matter, lead, steps, English, citations in figures or words', () => {
    const parsed = parseCardFile(restDay.replace('劳动法 38', '劳动法 第三十八条'), 'rest-day.md');
    expect(parsed.ok && parsed.card).toMatchObject({
      id: 'rest-day',
      topic: 'hours',
      cite: [
        { law: '劳动法', article: 38 },
        { law: '劳动法', article: 44 },
      ],
      reviewed: '2026-12-03',
      author: 'Gongyou team',
      zh: {
        lead: expect.stringMatching(/^用人单位应当保证劳动者每周至少休息一日/),
        steps: expect.any(Array),
      },
      en: { lead: expect.stringMatching(/^You are entitled/) },
    });
    if (parsed.ok) expect(parsed.card.zh.steps).toHaveLength(3);
  });

  it('names the field of every problem in a card it refuses', () => {
    const broken = restDay
      .replace('cite: [劳动法 38, 劳动法 44]', 'cite: [劳动法 第三十八, Labour Law]')
      .replace('reviewed: 2026-12-03', 'reviewed: 3 Dec')
      .replace('asks:\n  - 一个月都不给休息合法吗', 'colour: red\nasks:\n  - 一个月都不给休息合法吗')
      .replace(
        /### steps\n1\. 保留排班表、考勤记录\n2\. 要求补休或支付休息日加班费\n3\. 单位拒绝的，投诉或申请仲裁\n/,
        '',
      )
      .replace('用人单位应当保证', '很长'.repeat(70));
    const parsed = parseCardFile(broken, 'rest-day.md');
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.problems).toEqual(
      expect.arrayContaining([
        'colour: unknown field',
        'reviewed: "3 Dec" is not a date YYYY-MM-DD',
        'cite: "Labour Law" is not "law article" (e.g. 劳动合同法 30)',
        '## zh: ### steps is missing or has no "1. …" lines',
      ]),
    );
    expect(parseCardFile(restDay, 'rest-days.md')).toEqual({
      ok: false,
      problems: ['id: "rest-day" differs from the file name "rest-days.md"'],
    });
    const long = parseCardFile(restDay.replace('用人单位应当保证', '很长'.repeat(70)), 'rest-day.md');
    expect(long).toEqual({
      ok: false,
      problems: [expect.stringMatching(/^## zh: the lead is 1\d\d characters, at most 140/)],
    });
  });

  it('writes every project card back to the same card (the conversion from TypeScript was lossless)', () => {
    for (const card of loadCardsOrThrow(CARDS_DIR)) {
      expect(parseCardFile(cardToMarkdown(card), `${card.id}.md`)).toEqual({ ok: true, card });
    }
  });

  it('refuses a card citing an article the imported statutes do not have, with the reason', () => {
    const articles = readStatuteDir(FIXTURE_LAWS);
    expect(loadCardDir(FIXTURE_CARDS, articles)).toMatchObject({ problems: [], cards: { length: 3 } });
    const dir = cardFolder({
      'rest-day.md': restDay.replace('劳动法 38', '劳动法 45'),
      'working-hours.md': fs.readFileSync(path.join(FIXTURE_CARDS, 'working-hours.md'), 'utf8'),
      'overtime.md': restDay.replace('id: rest-day', 'id: overtime').replace('劳动法 38', '劳动合同法 31'),
    });
    const report = loadCardDir(dir, articles);
    expect(report.cards.map((card) => card.id)).toEqual(['working-hours']);
    expect(report.problems).toEqual([
      'overtime.md: cite: 《劳动合同法》 is not among the imported statutes',
      'rest-day.md: cite: 《劳动法》 has no article 45 in the imported statutes',
    ]);
  });

  it('checks law names when no statutes are imported, and refuses a second card with the same id', () => {
    const dir = cardFolder({
      'rest-day.md': restDay.replace('劳动法 38', '劳动保护法 38'),
      'a.md': fs.readFileSync(path.join(FIXTURE_CARDS, 'working-hours.md'), 'utf8'),
    });
    fs.mkdirSync(path.join(dir, 'more'));
    fs.copyFileSync(path.join(FIXTURE_CARDS, 'working-hours.md'), path.join(dir, 'more', 'working-hours.md'));
    expect(loadCardDir(dir).problems).toEqual([
      'a.md: id: "working-hours" differs from the file name "a.md"',
      'rest-day.md: cite: "劳动保护法 38" names a law the project does not know',
    ]);
    fs.copyFileSync(path.join(FIXTURE_CARDS, 'working-hours.md'), path.join(dir, 'working-hours.md'));
    expect(loadCardDir(dir).problems).toContain(
      'working-hours.md: id: "working-hours" is also the id of more/working-hours.md',
    );
  });
});
