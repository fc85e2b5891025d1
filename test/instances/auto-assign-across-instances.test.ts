import { afterAll, beforeAll, expect, it } from 'vitest';
import { staffWithLogin, workerSees } from '../helpdesk/helpdesk-fixtures.js';
import { describeInstancesOnEachEngine } from '../helpers/instance-engines.js';
import { type Instances, startInstances } from '../helpers/instances.js';
import { until } from '../helpers/until.js';
import { createOffices } from '../staff/staff-fixtures.js';

const CAPACITY = 3;
const PER_INSTANCE = 10;
const JOINED = '工会工作人员已接入：李明';

async function askForPerson(base: string, channelUserId: string): Promise<string> {
  const response = await fetch(`${base}/api/chat/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ channelUserId, text: '转人工' }),
  });
  if (response.status !== 200) throw new Error(`chat failed ${response.status}: ${await response.text()}`);
  return String(((await response.json()) as { conversationId: string }).conversationId);
}

// Each instance runs one office's assignments one after another; with two instances behind a
// balancer both could count the same last free place. The database decides instead.
describeInstancesOnEachEngine('auto-assignment of one office from two instances at once', (engine) => {
  let pair: Instances;
  let agent: { id: string; headers: Record<string, string> };
  let admin: { id: string; headers: Record<string, string> };

  beforeAll(async () => {
    pair = await startInstances({
      engine,
      env: { HANDOFF_OFFICE: 'region-310115', STAFF_LOGIN_PER_MINUTE: '1000' },
    });
    const offices = await createOffices(pair.a.app);
    agent = await staffWithLogin(pair.a.app, 'a1.li', 'agent', offices.a, '李明');
    admin = await staffWithLogin(pair.a.app, 'a.admin', 'admin', offices.a);
    const capacity = await pair.a.app.inject({
      method: 'PUT',
      url: `/api/staff/roster/${agent.id}`,
      headers: admin.headers,
      payload: { capacity: CAPACITY },
    });
    expect(capacity.statusCode).toBe(200);
    const duty = await pair.b.app.inject({
      method: 'PUT',
      url: '/api/staff/duty',
      headers: agent.headers,
      payload: { onDuty: true },
    });
    expect(duty.json()).toMatchObject({ onDuty: true, capacity: CAPACITY });
  });
  afterAll(async () => pair?.close());

  it('gives the one person exactly their capacity, once each, and places the next when a chat ends on B', async () => {
    // A chat's reply comes after its effects, the queue listeners (the auto-assigner) included.
    const conversations = await Promise.all(
      Array.from({ length: PER_INSTANCE }, (_, i) => [
        askForPerson(pair.a.http, `rider-a-${engine}-${i}`),
        askForPerson(pair.b.http, `rider-b-${engine}-${i}`),
      ]).flat(),
    );
    const handoffs = await pair.a.app.prisma.handoff.findMany({
      where: { conversationId: { in: conversations } },
      orderBy: { createdAt: 'asc' },
    });
    expect(handoffs).toHaveLength(2 * PER_INSTANCE);
    const claimed = handoffs.filter((h) => h.status === 'claimed');
    expect(claimed).toHaveLength(CAPACITY);
    expect(claimed.every((h) => h.claimedById === agent.id)).toBe(true);
    expect(handoffs.filter((h) => h.status === 'waiting')).toHaveLength(2 * PER_INSTANCE - CAPACITY);
    // None given twice: each worker placed was told once, and nobody else was told.
    for (const handoff of handoffs) {
      const told = (await workerSees(pair.b.app, handoff.conversationId)).filter((text) =>
        text.includes(JOINED),
      );
      expect(told).toHaveLength(handoff.status === 'claimed' ? 1 : 0);
    }

    const ended = claimed[0];
    if (!ended) throw new Error('nothing was assigned');
    const closed = await pair.b.app.inject({
      method: 'POST',
      url: `/api/staff/handoffs/${ended.id}/close`,
      headers: agent.headers,
    });
    expect(closed.statusCode).toBe(200);
    // The place freed on B goes to a chat that waited longest (all of them normal priority).
    const ids = handoffs.map((h) => h.id);
    const held = () =>
      pair.a.app.prisma.handoff.count({ where: { claimedById: agent.id, status: 'claimed' } });
    await until(async () => (await held()) === CAPACITY, 'the next waiting chat placed');
    const after = await pair.a.app.prisma.handoff.findMany({ where: { id: { in: ids } } });
    const placed = after.filter((h) => h.status === 'claimed' && !claimed.some((c) => c.id === h.id));
    const stillWaiting = after.filter((h) => h.status === 'waiting');
    expect(placed).toHaveLength(1);
    expect(stillWaiting).toHaveLength(2 * PER_INSTANCE - CAPACITY - 1);
    const placedAt = placed[0]?.createdAt.getTime() ?? Number.NaN;
    expect(stillWaiting.every((h) => h.createdAt.getTime() >= placedAt)).toBe(true);
  });

  it('hands out the waiting chats once when both instances drain the queue at the same moment', async () => {
    // Zhang comes on duty (on A) and the admin raises Li's capacity (on B): each route then
    // drains the office's queue. Here the two changes are written first and both drains started
    // in the same tick, the tightest form of that race.
    const zhang = await staffWithLogin(pair.a.app, 'a2.zhang', 'agent', 'region-310115', '张华');
    await pair.a.app.helpdesk.roster.setOnDuty(zhang.id, true);
    await pair.b.app.helpdesk.roster.setCapacity(agent.id, CAPACITY + 2);
    await Promise.all([
      pair.a.app.helpdesk.autoAssign.drain('region-310115'),
      pair.b.app.helpdesk.autoAssign.drain('region-310115'),
    ]);
    const holds = async (id: string) =>
      pair.a.app.prisma.handoff.count({ where: { claimedById: id, status: 'claimed' } });
    // Zhang has the default capacity, 3; Li now 5; 2 * PER_INSTANCE - 1 chats are open.
    expect(await holds(agent.id)).toBe(CAPACITY + 2);
    expect(await holds(zhang.id)).toBe(3);
    const open = await pair.a.app.prisma.handoff.count({ where: { status: { in: ['waiting', 'claimed'] } } });
    expect(open).toBe(2 * PER_INSTANCE - 1);
  });
});
