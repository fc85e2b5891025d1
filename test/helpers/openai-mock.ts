// Response bodies an OpenAI-compatible /v1/chat/completions endpoint sends, for nock.

/** The body of a chat completion request, as the tests inspect it. */
export type ChatCompletionBody = {
  model: string;
  stream?: boolean;
  messages: { role: string; content: string }[];
};

/** A non-streamed completion whose answer is `content`. */
export function completion(content: string) {
  return {
    id: 'chatcmpl-1',
    object: 'chat.completion',
    created: 1,
    model: 'test-model',
    choices: [{ index: 0, message: { role: 'assistant', content }, finish_reason: 'stop' }],
  };
}

/** A streamed completion (server-sent events) delivering `pieces` one delta each. */
export function sse(pieces: string[]): string {
  const events = pieces.map((piece) =>
    JSON.stringify({
      id: 'chatcmpl-2',
      object: 'chat.completion.chunk',
      created: 1,
      model: 'test-model',
      choices: [{ index: 0, delta: { content: piece }, finish_reason: null }],
    }),
  );
  return `${events.map((event) => `data: ${event}\n\n`).join('')}data: [DONE]\n\n`;
}

/**
 * The app's settings for a mocked OpenAI-compatible server at `base` (short timeout: 400 ms).
 * The per-message understanding call is off unless asked for, so a test's mocked replies meet
 * the call it is about (test/understanding/llm-understand.test.ts covers that call).
 */
export function llmEnv(base: string, options: { understanding?: boolean } = {}): Record<string, string> {
  return {
    LLM_UNDERSTANDING: options.understanding ? 'true' : 'false',
    OPENAI_API_KEY: 'sk-test',
    OPENAI_BASE_URL: `${base}/v1`,
    OPENAI_MODEL: 'test-model',
    LLM_TIMEOUT_MS: '400',
  };
}
