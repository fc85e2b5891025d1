import { describe, expect, it } from 'vitest';
import { mentionsHarm } from '../../src/conversation/understanding/danger.js';

describe('words of harm (the danger guard decides now or past with the model)', () => {
  it.each([
    '老板再不给钱我就跳楼',
    '活不下去了，不想活了',
    '工头拿刀威胁我',
    '我被老板打了',
    '送餐路上出车祸了，腿在流血',
    '工友从脚手架上摔下来昏迷了',
    '他们把我关起来不让我走',
    'I want to kill myself',
    'my coworker is bleeding badly',
    'I was attacked by my supervisor',
  ])('flags "%s"', (text) => {
    expect(mentionsHarm(text)).toBe(true);
  });

  it.each([
    '老板拖欠我两个月工资不给，我该怎么办？',
    '加班费怎么算？有事打我电话',
    '工伤认定要多久',
    '公司不给交社保',
    'How is overtime paid?',
  ])('leaves "%s" alone', (text) => {
    expect(mentionsHarm(text)).toBe(false);
  });
});
