import type { Config } from '../config/config.js';
import type { Result } from '../result.js';
import { sniffAudio } from './audio-format.js';

export type AsrFailure =
  | 'not-audio'
  | 'too-large'
  | 'timeout'
  | 'provider-error'
  | 'bad-response'
  | 'network';

export interface Asr {
  readonly model: string;
  readonly maxBytes: number;
  /** Never throws: a failed transcription is a reason the caller answers with the fallback. */
  transcribe(audio: Buffer): Promise<Result<string, AsrFailure>>;
}

type AsrConfig = Pick<
  Config,
  'ASR_BASE_URL' | 'ASR_MODEL' | 'ASR_API_KEY' | 'OPENAI_API_KEY' | 'ASR_TIMEOUT_MS' | 'ASR_MAX_BYTES'
>;

/** Longest transcript taken as speech; more is a provider echoing something that is not a transcript. */
const MAX_TRANSCRIPT_CHARS = 2000;

/**
 * An OpenAI-compatible `POST {ASR_BASE_URL}/audio/transcriptions` (multipart: file, model,
 * response_format=json). Undefined without ASR_BASE_URL: the service then says it cannot listen
 * yet. One deadline for the whole call and no retry: the worker is waiting with the phone in hand.
 */
export function createAsr(
  config: AsrConfig,
  log?: { warn(obj: object, msg: string): void },
): Asr | undefined {
  if (!config.ASR_BASE_URL) return undefined;
  const endpoint = `${config.ASR_BASE_URL.replace(/\/+$/, '')}/audio/transcriptions`;
  const key = config.ASR_API_KEY ?? config.OPENAI_API_KEY;
  const model = config.ASR_MODEL;
  const maxBytes = config.ASR_MAX_BYTES;

  async function transcribe(audio: Buffer): Promise<Result<string, AsrFailure>> {
    const started = performance.now();
    const failed = (reason: AsrFailure, status?: number): Result<string, AsrFailure> => {
      // Never the audio or the transcript: they are the worker's words.
      log?.warn({ reason, status, model, ms: Math.round(performance.now() - started) }, 'asr call failed');
      return { ok: false, reason };
    };
    if (audio.length > maxBytes) return failed('too-large');
    const format = sniffAudio(audio);
    if (!format) return failed('not-audio');
    const form = new FormData();
    form.append(
      'file',
      new Blob([new Uint8Array(audio)], { type: format.mimeType }),
      `voice.${format.extension}`,
    );
    form.append('model', model);
    form.append('response_format', 'json');
    const signal = AbortSignal.timeout(config.ASR_TIMEOUT_MS);
    let response: Response;
    try {
      response = await fetch(endpoint, {
        method: 'POST',
        body: form,
        signal,
        ...(key ? { headers: { authorization: `Bearer ${key}` } } : {}),
      });
    } catch {
      return failed(signal.aborted ? 'timeout' : 'network');
    }
    if (!response.ok) {
      await response.body?.cancel().catch(() => undefined);
      return failed(
        response.status >= 500 || response.status === 429 ? 'provider-error' : 'bad-response',
        response.status,
      );
    }
    let body: unknown;
    try {
      body = await response.json();
    } catch {
      // A body cut off by the deadline is a timeout; one that is not JSON is garbage.
      return failed(signal.aborted ? 'timeout' : 'bad-response');
    }
    const text =
      typeof (body as { text?: unknown })?.text === 'string' ? (body as { text: string }).text : undefined;
    const spoken = text?.replace(/\s+/g, ' ').trim();
    if (!spoken || spoken.length > MAX_TRANSCRIPT_CHARS) return failed('bad-response');
    return { ok: true, value: spoken };
  }

  return { model, maxBytes, transcribe };
}
