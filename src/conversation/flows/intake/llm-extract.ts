import Type, { type Static } from 'typebox';
import { INDUSTRIES } from '../../../offices/office-types.js';
import type { ChatMessage, Llm } from '../../../platform/llm/llm-plugin.js';
import { messageForModel, readJsonReply } from '../../../platform/llm/read-model-reply.js';
import { loadPrompt } from '../../../platform/prompts/load-prompt.js';

const nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) =>
  Type.Optional(Type.Union([schema, Type.Null()]));

/** What the model may return; anything else is dropped. Personal data is not among it. */
export const LlmFactsSchema = Type.Object({
  industry: nullable(Type.Unsafe<(typeof INDUSTRIES)[number]>(Type.Enum(INDUSTRIES))),
  platform: nullable(Type.String({ maxLength: 40 })),
  employer: nullable(Type.String({ maxLength: 100 })),
  place: nullable(Type.String({ maxLength: 60 })),
  amountYuan: nullable(Type.Number({ minimum: 1, maximum: 100_000_000 })),
  periodText: nullable(Type.String({ maxLength: 60 })),
  workerCount: nullable(Type.Integer({ minimum: 1, maximum: 100_000 })),
  evidence: nullable(Type.Array(Type.String())),
  wants: nullable(Type.Array(Type.String())),
});
export type LlmFacts = Static<typeof LlmFactsSchema>;

/** The message as the model sees it (kept here under its old name for the intake's callers). */
export { messageForModel };

export function extractMessages(text: string, name?: string): ChatMessage[] {
  const { system, user } = loadPrompt('intake-extract');
  return [
    { role: 'system', content: system },
    { role: 'user', content: user.replace('{{message}}', messageForModel(text, name)) },
  ];
}

/**
 * Ask the model for the facts the offline parsers missed. Undefined on any failure (timeout,
 * no JSON, wrong shape): the intake simply asks the worker, as it does offline.
 */
export async function llmExtract(llm: Llm, text: string, name?: string): Promise<LlmFacts | undefined> {
  const result = await llm.complete(extractMessages(text, name), { maxTokens: 300, temperature: 0 });
  if (!result.ok) return undefined;
  return readJsonReply(result.text, LlmFactsSchema, { clean: true });
}
