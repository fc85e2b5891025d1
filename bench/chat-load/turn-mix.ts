// The messages a bench conversation sends, in order and round again: a greeting, labour-law
// questions, a station search by location, and an intake started, answered and cancelled. The
// same mix drives the in-process CPU row and the WebSocket and HTTP load clients.
export interface MixMessage {
  text?: string;
  location?: { lat: number; lng: number; coord: 'gcj02' };
}

export const TURN_MIX: readonly MixMessage[] = [
  { text: '你好' },
  { text: '加班费怎么算' },
  { location: { lat: 31.2304, lng: 121.4737, coord: 'gcj02' } },
  { text: '老板拖欠工资三个月了怎么办' },
  { text: '我要反映欠薪' },
  { text: '美团骑手' },
  { text: '附近有驿站吗' },
  { text: '取消' },
];

/** The message a conversation sends on its `turn`-th turn. */
export const mixMessage = (turn: number): MixMessage => TURN_MIX[turn % TURN_MIX.length]!;
