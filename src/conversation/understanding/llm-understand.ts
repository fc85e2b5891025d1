import Type, { type Static } from 'typebox';
import { INDUSTRIES } from '../../offices/office-types.js';
import type { Llm } from '../../platform/llm/llm-plugin.js';
import { messageForModel, readJsonReply } from '../../platform/llm/read-model-reply.js';
import { loadPrompt } from '../../platform/prompts/load-prompt.js';
import { CORPUS_INTENTS, CORPUS_TOPICS } from './corpus/load-corpus.js';

/** A field the model did not find is null, never a guess (strict structured outputs need every key). */
const nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) =>
  Type.Union([schema, Type.Null()]);
const literals = <const T extends readonly string[]>(values: T) => Type.Unsafe<T[number]>(Type.Enum(values));

/** Facts of a wage report as the model may state them. Personal data is not among them. */
export const MessageFactsSchema = Type.Object(
  {
    industry: nullable(literals(INDUSTRIES)),
    platform: nullable(Type.String({ maxLength: 40 })),
    employer: nullable(Type.String({ maxLength: 100 })),
    place: nullable(Type.String({ maxLength: 60 })),
    amountYuan: nullable(Type.Number({ minimum: 1, maximum: 100_000_000 })),
    periodText: nullable(Type.String({ maxLength: 60 })),
    workerCount: nullable(Type.Integer({ minimum: 1, maximum: 100_000 })),
    job: nullable(Type.String({ maxLength: 40 })),
  },
  { additionalProperties: false },
);
export type MessageFacts = Static<typeof MessageFactsSchema>;

/**
 * One reading of a message: the same intents and topics the offline model is trained on
 * (corpus/load-corpus.ts), plus the facts. The LLM's reply must fit this exactly.
 */
export const UnderstandingSchema = Type.Object(
  {
    intent: literals(CORPUS_INTENTS),
    topic: nullable(literals(CORPUS_TOPICS)),
    facts: MessageFactsSchema,
  },
  { additionalProperties: false },
);
export type LlmUnderstanding = Static<typeof UnderstandingSchema>;

/** On the path of every message: a slow provider must not hold the worker's reply for long. */
export const UNDERSTAND_TIMEOUT_MS = 2500;

/**
 * Ask the model for the intent and the facts in one structured call; `name`, when the message
 * gives one, is replaced before it is sent. Undefined on any failure
 * (timeout, provider error, not JSON, wrong shape): the caller keeps the offline reading.
 */
export async function llmUnderstand(
  llm: Llm,
  text: string,
  name?: string,
): Promise<LlmUnderstanding | undefined> {
  const { system, user } = loadPrompt('understand');
  const safe = messageForModel(text, name);
  const result = await llm.complete(
    [
      { role: 'system', content: system },
      { role: 'user', content: user.replace('{{message}}', safe) },
    ],
    {
      maxTokens: 300,
      temperature: 0,
      timeoutMs: UNDERSTAND_TIMEOUT_MS,
      jsonSchema: {
        name: 'understanding',
        schema: UnderstandingSchema as unknown as Record<string, unknown>,
      },
    },
  );
  if (!result.ok) return undefined;
  return readJsonReply(result.text, UnderstandingSchema);
}
