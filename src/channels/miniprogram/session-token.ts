import { createHmac, hkdfSync, timingSafeEqual } from 'node:crypto';
import type { Result } from '../../platform/result.js';

// A stateless session token for mini-program users: `mp1.<payload>.<hmac>`, base64url. The
// payload carries only the openid (the user's own id for this mini-program) and the expiry;
// WeChat's session_key is never put in it. The HMAC key is derived from the mini-program
// secret (and the data key when set), so rotating either logs every user out.

export type TokenResult = Result<string>;

interface Payload {
  sub: string;
  exp: number;
}

export function createSessionTokens(options: { mpSecret: string; dataKey?: string; ttlHours: number }) {
  const key = Buffer.from(
    hkdfSync('sha256', options.mpSecret, options.dataKey ?? '', 'gongyou mini-program session v1', 32),
  );
  const mac = (body: string) => createHmac('sha256', key).update(body).digest('base64url');

  return {
    issue(openid: string, now = new Date()): { token: string; expiresAt: string } {
      const exp = Math.floor(now.getTime() / 1000) + options.ttlHours * 3600;
      const body = `mp1.${Buffer.from(JSON.stringify({ sub: openid, exp } satisfies Payload)).toString('base64url')}`;
      return { token: `${body}.${mac(body)}`, expiresAt: new Date(exp * 1000).toISOString() };
    },

    verify(token: string | undefined, now = new Date()): TokenResult {
      if (!token) return { ok: false, reason: 'missing session token' };
      const [version, payload, signature, ...rest] = token.split('.');
      if (version !== 'mp1' || !payload || !signature || rest.length)
        return { ok: false, reason: 'malformed token' };
      const expected = Buffer.from(mac(`${version}.${payload}`));
      const given = Buffer.from(signature);
      if (expected.length !== given.length || !timingSafeEqual(expected, given)) {
        return { ok: false, reason: 'bad signature' };
      }
      let parsed: Partial<Payload>;
      try {
        parsed = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
      } catch {
        return { ok: false, reason: 'malformed token' };
      }
      if (typeof parsed.sub !== 'string' || typeof parsed.exp !== 'number')
        return { ok: false, reason: 'malformed token' };
      if (parsed.exp * 1000 <= now.getTime()) return { ok: false, reason: 'session expired' };
      return { ok: true, value: parsed.sub };
    },
  };
}

export type SessionTokens = ReturnType<typeof createSessionTokens>;
