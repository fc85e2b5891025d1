// WeChat's mini-program login: the client's wx.login() code is exchanged server-side for the
// user's openid. The session_key that comes with it never leaves this module.

export const JSCODE2SESSION_URL = 'https://api.weixin.qq.com/sns/jscode2session';

export type SessionResult =
  | { ok: true; openid: string; unionid?: string }
  | { ok: false; statusCode: 400 | 403 | 429 | 503; message: string };

interface WechatAnswer {
  openid?: string;
  unionid?: string;
  session_key?: string;
  errcode?: number;
  errmsg?: string;
}

/** WeChat error codes a client can act on, as the HTTP answer we give. */
const KNOWN_ERRORS: Record<number, { statusCode: 400 | 403 | 429; message: string }> = {
  40029: { statusCode: 400, message: 'The login code is invalid or already used; call wx.login() again.' },
  40163: { statusCode: 400, message: 'The login code was already used; call wx.login() again.' },
  45011: { statusCode: 429, message: 'Too many logins from this user; wait a minute and try again.' },
  40226: { statusCode: 403, message: 'WeChat marked this account as high-risk and refused the login.' },
};

export async function jscode2session(
  credentials: { appid: string; secret: string },
  code: string,
  timeoutMs = 5000,
): Promise<SessionResult> {
  const url = new URL(JSCODE2SESSION_URL);
  url.search = new URLSearchParams({
    appid: credentials.appid,
    secret: credentials.secret,
    js_code: code,
    grant_type: 'authorization_code',
  }).toString();

  let answer: WechatAnswer;
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(timeoutMs) });
    // WeChat answers errors with HTTP 200 and an errcode; anything else is an outage.
    if (!response.ok) return unavailable();
    answer = (await response.json()) as WechatAnswer;
  } catch {
    return unavailable();
  }
  if (answer.errcode) {
    return { ok: false, ...(KNOWN_ERRORS[answer.errcode] ?? unavailable()) };
  }
  if (!answer.openid) return unavailable();
  return { ok: true, openid: answer.openid, ...(answer.unionid ? { unionid: answer.unionid } : {}) };
}

function unavailable(): { ok: false; statusCode: 503; message: string } {
  return { ok: false, statusCode: 503, message: 'WeChat login is unavailable right now; try again shortly.' };
}
