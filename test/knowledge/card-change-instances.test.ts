import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBusCardChangeNotice } from '../../src/knowledge/console/bus-card-change-notice.js';
import { createKnowledgeService, type KnowledgeService } from '../../src/knowledge/knowledge-service.js';
import { type ConsoleApp, createConsoleApp } from './console-fixture.js';

const QUESTION = '公司一个月都不给休息，合法吗？每周至少休息几天';
const NEW_LEAD = '每周至少休息一天是法律规定；休息日上班又不补休，至少付两倍工资。';

describe('a card saved on one instance answers on another', () => {
  let t: ConsoleApp;
  let other: KnowledgeService;
  beforeAll(async () => {
    t = await createConsoleApp();
    // A second instance on the same database and the same bus (Redis in production).
    other = await createKnowledgeService(t.app.prisma, t.app.log, t.cardsDir, {
      notice: createBusCardChangeNotice(t.app.bus, () => {}),
    });
  });
  afterAll(async () => {
    await t.close();
  });

  it('re-reads the versions when the bus says the cards changed', async () => {
    expect(other.base.search(QUESTION).cards[0]?.card.zh.lead).toMatch(/^用人单位应当保证/);
    const { markdown } = (
      await t.app.inject({ method: 'GET', url: '/api/staff/knowledge/cards/rest-day', headers: t.legal })
    ).json();
    const saved = await t.app.inject({
      method: 'PUT',
      url: '/api/staff/knowledge/cards/rest-day',
      headers: t.legal,
      payload: { markdown: markdown.replace(/^## zh\n.*$/m, `## zh\n${NEW_LEAD}`) },
    });
    expect(saved.statusCode).toBe(200);
    await expect.poll(() => other.base.search(QUESTION).cards[0]?.card.zh.lead).toBe(NEW_LEAD);
    expect(other.cardSet.origin.get('rest-day')).toEqual({ source: 'console', version: 1 });
  });
});
