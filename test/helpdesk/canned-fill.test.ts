import { describe, expect, it } from 'vitest';
import { fillCannedReply, unknownVariables } from '../../src/helpdesk/canned-replies.js';

describe('canned reply variables', () => {
  it('fills the three variables and leaves one without a value visible', () => {
    const text = '我是{officeName}的{staffName}，工单{ticketNumber}。';
    expect(
      fillCannedReply(text, {
        officeName: '徐汇区总工会',
        staffName: '李明',
        ticketNumber: 'GY-20261203-0001',
      }),
    ).toBe('我是徐汇区总工会的李明，工单GY-20261203-0001。');
    expect(fillCannedReply(text, { officeName: '徐汇区总工会', staffName: '李明', ticketNumber: null })).toBe(
      '我是徐汇区总工会的李明，工单{ticketNumber}。',
    );
  });

  it('names variables it does not know, so a typo or a worker field is refused when saved', () => {
    expect(unknownVariables('{ticketNo} {workerName} {staffName}')).toEqual(['ticketNo', 'workerName']);
    expect(unknownVariables('无变量')).toEqual([]);
  });
});
