// Wire schemas for chat messages: one source for validation, types and the OpenAPI docs.
import Type, { type Static } from 'typebox';
import { MESSAGE_TEXT_MAX_CHARS } from '../messages/messages.js';
import { SUPPORTED_LOCALES } from '../platform/i18n/locales.js';

export const LocaleSchema = Type.Union(SUPPORTED_LOCALES.map((l) => Type.Literal(l)));

export const GeoPointSchema = Type.Object(
  {
    lat: Type.Number({ minimum: -90, maximum: 90 }),
    lng: Type.Number({ minimum: -180, maximum: 180 }),
    coord: Type.Union([Type.Literal('wgs84'), Type.Literal('gcj02'), Type.Literal('bd09')], {
      default: 'wgs84',
    }),
    label: Type.Optional(Type.String({ maxLength: 200 })),
  },
  { additionalProperties: false },
);

export const ChatRequestSchema = Type.Object(
  {
    conversationId: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })),
    channelUserId: Type.Optional(
      Type.String({ minLength: 1, maxLength: 128, pattern: '^[A-Za-z0-9_.:-]+$' }),
    ),
    text: Type.Optional(Type.String({ maxLength: MESSAGE_TEXT_MAX_CHARS })),
    location: Type.Optional(GeoPointSchema),
    locale: Type.Optional(LocaleSchema),
  },
  { additionalProperties: false },
);
export type ChatRequest = Static<typeof ChatRequestSchema>;

const CitationSchema = Type.Object({
  law: Type.String(),
  article: Type.Integer(),
  title: Type.Optional(Type.String()),
  snippet: Type.Optional(Type.String()),
});

const QuickReplySchema = Type.Object({
  label: Type.String(),
  text: Type.String(),
  action: Type.Optional(Type.String()),
  feedback: Type.Optional(Type.Union([Type.Literal('yes'), Type.Literal('no')])),
});

export const ReplySchema = Type.Object({
  /** The stored message's id, where the client acknowledges or dedupes on it. */
  id: Type.Optional(Type.String()),
  type: Type.String(),
  text: Type.String(),
  /** A location the worker shared (their own message, in the history). */
  location: Type.Optional(Type.Object({}, { additionalProperties: true })),
  citations: Type.Optional(Type.Array(CitationSchema)),
  answer: Type.Optional(
    Type.Object({
      lead: Type.String(),
      more: Type.Optional(Type.String()),
      steps: Type.Array(Type.String()),
    }),
  ),
  stations: Type.Optional(Type.Array(Type.Object({}, { additionalProperties: true }))),
  ticket: Type.Optional(Type.Object({}, { additionalProperties: true })),
  quickReplies: Type.Optional(Type.Array(QuickReplySchema)),
});

export const ChatResponseSchema = Type.Object({
  conversationId: Type.String(),
  locale: LocaleSchema,
  replies: Type.Array(ReplySchema),
});
