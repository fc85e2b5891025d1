import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/test-app.js';
import {
  createOffices,
  createStaff,
  loginBearer,
  loginCookie,
  type Offices,
  PASSWORD,
} from './staff-fixtures.js';

describe('staff sign-in', () => {
  let t: TestApp;
  let offices: Offices;

  beforeAll(async () => {
    t = await createTestApp({ STAFF_LOGIN_PER_MINUTE: '1000', STAFF_LOCKOUT_AFTER: '3' });
    offices = await createOffices(t.app);
    await createStaff(t.app, 'wang.admin', 'admin', offices.a, { includeSubOffices: true });
    await createStaff(t.app, 'li.agent', 'agent', offices.a);
    await createStaff(t.app, 'zhao.locked', 'agent', offices.b);
  });
  afterAll(() => t.close());

  it('stores an argon2id hash, never the password', async () => {
    const row = await t.app.prisma.staff.findUniqueOrThrow({ where: { username: 'li.agent' } });
    expect(row.passwordHash).toMatch(/^\$argon2id\$/);
    expect(row.passwordHash).not.toContain(PASSWORD);
  });

  it('sets an httpOnly SameSite=Strict cookie and returns a CSRF token', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/staff/login',
      payload: { username: 'li.agent', password: PASSWORD },
    });
    expect(response.statusCode).toBe(200);
    const cookie = response.cookies.find((c) => c.name === 'gongyou_session');
    expect(cookie?.httpOnly).toBe(true);
    expect(cookie?.sameSite).toBe('Strict');
    expect(response.json().csrfToken).toMatch(/^[\w-]{40,}$/);
    expect(response.json().staff).not.toHaveProperty('passwordHash');
  });

  it('rejects a wrong password with 401 and an unknown user the same way', async () => {
    const wrong = await t.app.inject({
      method: 'POST',
      url: '/api/staff/login',
      payload: { username: 'li.agent', password: 'nope nope nope' },
    });
    const unknown = await t.app.inject({
      method: 'POST',
      url: '/api/staff/login',
      payload: { username: 'nobody', password: 'nope nope nope' },
    });
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.json().message).toBe(unknown.json().message);
  });

  it('locks an account after repeated wrong passwords, even against the right one', async () => {
    for (let i = 0; i < 2; i++) {
      const r = await t.app.inject({
        method: 'POST',
        url: '/api/staff/login',
        payload: { username: 'zhao.locked', password: 'wrong password' },
      });
      expect(r.statusCode).toBe(401);
    }
    const third = await t.app.inject({
      method: 'POST',
      url: '/api/staff/login',
      payload: { username: 'zhao.locked', password: 'wrong password' },
    });
    expect(third.statusCode).toBe(429);
    expect(Number(third.headers['retry-after'])).toBeGreaterThan(0);
    const right = await t.app.inject({
      method: 'POST',
      url: '/api/staff/login',
      payload: { username: 'zhao.locked', password: PASSWORD },
    });
    expect(right.statusCode).toBe(429);
  });

  it('needs a session for staff routes', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/api/staff/me' })).statusCode).toBe(401);
    const forged = await t.app.inject({
      method: 'GET',
      url: '/api/staff/me',
      headers: { cookie: 'gongyou_session=made-up' },
    });
    expect(forged.statusCode).toBe(401);
  });

  it('refuses cookie writes without the CSRF token and accepts them with it', async () => {
    const session = await loginCookie(t.app, 'li.agent');
    const noToken = await t.app.inject({
      method: 'POST',
      url: '/api/staff/tokens',
      headers: { cookie: session.cookie },
      payload: { label: 'script' },
    });
    expect(noToken.statusCode).toBe(403);
    const wrongToken = await t.app.inject({
      method: 'POST',
      url: '/api/staff/tokens',
      headers: { cookie: session.cookie, 'x-csrf-token': 'x'.repeat(43) },
      payload: { label: 'script' },
    });
    expect(wrongToken.statusCode).toBe(403);
    const ok = await t.app.inject({
      method: 'POST',
      url: '/api/staff/tokens',
      headers: session.headers,
      payload: { label: 'script' },
    });
    expect(ok.statusCode).toBe(200);
    // The bearer token it made works without a cookie or CSRF token.
    const me = await t.app.inject({
      method: 'GET',
      url: '/api/staff/me',
      headers: { authorization: `Bearer ${ok.json().token}` },
    });
    expect(me.json().staff.username).toBe('li.agent');
  });

  it('does not let a session id planted before login survive it (session fixation)', async () => {
    const planted = await loginCookie(t.app, 'li.agent');
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/staff/login',
      headers: { cookie: planted.cookie },
      payload: { username: 'wang.admin', password: PASSWORD },
    });
    const fresh = response.cookies.find((c) => c.name === 'gongyou_session')?.value;
    expect(fresh).toBeDefined();
    expect(`gongyou_session=${fresh}`).not.toBe(planted.cookie);
    const old = await t.app.inject({
      method: 'GET',
      url: '/api/staff/me',
      headers: { cookie: planted.cookie },
    });
    expect(old.statusCode).toBe(401);
  });

  it('ends the session on logout', async () => {
    const session = await loginCookie(t.app, 'li.agent');
    const out = await t.app.inject({ method: 'POST', url: '/api/staff/logout', headers: session.headers });
    expect(out.statusCode).toBe(200);
    const after = await t.app.inject({
      method: 'GET',
      url: '/api/staff/me',
      headers: { cookie: session.cookie },
    });
    expect(after.statusCode).toBe(401);
  });

  it('scopes an admin with sub-offices to their office tree', async () => {
    const headers = await loginBearer(t.app, 'wang.admin');
    const me = await t.app.inject({ method: 'GET', url: '/api/staff/me', headers });
    expect(me.json().officeIds.sort()).toEqual([offices.a, offices.aChild].sort());
    const agent = await loginBearer(t.app, 'li.agent');
    expect(
      (await t.app.inject({ method: 'GET', url: '/api/staff/me', headers: agent })).json().officeIds,
    ).toEqual([offices.a]);
  });

  it('lets an admin add staff only to offices they serve, and agents not at all', async () => {
    const admin = await loginBearer(t.app, 'wang.admin');
    const body = { username: 'new.agent', displayName: '新人', password: PASSWORD, role: 'agent' };
    const other = await t.app.inject({
      method: 'POST',
      url: '/api/staff/accounts',
      headers: admin,
      payload: { ...body, officeId: offices.b },
    });
    expect(other.statusCode).toBe(403);
    const own = await t.app.inject({
      method: 'POST',
      url: '/api/staff/accounts',
      headers: admin,
      payload: { ...body, officeId: offices.aChild },
    });
    expect(own.statusCode).toBe(201);
    const agent = await loginBearer(t.app, 'li.agent');
    const byAgent = await t.app.inject({
      method: 'POST',
      url: '/api/staff/accounts',
      headers: agent,
      payload: { ...body, username: 'x.agent', officeId: offices.a },
    });
    expect(byAgent.statusCode).toBe(403);
  });
});

describe('account changes', () => {
  it('ends sessions on a role change or disabling, and keeps scope grants within the admin’s offices', async () => {
    const t = await createTestApp({ STAFF_LOGIN_PER_MINUTE: '1000' });
    try {
      const offices = await createOffices(t.app);
      await createStaff(t.app, 'boss', 'admin', offices.a, { includeSubOffices: true });
      const worker = await createStaff(t.app, 'worker', 'agent', offices.a);
      const admin = await loginBearer(t.app, 'boss');
      const session = await loginBearer(t.app, 'worker');
      const patch = (payload: Record<string, unknown>) =>
        t.app.inject({ method: 'PATCH', url: `/api/staff/accounts/${worker.id}`, headers: admin, payload });

      expect((await patch({ extraOfficeIds: [offices.b] })).statusCode).toBe(403);
      expect((await patch({ extraOfficeIds: [offices.aChild] })).statusCode).toBe(200);
      // A changed scope ends the old session too: the next sign-in carries the new scope.
      expect((await t.app.inject({ method: 'GET', url: '/api/staff/me', headers: session })).statusCode).toBe(
        401,
      );
      const renewed = await loginBearer(t.app, 'worker');
      expect(
        (await t.app.inject({ method: 'GET', url: '/api/staff/me', headers: renewed })).json().officeIds,
      ).toEqual([offices.a, offices.aChild]);
      expect((await patch({ role: 'supervisor' })).json().account.role).toBe('supervisor');
      expect((await t.app.inject({ method: 'GET', url: '/api/staff/me', headers: renewed })).statusCode).toBe(
        401,
      );

      await patch({ active: false });
      const login = await t.app.inject({
        method: 'POST',
        url: '/api/staff/login',
        payload: { username: 'worker', password: PASSWORD },
      });
      expect(login.statusCode).toBe(401);
    } finally {
      await t.close();
    }
  });
});

describe('login rate limit', () => {
  it('answers 429 after too many attempts from one address', async () => {
    const t = await createTestApp({ STAFF_LOGIN_PER_MINUTE: '3' });
    try {
      const codes: number[] = [];
      for (let i = 0; i < 4; i++) {
        const r = await t.app.inject({
          method: 'POST',
          url: '/api/staff/login',
          payload: { username: `someone${i}`, password: 'whatever whatever' },
        });
        codes.push(r.statusCode);
      }
      expect(codes).toEqual([401, 401, 401, 429]);
    } finally {
      await t.close();
    }
  });
});
