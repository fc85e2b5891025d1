import { describe, expect, it } from 'vitest';
import { detectIntent } from '../../src/conversation/understanding/detect-intent.js';

// Messages from the issue's own trial (issue 12), not from the corpus: what the old regex rules missed.
describe('the understanding reads what workers write', () => {
  it.each([
    ['工资到现在也被拖着，一直说下个月', 'arrears'],
    ['平台一直不给结算 跑了一个月白跑', 'arrears'],
    ['the restaurant owes me two months pay', 'arrears'],
    ['i havent been paid since september', 'arrears'],
    ['my boss didnt pay me', 'arrears'],
    ['包工头跑路了', 'arrears'],
  ])('%s → %s', (text, intent) => {
    expect(detectIntent({ text }).name).toBe(intent);
  });

  it('keeps exact commands as rules', () => {
    expect(detectIntent({ text: '取消' })).toMatchObject({ name: 'cancel', source: 'command' });
    expect(detectIntent({ text: 'menu' })).toMatchObject({ name: 'help', source: 'command' });
    expect(detectIntent({ text: '查一下 GY-20261129-0001' })).toMatchObject({
      name: 'ticket_status',
      source: 'command',
    });
    expect(detectIntent({ text: 'English please' })).toMatchObject({ name: 'language', locale: 'en' });
  });
});
