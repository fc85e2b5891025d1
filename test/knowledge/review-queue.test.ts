import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chat } from '../helpers/test-app.js';
import { type ConsoleApp, createConsoleApp } from './console-fixture.js';

// Answered by the fixture's rest-day card; the classifier reads both as questions.
const QUESTION = '公司一个月都不给休息，合法吗？每周至少休息几天';
const UNANSWERABLE = '试用期公司不给交社保合法吗 我电话13812345678';

describe('the review queue learns from what the cards did not answer well', () => {
  let t: ConsoleApp;
  beforeAll(async () => {
    t = await createConsoleApp();
  });
  afterAll(async () => {
    await t.close();
  });
  const queue = async () =>
    (await t.app.inject({ method: 'GET', url: '/api/staff/knowledge/review', headers: t.legal })).json();

  it('offers 有用 / 没用 on an answer; 没用 puts the question in the queue, 有用 does not', async () => {
    const answered = await chat(t.app, { channelUserId: 'rq-1', text: QUESTION });
    const quick = answered.replies[0]?.quickReplies.map((q: { label: string }) => q.label);
    expect(quick).toEqual(expect.arrayContaining(['有用', '没用']));
    const helpful = await chat(t.app, { channelUserId: 'rq-1', text: '有用' });
    expect(helpful.replies[0]?.text).toMatch(/^谢谢你的反馈/);
    expect((await queue()).items.filter((item: { reason: string }) => item.reason === 'unhelpful')).toEqual(
      [],
    );

    await chat(t.app, { channelUserId: 'rq-2', text: QUESTION });
    const unhelpful = await chat(t.app, { channelUserId: 'rq-2', text: '没用' });
    expect(unhelpful.replies[0]?.text).toMatch(/^谢谢你告诉我们/);
    // Once per answer: the same word again is not counted twice.
    await chat(t.app, { channelUserId: 'rq-2', text: '没用' });
    const items = (await queue()).items.filter((item: { reason: string }) => item.reason === 'unhelpful');
    expect(items).toEqual([
      expect.objectContaining({ question: QUESTION, topic: 'hours', cardId: 'rest-day' }),
    ]);

    const metrics = (await t.app.inject({ method: 'GET', url: '/metrics' })).body;
    expect(metrics).toContain('gongyou_knowledge_feedback_total{verdict="no"} 1');
    expect(metrics).toContain('gongyou_knowledge_feedback_total{verdict="yes"} 1');
    expect(metrics).toContain('gongyou_knowledge_unhelpful_ratio 0.5');
  });

  it('queues a "not sure" reply and the handoff after it, masked, counted by topic and in the metrics', async () => {
    await chat(t.app, { channelUserId: 'rq-3', text: UNANSWERABLE });
    await chat(t.app, { channelUserId: 'rq-3', text: '那试用期辞职要提前几天说' });
    const { items, topics, size } = await queue();
    const reasons = items.map((item: { reason: string }) => item.reason);
    expect(reasons).toEqual(expect.arrayContaining(['not-sure', 'handoff']));
    const notSure = items.find((item: { reason: string }) => item.reason === 'not-sure');
    expect(notSure.question).toBe('试用期公司不给交社保合法吗 我电话138****5678');
    expect(JSON.stringify(await t.app.prisma.knowledgeReviewItem.findMany())).not.toContain('13812345678');
    expect(topics.reduce((n: number, topic: { open: number }) => n + topic.open, 0)).toBe(size);
    const metrics = (await t.app.inject({ method: 'GET', url: '/metrics' })).body;
    expect(metrics).toContain(`gongyou_knowledge_review_queue_size ${size}`);
    expect(metrics).toMatch(/gongyou_knowledge_answers_by_confidence_total\{band="none"\} 2/);
  });

  it('turns an item into an ask of a card in one call, and the question then finds that card', async () => {
    const { items } = await queue();
    const item = items.find((entry: { reason: string }) => entry.reason === 'not-sure');
    const added = await t.app.inject({
      method: 'POST',
      url: `/api/staff/knowledge/review/${item.id}/add-ask`,
      headers: t.legal,
      payload: { cardId: 'working-hours' },
    });
    expect(added.statusCode).toBe(200);
    const card = (
      await t.app.inject({ method: 'GET', url: '/api/staff/knowledge/cards/working-hours', headers: t.legal })
    ).json();
    expect(card.markdown).toContain('  - 试用期公司不给交社保合法吗 我电话138****5678');
    expect(card.history[0]).toMatchObject({ action: 'edit', staffName: 'legal.a' });
    expect((await queue()).items.map((entry: { id: string }) => entry.id)).not.toContain(item.id);
    const again = await t.app.inject({
      method: 'POST',
      url: `/api/staff/knowledge/review/${item.id}/add-ask`,
      headers: t.legal,
      payload: { cardId: 'working-hours' },
    });
    expect(again.statusCode).toBe(409);
  });

  it('starts a new card from an item, prefilled, and saving it resolves the item', async () => {
    const { items } = await queue();
    const item = items.find((entry: { reason: string }) => entry.reason === 'unhelpful');
    const draft = (
      await t.app.inject({
        method: 'GET',
        url: `/api/staff/knowledge/review/${item.id}/draft`,
        headers: t.legal,
      })
    ).json();
    expect(draft.markdown).toContain('id: hours-new-1');
    expect(draft.markdown).toContain(`  - ${QUESTION}`);
    expect(draft.markdown).toContain('cite: [劳动法 38, 劳动法 44]');
    const saved = await t.app.inject({
      method: 'POST',
      url: '/api/staff/knowledge/cards',
      headers: t.legal,
      payload: { markdown: draft.markdown, reviewItemId: draft.reviewItemId },
    });
    expect(saved.statusCode).toBe(201);
    const row = await t.app.prisma.knowledgeReviewItem.findUniqueOrThrow({ where: { id: item.id } });
    expect(row.status).toBe('new-card');
  });
});
