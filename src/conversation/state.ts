import Type, { type Static } from 'typebox';
import Compile from 'typebox/compile';
import Value from 'typebox/value';
import type { Result } from '../platform/result.js';

/** The flow a user is in the middle of (an intake, a location question …). */
export const ActiveFlowSchema = Type.Object({
  name: Type.String({ minLength: 1 }),
  step: Type.String({ minLength: 1 }),
  /** Flow-owned data; each flow parses its own part with its own schema. */
  data: Type.Record(Type.String(), Type.Unknown()),
  startedAt: Type.String(),
});
export type ActiveFlow = Static<typeof ActiveFlowSchema>;

export const ConversationStateSchema = Type.Object({
  v: Type.Literal(1),
  flow: Type.Union([Type.Null(), ActiveFlowSchema]),
  lastIntent: Type.Optional(Type.String()),
  turns: Type.Integer({ minimum: 0 }),
  /** Small facts kept across flows (e.g. the user's last location), owned by the flows. */
  memory: Type.Record(Type.String(), Type.Unknown()),
});
export type ConversationState = Static<typeof ConversationStateSchema>;

export const CONVERSATION_MODES = ['bot', 'waiting', 'human', 'closed'] as const;
export type ConversationMode = (typeof CONVERSATION_MODES)[number];

export function initialState(): ConversationState {
  return { v: 1, flow: null, turns: 0, memory: {} };
}

export type ParseResult<T> = Result<T>;

// Compiled once (every turn reads a state); the interpreted Value.Errors stays for the reasons.
const stateCheck = Compile(ConversationStateSchema);

/** Parse stored state JSON. Old or corrupt rows are reported, never silently half-used. */
export function parseState(json: string): ParseResult<ConversationState> {
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch {
    return { ok: false, reason: 'state is not valid JSON' };
  }
  // A brand-new conversation row holds "{}".
  if (raw && typeof raw === 'object' && Object.keys(raw).length === 0)
    return { ok: true, value: initialState() };
  if (stateCheck.Check(raw)) return { ok: true, value: raw };
  const first = [...Value.Errors(ConversationStateSchema, raw)][0];
  return {
    ok: false,
    reason: `state does not match schema at ${first?.instancePath || '/'}: ${first?.message}`,
  };
}

export function serializeState(state: ConversationState): string {
  return JSON.stringify(state);
}
