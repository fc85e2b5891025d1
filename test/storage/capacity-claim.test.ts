import { afterAll, beforeAll, expect, it } from 'vitest';
import { createCapacityClaim } from '../../src/handoff/capacity-claim.js';
import { describeOnEachEngine } from '../helpers/engines.js';
import type { TestApp } from '../helpers/test-app.js';

const OFFICE = 'region-310115';

describeOnEachEngine('an automatic claim within the person’s capacity', (engine) => {
  let t: TestApp;
  let claim: ReturnType<typeof createCapacityClaim>;
  beforeAll(async () => {
    t = await engine.createApp();
    claim = createCapacityClaim(t.app.prisma);
  });
  afterAll(async () => t?.close());

  const waiting = (conversationId: string, officeId = OFFICE) =>
    t.app.prisma.handoff.create({ data: { conversationId, officeId, reason: 'user-request' } });

  it('claims while they have room, writes who and when, and refuses once they are full', async () => {
    const [first, second] = [await waiting('cap-c1'), await waiting('cap-c2')];
    const at = new Date('2026-12-04T08:30:15.123Z');
    const claimOf = (handoffId: string) => ({
      handoffId,
      officeId: OFFICE,
      staffId: 'staff-full',
      capacity: 1,
      at,
    });
    expect(await claim(claimOf(first.id))).toBe(true);
    expect(await claim(claimOf(second.id))).toBe(false);
    const row = await t.app.prisma.handoff.findUniqueOrThrow({ where: { id: first.id } });
    expect(row).toMatchObject({ status: 'claimed', claimedById: 'staff-full' });
    // Read back through Prisma as the same instant, on both engines.
    expect(row.claimedAt?.toISOString()).toBe(at.toISOString());
    expect(row.updatedAt.toISOString()).toBe(at.toISOString());
    expect((await t.app.prisma.handoff.findUniqueOrThrow({ where: { id: second.id } })).status).toBe(
      'waiting',
    );
  });

  it('refuses a chat that is no longer waiting, or no longer in that office', async () => {
    const taken = await waiting('cap-c3');
    const at = new Date();
    expect(await claim({ handoffId: taken.id, officeId: OFFICE, staffId: 'staff-a', capacity: 5, at })).toBe(
      true,
    );
    expect(await claim({ handoffId: taken.id, officeId: OFFICE, staffId: 'staff-b', capacity: 5, at })).toBe(
      false,
    );
    expect((await t.app.prisma.handoff.findUniqueOrThrow({ where: { id: taken.id } })).claimedById).toBe(
      'staff-a',
    );
    const moved = await waiting('cap-c4', 'region-110105');
    expect(await claim({ handoffId: moved.id, officeId: OFFICE, staffId: 'staff-b', capacity: 5, at })).toBe(
      false,
    );
  });

  it('gives exactly the capacity when many claims for one person run at once', async () => {
    const chats = await Promise.all(Array.from({ length: 12 }, (_, i) => waiting(`cap-many-${i}`)));
    const at = new Date();
    const won = await Promise.all(
      chats.map((chat) =>
        claim({ handoffId: chat.id, officeId: OFFICE, staffId: 'staff-many', capacity: 4, at }),
      ),
    );
    expect(won.filter(Boolean)).toHaveLength(4);
    expect(
      await t.app.prisma.handoff.count({ where: { claimedById: 'staff-many', status: 'claimed' } }),
    ).toBe(4);
  });
});
