import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDbMessageDedup } from '../../src/channels/wechat-common/message-dedup.js';
import { type Instances, startInstances } from '../helpers/instances.js';

/**
 * WeChat retries a message it got no answer to within seconds, and the balancer may hand the
 * retry to the other instance. The claim is a row under a unique key in the shared database (one
 * conditional UPDATE for a stale claim), so it needs no Redis: two instances racing for the same
 * message id get one winner. This is the proof.
 */
describe('WeChat message de-duplication across two instances on one database', () => {
  let pair: Instances;
  beforeAll(async () => {
    pair = await startInstances({});
  });
  afterAll(async () => pair?.close());

  it('gives each message to exactly one instance when both claim it at once', async () => {
    const a = createDbMessageDedup(pair.a.app.prisma);
    const b = createDbMessageDedup(pair.b.app.prisma);
    const ids = Array.from({ length: 40 }, (_, i) => `msg-${i}`);
    const results = await Promise.all(
      ids.map(async (id, i) => {
        // Alternate who asks first, so neither instance always wins the race.
        const [byA, byB] =
          i % 2 === 0
            ? await Promise.all([a.claim('official-account', id), b.claim('official-account', id)])
            : await Promise.all([b.claim('official-account', id), a.claim('official-account', id)]).then(
                ([fromB, fromA]) => [fromA, fromB],
              );
        return { byA, byB };
      }),
    );
    for (const { byA, byB } of results) expect([byA, byB].filter(Boolean)).toHaveLength(1);
    // Both instances won some: the claims really raced across the two connections.
    expect(results.filter((r) => r.byA).length).toBeGreaterThan(0);
    expect(results.filter((r) => r.byB).length).toBeGreaterThan(0);
  });

  it('lets one instance, not both, retake a claim whose instance died before finishing', async () => {
    const claimedAt = new Date('2026-12-01T08:00:00Z');
    const later = () => new Date(claimedAt.getTime() + 5 * 60_000);
    const dead = createDbMessageDedup(pair.a.app.prisma, { now: () => claimedAt });
    expect(await dead.claim('wecom', 'kf-msg-1')).toBe(true);

    const a = createDbMessageDedup(pair.a.app.prisma, { now: later });
    const b = createDbMessageDedup(pair.b.app.prisma, { now: later });
    const retaken = await Promise.all([a.claim('wecom', 'kf-msg-1'), b.claim('wecom', 'kf-msg-1')]);
    expect(retaken.filter(Boolean)).toHaveLength(1);

    await a.done('wecom', 'kf-msg-1');
    const muchLater = createDbMessageDedup(pair.b.app.prisma, {
      now: () => new Date(later().getTime() + 600_000),
    });
    expect(await muchLater.claim('wecom', 'kf-msg-1')).toBe(false);
  });
});
