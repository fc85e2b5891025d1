import type { EventEmitter } from 'node:events';
import { FileBox } from 'file-box';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { types } from 'wechaty';
import { mock, PuppetMock } from 'wechaty-puppet-mock';
import { createTestApp, type TestApp } from '../helpers/test-app.js';
import { until } from '../helpers/until.js';
import { createOffices, createStaff, loginBearer } from '../staff/staff-fixtures.js';
import { inboundPayloads } from './helpers/inbound-payloads.js';

// 1×1 PNG: a worker's photo of a pay slip, as far as the bot can tell.
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);

/** A mock WeChat world with the bot logged in as 工友助手. */
async function connect(
  t: TestApp,
  contacts: { id?: string; name: string }[],
  beforeLogin?: (self: mock.ContactMock, people: mock.ContactMock[]) => void,
) {
  const mocker = new mock.Mocker();
  const puppet = new PuppetMock({ mocker });
  await t.app.wechaty.start(puppet);
  const self = mocker.createContact({ name: '工友助手' });
  const people = contacts.map((c) => mocker.createContact(c));
  beforeLogin?.(self, people);
  mocker.login(self);
  await until(() => t.app.wechaty.status().state === 'logged-in', 'login');
  return { mocker, puppet, self, people };
}

/** The mock's contacts and rooms are event emitters, though their types do not say so. */
function onMessage(target: mock.ContactMock | mock.RoomMock, listener: (message: mock.MessageMock) => void) {
  (target as unknown as EventEmitter).on('message', listener);
}

/** Texts the bot sends to (or in) a conversation with this contact. */
function inbox(contact: mock.ContactMock, self: mock.ContactMock): string[] {
  const received: string[] = [];
  onMessage(contact, (message) => {
    if (message.talker().id === self.id && message.type() === types.Message.Text)
      received.push(message.text() ?? '');
  });
  return received;
}

describe('wechaty bot (wechaty-puppet-mock)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => t.close());

  it('answers a private chat in the conversation language and ignores its own messages', async () => {
    const { self, people } = await connect(t, [{ name: '李师傅' }]);
    const rider = people[0]!;
    const received = inbox(rider, self);
    rider.say('你好').to(self);
    await until(() => received.length > 0, 'a reply');
    expect(received[0]).toContain('工友');
    expect(received[0]).toContain('「附近的工会驿站」');
    rider.say('English please').to(self);
    await until(() => received.length > 1, 'the second reply');
    expect(received[1]).toMatch(/English/);
    await t.app.wechaty.idle();
    const conversation = await t.app.prisma.conversation.findFirstOrThrow({
      where: { channel: 'wechat', externalUserId: rider.id },
    });
    expect(conversation.locale).toBe('en');
    // Two messages in: the bot's own replies did not come back as turns.
    expect(
      await t.app.prisma.message.count({ where: { conversationId: conversation.id, direction: 'in' } }),
    ).toBe(2);
    await t.app.wechaty.stop();
  });

  it('in a group answers only when @-mentioned, and replies with an @', async () => {
    const { mocker, self, people } = await connect(t, [{ name: '王姐' }, { name: '小张' }]);
    const [worker, other] = people as [mock.ContactMock, mock.ContactMock];
    const room = mocker.createRoom({ topic: '骑手互助群', memberIdList: [self.id, worker.id, other.id] });
    const said: string[] = [];
    onMessage(room, (message) => {
      if (message.talker().id === self.id) said.push(message.text() ?? '');
    });

    other.say('今天好热').to(room);
    worker.say('@工友助手 你好', [self]).to(room);
    await until(() => said.length > 0, 'the group reply');
    expect(said[0]?.startsWith('@王姐')).toBe(true);
    expect(said[0]).toContain('工友');
    // The "@name" text alone is enough when the puppet does not report mentions.
    other.say('@工友助手 菜单').to(room);
    await until(() => said.length > 1, 'the fallback mention reply');
    expect(said[1]?.startsWith('@小张')).toBe(true);
    await t.app.wechaty.idle();
    expect(said).toHaveLength(2);
    const inGroup = await t.app.prisma.conversation.findMany({
      where: { channel: 'wechat', externalUserId: { startsWith: `${room.id}|` } },
    });
    expect(inGroup.map((c) => c.externalUserId).sort()).toEqual(
      [`${room.id}|${other.id}`, `${room.id}|${worker.id}`].sort(),
    );
    await t.app.wechaty.stop();
  });

  it('passes an image on with its bytes, and a location as a GCJ-02 point', async () => {
    const { mocker, puppet, self, people } = await connect(t, [{ name: '赵师傅' }]);
    const rider = people[0]!;
    const received = inbox(rider, self);
    rider.say(FileBox.fromBase64(PNG.toString('base64'), 'pay-slip.png')).to(self);
    await until(() => received.length > 0, 'the reply to the image');

    // The mock always reports the same place for a location message.
    const location = mocker.MessageMock.create({
      id: `loc-${Date.now()}`,
      talkerId: rider.id,
      listenerId: self.id,
      timestamp: Date.now(),
      type: types.Message.Location,
    });
    puppet.emit('message', { messageId: location.id });
    await until(() => received.length > 1, 'the reply to the location');
    await t.app.wechaty.idle();

    const conversation = await t.app.prisma.conversation.findFirstOrThrow({
      where: { externalUserId: rider.id },
    });
    const inbound = await inboundPayloads(t.app, conversation.id);
    const image = inbound[0]?.image;
    expect(image.mimeType).toBe('image/png');
    expect(Buffer.from(image.dataBase64, 'base64').equals(PNG)).toBe(true);
    expect(inbound[1]?.location).toEqual({
      lat: 39.995121,
      lng: 116.334154,
      coord: 'gcj02',
      label: '东升乡人民政府(海淀区成府路45号)',
    });
    await t.app.wechaty.stop();
  });

  it('keeps a photo sent during a wage-arrears report as evidence', async () => {
    const { self, people } = await connect(t, [{ name: '吴师傅' }]);
    const rider = people[0]!;
    const received = inbox(rider, self);
    rider.say('包工头拖欠我们工资三个月了').to(self);
    await until(() => received.length > 0, 'the first intake question');
    rider.say(FileBox.fromBase64(PNG.toString('base64'), 'pay-slip.png')).to(self);
    await until(() => received.length > 1, 'the reply to the photo');
    await t.app.wechaty.idle();
    expect(received[1]).toContain('图片收到了');
    const conversation = await t.app.prisma.conversation.findFirstOrThrow({
      where: { externalUserId: rider.id },
    });
    const attachments = await t.app.prisma.attachment.findMany({
      where: { conversationId: conversation.id },
    });
    expect(attachments).toHaveLength(1);
    expect(attachments[0]).toMatchObject({ kind: 'image', mimeType: 'image/png' });
    await t.app.wechaty.stop();
  });

  it('does not answer messages from before it started', async () => {
    const { mocker, puppet, self, people } = await connect(t, [{ name: '钱师傅' }]);
    const rider = people[0]!;
    const received = inbox(rider, self);
    const old = mocker.MessageMock.create({
      id: `old-${Date.now()}`,
      talkerId: rider.id,
      listenerId: self.id,
      timestamp: Date.now() - 3_600_000,
      type: types.Message.Text,
      text: '你好',
    });
    puppet.emit('message', { messageId: old.id });
    rider.say('菜单').to(self);
    await until(() => received.length > 0, 'the reply to the new message');
    await t.app.wechaty.idle();
    expect(received).toHaveLength(1);
    const conversation = await t.app.prisma.conversation.findFirstOrThrow({
      where: { externalUserId: rider.id },
    });
    expect(
      await t.app.prisma.message.count({ where: { conversationId: conversation.id, direction: 'in' } }),
    ).toBe(1);
    await t.app.wechaty.stop();
  });

  it('delivers a staff reply queued while the bot was offline once it logs in again', async () => {
    const first = await connect(t, [{ name: '孙师傅' }]);
    const rider = first.people[0]!;
    const received = inbox(rider, first.self);
    rider.say('你好').to(first.self);
    await until(() => received.length > 0, 'the first reply');
    await t.app.wechaty.stop();
    expect(t.app.wechaty.status().state).toBe('off');

    const conversation = await t.app.prisma.conversation.findFirstOrThrow({
      where: { externalUserId: rider.id },
    });
    const queued = await t.app.delivery.send(
      conversation.id,
      [{ type: 'staff', text: '工会老师：您反映的情况已转给区总工会。' }],
      {
        author: 'staff',
      },
    );
    expect(queued.delivered).toBe(false);
    expect(await t.app.delivery.pending(conversation.id)).toHaveLength(1);

    // The bot comes back (a new puppet session); the same WeChat user is still there.
    let after: string[] = [];
    await connect(t, [{ id: rider.id, name: '孙师傅' }], (self, [again]) => {
      after = inbox(again!, self);
    });
    await until(() => after.length > 0, 'the queued staff reply');
    expect(after[0]).toContain('已转给区总工会');
    await until(
      async () => (await t.app.delivery.pending(conversation.id)).length === 0,
      'the outbox to empty',
    );
    await t.app.wechaty.stop();
  });

  it('restarts with backoff when the puppet cannot start, then logs in', async () => {
    let failures = 1;
    class FlakyPuppet extends PuppetMock {
      override async onStart() {
        if (failures-- > 0) throw new Error('puppet service unreachable');
        return super.onStart();
      }
    }
    const mocker = new mock.Mocker();
    await t.app.wechaty.start(new FlakyPuppet({ mocker }));
    expect(t.app.wechaty.status()).toMatchObject({
      state: 'reconnecting',
      restarts: 1,
      lastError: expect.any(String),
    });
    await until(() => t.app.wechaty.status().state === 'starting', 'the restart', 10_000);
    mocker.login(mocker.createContact({ name: '工友助手' }));
    await until(() => t.app.wechaty.status().state === 'logged-in', 'login after the restart');
    expect(t.app.wechaty.status().restarts).toBe(0);
    await t.app.wechaty.stop();
  }, 30_000);

  it('shows its status and the login QR code to admins only', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/api/staff/wechaty/status' })).statusCode).toBe(401);
    const offices = await createOffices(t.app);
    await createStaff(t.app, 'bot.admin', 'admin', offices.a);
    await createStaff(t.app, 'bot.agent', 'agent', offices.a);
    const admin = await loginBearer(t.app, 'bot.admin');
    const agent = await loginBearer(t.app, 'bot.agent');
    expect(
      (await t.app.inject({ method: 'GET', url: '/api/staff/wechaty/status', headers: agent })).statusCode,
    ).toBe(403);

    const mocker = new mock.Mocker();
    await t.app.wechaty.start(new PuppetMock({ mocker }));
    mocker.scan('https://login.weixin.qq.com/l/gongyou-test', types.ScanStatus.Waiting);
    const status = async () =>
      (await t.app.inject({ method: 'GET', url: '/api/staff/wechaty/status', headers: admin })).json();
    await until(async () => Boolean((await status()).qrcodeDataUrl), 'the QR code image');
    expect(await status()).toMatchObject({
      state: 'scan',
      configured: true,
      qrcode: 'https://login.weixin.qq.com/l/gongyou-test',
      qrcodeDataUrl: expect.stringMatching(/^data:image\/png;base64,/),
    });
    mocker.login(mocker.createContact({ name: '工友助手' }));
    await until(async () => (await status()).state === 'logged-in', 'login');
    const loggedIn = await status();
    expect(loggedIn.user).toBe('工友助手');
    expect(loggedIn.qrcode).toBeUndefined();
    await t.app.wechaty.stop();
    expect((await status()).state).toBe('off');
  });
});
