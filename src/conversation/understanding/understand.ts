import type { FastifyBaseLogger } from 'fastify';
import type { InboundMessage } from '../../messages/messages.js';
import type { Llm } from '../../platform/llm/llm-plugin.js';
import { looksLikeChineseName, parseName } from '../../tickets/fields/parse-name.js';
import { detectIntent } from './detect-intent.js';
import type { DetectedIntent, IntentName } from './intent.js';
import { llmUnderstand } from './llm-understand.js';

export type Understand = (
  message: Pick<InboundMessage, 'text' | 'location' | 'image' | 'audio'>,
) => Promise<DetectedIntent>;

export interface UnderstandDeps {
  llm?: () => Llm | undefined;
  log?: Pick<FastifyBaseLogger, 'info'>;
}

/**
 * The engine's reading of a message. Offline it is the trained model (and the exact-command
 * rules). With an LLM configured, one structured call reads the intent and every intake fact;
 * it is the only LLM call of a turn (the intake takes its facts), exact commands never wait for
 * it, and the offline reading stands when the call fails. Danger
 * is kept from either reading: a false alarm costs a look, a miss can cost a life.
 */
export function createUnderstand(deps: UnderstandDeps = {}): Understand {
  return async (message) => {
    const offline = detectIntent(message);
    const llm = deps.llm?.();
    const text = message.text?.trim();
    if (!llm || offline.source === 'command' || !text) return offline;
    // A name alone (the answer to "怎么称呼？") has nothing to understand and is not sent out.
    if (looksLikeChineseName(text)) return offline;
    const named = parseName(text);
    const read = await llmUnderstand(llm, text, named.ok ? named.value : undefined);
    if (!read) {
      deps.log?.info({ offline: offline.name }, 'llm understanding unavailable; offline reading used');
      return offline;
    }
    if (offline.name === 'danger') return { ...offline, facts: read.facts };
    const name: IntentName = read.intent;
    return {
      name,
      score: 1,
      source: 'llm',
      ...(read.topic && (name === 'question' || name === 'arrears') ? { topic: read.topic } : {}),
      facts: read.facts,
    };
  };
}
