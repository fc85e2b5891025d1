import type { FastifyInstance } from 'fastify';
import type { Role } from '../../src/staff/roles.js';

export const PASSWORD = 'correct horse battery';

export interface Offices {
  a: string;
  aChild: string;
  b: string;
}

/** Two unrelated offices (A with a child office, and B) for authorization tests. */
export async function createOffices(app: FastifyInstance): Promise<Offices> {
  const make = (code: string, name: string, regionCode: string, parentId?: string) =>
    app.prisma.unionOffice.create({
      data: { code, name, level: 'county', regionCode, ...(parentId ? { parentId } : {}) },
    });
  const a = await make('test-a', '测试甲区总工会', '310115');
  const aChild = await make('test-a-riders', '测试甲区快递外卖行业工会', '310115', a.id);
  const b = await make('test-b', '测试乙区总工会', '110105');
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
