import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readCardArchive, writeCardArchive } from '../../src/knowledge/console/card-archive.js';
import { chat } from '../helpers/test-app.js';
import { type ConsoleApp, createConsoleApp } from './console-fixture.js';

// A question the classifier reads as one, answered by the fixture's rest-day card.
const QUESTION = '公司一个月都不给休息，合法吗？每周至少休息几天';
const NEW_LEAD =
  '每周至少要让你休息一整天，这是《劳动法》的硬规定；休息日被叫去上班又不补休的，要付两倍工资。';

describe('the knowledge console: cards edited by legal staff answer the next question', () => {
  let t: ConsoleApp;
  beforeAll(async () => {
    t = await createConsoleApp();
  });
  afterAll(async () => {
    await t.close();
  });

  const get = (url: string) => t.app.inject({ method: 'GET', url, headers: t.legal });
  const send = (method: 'POST' | 'PUT', url: string, payload?: object) =>
    t.app.inject({ method, url, headers: t.legal, payload });

  it('lists and searches the folder’s cards', async () => {
    const all = (await get('/api/staff/knowledge/cards')).json();
    expect(all.cards.map((card: { id: string }) => card.id)).toEqual([
      'public-holidays',
      'rest-day',
      'working-hours',
    ]);
    expect(all.cards[1]).toMatchObject({ topic: 'hours', source: 'folder' });
    const found = (await get(`/api/staff/knowledge/cards?q=${encodeURIComponent('休息几天')}`)).json();
    expect(found.cards.map((card: { id: string }) => card.id)).toEqual(['rest-day']);
  });

  it('previews, saves a new version, and the very next question gets the new answer', async () => {
    const before = await chat(t.app, { channelUserId: 'kc-1', text: QUESTION });
    expect(before.replies[0]?.answer.lead).toMatch(/^用人单位应当保证劳动者每周至少休息一日/);

    const { markdown } = (await get('/api/staff/knowledge/cards/rest-day')).json();
    const edited = markdown.replace(/^## zh\n.*$/m, `## zh\n${NEW_LEAD}`);
    const preview = (await send('POST', '/api/staff/knowledge/preview', { markdown: edited })).json();
    expect(preview.zh.answer.lead).toBe(NEW_LEAD);
    expect(preview.zh.text).toContain('法律依据：《劳动法》第三十八条；《劳动法》第四十四条');
    expect(preview.zh.citations[0]).toMatchObject({ law: '劳动法', article: 38, title: '第三十八条' });
    expect(preview.en.answer.lead).toMatch(/^You are entitled to at least one day of rest/);
    // Nothing is saved by a preview.
    const still = await chat(t.app, { channelUserId: 'kc-2', text: QUESTION });
    expect(still.replies[0]?.answer.lead).toMatch(/^用人单位应当保证/);

    const saved = await send('PUT', '/api/staff/knowledge/cards/rest-day', { markdown: edited });
    expect(saved.statusCode).toBe(200);
    expect(saved.json()).toEqual({ card: { id: 'rest-day', topic: 'hours' }, version: 1 });

    const after = await chat(t.app, { channelUserId: 'kc-3', text: QUESTION });
    expect(after.replies[0]?.answer.lead).toBe(NEW_LEAD);

    const card = (await get('/api/staff/knowledge/cards/rest-day')).json();
    expect(card.history).toHaveLength(1);
    expect(card.history[0]).toMatchObject({ version: 1, action: 'edit', staffName: 'legal.a' });
    expect(card.history[0].before).toContain('用人单位应当保证劳动者每周至少休息一日');
    expect(card.history[0].after).toContain(NEW_LEAD);
  });

  it('refuses a card the strict reader refuses, naming the file and the field', async () => {
    const { markdown } = (await get('/api/staff/knowledge/cards/working-hours')).json();
    const bad = markdown.replace(/^cite: .*$/m, 'cite: [劳动法 45]');
    const response = await send('PUT', '/api/staff/knowledge/cards/working-hours', { markdown: bad });
    expect(response.statusCode).toBe(400);
    expect(response.json().message).toBe(
      'working-hours.md: cite: 《劳动法》 has no article 45 in the imported statutes',
    );
  });

  it('creates a card and retires one; a retired card no longer answers', async () => {
    const markdown = [
      '---',
      'id: night-shift-rest',
      'topic: hours',
      'cite: [劳动法 36]',
      'reviewed: 2026-12-03',
      'author: legal.a',
      'asks:',
      '  - 夜班连着上了七天不让休息',
      '---',
      '## zh',
      '夜班也要守工时：每天不超过八小时、每周平均不超过四十四小时。',
      '',
      '### steps',
      '1. 记下每天上下班的时间',
      '',
    ].join('\n');
    const created = await send('POST', '/api/staff/knowledge/cards', { markdown });
    expect(created.statusCode).toBe(201);
    const answered = await chat(t.app, {
      channelUserId: 'kc-4',
      text: '夜班连着上了七天不让休息，这合法吗？',
    });
    expect(answered.replies[0]?.answer.lead).toMatch(/^夜班也要守工时/);
    expect((await send('POST', '/api/staff/knowledge/cards', { markdown })).statusCode).toBe(409);

    expect((await send('POST', '/api/staff/knowledge/cards/night-shift-rest/retire')).statusCode).toBe(200);
    const gone = await chat(t.app, { channelUserId: 'kc-5', text: '夜班连着上了七天不让休息，这合法吗？' });
    expect(gone.replies[0]?.answer?.lead ?? gone.replies[0]?.text).not.toMatch(/^夜班也要守工时/);
    const list = (await get('/api/staff/knowledge/cards')).json();
    expect(list.retired).toEqual([{ id: 'night-shift-rest', version: 2 }]);
  });

  it('exports the current cards as Markdown files and imports them back, refusing bad files by file and field', async () => {
    const exported = await get('/api/staff/knowledge/export');
    expect(exported.headers['content-type']).toBe('application/gzip');
    const archive = readCardArchive(exported.rawPayload);
    if (!archive.ok) throw new Error(archive.problems.join('\n'));
    expect(archive.files.map((file) => file.name)).toEqual([
      'public-holidays.md',
      'rest-day.md',
      'working-hours.md',
    ]);
    expect(archive.files[1]?.text).toContain(NEW_LEAD);

    const unchanged = await t.app.inject({
      method: 'POST',
      url: '/api/staff/knowledge/import',
      headers: { ...t.legal, 'content-type': 'application/gzip' },
      payload: exported.rawPayload,
    });
    expect(unchanged.json()).toEqual({ ok: true, created: [], updated: [], unchanged: 3 });

    const holidays = archive.files[0]?.text ?? '';
    const broken = writeCardArchive([
      { name: 'cards/public-holidays.md', text: holidays.replace('2026-12-03', '3 Dec 2026') },
      { name: 'cards/extra.md', text: holidays },
    ]);
    const refused = await t.app.inject({
      method: 'POST',
      url: '/api/staff/knowledge/import',
      headers: { ...t.legal, 'content-type': 'application/gzip' },
      payload: broken,
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().message.split('\n')).toEqual([
      'cards/extra.md: id: "public-holidays" differs from the file name "extra.md"',
      'cards/public-holidays.md: reviewed: "3 Dec 2026" is not a date YYYY-MM-DD',
    ]);

    const changed = writeCardArchive([
      {
        name: 'public-holidays.md',
        text: holidays.replace('  - 春节放假有工资吗', '  - 春节放假有工资吗\n  - 国庆节上班给几倍工资'),
      },
    ]);
    const imported = await t.app.inject({
      method: 'POST',
      url: '/api/staff/knowledge/import',
      headers: { ...t.legal, 'content-type': 'application/gzip' },
      payload: changed,
    });
    expect(imported.json()).toEqual({ ok: true, created: [], updated: ['public-holidays'], unchanged: 0 });
    const history = (await get('/api/staff/knowledge/cards/public-holidays')).json().history;
    expect(history[0]).toMatchObject({ version: 1, action: 'import' });
  });
});
