import { describe, expect, it } from 'vitest';
import { detectIntent } from '../../src/conversation/understanding/detect-intent.js';
import { detectLanguage, detectLanguageSwitch } from '../../src/conversation/understanding/language.js';

describe('offline understanding: exact commands, then the model', () => {
  it.each([
    ['你好', 'greeting'],
    ['在吗', 'greeting'],
    ['hello', 'greeting'],
    ['菜单', 'help'],
    ['转人工', 'human'],
    ['我要找工作人员', 'human'],
    ['talk to a person', 'human'],
    ['查询进度 GY-20261129-0001', 'ticket_status'],
    ['GY-20261129-0001', 'ticket_status'],
    ['附近哪里能充电', 'stations'],
    ['哪里能热饭', 'stations'],
    ['where is the nearest rest station', 'stations'],
    ['我要反映欠薪', 'arrears'],
    ['我是美团骑手，站长拖欠我3个月工资一共一万二，我叫李强，电话138 1234 5678', 'arrears'],
    // A report put as a question is a report: the intake answers it as it offers to file.
    ['老板拖欠我两个月工资不给，我该怎么办？', 'arrears'],
    ['加班费怎么算', 'question'],
    ['试用期可以不签合同吗', 'question'],
    ['English please', 'language'],
    ['说中文', 'language'],
    ['取消', 'cancel'],
  ])('%s → %s', (text, intent) => {
    expect(detectIntent({ text }).name).toBe(intent);
  });

  it('a location or an image without text is its own intent', () => {
    expect(detectIntent({ location: { lat: 31.2, lng: 121.5, coord: 'wgs84' } }).name).toBe('location');
    expect(detectIntent({ image: { mediaId: 'm1' } }).name).toBe('image');
  });
});

describe('language detection', () => {
  it.each([
    ['你好', 'zh-CN'],
    ['hello there', 'en'],
    ['我的电话 13812345678', 'zh-CN'],
    ['GY-20261129-0001', undefined],
    ['12345', undefined],
  ])('%s → %s', (text, locale) => {
    expect(detectLanguage(text)).toBe(locale);
  });

  it('recognises explicit switches only', () => {
    expect(detectLanguageSwitch('English please')).toBe('en');
    expect(detectLanguageSwitch('切换到中文')).toBe('zh-CN');
    expect(detectLanguageSwitch('I speak English and need help with my contract')).toBeUndefined();
  });
});
