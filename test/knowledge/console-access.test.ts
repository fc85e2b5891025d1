import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeCardArchive } from '../../src/knowledge/console/card-archive.js';
import { createStaff, loginBearer } from '../staff/staff-fixtures.js';
import { type ConsoleApp, createConsoleApp } from './console-fixture.js';

describe('the knowledge console is for the knowledge role only, checked on the server', () => {
  let t: ConsoleApp;
  const others: Record<string, Record<string, string>> = {};
  let itemId = '';
  beforeAll(async () => {
    t = await createConsoleApp();
    others.agent = t.agent;
    const office = (await t.app.prisma.staff.findFirstOrThrow({ where: { username: 'agent.a' } })).officeId;
    for (const role of ['admin', 'supervisor'] as const) {
      await createStaff(t.app, `${role}.k`, role, office);
      others[role] = await loginBearer(t.app, `${role}.k`);
    }
    itemId = (
      await t.app.prisma.knowledgeReviewItem.create({
        data: { reason: 'not-sure', question: '试用期能不能不交社保', locale: 'zh-CN', topic: 'unknown' },
      })
    ).id;
  });
  afterAll(async () => {
    await t.close();
  });

  const markdown = () =>
    t.app
      .inject({ method: 'GET', url: '/api/staff/knowledge/cards/rest-day', headers: t.legal })
      .then((r) => r.json().markdown);

  it('answers 403 to admins, supervisors and agents on every route, and changes nothing', async () => {
    const card = await markdown();
    const archive = writeCardArchive([{ name: 'rest-day.md', text: card }]);
    const calls = [
      { method: 'GET', url: '/api/staff/knowledge/cards' },
      { method: 'GET', url: '/api/staff/knowledge/cards/rest-day' },
      {
        method: 'POST',
        url: '/api/staff/knowledge/cards',
        payload: { markdown: card.replace('rest-day', 'x-card') },
      },
      { method: 'PUT', url: '/api/staff/knowledge/cards/rest-day', payload: { markdown: card } },
      { method: 'POST', url: '/api/staff/knowledge/cards/rest-day/retire' },
      { method: 'POST', url: '/api/staff/knowledge/preview', payload: { markdown: card } },
      { method: 'GET', url: '/api/staff/knowledge/export' },
      { method: 'GET', url: '/api/staff/knowledge/review' },
      { method: 'GET', url: `/api/staff/knowledge/review/${itemId}/draft` },
      {
        method: 'POST',
        url: `/api/staff/knowledge/review/${itemId}/add-ask`,
        payload: { cardId: 'rest-day' },
      },
      { method: 'POST', url: `/api/staff/knowledge/review/${itemId}/dismiss` },
    ] as const;
    const wrong: string[] = [];
    for (const [role, headers] of Object.entries(others)) {
      for (const call of calls) {
        const response = await t.app.inject({ ...call, headers });
        if (response.statusCode !== 403)
          wrong.push(`${role} ${call.method} ${call.url} → ${response.statusCode}`);
      }
      const imported = await t.app.inject({
        method: 'POST',
        url: '/api/staff/knowledge/import',
        headers: { ...headers, 'content-type': 'application/gzip' },
        payload: archive,
      });
      if (imported.statusCode !== 403) wrong.push(`${role} POST import → ${imported.statusCode}`);
    }
    const anonymous = await t.app.inject({ method: 'GET', url: '/api/staff/knowledge/cards' });
    expect(anonymous.statusCode).toBe(401);
    expect(wrong).toEqual([]);
    expect(await t.app.prisma.knowledgeCardVersion.count()).toBe(0);
    expect((await t.app.prisma.knowledgeReviewItem.findUniqueOrThrow({ where: { id: itemId } })).status).toBe(
      'open',
    );
  });

  it('lets the knowledge role in', async () => {
    const response = await t.app.inject({
      method: 'GET',
      url: '/api/staff/knowledge/review',
      headers: t.legal,
    });
    expect(response.statusCode).toBe(200);
    expect(response.json().size).toBe(1);
  });
});
