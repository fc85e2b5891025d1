import Type, { type Static } from 'typebox';
import Value from 'typebox/value';

/**
 * The one configuration schema. Nothing else reads process.env: server.ts passes the
 * environment in, tests pass plain objects.
 */
export const ConfigSchema = Type.Object({
  NODE_ENV: Type.Union([Type.Literal('development'), Type.Literal('production'), Type.Literal('test')], {
    default: 'development',
  }),
  PORT: Type.Integer({ minimum: 0, maximum: 65535, default: 3000 }),
  HOST: Type.String({ minLength: 1, default: '127.0.0.1' }),
  /** `file:` → SQLite (the default, nothing to install), `postgres://` / `postgresql://` → PostgreSQL. */
  DATABASE_URL: Type.String({ pattern: '^(file:|postgres(ql)?://).+', default: 'file:./data/gongyou.db' }),
  /**
   * Redis shared by the instances of one deployment (redis:// or rediss://): live frames between
   * instances, the rate-limit counters. Unset: one instance, everything in-process.
   */
  REDIS_URL: Type.Optional(Type.String({ pattern: '^rediss?://.+' })),
  /** Start of every key and channel name, so deployments can share one Redis. */
  REDIS_PREFIX: Type.String({ pattern: '^[A-Za-z0-9:_-]{1,40}$', default: 'gongyou:' }),
  /** How long a write waits (asynchronously) for another process's lock before a 503. */
  DATABASE_BUSY_WAIT_MS: Type.Integer({ minimum: 0, maximum: 60_000, default: 5000 }),
  /** PostgreSQL: connections this instance holds (instances × this stays under max_connections). */
  DATABASE_POOL_SIZE: Type.Integer({ minimum: 1, maximum: 500, default: 10 }),
  LOG_LEVEL: Type.Union(
    ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'].map((level) => Type.Literal(level)),
    { default: 'info' },
  ),
  OPENAI_API_KEY: Type.Optional(Type.String({ minLength: 1 })),
  OPENAI_BASE_URL: Type.String({ pattern: '^https?://', default: 'https://api.openai.com/v1' }),
  OPENAI_MODEL: Type.String({ minLength: 1, default: 'gpt-4o-mini' }),
  /** Milliseconds before an LLM call is abandoned for the offline answer. */
  LLM_TIMEOUT_MS: Type.Integer({ minimum: 100, maximum: 120_000, default: 15_000 }),
  /**
   * With an LLM configured, read each message's intent and intake facts with one structured call
   * (the offline model stands when it fails). Off: the LLM only writes answers.
   */
  LLM_UNDERSTANDING: Type.Boolean({ default: true }),
  /**
   * Speech recognition: an OpenAI-compatible `/audio/transcriptions` endpoint (OpenAI, a local
   * whisper server, SenseVoice behind an adapter). Unset: voice messages are kept for staff and
   * the worker is told the bot cannot listen yet.
   */
  ASR_BASE_URL: Type.Optional(Type.String({ pattern: '^https?://' })),
  ASR_MODEL: Type.String({ minLength: 1, default: 'whisper-1' }),
  /** The ASR provider's key; OPENAI_API_KEY is used when this is unset. */
  ASR_API_KEY: Type.Optional(Type.String({ minLength: 1 })),
  /** Milliseconds before a transcription is abandoned (the worker then gets the fallback). */
  ASR_TIMEOUT_MS: Type.Integer({ minimum: 100, maximum: 60_000, default: 8000 }),
  /** Largest voice recording accepted, in bytes (a minute of Opus or AMR is well under 1 MB). */
  ASR_MAX_BYTES: Type.Integer({ minimum: 1024, maximum: 25 * 1024 * 1024, default: 2 * 1024 * 1024 }),
  /** 32-byte key for personal data at rest: 64 hex characters or base64. */
  GONGYOU_DATA_KEY: Type.Optional(Type.String({ pattern: '^([0-9a-fA-F]{64}|[A-Za-z0-9+/]{43}=)$' })),
  /** Load the labelled sample data (stations …) into an empty database at start. */
  SEED_SAMPLE_DATA: Type.Boolean({ default: true }),
  /** Directory of statute Markdown files imported at start (optional). */
  KNOWLEDGE_DIR: Type.Optional(Type.String({ minLength: 1 })),
  /** Folder of knowledge card Markdown files; unset = the project's own, knowledge/cards/. */
  KNOWLEDGE_CARDS_DIR: Type.Optional(Type.String({ minLength: 1 })),
  RATE_LIMIT_PER_MINUTE: Type.Integer({ minimum: 1, default: 600 }),
  BODY_LIMIT_BYTES: Type.Integer({ minimum: 1024, maximum: 50 * 1024 * 1024, default: 256 * 1024 }),
  /** Open chat sockets (web and mini-program) one client address may hold at once. */
  WS_MAX_PER_IP: Type.Integer({ minimum: 1, maximum: 10_000, default: 20 }),
  /** Chat turns one conversation may have waiting or running; more are told to retry. */
  CHAT_QUEUE_PER_CONVERSATION: Type.Integer({ minimum: 1, maximum: 100, default: 5 }),
  /** Chat turns the process may have waiting or running in all; more get 503 / a busy frame. */
  CHAT_QUEUE_MAX: Type.Integer({ minimum: 1, maximum: 100_000, default: 1000 }),
  /** Whether a request is trusted to come through a reverse proxy (X-Forwarded-For). */
  TRUST_PROXY: Type.Boolean({ default: false }),
  /** Staff console: browser session length, login attempts per IP per minute, wrong passwords before lockout. */
  STAFF_SESSION_HOURS: Type.Integer({ minimum: 1, maximum: 720, default: 12 }),
  STAFF_LOGIN_PER_MINUTE: Type.Integer({ minimum: 1, default: 10 }),
  STAFF_LOCKOUT_AFTER: Type.Integer({ minimum: 1, maximum: 100, default: 5 }),
  /** Secure flag on the staff cookie; defaults to on in production. */
  STAFF_COOKIE_SECURE: Type.Optional(Type.Boolean()),
  /** When union staff answer chats, China time: days 1-7 (Mon=1) and hours, e.g. "1-5 09:00-17:30". */
  OFFICE_HOURS: Type.String({
    pattern: '^[1-7]-[1-7] \\d{2}:\\d{2}-\\d{2}:\\d{2}$',
    default: '1-5 09:00-17:30',
  }),
  /** Office (code or id) whose queue takes chats that name no region and have no ticket. */
  HANDOFF_OFFICE: Type.String({ minLength: 1, default: 'acftu' }),
  /**
   * JSON file of cities' average monthly wages (economic compensation's cap, 劳动合同法 第四十七条)
   * that replaces the shipped table; the operator keeps it current each year.
   */
  AVERAGE_WAGES_FILE: Type.Optional(Type.String({ minLength: 1 })),
  /** Arbitration-limit reminders 30 days before the last day: how often to look, 0 = never. */
  LIMIT_REMINDER_INTERVAL_MS: Type.Integer({ minimum: 0, maximum: 86_400_000, default: 3_600_000 }),
  /** Directory of edited 一函两书 templates (reminder.md, opinion.md, suggestion.md) that replace the built-in ones. */
  SUPERVISION_TEMPLATES_DIR: Type.Optional(Type.String({ minLength: 1 })),
  /** Chinese font embedded in 一函两书 PDFs (read from disk, never downloaded). */
  PDF_FONT_FILE: Type.String({ minLength: 1, default: '/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc' }),
  /** The face inside a .ttc collection (its PostScript name). */
  PDF_FONT_FACE: Type.String({ minLength: 1, default: 'WenQuanYiZenHei' }),
  /** Public holidays skipped when counting a reply deadline's working days: 2026-10-01,2026-10-02,… */
  PUBLIC_HOLIDAYS: Type.Optional(
    Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}(,\\s*\\d{4}-\\d{2}-\\d{2})*$' }),
  ),
  /** Tickets: amounts owed (yuan) above this make a ticket high priority. */
  TICKET_HIGH_AMOUNT_YUAN: Type.Integer({ minimum: 0, default: 50_000 }),
  /** Hours an office has to act on a ticket, by priority (the worker is told the due time). */
  TICKET_SLA_HOURS_HIGH: Type.Integer({ minimum: 1, maximum: 2160, default: 24 }),
  TICKET_SLA_HOURS_NORMAL: Type.Integer({ minimum: 1, maximum: 2160, default: 72 }),
  /** Route collective cases (10+ workers) one level up from the office otherwise chosen. */
  ROUTE_COLLECTIVE_UP: Type.Boolean({ default: false }),
  // WeChat channels (all optional; a channel is on when its variables are set).
  /** wechaty puppet package, e.g. wechaty-puppet-service; unset = no personal-account bot. */
  WECHATY_PUPPET: Type.Optional(Type.String({ minLength: 1 })),
  WECHATY_PUPPET_SERVICE_TOKEN: Type.Optional(Type.String({ minLength: 1 })),
  /** One process per database runs the bot; another takes over this long after it stops answering. */
  WECHATY_LEASE_SECONDS: Type.Integer({ minimum: 3, maximum: 600, default: 30 }),
  WECHAT_MP_APPID: Type.Optional(Type.String({ minLength: 1 })),
  WECHAT_MP_SECRET: Type.Optional(Type.String({ minLength: 1 })),
  /** Hours a mini-program session token stays valid. */
  WECHAT_MP_SESSION_HOURS: Type.Integer({ minimum: 1, maximum: 720, default: 168 }),
  /** Subscription-message template (订阅消息) for ticket status changes while the mini-program is closed. */
  WECHAT_MP_TICKET_TEMPLATE_ID: Type.Optional(Type.String({ minLength: 1, maxLength: 128 })),
  /** Which template keyword holds what: `number`, `status`, `office`, `time` = keyword. */
  WECHAT_MP_TICKET_TEMPLATE_FIELDS: Type.String({
    pattern: '^(?:number|status|office|time)=[a-z_]+[0-9]+(?:,(?:number|status|office|time)=[a-z_]+[0-9]+)*$',
    default: 'number=character_string1,status=phrase2,office=thing3,time=time4',
  }),
  /** Mini-program page the notice opens (e.g. pages/tickets/index); unset = not tappable. */
  WECHAT_MP_TICKET_PAGE: Type.Optional(Type.String({ minLength: 1, maxLength: 128 })),
  /** Which build the notice opens: formal (released), trial or developer. */
  WECHAT_MP_STATE: Type.Union([Type.Literal('formal'), Type.Literal('trial'), Type.Literal('developer')], {
    default: 'formal',
  }),
  WECHAT_OA_APPID: Type.Optional(Type.String({ minLength: 1 })),
  WECHAT_OA_SECRET: Type.Optional(Type.String({ minLength: 1 })),
  WECHAT_OA_TOKEN: Type.Optional(Type.String({ minLength: 3, maxLength: 32 })),
  /** 43 characters from the official account's server settings (secure mode). */
  WECHAT_OA_ENCODING_AES_KEY: Type.Optional(Type.String({ pattern: '^[A-Za-z0-9]{43}$' })),
  WECOM_CORP_ID: Type.Optional(Type.String({ minLength: 1 })),
  /** Secret of the WeChat Customer Service (微信客服) app in WeCom. */
  WECOM_KF_SECRET: Type.Optional(Type.String({ minLength: 1 })),
  WECOM_TOKEN: Type.Optional(Type.String({ minLength: 1, maxLength: 32 })),
  WECOM_ENCODING_AES_KEY: Type.Optional(Type.String({ pattern: '^[A-Za-z0-9]{43}$' })),
  /** How long an official-account callback waits for the answer before it is sent later instead (WeChat gives up at 5 s). */
  WECHAT_PASSIVE_REPLY_MS: Type.Integer({ minimum: 100, maximum: 4500, default: 4000 }),
});

export type Config = Static<typeof ConfigSchema>;

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n  ${problems.join('\n  ')}`);
    this.name = 'ConfigError';
  }
}

/**
 * Validate an environment-like record. Empty strings count as unset, so `FOO=` in .env
 * falls back to the default. Throws ConfigError naming every bad variable.
 */
export function loadConfig(env: Record<string, string | undefined>): Config {
  const known = Object.keys(ConfigSchema.properties);
  const input: Record<string, unknown> = {};
  for (const key of known) {
    const value = env[key];
    if (value !== undefined && value !== '') input[key] = value;
  }
  const withDefaults = Value.Default(ConfigSchema, input);
  const converted = Value.Convert(ConfigSchema, withDefaults);
  if (Value.Check(ConfigSchema, converted)) return converted;

  // Check variable by variable so every bad one is named, not just the first.
  const problems: string[] = [];
  for (const [name, schema] of Object.entries(ConfigSchema.properties)) {
    const value = (converted as Record<string, unknown>)[name];
    if (value === undefined || Value.Check(schema, value)) continue;
    const shown = /KEY|SECRET|TOKEN|DATABASE_URL/.test(name) ? '' : ` (got "${String(input[name])}")`;
    problems.push(`${name}: ${describeExpectation(schema)}${shown}`);
  }
  throw new ConfigError(problems);
}

function describeExpectation(schema: unknown): string {
  const s = schema as {
    anyOf?: { const?: unknown }[];
    type?: string;
    pattern?: string;
    minimum?: number;
    maximum?: number;
  };
  if (s.anyOf) return `must be one of ${s.anyOf.map((option) => option.const).join(', ')}`;
  if (s.type === 'integer') return `must be an integer from ${s.minimum ?? '-∞'} to ${s.maximum ?? '∞'}`;
  if (s.type === 'boolean') return 'must be true or false';
  if (s.pattern) return `must match ${s.pattern}`;
  return `must be a ${s.type ?? 'valid value'}`;
}

/** For entry points: the config, or the problems on stderr and exit code 1. */
export function loadConfigOrExit(env: Record<string, string | undefined>): Config {
  try {
    return loadConfig(env);
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(err.message);
      process.exit(1);
    }
    throw err;
  }
}
