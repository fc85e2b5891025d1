import type { FastifyInstance } from 'fastify';
import type { OutboundMessage } from '../../messages/messages.js';
import type { Persona } from './persona.js';
import { checkRoute, type RouteCheck } from './route-check.js';

export const MAX_TURNS = 20;
/** The same question this many times is a loop: the worker is stuck. */
export const LOOP_AT = 3;

/** What the worker taps or types when the bot offers to file (the menu and the answer cards). */
const FILE_TEXTS = ['我要反映欠薪', 'I want to report unpaid wages'];

export interface PersonaRun {
  id: string;
  /** Bot turns in the whole conversation (one per worker message). */
  turns: number;
  ticketNumber?: string;
  route?: RouteCheck;
  /** The question asked LOOP_AT times, when one was. */
  loop?: string;
  /** Why the conversation ended without a ticket. */
  failure?: string;
  /** The question key of every bot turn, in order (no personal data). */
  questions: string[];
  /** The opening was not taken as a report: the worker had to tap "report" to file. */
  openingMissed: boolean;
}

interface IntakeView {
  step?: string;
  pending?: string;
}

function intakeView(state: { flow: { name: string; data: Record<string, unknown> } | null }): IntakeView {
  if (state.flow?.name !== 'intake') return {};
  const { step, pending } = state.flow.data;
  return {
    step: typeof step === 'string' ? step : undefined,
    pending: typeof pending === 'string' ? pending : undefined,
  };
}

const offersToFile = (replies: OutboundMessage[]) =>
  replies.some((r) => r.quickReplies?.some((q) => FILE_TEXTS.includes(q.text)));

/** The worker's next message for the intake's current question, from their script. */
function answerFor(persona: Persona, view: IntakeView): string {
  const english = persona.lang === 'en';
  const dontKnow = english ? "I don't know" : '不知道';
  const { answers } = persona;
  switch (view.step) {
    case 'collect':
      return (view.pending && answers[view.pending]) || dontKnow;
    case 'choose-place':
      return answers.placeChoice ?? answers.place ?? dontKnow;
    case 'confirm':
      return answers.confirm ?? (english ? 'yes' : '对');
    case 'consent':
      return answers.consent ?? (english ? 'I agree' : '同意');
    default:
      return dontKnow;
  }
}

/**
 * Play one persona against the real chat service: the opening, then whatever the bot asks,
 * answered from the script by the intake's pending slot or step, until a receipt, a dead end
 * or MAX_TURNS.
 */
export async function drivePersona(
  app: FastifyInstance,
  persona: Persona,
  options: { userId?: string } = {},
): Promise<PersonaRun> {
  const run: PersonaRun = { id: persona.id, turns: 0, questions: [], openingMissed: false };
  const externalUserId = options.userId ?? `eval-${persona.id}`;
  const seen = new Map<string, number>();
  let text = persona.opening;
  let fileRequests = 0;
  while (run.turns < MAX_TURNS) {
    const turn = await app.chat.handle({ channel: 'api', externalUserId, text });
    run.turns += 1;
    const receipt = turn.replies.find((r) => r.type === 'ticket' && r.ticket?.number);
    if (receipt?.ticket) {
      run.ticketNumber = receipt.ticket.number;
      const ticket = await app.tickets.get(receipt.ticket.number);
      if (ticket) run.route = checkRoute(ticket.regionCode, ticket.industry, persona.expect);
      return run;
    }
    const conversation = await app.conversations.findById(turn.conversationId);
    const view = conversation ? intakeView(conversation.state) : {};
    if (run.turns === 1 && !view.step) run.openingMissed = true;
    const handedOver = turn.mode === 'waiting' || turn.mode === 'human';
    const key = handedOver
      ? 'handoff'
      : view.step
        ? `intake:${view.step}${view.pending ? `:${view.pending}` : ''}`
        : `reply:${(turn.replies[0]?.text ?? '').replace(/\s+/g, ' ').slice(0, 24)}`;
    run.questions.push(key);
    const times = (seen.get(key) ?? 0) + 1;
    seen.set(key, times);
    if (times >= LOOP_AT && !run.loop) run.loop = key;

    if (handedOver) {
      run.failure = 'handed to a person';
      return run;
    }
    if (view.step) {
      text = answerFor(persona, view);
    } else if (offersToFile(turn.replies) && fileRequests < 2) {
      fileRequests += 1;
      text = persona.answers.file ?? FILE_TEXTS[persona.lang === 'en' ? 1 : 0]!;
    } else {
      run.failure = view.step === undefined && fileRequests ? 'filing never started' : 'no way to file';
      return run;
    }
  }
  run.failure = `no ticket after ${MAX_TURNS} turns`;
  return run;
}
