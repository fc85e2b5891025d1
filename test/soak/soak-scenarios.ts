import type { StaffClient, Turn, WebWorker } from '../helpers/live-clients.js';
import type { SoakLedger } from './soak-ledger.js';

// What one worker or one staff member does in the soak. Each scenario is a short, realistic
// sequence; the soak starts them at a steady rate and records every request in the ledger.

const QUESTIONS = [
  '老板拖欠我两个月工资不给，我该怎么办？',
  '送外卖被扣了很多钱合法吗',
  '公司不给交社保怎么办',
  '加班费怎么算',
  '没签劳动合同能要双倍工资吗',
  '辞退我要给补偿吗',
  'My boss has not paid me for two months, what can I do?',
  '平台说我不是员工，受伤了谁管',
];

/** Places riders work, as WGS84 coordinates (Shanghai, Beijing, Guangzhou, Shenzhen). */
const PLACES: [number, number][] = [
  [31.2304, 121.4737],
  [39.9042, 116.4074],
  [23.1291, 113.2644],
  [22.5431, 114.0579],
];

export interface SoakContext {
  baseUrl: string;
  ledger: SoakLedger;
  staff: StaffClient;
  worker(): WebWorker;
  /** A number distinct for each scenario run (phone numbers, message variety). */
  serial: number;
}

/** One chat turn, timed, its acknowledgement recorded. */
async function turn(ctx: SoakContext, kind: string, worker: WebWorker, text: string): Promise<Turn> {
  const result = await ctx.ledger.timed(kind, () => worker.say(text));
  if (result.status === 200 && result.conversationId)
    ctx.ledger.turnAnswered(result.conversationId, result.replies.length);
  return result;
}

export async function askQuestion(ctx: SoakContext): Promise<void> {
  const worker = ctx.worker();
  await turn(ctx, 'question', worker, QUESTIONS[ctx.serial % QUESTIONS.length] ?? '你好');
}

export async function searchStations(ctx: SoakContext): Promise<void> {
  const [lat, lng] = PLACES[ctx.serial % PLACES.length] ?? [31.23, 121.47];
  const jitter = (ctx.serial % 100) / 1000;
  await ctx.ledger.timed('station', async () => {
    try {
      const response = await fetch(
        `${ctx.baseUrl}/api/stations/nearby?lat=${lat + jitter}&lng=${lng - jitter}&coord=wgs84&limit=5`,
      );
      await response.arrayBuffer();
      return { status: response.status };
    } catch {
      return { status: 0 };
    }
  });
}

/** Report, confirm, consent: a ticket. */
export async function fileComplaint(ctx: SoakContext): Promise<void> {
  const worker = ctx.worker();
  const phone = `137${String(ctx.serial).padStart(8, '0')}`;
  const report = `我是美团骑手，在浦东新区张江站送餐，站长拖欠我${(ctx.serial % 5) + 1}个月工资一共${(ctx.serial % 9) + 1}千元，我叫李强，电话${phone}`;
  for (const text of [report, '确认', '同意']) {
    const result = await turn(ctx, 'intake', worker, text);
    if (result.status !== 200) return;
    const number = result.replies.find((r) => r.type === 'ticket')?.ticket?.number;
    if (typeof number === 'string') ctx.ledger.tickets.push(number);
  }
}

/** A worker asks for a person; staff take the chat over, answer twice and close it. */
export async function staffTakeover(ctx: SoakContext): Promise<void> {
  const worker = ctx.worker();
  const asked = await turn(ctx, 'handoff', worker, '转人工');
  if (asked.status !== 200 || !asked.conversationId) return;
  const queue = await ctx.ledger.timed('takeover', () =>
    ctx.staff.call('GET', '/api/staff/handoffs?status=waiting'),
  );
  const waiting = (queue.json as { handoffs?: { id: string; conversationId: string }[] } | undefined)
    ?.handoffs;
  const handoff = waiting?.find((h) => h.conversationId === asked.conversationId);
  if (!handoff) return;
  const claimed = await ctx.ledger.timed('takeover', () =>
    ctx.staff.call('POST', `/api/staff/handoffs/${handoff.id}/claim`),
  );
  if (claimed.status !== 200) return;
  for (const text of ['您好，我是工会的工作人员，请说一下您的情况。', '好的，我们会尽快联系您的站点。']) {
    const sent = await ctx.ledger.timed('takeover', () =>
      ctx.staff.call('POST', `/api/staff/handoffs/${handoff.id}/messages`, { text }),
    );
    if (sent.status === 200) ctx.ledger.staffReplyAccepted(asked.conversationId);
  }
  // The worker answers the person, not the bot.
  await turn(ctx, 'handoff', worker, '谢谢，我在张江站');
  await ctx.ledger.timed('takeover', () => ctx.staff.call('POST', `/api/staff/handoffs/${handoff.id}/close`));
}

/** The mix: of every 10 scenarios, 4 questions, 3 station searches, 2 complaints, 1 takeover. */
export const SOAK_MIX = [
  askQuestion,
  searchStations,
  fileComplaint,
  askQuestion,
  searchStations,
  askQuestion,
  staffTakeover,
  fileComplaint,
  searchStations,
  askQuestion,
];
