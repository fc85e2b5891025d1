import type { LightMyRequestResponse } from 'fastify';
import nock from 'nock';
import { createTestApp, type TestApp } from '../helpers/test-app.js';
import { createOffices, createStaff, fileTicket, loginBearer } from '../staff/staff-fixtures.js';
import { XSS_MARKERS } from './hostile-values.js';
import { type Credentials, type FuzzTarget, targetsFrom } from './openapi-requests.js';

export const FUZZ_SEED = Number(process.env.FUZZ_SEED ?? 20261203);

export interface FuzzSession {
  t: TestApp;
  targets: FuzzTarget[];
  credentials: Credentials;
  known: string[];
  close(): Promise<void>;
}

/**
 * The whole app on its own database, with a signed-in admin, a mini-program user, a ticket, a
 * chat and a station, so fuzzed requests reach real rows as well as missing ones. No network:
 * WeChat's login API is mocked, every other host refused.
 */
export async function startFuzzSession(): Promise<FuzzSession> {
  nock.disableNetConnect();
  const t = await createTestApp({
    LOG_LEVEL: 'warn',
    SEED_SAMPLE_DATA: 'true',
    STAFF_LOGIN_PER_MINUTE: '100000',
    STAFF_LOCKOUT_AFTER: '100',
    WECHAT_MP_APPID: 'wx-fuzz-appid',
    WECHAT_MP_SECRET: 'wx-fuzz-secret',
    WS_MAX_PER_IP: '10000',
  });
  const offices = await createOffices(t.app);
  await createStaff(t.app, 'fuzz.admin', 'admin', offices.a, { includeSubOffices: true });
  const staff = await loginBearer(t.app, 'fuzz.admin');
  nock('https://api.weixin.qq.com')
    .get('/sns/jscode2session')
    .query(true)
    .reply(200, { openid: 'o-fuzz', session_key: 'SECRET' });
  const mpLogin = await t.app.inject({ method: 'POST', url: '/api/mp/login', payload: { code: 'fuzz' } });
  const miniprogram = { authorization: `Bearer ${mpLogin.json().token}` };
  // WeChat's login API answers garbage to every later code, as it might.
  nock('https://api.weixin.qq.com').persist().get('/sns/jscode2session').query(true).reply(200, '<html>');

  const ticket = await fileTicket(t.app, { regionCode: '310115', employer: '某某配送站（样例）' });
  const station = await t.app.prisma.station.findFirst();
  const known = [ticket, offices.a, offices.b, station?.id].filter((id): id is string => Boolean(id));
  const targets = targetsFrom(t.app.swagger());
  return {
    t,
    targets,
    credentials: { staff, miniprogram },
    known,
    async close() {
      nock.cleanAll();
      nock.enableNetConnect();
      await t.close();
    },
  };
}

/** What is wrong with a response to a fuzzed request, if anything. */
export function responseProblem(response: LightMyRequestResponse): string | undefined {
  const status = response.statusCode;
  if (status === 503 && response.headers['retry-after']) return undefined;
  if (status >= 500) return `answered ${status}: ${response.body.slice(0, 300)}`;
  if (status < 200 || status >= 500) return `answered ${status}`;
  const type = String(response.headers['content-type'] ?? '');
  if (/html/.test(type) && XSS_MARKERS.some((marker) => response.body.includes(marker))) {
    return 'reflected hostile HTML unescaped';
  }
  return undefined;
}
