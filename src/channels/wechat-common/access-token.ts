// WeChat and WeCom APIs take an access_token that lives ~2 hours and is rate-limited to fetch:
// keep one, fetch it once for concurrent callers, and drop it when an API says it went stale.

export interface AccessTokenSource {
  get(): Promise<string>;
  /** Call when an API answers 40001/40014/42001: the next get() fetches a fresh token. */
  invalidate(): void;
}

/** WeChat error codes that mean "the access token is invalid or expired". */
export const STALE_TOKEN_CODES = new Set([40001, 40014, 42001]);

export function createAccessTokenSource(url: () => URL, label: string, timeoutMs = 5000): AccessTokenSource {
  let cached: { token: string; expiresAt: number } | undefined;
  let inflight: Promise<string> | undefined;

  async function fetchToken(): Promise<string> {
    const response = await fetch(url(), { signal: AbortSignal.timeout(timeoutMs) });
    if (!response.ok) throw new Error(`${label} token endpoint answered HTTP ${response.status}`);
    const body = (await response.json()) as { access_token?: string; expires_in?: number; errcode?: number };
    if (!body.access_token)
      throw new Error(`${label} token request failed (errcode ${body.errcode ?? 'none'})`);
    // Renew five minutes early so a token never expires mid-request.
    cached = { token: body.access_token, expiresAt: Date.now() + ((body.expires_in ?? 7200) - 300) * 1000 };
    return body.access_token;
  }

  return {
    async get() {
      if (cached && cached.expiresAt > Date.now()) return cached.token;
      inflight ??= fetchToken().finally(() => {
        inflight = undefined;
      });
      return inflight;
    },
    invalidate() {
      cached = undefined;
    },
  };
}

/** The token of a WeChat official account or mini-program (cgi-bin/token, client_credential). */
export function wechatAppTokens(appid: string, secret: string, label: string): AccessTokenSource {
  return createAccessTokenSource(() => {
    const url = new URL('https://api.weixin.qq.com/cgi-bin/token');
    url.search = new URLSearchParams({ grant_type: 'client_credential', appid, secret }).toString();
    return url;
  }, label);
}

/** POST JSON to a WeChat API with the access token; a stale token is refreshed and retried once. */
export async function postWithToken(
  tokens: AccessTokenSource,
  endpoint: string,
  body: unknown,
  timeoutMs = 5000,
): Promise<{ errcode?: number; errmsg?: string; [key: string]: unknown }> {
  for (let attempt = 0; ; attempt++) {
    const url = new URL(endpoint);
    url.searchParams.set('access_token', await tokens.get());
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(timeoutMs),
    });
    if (!response.ok) throw new Error(`${url.host}${url.pathname} answered HTTP ${response.status}`);
    const answer = (await response.json()) as { errcode?: number; errmsg?: string };
    if (answer.errcode && STALE_TOKEN_CODES.has(answer.errcode) && attempt === 0) {
      tokens.invalidate();
      continue;
    }
    return answer;
  }
}
