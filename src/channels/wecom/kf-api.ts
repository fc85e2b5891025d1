import {
  type AccessTokenSource,
  createAccessTokenSource,
  postWithToken,
} from '../wechat-common/access-token.js';

// WeCom's WeChat Customer Service (微信客服) API: messages are pulled with sync_msg after a
// callback says there are some, and answered with send_msg.

const API = 'https://qyapi.weixin.qq.com/cgi-bin';

export interface KfMessage {
  msgid: string;
  open_kfid: string;
  external_userid?: string;
  send_time: number;
  /** 3 = from the WeChat user; 4 = system event; 5 = a human servicer in WeCom. */
  origin: number;
  msgtype: string;
  text?: { content?: string };
  image?: { media_id?: string };
  /** AMR; WeCom sends no recognition text for customer-service voice. */
  voice?: { media_id?: string };
  location?: { latitude?: number; longitude?: number; name?: string; address?: string };
  event?: { event_type?: string; external_userid?: string; welcome_code?: string };
}

export interface KfBatch {
  nextCursor?: string;
  hasMore: boolean;
  messages: KfMessage[];
}

export function wecomTokens(corpid: string, corpsecret: string): AccessTokenSource {
  return createAccessTokenSource(() => {
    const url = new URL(`${API}/gettoken`);
    url.search = new URLSearchParams({ corpid, corpsecret }).toString();
    return url;
  }, 'WeCom');
}

export async function syncMessages(
  tokens: AccessTokenSource,
  request: { openKfId: string; callbackToken?: string; cursor?: string },
): Promise<KfBatch> {
  const answer = await postWithToken(tokens, `${API}/kf/sync_msg`, {
    open_kfid: request.openKfId,
    ...(request.cursor ? { cursor: request.cursor } : {}),
    ...(request.callbackToken ? { token: request.callbackToken } : {}),
    limit: 1000,
  });
  if (answer.errcode) throw new Error(`kf/sync_msg errcode ${answer.errcode}`);
  return {
    nextCursor: typeof answer.next_cursor === 'string' ? answer.next_cursor : undefined,
    hasMore: answer.has_more === 1,
    messages: Array.isArray(answer.msg_list) ? (answer.msg_list as KfMessage[]) : [],
  };
}

/** Sends one text; `false` when WeCom will not deliver now (no open session with the user). */
export async function sendText(
  tokens: AccessTokenSource,
  to: { openKfId: string; externalUserId: string },
  content: string,
): Promise<boolean> {
  const answer = await postWithToken(tokens, `${API}/kf/send_msg`, {
    touser: to.externalUserId,
    open_kfid: to.openKfId,
    msgtype: 'text',
    text: { content },
  });
  // 95018: the session does not allow sending (over 48 h or 5 messages since the user wrote,
  // or a human servicer has it). Wait for the user to write again.
  if (answer.errcode === 95018) return false;
  if (answer.errcode) throw new Error(`kf/send_msg errcode ${answer.errcode}`);
  return true;
}

/** The one welcome message WeCom allows (within 20 s) when a user opens the chat. */
export async function sendWelcome(tokens: AccessTokenSource, code: string, content: string): Promise<void> {
  const answer = await postWithToken(tokens, `${API}/kf/send_msg_on_event`, {
    code,
    msgtype: 'text',
    text: { content },
  });
  if (answer.errcode) throw new Error(`kf/send_msg_on_event errcode ${answer.errcode}`);
}
