import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chat, createTestApp, type TestApp } from '../helpers/test-app.js';

// The active flow reads a message before any model reading of it acts; only exact commands
// (取消, 菜单, a language switch, a ticket number) and danger interrupt a filing.
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
}, 60_000);
afterAll(async () => t?.close());

const say = (user: string, text: string) => chat(t.app, { channelUserId: user, text });
const textOf = async (user: string, text: string) => (await say(user, text)).replies[0]!.text as string;
const stateOf = async (conversationId: string) =>
  JSON.parse(
    (await t.app.prisma.conversation.findUniqueOrThrow({ where: { id: conversationId } })).state,
  ) as {
    flow: { name: string; step: string } | null;
    memory: Record<string, unknown>;
  };
const REPORT = '我叫孙凯，韵达快递员，青岛黄岛区的网点拖欠我三个月工资一共一万五，电话18765430982';

describe('short answers inside the intake', () => {
  it.each([...['可以', '行', '好的可以', 'ok'].entries()])(
    'answer %i ("%s") at the consent step files the ticket',
    async (n, yes) => {
      const user = `reads-first-yes-${n}`;
      await say(user, REPORT);
      expect(await textOf(user, '是')).toContain('同意');
      const receipt = (await say(user, yes)).replies[0]!;
      expect(receipt.type).toBe('ticket');
      expect(receipt.text).toContain(receipt.ticket.number);
    },
  );

  it('"嗯" at a question is an answer to clarify, not the greeting menu', async () => {
    const user = 'reads-first-hm';
    const first = await say(user, '我要反映欠薪');
    const reply = await textOf(user, '嗯');
    expect(reply).not.toContain('我能帮你做这些事');
    expect((await stateOf(first.conversationId)).flow?.name).toBe('intake');
  });
});

describe('exact commands mid-intake', () => {
  it('菜单 shows the menu; filing again later starts from what was said', async () => {
    const user = 'reads-first-menu';
    const first = await say(user, REPORT);
    expect(await textOf(user, '菜单')).toContain('我能帮你做这些事');
    expect((await stateOf(first.conversationId)).flow).toBeNull();
    const again = await textOf(user, '我要反映欠薪');
    expect(again).toContain('请核对');
    expect(again).toContain('孙凯');
  });

  it('取消 ends the filing and forgets what was said, and says so', async () => {
    const user = 'reads-first-cancel';
    const first = await say(user, REPORT);
    const cancelled = await textOf(user, '取消');
    expect(cancelled).toContain('已取消');
    expect(cancelled).toContain('清除');
    const state = await stateOf(first.conversationId);
    expect(state.flow).toBeNull();
    expect(state.memory['intake.facts']).toBeUndefined();
    // Filing again asks from the start: nothing of the cancelled report comes back.
    const again = await textOf(user, '我要反映欠薪');
    expect(again).not.toContain('请核对');
    expect(again).not.toContain('孙凯');
  });

  it('取消 with nothing kept only says there was nothing to cancel', async () => {
    expect(await textOf('reads-first-nothing', '取消')).toContain('没有进行中的事项');
  });

  it('a ticket number mid-intake is looked up, not taken as an answer', async () => {
    const user = 'reads-first-ticket';
    await say(user, '我要反映欠薪');
    const reply = await textOf(user, 'GY-20260101-0001');
    expect(reply).toContain('GY-20260101-0001');
    expect(reply).not.toContain('按您说的记下');
  });
});
