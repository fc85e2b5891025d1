import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/test-app.js';
import { createOffices, createStaff, PASSWORD } from '../staff/staff-fixtures.js';

// Finding 4 of issue 16: ten wrong passwords sent at once left one failure counted and no lock,
// because each request read the counter before its (slow, asynchronous) hash check and wrote
// back its own stale count + 1.
describe('login lockout under concurrent wrong passwords', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp({ STAFF_LOGIN_PER_MINUTE: '1000', STAFF_LOCKOUT_AFTER: '5' });
    const offices = await createOffices(t.app);
    await createStaff(t.app, 'qian.raced', 'agent', offices.a);
  });
  afterAll(() => t.close());

  const login = (password: string) =>
    t.app.inject({ method: 'POST', url: '/api/staff/login', payload: { username: 'qian.raced', password } });

  it('locks the account after ten parallel wrong passwords, then refuses the right one', async () => {
    const results = await Promise.all(Array.from({ length: 10 }, () => login('wrong password')));
    const statuses = results.map((r) => r.statusCode);
    expect(statuses.every((s) => s === 401 || s === 429)).toBe(true);
    expect(statuses).toContain(429);

    const row = await t.app.prisma.staff.findUniqueOrThrow({ where: { username: 'qian.raced' } });
    expect(row.lockedUntil?.getTime() ?? 0).toBeGreaterThan(Date.now());

    const right = await login(PASSWORD);
    expect(right.statusCode).toBe(429);
  });
});
