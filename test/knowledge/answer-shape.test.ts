import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderReplyText } from '../../src/channels/wechat-common/render-text.js';
import type { OutboundMessage } from '../../src/messages/messages.js';
import { PROJECT_ROOT } from '../../src/platform/paths.js';
import { chat, createTestApp, type TestApp, tempDir } from '../helpers/test-app.js';

// The small 劳动法 fixture and three cards citing only it: runs the same on a fresh clone.
const FIXTURE_LAWS = path.join(PROJECT_ROOT, 'test', 'fixtures', 'laws');
const FIXTURE_CARDS = path.join(PROJECT_ROOT, 'test', 'fixtures', 'cards');

function copyCards(): string {
  const dir = tempDir('gongyou-cards-');
  for (const name of fs.readdirSync(FIXTURE_CARDS))
    fs.copyFileSync(path.join(FIXTURE_CARDS, name), path.join(dir, name));
  return dir;
}

describe('an answer shaped for a phone, from cards in KNOWLEDGE_CARDS_DIR', () => {
  let t: TestApp;
  let cardsDir: string;
  beforeAll(async () => {
    cardsDir = copyCards();
    t = await createTestApp({ KNOWLEDGE_DIR: FIXTURE_LAWS, KNOWLEDGE_CARDS_DIR: cardsDir });
  });
  afterAll(async () => {
    await t.close();
    fs.rmSync(cardsDir, { recursive: true, force: true });
  });

  it('answers from the folder’s cards: a short lead, then steps and each article once, in words', async () => {
    const body = await chat(t.app, {
      channelUserId: 'shape-1',
      text: '公司一个月都不给休息，合法吗？每周至少休息几天',
    });
    const [reply] = body.replies;
    expect(reply?.type).toBe('answer');
    expect(reply?.answer.lead).toMatch(/^用人单位应当保证劳动者每周至少休息一日/);
    expect(reply?.answer.lead.length).toBeLessThanOrEqual(140);
    expect(reply?.answer.steps).toEqual([
      '保留排班表、考勤记录',
      '要求补休或支付休息日加班费',
      '单位拒绝的，投诉或申请仲裁',
    ]);
    expect(reply?.citations).toEqual([
      expect.objectContaining({
        law: '劳动法',
        article: 38,
        title: '第三十八条',
        snippet: expect.stringContaining('每周至少休息一日'),
      }),
      expect.objectContaining({
        law: '劳动法',
        article: 44,
        title: '第四十四条',
        snippet: expect.stringContaining('百分之二百'),
      }),
    ]);
    // A text channel: lead, numbered steps and one line of citations, none repeated or in figures.
    const wechat = renderReplyText(reply as OutboundMessage, t.app.t('zh-CN'));
    expect(wechat).toContain('\n\n下一步：\n1. 保留排班表、考勤记录\n2. ');
    expect(wechat.match(/《劳动法》第四十四条/g)).toHaveLength(1);
    expect(wechat).toContain('法律依据：《劳动法》第三十八条；《劳动法》第四十四条');
    expect(wechat).not.toMatch(/第\d+条/);
  });

  it('keeps the cards it has when a reload finds a card it must refuse, and logs why', async () => {
    fs.writeFileSync(
      path.join(cardsDir, 'rest-day.md'),
      fs.readFileSync(path.join(cardsDir, 'rest-day.md'), 'utf8').replace('劳动法 38', '劳动法 45'),
    );
    await t.app.knowledge.rebuild();
    expect(t.app.knowledge.base.stats.cards).toBe(3);
    const refused = t.logs.find((line) => line.includes('knowledge cards refused'));
    expect(refused).toContain('rest-day.md: cite: 《劳动法》 has no article 45 in the imported statutes');
  });
});

describe('starting with an invalid card', () => {
  it('fails the start with every problem, naming the file and the field', async () => {
    const dir = copyCards();
    const file = path.join(dir, 'working-hours.md');
    fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace(/^topic: .*$/m, 'topic: Working Hours'));
    await expect(createTestApp({ KNOWLEDGE_CARDS_DIR: dir })).rejects.toThrow(
      /working-hours\.md: topic: "Working Hours" must be lower-case words joined by -/,
    );
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
