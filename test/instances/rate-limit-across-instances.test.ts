import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Instances, startInstances } from '../helpers/instances.js';
import { SKIP_WITHOUT_REDIS, TEST_REDIS_URL } from '../helpers/test-redis.js';

const LIMIT = 10;

describe.skipIf(!TEST_REDIS_URL)(`rate limits across two instances${SKIP_WITHOUT_REDIS}`, () => {
  let pair: Instances;
  beforeAll(async () => {
    pair = await startInstances({
      redisUrl: TEST_REDIS_URL as string,
      env: { RATE_LIMIT_PER_MINUTE: String(LIMIT), STAFF_LOGIN_PER_MINUTE: '3' },
    });
  });
  afterAll(async () => pair?.close());

  it('counts one client’s requests on A and B against one limit', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < LIMIT * 2; i++) {
      const instance = i % 2 === 0 ? pair.a : pair.b;
      statuses.push((await fetch(`${instance.http}/healthz`)).status);
    }
    // Alone, each instance would have let LIMIT through: twice as many in all.
    expect(statuses.filter((status) => status === 200)).toHaveLength(LIMIT);
    expect(statuses.slice(LIMIT)).toEqual(Array(LIMIT).fill(429));
  });

  it('holds a route’s own limit (staff sign-in) across both', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) {
      const instance = i % 2 === 0 ? pair.a : pair.b;
      const response = await fetch(`${instance.http}/api/staff/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: 'nobody', password: 'not the password' }),
      });
      statuses.push(response.status);
    }
    expect(statuses.slice(0, 3).every((status) => status !== 429)).toBe(true);
    expect(statuses.slice(3)).toEqual([429, 429, 429]);
  });
});
