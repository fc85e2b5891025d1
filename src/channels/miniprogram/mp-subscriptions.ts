import type { FastifyBaseLogger } from 'fastify';
import type { TicketReceipt } from '../../messages/messages.js';
import type { Db } from '../../platform/db/create-prisma.js';
import type { Translate } from '../../platform/i18n/create-i18n.js';
import { type AccessTokenSource, postWithToken } from '../wechat-common/access-token.js';

const SUBSCRIBE_SEND = 'https://api.weixin.qq.com/cgi-bin/message/subscribe/send';

/** The user has no grant left for the template (refused, or spent elsewhere): wait for the app. */
const NO_GRANT = 43101;
/** Answers that will not change on a retry: the template or its data is wrong (an operator fix). */
const CONFIG_ERRORS = new Set([40037, 41030, 47003]);
/** One-time grants add up in WeChat; more than this is a client asking in a loop. */
const MAX_GRANTS = 50;

/** What each template keyword holds; from WECHAT_MP_TICKET_TEMPLATE_FIELDS. */
export type TicketField = 'number' | 'status' | 'office' | 'time';
export type FieldMap = Partial<Record<TicketField, string>>;

export function parseFieldMap(spec: string): FieldMap {
  const map: FieldMap = {};
  for (const pair of spec.split(',')) {
    const [field, keyword] = pair.split('=') as [TicketField, string];
    map[field] = keyword;
  }
  return map;
}

/** WeChat's length limit per keyword type (a longer value is refused with 47003). */
const LIMITS: Record<string, number> = {
  thing: 20,
  character_string: 32,
  phrase: 5,
  name: 10,
  number: 32,
  letter: 32,
  symbol: 5,
  phone_number: 17,
  car_number: 8,
};

function fitToKeyword(keyword: string, value: string): string {
  const limit = LIMITS[keyword.replace(/\d+$/, '')] ?? 20;
  const chars = [...value];
  return chars.length <= limit ? value : `${chars.slice(0, limit - 1).join('')}…`;
}

/** "2026年11月30日 08:15" in China time: the form both `time` and `date` keywords accept. */
export function chinaTimeText(at: Date): string {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-CA', {
      timeZone: 'Asia/Shanghai',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    })
      .formatToParts(at)
      .map((part) => [part.type, part.value]),
  );
  return `${parts.year}年${parts.month}月${parts.day}日 ${parts.hour}:${parts.minute}`;
}

export interface MpSubscriptionsDeps {
  prisma: Db;
  tokens: AccessTokenSource;
  templateId: string;
  fields: FieldMap;
  page?: string;
  state: 'formal' | 'trial' | 'developer';
  /** Template values are Chinese (WeChat's template library is); `phrase` keywords must be. */
  t: Translate;
  log: FastifyBaseLogger;
  now?: () => Date;
}

/**
 * Ticket status notices for mini-program users who have closed the app, as subscription
 * messages (订阅消息). The user grants them one at a time in the app
 * (wx.requestSubscribeMessage); each notice spends one grant. Without a grant the notice waits in
 * the outbox for the app to open, as before.
 */
export function createMpSubscriptions(deps: MpSubscriptionsDeps) {
  const now = deps.now ?? (() => new Date());
  const { prisma, templateId } = deps;
  /** Set when WeChat refuses the template itself: no point asking again until someone fixes it. */
  let misconfigured = false;

  async function grants(openid: string): Promise<number> {
    const row = await prisma.mpSubscription.findUnique({
      where: { openid_templateId: { openid, templateId } },
    });
    return row?.remaining ?? 0;
  }

  /** One more grant, counted in the database (two answers at once both count), capped. */
  async function give(openid: string): Promise<number> {
    const row = await prisma.mpSubscription.upsert({
      where: { openid_templateId: { openid, templateId } },
      create: { openid, templateId, remaining: 1 },
      update: { remaining: { increment: 1 } },
    });
    if (row.remaining <= MAX_GRANTS) return row.remaining;
    await prisma.mpSubscription.updateMany({
      where: { openid, templateId },
      data: { remaining: MAX_GRANTS },
    });
    return MAX_GRANTS;
  }

  /** Take one grant if there is one (a conditional update: two notices cannot spend the same grant). */
  async function take(openid: string): Promise<boolean> {
    const taken = await prisma.mpSubscription.updateMany({
      where: { openid, templateId, remaining: { gt: 0 } },
      data: { remaining: { decrement: 1 } },
    });
    return taken.count === 1;
  }

  function data(ticket: TicketReceipt): Record<string, { value: string }> {
    const values: Record<TicketField, string> = {
      number: ticket.number,
      status: deps.t(`tickets:status.${ticket.status}`),
      office: ticket.office?.name ?? '—',
      time: chinaTimeText(now()),
    };
    const out: Record<string, { value: string }> = {};
    for (const [field, keyword] of Object.entries(deps.fields) as [TicketField, string][]) {
      out[keyword] = { value: fitToKeyword(keyword, values[field]) };
    }
    return out;
  }

  return {
    templateId,
    grants,

    /** Record what wx.requestSubscribeMessage answered for our template ('accept' adds one). */
    async record(openid: string, result: string): Promise<number> {
      return result === 'accept' ? give(openid) : grants(openid);
    },

    /**
     * Send one ticket notice. 'delivered' when WeChat took it; 'offline' when the user has no
     * grant (the notice waits for the app). A network or server failure gives the grant back and
     * throws, so the outbox retries.
     */
    async sendTicketNotice(openid: string, ticket: TicketReceipt): Promise<'delivered' | 'offline'> {
      if (misconfigured || !(await take(openid))) return 'offline';
      let answer: { errcode?: number; errmsg?: string };
      try {
        answer = await postWithToken(deps.tokens, SUBSCRIBE_SEND, {
          touser: openid,
          template_id: templateId,
          ...(deps.page ? { page: `${deps.page}?number=${encodeURIComponent(ticket.number)}` } : {}),
          data: data(ticket),
          miniprogram_state: deps.state,
          lang: 'zh_CN',
        });
      } catch (err) {
        await give(openid);
        throw err;
      }
      if (!answer.errcode) return 'delivered';
      if (answer.errcode === NO_GRANT) {
        // WeChat says there is none: our count was wrong (granted on another server, or spent).
        await prisma.mpSubscription.updateMany({ where: { openid, templateId }, data: { remaining: 0 } });
        return 'offline';
      }
      await give(openid);
      if (CONFIG_ERRORS.has(answer.errcode)) {
        misconfigured = true;
        deps.log.error(
          { errcode: answer.errcode, templateId },
          'subscription message refused: check WECHAT_MP_TICKET_TEMPLATE_ID, _FIELDS and _PAGE (off until restart)',
        );
        return 'offline';
      }
      throw new Error(`subscribe/send errcode ${answer.errcode}`);
    },
  };
}

export type MpSubscriptions = ReturnType<typeof createMpSubscriptions>;
