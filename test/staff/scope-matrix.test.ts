import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import type { Role } from '../../src/staff/roles.js';
import { chat, createTestApp, type TestApp } from '../helpers/test-app.js';
import { fileTicket, loginBearer, PASSWORD } from './staff-fixtures.js';

type Method = 'GET' | 'POST' | 'PATCH' | 'DELETE';
interface Call {
  method: Method;
  url: string;
  payload?: Record<string, unknown>;
}

// Two subtrees of the seeded directory: Shanghai (上海市总工会 → 浦东新区, 徐汇区) and Beijing
// (北京市总工会 → 朝阳区), every role in each, and the national admin above both.
const A = { root: 'region-310000', district: 'region-310115', sibling: 'region-310104', code: '310115' };
const B = { root: 'region-110000', district: 'region-110105', sibling: 'region-110108', code: '110105' };
// The office roles; the knowledge role's own routes are checked in test/knowledge/console-access.test.ts.
type OfficeRole = Exclude<Role, 'knowledge'>;
const ROLES: OfficeRole[] = ['admin', 'supervisor', 'agent'];

describe('office scope: every write and read, two subtrees, every role', () => {
  let t: TestApp;
  const h: Record<string, Record<string, string>> = {};
  const ids: Record<string, string> = {};
  const tickets = { a: '', aSibling: '', b: '' };
  const stations = { a: '', b: '' };
  const rules = { b: '' };

  const call = (who: string, c: Call) =>
    t.app.inject({ method: c.method, url: c.url, headers: h[who], payload: c.payload });

  beforeAll(async () => {
    t = await createTestApp({ HANDOFF_OFFICE: B.district, STAFF_LOGIN_PER_MINUTE: '1000' });
    const make = async (username: string, role: Role, officeId: string, includeSubOffices = false) => {
      const staff = await t.app.staffAccounts.create({
        username,
        displayName: username,
        password: PASSWORD,
        role,
        officeId,
        includeSubOffices,
      });
      ids[username] = staff.id;
      h[username] = await loginBearer(t.app, username);
    };
    await make('nat.admin', 'admin', 'acftu', true);
    for (const [tree, root, district] of [
      ['a', A.root, A.district],
      ['b', B.root, B.district],
    ] as const) {
      await make(`${tree}.root.admin`, 'admin', root, true);
      await make(`${tree}.solo.admin`, 'admin', root, false);
      for (const role of ROLES) await make(`${tree}.${role}`, role, district);
    }
    tickets.a = await fileTicket(t.app, { regionCode: A.code, employer: '上海甲方物流有限公司' });
    tickets.aSibling = await fileTicket(t.app, { regionCode: '310104', employer: '上海丙方餐饮有限公司' });
    tickets.b = await fileTicket(t.app, { regionCode: B.code, employer: '北京乙方物流有限公司' });
    for (const [tree, address, lat, lng] of [
      ['a', '上海市浦东新区陆家嘴街道测试路1号', 31.2358, 121.5051],
      ['b', '北京市朝阳区建外街道测试路1号', 39.9087, 116.4605],
    ] as const) {
      const created = await call('nat.admin', {
        method: 'POST',
        url: '/api/staff/stations',
        payload: { name: `${tree}驿站`, address, lat, lng, hours: '24h', source: 'test' },
      });
      expect(created.statusCode).toBe(201);
      stations[tree] = created.json().id;
    }
    const rule = await call('nat.admin', {
      method: 'POST',
      url: '/api/staff/routing-rules',
      payload: { regionPrefix: B.code, industry: 'courier', officeId: B.district },
    });
    expect(rule.statusCode).toBe(201);
    rules.b = rule.json().id;
  });
  afterAll(() => t.close());

  /** Everything one subtree's staff might try on the other's offices, rules, accounts, stations, tickets. */
  const intoOther = (own: typeof A, other: typeof B, tree: 'a' | 'b'): Call[] => {
    const otherTree = tree === 'a' ? 'b' : 'a';
    return [
      { method: 'PATCH', url: `/api/staff/offices/${other.district}`, payload: { phone: '010-0000' } },
      { method: 'PATCH', url: `/api/staff/offices/${other.district}`, payload: { parentId: own.district } },
      { method: 'PATCH', url: `/api/staff/offices/${other.district}`, payload: { active: false } },
      { method: 'PATCH', url: `/api/staff/offices/${own.district}`, payload: { parentId: other.root } },
      { method: 'PATCH', url: `/api/staff/offices/${own.district}`, payload: { regionCode: other.code } },
      {
        method: 'POST',
        url: '/api/staff/offices',
        payload: {
          code: `x-${tree}`,
          name: '越界工会',
          level: 'county',
          regionCode: other.code,
          parentId: other.district,
        },
      },
      {
        method: 'POST',
        url: '/api/staff/offices',
        payload: {
          code: `y-${tree}`,
          name: '越界工会',
          kind: 'regional',
          level: 'county',
          regionCode: other.code,
          parentId: own.district,
        },
      },
      {
        method: 'POST',
        url: '/api/staff/routing-rules',
        payload: { regionPrefix: other.code, officeId: own.district },
      },
      {
        method: 'POST',
        url: '/api/staff/routing-rules',
        payload: { regionPrefix: '', officeId: own.district },
      },
      ...(otherTree === 'b'
        ? ([
            {
              method: 'PATCH',
              url: `/api/staff/routing-rules/${rules.b}`,
              payload: { officeId: own.district },
            },
            { method: 'DELETE', url: `/api/staff/routing-rules/${rules.b}` },
          ] as Call[])
        : []),
      {
        method: 'POST',
        url: '/api/staff/accounts',
        payload: {
          username: `x.${tree}`,
          displayName: 'x',
          password: PASSWORD,
          role: 'agent',
          officeId: other.district,
        },
      },
      {
        method: 'POST',
        url: '/api/staff/accounts',
        payload: {
          username: `y.${tree}`,
          displayName: 'y',
          password: PASSWORD,
          role: 'agent',
          officeId: own.district,
          extraOfficeIds: [other.district],
        },
      },
      {
        method: 'PATCH',
        url: `/api/staff/accounts/${ids[`${otherTree}.agent`]}`,
        payload: { password: 'taken over!!' },
      },
      {
        method: 'PATCH',
        url: `/api/staff/accounts/${ids[`${tree}.agent`]}`,
        payload: { extraOfficeIds: [other.district] },
      },
      { method: 'POST', url: `/api/staff/stations/${stations[otherTree]}/close`, payload: { note: 'x' } },
      { method: 'POST', url: `/api/staff/stations/${stations[otherTree]}/reopen` },
      { method: 'PATCH', url: `/api/staff/stations/${stations[otherTree]}`, payload: { name: '改名' } },
      {
        method: 'POST',
        url: '/api/staff/stations',
        payload: {
          name: '越界驿站',
          address: tree === 'a' ? '北京市朝阳区测试路2号' : '上海市浦东新区测试路2号',
          lat: tree === 'a' ? 39.91 : 31.23,
          lng: tree === 'a' ? 116.46 : 121.5,
          hours: '24h',
          regionCode: other.code,
        },
      },
      {
        method: 'POST',
        url: `/api/staff/tickets/${tickets[tree]}/status`,
        payload: { to: 'transferred', toOfficeId: other.district, note: '转过去' },
      },
      { method: 'GET', url: `/api/staff/tickets/${tickets[otherTree]}` },
    ];
  };

  it.each(['a', 'b'] as const)(
    'refuses every role of subtree %s any write or read in the other subtree',
    async (tree) => {
      const [own, other] = tree === 'a' ? [A, B] : [B, A];
      const allowed: string[] = [];
      for (const who of [`${tree}.root.admin`, `${tree}.solo.admin`, ...ROLES.map((r) => `${tree}.${r}`)]) {
        for (const c of intoOther(own, other, tree)) {
          const response = await call(who, c);
          // 403 (not yours) or 404 (not there, for you) — never a 400 that hides the check behind validation.
          if (![403, 404].includes(response.statusCode))
            allowed.push(`${who} ${c.method} ${c.url} ${JSON.stringify(c.payload)} → ${response.statusCode}`);
        }
      }
      expect(allowed).toEqual([]);
      // Nothing of the other subtree changed; its next case still reaches its own office.
      const office = await t.app.offices.get(other.district);
      expect(office).toMatchObject({
        phone: null,
        parentId: other.root,
        active: true,
        regionCode: other.code,
      });
      expect((await t.app.offices.get(own.district))?.parentId).toBe(own.root);
      expect((await t.app.offices.route(other.code, 'delivery', false)).office.id).toBe(other.district);
      expect((await t.app.offices.listRules()).map((r) => r.id)).toEqual([rules.b]);
      const station = await t.app.stationRepo.byId(stations[tree === 'a' ? 'b' : 'a']);
      expect(station?.status).toBe('open');
      const ticket = await t.app.prisma.ticket.findUniqueOrThrow({ where: { number: tickets[tree] } });
      expect(ticket.officeId).toBe(own.district);
      const otherAgent = await t.app.prisma.staff.findUniqueOrThrow({
        where: { id: ids[`${tree === 'a' ? 'b' : 'a'}.agent`] },
      });
      expect(otherAgent.extraOfficeIds).toBe('[]');
    },
  );

  it('never lets anyone grant more than they have, their own account included', async () => {
    const wrong: string[] = [];
    const expectStatus = async (who: string, c: Call, status: number) => {
      const response = await call(who, c);
      if (response.statusCode !== status)
        wrong.push(`${who} ${c.method} ${c.url} → ${response.statusCode}, want ${status}`);
    };
    const account = (username: string, officeId: string, extra: Record<string, unknown> = {}) => ({
      method: 'POST' as const,
      url: '/api/staff/accounts',
      payload: { username, displayName: username, password: PASSWORD, role: 'agent', officeId, ...extra },
    });
    // A root admin without sub-offices sees the root office only: no district, no widening.
    await expectStatus('a.solo.admin', account('new.s1', A.root, { includeSubOffices: true }), 403);
    await expectStatus('a.solo.admin', account('new.s2', A.district), 403);
    await expectStatus('a.solo.admin', account('new.s3', A.root), 201);
    await expectStatus(
      'a.solo.admin',
      {
        method: 'PATCH',
        url: `/api/staff/accounts/${ids['a.solo.admin']}`,
        payload: { includeSubOffices: true },
      },
      403,
    );
    // Managing a colleague who serves more would be taking over their scope (a new password).
    await expectStatus(
      'a.solo.admin',
      {
        method: 'PATCH',
        url: `/api/staff/accounts/${ids['a.root.admin']}`,
        payload: { password: 'taken over!!' },
      },
      403,
    );
    await expectStatus(
      'a.solo.admin',
      {
        method: 'POST',
        url: '/api/staff/routing-rules',
        payload: { regionPrefix: '31', industry: 'factory', officeId: A.root },
      },
      403,
    );
    await expectStatus(
      'a.solo.admin',
      { method: 'POST', url: `/api/staff/stations/${stations.a}/close`, payload: { note: 'x' } },
      404,
    );
    // With sub-offices the same admin may do all of that inside Shanghai.
    await expectStatus('a.root.admin', account('new.s4', A.district, { includeSubOffices: true }), 201);
    await expectStatus(
      'a.root.admin',
      {
        method: 'POST',
        url: '/api/staff/routing-rules',
        payload: { regionPrefix: '31', industry: 'factory', officeId: A.root },
      },
      201,
    );
    await expectStatus(
      'a.root.admin',
      { method: 'PATCH', url: `/api/staff/offices/${A.district}`, payload: { parentId: A.sibling } },
      200,
    );
    await expectStatus(
      'a.root.admin',
      { method: 'PATCH', url: `/api/staff/offices/${A.district}`, payload: { parentId: A.root } },
      200,
    );
    // A district admin cannot move their own office out from under its parent, nor rename its area.
    await expectStatus(
      'a.admin',
      { method: 'PATCH', url: `/api/staff/offices/${A.district}`, payload: { parentId: A.sibling } },
      403,
    );
    await expectStatus(
      'a.admin',
      { method: 'PATCH', url: `/api/staff/offices/${A.district}`, payload: { regionCode: '310104' } },
      403,
    );
    expect(wrong).toEqual([]);
    // The accounts made carry exactly the scope granted.
    const me = await loginBearer(t.app, 'new.s4');
    const scope = (await t.app.inject({ method: 'GET', url: '/api/staff/me', headers: me })).json().officeIds;
    expect(scope).toEqual([A.district]);
  });

  it('lets each role do only what its role allows inside its own office', async () => {
    const table: [Call, Record<OfficeRole, number>][] = [
      [
        { method: 'PATCH', url: `/api/staff/offices/${A.district}`, payload: { phone: '021-5000' } },
        { admin: 200, supervisor: 200, agent: 403 },
      ],
      [
        { method: 'PATCH', url: `/api/staff/offices/${A.district}`, payload: { name: '改名总工会' } },
        { admin: 200, supervisor: 403, agent: 403 },
      ],
      [
        {
          method: 'POST',
          url: '/api/staff/offices',
          payload: {
            code: 'pd-riders-ROLE',
            name: '浦东骑手工会',
            level: 'county',
            regionCode: A.code,
            parentId: A.district,
          },
        },
        { admin: 201, supervisor: 403, agent: 403 },
      ],
      [
        {
          method: 'POST',
          url: '/api/staff/routing-rules',
          payload: { regionPrefix: A.code, industry: 'retail', officeId: A.district },
        },
        { admin: 201, supervisor: 403, agent: 403 },
      ],
      [
        { method: 'POST', url: `/api/staff/stations/${stations.a}/close`, payload: { note: '维修' } },
        { admin: 200, supervisor: 200, agent: 403 },
      ],
      [
        { method: 'POST', url: `/api/staff/stations/${stations.a}/reopen` },
        { admin: 200, supervisor: 200, agent: 403 },
      ],
      [
        { method: 'GET', url: '/api/staff/routing-rules' },
        { admin: 200, supervisor: 200, agent: 200 },
      ],
    ];
    const wrong: string[] = [];
    for (const [c, byRole] of table) {
      for (const role of ROLES) {
        const payload = c.payload?.code ? { ...c.payload, code: `pd-riders-${role}` } : c.payload;
        const response = await call(`a.${role}`, { ...c, payload });
        if (response.statusCode !== byRole[role])
          wrong.push(`${role} ${c.method} ${c.url} → ${response.statusCode} ${response.body}`);
      }
    }
    expect(wrong).toEqual([]);
    // The national admin edits anywhere.
    const national = await call('nat.admin', {
      method: 'PATCH',
      url: `/api/staff/offices/${B.sibling}`,
      payload: { phone: '010-6000' },
    });
    expect(national.statusCode).toBe(200);
  });

  it('transfers only to offices the actor sees or up to the parent, always with a reason', async () => {
    const status = (who: string, number: string, payload: Record<string, unknown>) =>
      call(who, { method: 'POST', url: `/api/staff/tickets/${number}/status`, payload });
    // The console offers only what the server allows: for a district agent, the parent alone.
    const targets = await call('a.agent', {
      method: 'GET',
      url: `/api/staff/tickets/${tickets.a}/transfer-targets`,
    });
    expect(targets.json().offices).toEqual([{ id: A.root, name: '上海市总工会', relation: 'parent' }]);
    const cityTargets = await call('a.root.admin', {
      method: 'GET',
      url: `/api/staff/tickets/${tickets.a}/transfer-targets`,
    });
    expect(cityTargets.json().offices.map((o: { id: string }) => o.id)).toEqual(
      expect.arrayContaining([A.root, A.sibling]),
    );
    expect(cityTargets.json().offices.map((o: { id: string }) => o.id)).not.toContain(B.district);
    // An agent of 浦东 cannot send a case sideways to 徐汇 (not theirs) …
    expect(
      (await status('a.agent', tickets.a, { to: 'transferred', toOfficeId: A.sibling, note: '地址在徐汇' }))
        .statusCode,
    ).toBe(403);
    // … nor up without a reason; up with one is fine.
    expect((await status('a.agent', tickets.a, { to: 'transferred', toOfficeId: A.root })).statusCode).toBe(
      400,
    );
    const up = await status('a.agent', tickets.a, {
      to: 'transferred',
      toOfficeId: A.root,
      note: '涉及多区',
    });
    expect(up.statusCode).toBe(200);
    expect(up.json().office.id).toBe(A.root);
    // The city admin with sub-offices sends it on to 徐汇, which is theirs.
    const on = await status('a.root.admin', tickets.a, {
      to: 'transferred',
      toOfficeId: A.sibling,
      note: '用工地在徐汇',
    });
    expect(on.statusCode).toBe(200);
    // 浦东 no longer sees it.
    expect(
      (await call('a.agent', { method: 'GET', url: `/api/staff/tickets/${tickets.a}` })).statusCode,
    ).toBe(404);
  });

  it('shows each actor the tickets, chats and rules of their own scope only', async () => {
    await chat(t.app, { channelUserId: 'scope-rider', text: '转人工' });
    const seen = async (who: string) => {
      const listed = await call(who, { method: 'GET', url: '/api/staff/tickets' });
      expect(listed.statusCode, t.logs.filter((l) => l.includes('"level":50')).join('\n')).toBe(200);
      const list = listed.json();
      const chats = (await call(who, { method: 'GET', url: '/api/staff/handoffs' })).json().handoffs;
      const ruleList = (await call(who, { method: 'GET', url: '/api/staff/routing-rules' })).json().items;
      return {
        tickets: (list.items as { office: { id: string } }[]).map((i) => i.office.id),
        chats: (chats as { officeId: string }[]).map((c) => c.officeId),
        rules: (ruleList as { id: string }[]).map((r) => r.id),
      };
    };
    const inTree = (tree: typeof A) => (id: string) =>
      id === tree.root || id.startsWith(`region-${tree.code.slice(0, 2)}`);
    for (const tree of ['a', 'b'] as const) {
      const mine = inTree(tree === 'a' ? A : B);
      for (const who of [`${tree}.root.admin`, `${tree}.solo.admin`, ...ROLES.map((r) => `${tree}.${r}`)]) {
        const view = await seen(who);
        expect(view.tickets.every(mine), `${who} tickets ${view.tickets}`).toBe(true);
        expect(view.chats.every(mine), `${who} chats ${view.chats}`).toBe(true);
        expect(view.rules.includes(rules.b), `${who} rules`).toBe(tree === 'b' && !who.includes('solo'));
      }
    }
    expect((await seen('b.agent')).chats).toEqual([B.district]);
    expect((await seen('a.solo.admin')).tickets).toEqual([]);
    expect((await seen('nat.admin')).tickets.length).toBe(3);
  });

  it('closes a live console whose account’s scope changes, so the socket never keeps an old scope', async () => {
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    const port = (t.app.server.address() as AddressInfo).port;
    const socket = new WebSocket(`ws://127.0.0.1:${port}/ws/staff`, { headers: h['b.agent'] });
    const closed = new Promise<number>((resolve) => socket.on('close', (code) => resolve(code)));
    await new Promise<void>((resolve, reject) => {
      socket.on('message', () => resolve());
      socket.on('error', reject);
    });
    const patch = await call('b.admin', {
      method: 'PATCH',
      url: `/api/staff/accounts/${ids['b.agent']}`,
      payload: { includeSubOffices: true },
    });
    expect(patch.statusCode).toBe(200);
    expect(await closed).toBe(4001);
  });
});
