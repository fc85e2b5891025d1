import fp from 'fastify-plugin';
import OpenAI, { APIConnectionTimeoutError, APIError, APIUserAbortError } from 'openai';
import type { Config } from '../config/config.js';

export interface ChatMessage {
  role: 'system' | 'user' | 'assistant';
  content: string;
}

export type LlmFailure = 'timeout' | 'rate-limited' | 'provider-error' | 'bad-response' | 'network';

/** Never thrown: a failed call is a value the caller turns into the offline answer. */
export type LlmResult = { ok: true; text: string } | { ok: false; reason: LlmFailure; status?: number };

export interface LlmCompleteOptions {
  /** Stream: called with each piece of text as it arrives. */
  onToken?: (text: string) => void;
  maxTokens?: number;
  temperature?: number;
  /** A JSON schema the reply must follow (OpenAI structured outputs); providers without it fail the call. */
  jsonSchema?: { name: string; schema: Record<string, unknown> };
  /** A shorter deadline than the configured one, for calls on the path of every message. */
  timeoutMs?: number;
}

export interface Llm {
  readonly model: string;
  complete(messages: ChatMessage[], options?: LlmCompleteOptions): Promise<LlmResult>;
}

declare module 'fastify' {
  interface FastifyInstance {
    /** An OpenAI-compatible chat model, or undefined when OPENAI_API_KEY is not set (offline). */
    llm: Llm | undefined;
  }
}

type LlmConfig = Pick<Config, 'OPENAI_API_KEY' | 'OPENAI_BASE_URL' | 'OPENAI_MODEL' | 'LLM_TIMEOUT_MS'>;

/**
 * Any OpenAI-compatible provider (OpenAI, DeepSeek, Qwen, vLLM, Ollama). One deadline covers the
 * whole call, streaming included; no retries (a retry would blow the deadline, and the offline
 * answer is always there). Errors become results; nothing is thrown to the caller.
 */
export function createLlm(
  config: LlmConfig,
  log?: { warn(obj: object, msg: string): void },
): Llm | undefined {
  if (!config.OPENAI_API_KEY) return undefined;
  const client = new OpenAI({
    apiKey: config.OPENAI_API_KEY,
    baseURL: config.OPENAI_BASE_URL,
    timeout: config.LLM_TIMEOUT_MS,
    maxRetries: 0,
  });
  const model = config.OPENAI_MODEL;

  async function complete(messages: ChatMessage[], options: LlmCompleteOptions = {}): Promise<LlmResult> {
    const controller = new AbortController();
    const timer = setTimeout(
      () => controller.abort(),
      Math.min(options.timeoutMs ?? config.LLM_TIMEOUT_MS, config.LLM_TIMEOUT_MS),
    );
    const started = performance.now();
    try {
      const base = {
        model,
        messages,
        max_tokens: options.maxTokens ?? 700,
        temperature: options.temperature ?? 0.2,
        ...(options.jsonSchema
          ? {
              response_format: {
                type: 'json_schema' as const,
                json_schema: {
                  name: options.jsonSchema.name,
                  schema: options.jsonSchema.schema,
                  strict: true,
                },
              },
            }
          : {}),
      };
      let text = '';
      if (options.onToken) {
        const stream = await client.chat.completions.create(
          { ...base, stream: true },
          { signal: controller.signal },
        );
        for await (const chunk of stream) {
          const piece = chunk.choices?.[0]?.delta?.content;
          if (typeof piece !== 'string' || !piece) continue;
          text += piece;
          options.onToken(piece);
        }
      } else {
        const response = await client.chat.completions.create(base, { signal: controller.signal });
        const content = response?.choices?.[0]?.message?.content;
        text = typeof content === 'string' ? content : '';
      }
      if (!text.trim()) return fail('bad-response');
      return { ok: true, text };
    } catch (err) {
      if (
        controller.signal.aborted ||
        err instanceof APIConnectionTimeoutError ||
        err instanceof APIUserAbortError
      ) {
        return fail('timeout');
      }
      if (err instanceof APIError && typeof err.status === 'number') {
        return fail(
          err.status === 429 ? 'rate-limited' : err.status >= 500 ? 'provider-error' : 'bad-response',
          err.status,
        );
      }
      if (err instanceof APIError) return fail('network');
      // A malformed body or stream (garbage from the provider) lands here.
      return fail('bad-response');
    } finally {
      clearTimeout(timer);
    }

    function fail(reason: LlmFailure, status?: number): LlmResult {
      // Never the messages: they hold the user's words.
      log?.warn({ reason, status, model, ms: Math.round(performance.now() - started) }, 'llm call failed');
      return { ok: false, reason, status };
    }
  }

  return { model, complete };
}

export default fp(
  async (app) => {
    const llm = createLlm(app.config, app.log);
    app.decorate('llm', llm);
    app.log.info({ llm: llm ? { model: llm.model, baseUrl: app.config.OPENAI_BASE_URL } : 'offline' }, 'llm');
  },
  { name: 'llm', dependencies: ['config'] },
);
