import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Effect } from '../../src/conversation/flow.js';
import { CONSENT_VERSION } from '../../src/tickets/consent.js';
import { chat, createTestApp, type TestApp } from '../helpers/test-app.js';

let t: TestApp;
const effects: Effect[] = [];
beforeAll(async () => {
  t = await createTestApp();
  t.app.chat.onEffect('escalate', async (effect) => {
    effects.push(effect);
  });
}, 60_000);
afterAll(async () => t?.close());

const say = (user: string, text: string) => chat(t.app, { channelUserId: user, text });
const stateOf = async (conversationId: string) =>
  (await t.app.prisma.conversation.findUniqueOrThrow({ where: { id: conversationId } })).state;

describe('the rider who says everything at once', () => {
  const message =
    '我是美团骑手，在浦东新区张江站送餐，站长拖欠我3个月工资一共一万二，我叫李强，电话138 1234 5678';

  it('completes in three bot turns: confirm, consent, receipt', async () => {
    const first = await say('rider-1', message);
    expect(first.replies).toHaveLength(1);
    const summary = first.replies[0]!.text as string;
    expect(summary).toContain('李强');
    expect(summary).toContain('138****5678');
    expect(summary).toContain('张江站');
    expect(summary).toContain('上海市浦东新区');
    expect(summary).toContain('12,000元');
    expect(summary).toContain('3个月');
    expect(summary).toContain('外卖配送 · 美团');

    // Personal data never sits in clear in the saved conversation state.
    const state = await stateOf(first.conversationId);
    expect(state).not.toContain('李强');
    expect(state).not.toContain('13812345678');
    expect(state).not.toContain('5678');

    const second = await say('rider-1', '确认');
    expect(second.replies[0]!.text).toContain('同意');
    const third = await say('rider-1', '同意');
    const receipt = third.replies[0]!;
    expect(receipt.type).toBe('ticket');
    expect(receipt.ticket.number).toMatch(/^GY-\d{8}-\d{4}$/);
    expect(receipt.ticket.queryCode).toMatch(/^[A-Z2-9]{6}$/);
    expect(receipt.ticket).toMatchObject({
      status: 'submitted',
      priority: 'normal',
      office: { name: '上海市浦东新区总工会', regionCode: '310115' },
    });
    expect(receipt.text).toContain(receipt.ticket.number);
    expect(receipt.text).toContain('12351');

    const stored = await t.app.tickets.get(receipt.ticket.number);
    expect(stored).toMatchObject({
      claimantName: '李强',
      phone: '13812345678',
      industry: 'delivery',
      platform: '美团',
      employer: '张江站',
      regionCode: '310115125',
      amountYuan: 12000,
      periodMonths: 3,
      workerCount: 1,
      consentVersion: CONSENT_VERSION,
      conversationId: first.conversationId,
    });
    expect(Date.parse(stored!.consentAt)).toBeGreaterThan(Date.now() - 60_000);
    // At rest the row holds ciphertext only.
    const row = await t.app.prisma.ticket.findUniqueOrThrow({ where: { number: receipt.ticket.number } });
    expect(JSON.stringify(row)).not.toContain('李强');
    expect(JSON.stringify(row)).not.toContain('13812345678');
    // The flow is over.
    expect(JSON.parse(await stateOf(first.conversationId)).flow).toBeNull();
  });

  it('keeps the phone number and the name out of the logs', async () => {
    const log = t.logs.join('\n');
    expect(log).not.toMatch(/138[\s-]?1234[\s-]?5678/);
    expect(log).not.toContain('李强');
  });
});

describe('a construction crew, one question at a time', () => {
  it('asks for each missing field alone and files a high-priority collective case', async () => {
    const user = 'crew-1';
    const r1 = await say(user, '包工头老王欠我们十几个人的工资，三个多月了');
    expect(r1.replies[0]!.text).toContain('哪里上班');
    const r2 = await say(user, '广州天河区');
    expect(r2.replies[0]!.text).toContain('多少钱');
    const r3 = await say(user, '一共二十多万');
    expect(r3.replies[0]!.text).toContain('怎么称呼');
    const r4 = await say(user, '王建国');
    expect(r4.replies[0]!.text).toContain('手机号');
    const r5 = await say(user, '+86 139-0000-1111');
    const summary = r5.replies[0]!.text as string;
    expect(summary).toContain('包工头老王');
    expect(summary).toContain('10人以上');
    expect(summary).toContain('200,000多元');
    expect(summary).toContain('建筑工地');
    await say(user, '对');
    const before = effects.length;
    const receipt = (await say(user, '同意')).replies[0]!;
    expect(receipt.ticket.priority).toBe('high');
    expect(receipt.ticket.office).toEqual({ name: '广州市天河区总工会', regionCode: '440106' });
    const effect = effects.slice(before).find((e) => e.reason === 'collective');
    expect(effect).toMatchObject({
      type: 'escalate',
      reason: 'collective',
      priority: 'high',
      regionCode: '440106',
    });
    const stored = await t.app.tickets.get(receipt.ticket.number);
    expect(stored).toMatchObject({
      collective: true,
      workerCount: 10,
      workerCountApprox: true,
      priorityReasons: ['collective', 'amount'],
    });
  });

  it('asks how many when several workers are mentioned without a number', async () => {
    const user = 'crew-2';
    const r1 = await say(user, '我们在宏达电子有限公司的厂里上班，老板欠我们两个月工资，每人五千');
    expect(r1.replies[0]!.text).toContain('哪里上班');
    const r2 = await say(user, '广东省');
    expect(r2.replies[0]!.text).toContain('具体到区县');
    const r3 = await say(user, '深圳宝安区');
    expect(r3.replies[0]!.text).toContain('多少工友');
    const r4 = await say(user, '8');
    expect(r4.replies[0]!.text).toContain('怎么称呼');
  });
});

describe('answers that fit another question', () => {
  it('takes "就我一个人" asked for the employer as the worker count, and asks for the employer again', async () => {
    const user = 'mixed-1';
    await say(user, '我要反映欠薪');
    await say(user, '外卖配送');
    const asked = await say(user, '美团，在深圳南山区，欠了八千多，3月到5月的');
    expect(asked.replies[0]!.text).toContain('哪家公司');
    const again = await say(user, '就我一个人');
    expect(again.replies[0]!.text).toContain('哪家公司');
    expect(again.replies[0]!.text).not.toContain('核对');
    await say(user, '南山区科技园配送站');
    await say(user, '张三');
    const summary = (await say(user, '13912345678')).replies[0]!.text as string;
    expect(summary).toContain('欠薪单位：科技园配送站');
    expect(summary).toContain('涉及人数：1人');
  });
});

describe('in English', () => {
  it('reads the district in pinyin, an English period, and a pinyin name that is not a place', async () => {
    const user = 'en-intake-1';
    await say(user, 'I want to report unpaid wages');
    await say(user, 'delivery');
    const employer = await say(user, 'Pudong New Area');
    expect(employer.replies[0]!.text).toContain('Who owes you');
    await say(user, 'Zhangjiang station of Meituan');
    const name = await say(user, 'about 6000 yuan for October and November');
    expect(name.replies[0]!.text).toContain('your name');
    await say(user, 'Li Ming');
    const summary = (await say(user, '13812345678')).replies[0]!.text as string;
    expect(summary).toContain('Li Ming');
    expect(summary).toContain('上海市浦东新区');
    expect(summary).toContain('October and November');
    expect(summary).toContain('6,000');
  });
});

describe('corrections, cancel and consent', () => {
  it('accepts "不对，是4500" and a new phone at the confirmation', async () => {
    const user = 'fix-1';
    await say(user, '我叫赵敏，饿了么骑手，杭州西湖区文三路站拖欠我上个月工资5000，电话13700002222');
    const fixed = await say(user, '不对，是4500');
    expect(fixed.replies[0]!.text).toContain('4,500元');
    expect(fixed.replies[0]!.text).not.toContain('5,000元');
    const phone = await say(user, '电话是139 1111 2222');
    expect(phone.replies[0]!.text).toContain('139****2222');
    await say(user, '确认');
    const receipt = (await say(user, '同意')).replies[0]!;
    const stored = await t.app.tickets.get(receipt.ticket.number);
    expect(stored).toMatchObject({ amountYuan: 4500, phone: '13911112222', claimantName: '赵敏' });
  });

  it('takes an ID number, shows it masked and stores it encrypted', async () => {
    const user = 'id-1';
    const first = await say(
      user,
      '我叫何平，身份证310115199001011234，美团骑手，浦东新区张江站欠我两个月工资六千，电话13811112222',
    );
    expect(first.replies[0]!.text).toContain('310***********1234');
    expect(await stateOf(first.conversationId)).not.toContain('310115199001011234');
    await say(user, '确认');
    const receipt = (await say(user, '同意')).replies[0]!;
    expect((await t.app.tickets.get(receipt.ticket.number))?.idNumber).toBe('310115199001011234');
  });

  it('"修改" asks what to change; a correction during consent goes back to the summary', async () => {
    const user = 'fix-2';
    await say(user, '我叫钱多多，滴滴司机，成都武侯区的车队欠我两个月工资八千，电话13600003333');
    expect((await say(user, '修改')).replies[0]!.text).toContain('不对，是4500');
    await say(user, '确认');
    const back = await say(user, '不对，是三个月');
    expect(back.replies[0]!.text).toContain('请核对');
    expect(back.replies[0]!.text).toContain('三个月');
  });

  it('answers a question asked mid-intake and then carries on', async () => {
    const user = 'aside-1';
    await say(user, '我叫林峰，开滴滴的，成都武侯区的车队欠我两个月工资八千');
    const aside = await say(user, '这种情况可以申请劳动仲裁吗？');
    expect(aside.replies[0]!.text).not.toContain('手机号');
    const back = await say(user, '13600001111');
    expect(back.replies[0]!.text).toContain('请核对');
    expect(back.replies[0]!.text).toContain('林峰');
  });

  it('cancels mid-intake and files nothing', async () => {
    const user = 'cancel-1';
    const first = await say(user, '老板拖欠我工资，我叫孙丽');
    const before = await t.app.prisma.ticket.count();
    const cancelled = await say(user, '取消');
    expect(cancelled.replies[0]!.text).toMatch(/取消|已/);
    expect(JSON.parse(await stateOf(first.conversationId)).flow).toBeNull();
    const next = await say(user, '13800001111');
    expect(next.replies[0]!.type).not.toBe('ticket');
    expect(await t.app.prisma.ticket.count()).toBe(before);
  });

  it('without consent nothing is filed and the details are dropped', async () => {
    const user = 'decline-1';
    const first = await say(
      user,
      '我叫周杰，京东快递员，北京海淀区的网点欠我两个月工资六千，电话13500004444',
    );
    await say(user, '确认');
    const before = await t.app.prisma.ticket.count();
    const declined = await say(user, '不同意');
    expect(declined.replies[0]!.text).toContain('12351');
    expect(await t.app.prisma.ticket.count()).toBe(before);
    expect(JSON.parse(await stateOf(first.conversationId)).flow).toBeNull();
  });
});

describe('ambiguous places', () => {
  it.each([
    ['朝阳区', '北京', '北京市朝阳区总工会'],
    ['和平区', '沈阳', '沈阳市和平区总工会'],
    ['桥西区', '石家庄', '石家庄市桥西区总工会'],
    ['南山区', '深圳', '深圳市南山区总工会'],
  ])('asks which %s is meant', async (place, answer, office) => {
    const user = `amb-${answer.length}-${place.codePointAt(0)}`;
    const r1 = await say(user, `我叫吴刚，在${place}送外卖，美团站点欠我两个月工资六千，电话13300005555`);
    const question = r1.replies[0]!;
    expect(question.text).toContain(`“${place}”`);
    expect(question.quickReplies.length).toBeGreaterThan(1);
    const r2 = await say(user, answer);
    expect(r2.replies[0]!.text).toContain('请核对');
    await say(user, '确认');
    const receipt = (await say(user, '同意')).replies[0]!;
    expect(receipt.ticket.office.name).toBe(office);
  });

  it('asks again when a place is not known', async () => {
    const user = 'amb-unknown';
    await say(user, '老板拖欠我工资三千，我在工厂上班');
    const r = await say(user, '月球背面');
    expect(r.replies[0]!.text).toContain('没找到');
  });
});

describe('evidence images', () => {
  it('keeps a photo sent during the intake and attaches it to the ticket', async () => {
    const user = 'photo-1';
    await say(user, '我叫郑爽，家政保姆，上海徐汇区的家政公司欠我两个月工资九千，电话13200006666');
    // Images come from the WeChat channels; the web chat's HTTP API takes text only.
    const image = await t.app.chat.handle({
      channel: 'web',
      externalUserId: user,
      image: { dataBase64: Buffer.from('fake png bytes').toString('base64'), mimeType: 'image/png' },
    });
    expect(image.replies[0]!.text).toContain('图片收到了');
    await say(user, '确认');
    const receipt = (await say(user, '同意')).replies[0]!;
    const stored = await t.app.tickets.get(receipt.ticket.number);
    expect(stored?.evidence).toContain('photos');
    expect(stored?.attachments).toHaveLength(1);
    const row = await t.app.prisma.attachment.findFirstOrThrow({ where: { ticketId: stored!.id } });
    expect(Buffer.from(row.dataEnc!).toString()).not.toContain('fake png');
    expect(t.app.fieldCipher.decryptBytes(Buffer.from(row.dataEnc!)).toString()).toBe('fake png bytes');
  });
});

describe('an English-speaking worker', () => {
  it('is asked in English', async () => {
    const r = await say('en-1', "My boss hasn't paid my wages for two months, I am a delivery rider");
    expect(r.replies[0]!.text).toMatch(/Where do you work/);
  });
});
