import type i18next from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  renderRepliesText,
  renderReplyText,
  splitByBytes,
} from '../../src/channels/wechat-common/render-text.js';
import { createWxCrypto, wxSignature } from '../../src/channels/wechat-common/wx-crypto.js';
import { buildWxXml, parseWxXml } from '../../src/channels/wechat-common/wx-xml.js';
import type { OutboundMessage } from '../../src/messages/messages.js';
import { createI18n } from '../../src/platform/i18n/create-i18n.js';
import { encrypt } from './helpers/wechat-fixtures.js';

const AES_KEY = 'jWmYm7qr5nMoAUwZRjGtBxmz3KA1tkAj3ykkR6q2B2C';

describe('WeChat callback crypto', () => {
  const crypto = createWxCrypto(AES_KEY, 'wx5823bf96d3bd56c7');

  it("decrypts WeCom's published example and checks its signature", () => {
    const echostr =
      'P9nAzCzyDtyTWESHep1vC5X9xho/qYX3Zpb4yKa9SKld1DsH3Iyt3tP3zNdtp+4RPcs8TgAE7OaBO+FZXvnaqQ==';
    expect(wxSignature('QDG6eK', '1409659589', '263014780', echostr)).toBe(
      '5c45ff5e21c57e6ad56bac8758b79b1d9ac89fd3',
    );
    expect(crypto.decrypt(echostr)).toEqual({ ok: true, value: '1616140317555161061' });
  });

  it('round-trips long Chinese text with PKCS#7 padding to 32-byte blocks', () => {
    const message = `<xml><Content><![CDATA[${'拖欠工资'.repeat(100)}]]></Content></xml>`;
    const sealed = crypto.encrypt(message);
    expect(Buffer.from(sealed, 'base64').length % 32).toBe(0);
    expect(crypto.decrypt(sealed)).toEqual({ ok: true, value: message });
  });

  it('refuses a message for another account, garbage and a wrong key', () => {
    expect(crypto.decrypt(encrypt(AES_KEY, 'wx-someone-else', 'hi'))).toEqual({
      ok: false,
      reason: 'message is for another account',
    });
    expect(crypto.decrypt('not base64 at all!!').ok).toBe(false);
    const other = createWxCrypto('abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG', 'wx5823bf96d3bd56c7');
    expect(other.decrypt(crypto.encrypt('hello')).ok).toBe(false);
  });
});

describe('WeChat XML', () => {
  it('reads CDATA, plain text with entities and flattens nested elements', () => {
    const parsed = parseWxXml(
      '<xml><ToUserName><![CDATA[gh_1]]></ToUserName><CreateTime>1348831860</CreateTime><Content>a &amp; b &lt;c&gt;</Content><ScanCodeInfo><ScanType><![CDATA[qrcode]]></ScanType></ScanCodeInfo></xml>',
    );
    expect(parsed).toEqual({
      ok: true,
      value: { ToUserName: 'gh_1', CreateTime: '1348831860', Content: 'a & b <c>', ScanType: 'qrcode' },
    });
  });

  it('refuses bodies that are not WeChat XML, and DTDs', () => {
    expect(parseWxXml('{"MsgType":"text"}').ok).toBe(false);
    expect(
      parseWxXml(
        '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><xml><A>&e;</A></xml>',
      ).ok,
    ).toBe(false);
  });

  it('writes strings in CDATA even when they contain "]]>"', () => {
    const built = buildWxXml({ Content: 'x]]>y', CreateTime: 5 });
    expect(built).toBe(
      '<xml><Content><![CDATA[x]]]]><![CDATA[>y]]></Content><CreateTime>5</CreateTime></xml>',
    );
    expect(parseWxXml(built).ok && parseWxXml(built)).toMatchObject({ value: { CreateTime: '5' } });
  });
});

describe('replies rendered for WeChat text', () => {
  let t: ReturnType<typeof i18next.getFixedT>;
  let tEn: ReturnType<typeof i18next.getFixedT>;
  beforeAll(() => {
    const i18n = createI18n();
    t = i18n.getFixedT('zh-CN');
    tEn = i18n.getFixedT('en');
  });

  const station = {
    name: '国贸CBD户外劳动者服务站',
    address: '朝阳区建国门外大街1号',
    distanceM: 1234,
    openNow: true,
    hoursToday: '08:00–20:00',
    amenities: ['饮水', '充电'],
    mapLinks: {
      amap: 'https://uri.amap.com/marker?position=116.46,39.90',
      tencent: 'https://apis.map.qq.com/x',
      baidu: 'https://api.map.baidu.com/x',
    },
  };

  it('turns a station card into short lines with one map link', () => {
    const text = renderReplyText({ type: 'stations', text: '离你最近的驿站：', stations: [station] }, t);
    expect(text).toBe(
      '离你最近的驿站：\n\n1. 国贸CBD户外劳动者服务站（1.2 公里，现在开放）\n朝阳区建国门外大街1号\n今天：08:00–20:00\n提供：饮水、充电\n地图：https://uri.amap.com/marker?position=116.46,39.90',
    );
  });

  it('puts citations inline unless the text already names them', () => {
    const reply: OutboundMessage = {
      type: 'answer',
      text: '用人单位应当按时足额支付劳动报酬。',
      citations: [
        { law: '劳动合同法', article: 30 },
        { law: '工资支付暂行规定', article: 7 },
      ],
    };
    expect(renderReplyText(reply, t)).toBe(
      '用人单位应当按时足额支付劳动报酬。\n（依据：《劳动合同法》第30条、《工资支付暂行规定》第7条）',
    );
    const named = renderReplyText(
      { ...reply, text: '依照《劳动合同法》第30条……', citations: [{ law: '劳动合同法', article: 30 }] },
      t,
    );
    expect(named).toBe('依照《劳动合同法》第30条……');
    expect(
      renderReplyText({ ...reply, citations: [{ law: 'Labour Contract Law', article: 30 }] }, tEn),
    ).toContain('(Source: Labour Contract Law, art. 30)');
  });

  it('names an answer’s citations once: its basis line in words is not repeated, others are added in words', () => {
    const reply: OutboundMessage = {
      type: 'answer',
      text: '拖欠工资违法。\n\n法律依据：《劳动合同法》第三十条',
      citations: [
        { law: '劳动合同法', article: 30, title: '第三十条' },
        { law: '劳动法', article: 44, title: '第四十四条' },
      ],
    };
    expect(renderReplyText(reply, t)).toBe(
      '拖欠工资违法。\n\n法律依据：《劳动合同法》第三十条\n（依据：《劳动法》第四十四条）',
    );
  });

  it('adds the ticket number, query code and status in words when the text does not show them', () => {
    const text = renderReplyText(
      {
        type: 'ticket',
        text: '已登记。',
        ticket: { number: 'GY-20261129-0001', queryCode: 'ABC234', status: 'submitted' },
      },
      t,
    );
    expect(text).toContain('编号：GY-20261129-0001，查询码：ABC234（已提交）');
  });

  it('offers quick replies as phrases to type, without device actions', () => {
    const text = renderReplyText(
      {
        type: 'text',
        text: '请发送位置',
        quickReplies: [
          { label: '发送位置', text: '', action: 'share-location' },
          { label: '附近驿站', text: '附近的工会驿站' },
        ],
      },
      t,
    );
    expect(text).toBe('请发送位置\n\n你可以直接回复：「附近的工会驿站」');
  });

  it('splits long replies under the WeChat size limit at line breaks', () => {
    const long = Array.from({ length: 200 }, (_, i) => `第${i}行：劳动者依法享有取得劳动报酬的权利。`).join(
      '\n',
    );
    const pieces = renderRepliesText([{ type: 'answer', text: long }], t);
    expect(pieces.length).toBeGreaterThan(1);
    for (const piece of pieces) expect(Buffer.byteLength(piece)).toBeLessThanOrEqual(1900);
    expect(pieces.join('\n')).toBe(long);
    expect(splitByBytes('短', 10)).toEqual(['短']);
  });
});
