import { describe, expect, it } from 'vitest';
import { initialState, parseState, serializeState } from '../../src/conversation/state.js';

describe('a stored conversation state, parsed with the compiled schema', () => {
  it('takes a well-formed state, and "{}" as a new one', () => {
    const state = {
      v: 1 as const,
      flow: { name: 'intake', step: 'industry', data: { wage: 4500 }, startedAt: '2026-12-04T10:00:00.000Z' },
      lastIntent: 'report_wage_arrears',
      turns: 3,
      memory: { place: '上海' },
    };
    expect(parseState(serializeState(state))).toEqual({ ok: true, value: state });
    expect(parseState('{}')).toEqual({ ok: true, value: initialState() });
  });

  it('refuses a bad row with the place it went wrong', () => {
    expect(parseState('{"v":1,')).toEqual({ ok: false, reason: 'state is not valid JSON' });
    const negative = parseState(JSON.stringify({ ...initialState(), turns: -1 }));
    expect(negative).toMatchObject({ ok: false, reason: expect.stringContaining('/turns') });
    const noName = parseState(
      JSON.stringify({ ...initialState(), flow: { step: 'x', data: {}, startedAt: '' } }),
    );
    expect(noName.ok).toBe(false);
    expect(parseState(JSON.stringify({ ...initialState(), v: 2 })).ok).toBe(false);
    expect(parseState('"a string"').ok).toBe(false);
    expect(parseState('null').ok).toBe(false);
  });
});
