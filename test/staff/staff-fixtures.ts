import type { FastifyInstance } from 'fastify';
import type { Role } from '../../src/staff/roles.js';

export const PASSWORD = 'correct horse battery';

export interface Offices {
  a: string;
  aChild: string;
  b: string;
}

/**
 * Two unrelated offices — A (上海市浦东新区总工会, with an industry union under it) and B
 * (北京市朝阳区总工会) — for authorization tests. Uses the seeded directory rows when the
 * offices domain has seeded them, so tickets routed by region land in the same offices.
 */
export async function createOffices(app: FastifyInstance): Promise<Offices> {
  const findOrMake = async (id: string, name: string, regionCode: string) =>
    (await app.prisma.unionOffice.findUnique({ where: { id } })) ??
    app.prisma.unionOffice.create({ data: { id, code: id, name, level: 'county', regionCode } });
  const a = await findOrMake('region-310115', '上海市浦东新区总工会', '310115');
  const b = await findOrMake('region-110105', '北京市朝阳区总工会', '110105');
  const aChild = await app.prisma.unionOffice.create({
    data: {
      code: 'test-a-riders',
      name: '浦东新区快递外卖行业工会（测试）',
      kind: 'industry',
      industry: 'delivery',
      level: 'county',
      regionCode: '310115',
      parentId: a.id,
    },
  });
  return { a: a.id, aChild: aChild.id, b: b.id };
}

export async function createStaff(
  app: FastifyInstance,
  username: string,
  role: Role,
  officeId: string,
  options: { includeSubOffices?: boolean } = {},
) {
  return app.staffAccounts.create({
    username,
    displayName: username,
    password: PASSWORD,
    role,
    officeId,
    includeSubOffices: options.includeSubOffices,
  });
}

export interface CookieSession {
  cookie: string;
  csrf: string;
  headers: Record<string, string>;
}

/** Log in as a browser would: the session cookie plus the CSRF header for writes. */
export async function loginCookie(app: FastifyInstance, username: string): Promise<CookieSession> {
  const response = await app.inject({
    method: 'POST',
    url: '/api/staff/login',
    payload: { username, password: PASSWORD },
  });
  if (response.statusCode !== 200) throw new Error(`login failed ${response.statusCode}: ${response.body}`);
  const setCookie = response.cookies.find((c) => c.name === 'gongyou_session');
  if (!setCookie) throw new Error('no session cookie');
  const cookie = `gongyou_session=${setCookie.value}`;
  const csrf = response.json().csrfToken as string;
  return { cookie, csrf, headers: { cookie, 'x-csrf-token': csrf } };
}

export async function loginBearer(app: FastifyInstance, username: string): Promise<Record<string, string>> {
  const response = await app.inject({
    method: 'POST',
    url: '/api/staff/login',
    payload: { username, password: PASSWORD, client: 'api' },
  });
  if (response.statusCode !== 200) throw new Error(`login failed ${response.statusCode}: ${response.body}`);
  return { authorization: `Bearer ${response.json().token}` };
}

/** A wage-arrears complaint as the intake would file it (sample people, not real ones). */
export async function fileTicket(
  app: FastifyInstance,
  options: {
    regionCode: string;
    employer: string;
    workerCount?: number;
    conversationId?: string;
    phone?: string;
  },
): Promise<string> {
  const receipt = await app.tickets.create({
    type: 'wage_arrears',
    claimantName: '李强',
    phone: options.phone ?? '13812345678',
    regionCode: options.regionCode,
    industry: 'delivery',
    platform: '美团',
    employer: options.employer,
    amountYuan: 12000,
    periodText: '3个月',
    workerCount: options.workerCount ?? 1,
    evidence: ['chat_logs'],
    channel: options.conversationId ? 'web' : 'api',
    conversationId: options.conversationId,
    locale: 'zh-CN',
    consentVersion: 'test-1',
    consentAt: new Date(),
  });
  return receipt.number;
}
