import Type, { type Static } from 'typebox';
import { ChatResponseSchema, LocaleSchema } from '../../conversation/schemas.js';
import { MESSAGE_TEXT_MAX_CHARS } from '../../messages/messages.js';

export const MpLoginBodySchema = Type.Object(
  { code: Type.String({ minLength: 1, maxLength: 128, pattern: '^[A-Za-z0-9_-]+$' }) },
  { additionalProperties: false },
);

export const MpLoginResponseSchema = Type.Object({ token: Type.String(), expiresAt: Type.String() });

export const MpErrorSchema = Type.Object({
  statusCode: Type.Integer(),
  error: Type.String(),
  message: Type.String(),
});

/** wx.getLocation({type:'gcj02'}) and wx.chooseLocation both give GCJ-02; that is the default. */
const MpLocationSchema = Type.Object(
  {
    lat: Type.Number({ minimum: -90, maximum: 90 }),
    lng: Type.Number({ minimum: -180, maximum: 180 }),
    coord: Type.Union([Type.Literal('gcj02'), Type.Literal('wgs84'), Type.Literal('bd09')], {
      default: 'gcj02',
    }),
    label: Type.Optional(Type.String({ maxLength: 200 })),
  },
  { additionalProperties: false },
);

/** A picture the mini-program already uploaded (wx.uploadFile) or a WeChat media id. */
const MpImageSchema = Type.Object(
  {
    url: Type.Optional(Type.String({ maxLength: 1000, pattern: '^https://' })),
    mediaId: Type.Optional(Type.String({ minLength: 1, maxLength: 256 })),
  },
  { additionalProperties: false, minProperties: 1 },
);

export const MpChatBodySchema = Type.Object(
  {
    text: Type.Optional(Type.String({ maxLength: MESSAGE_TEXT_MAX_CHARS })),
    location: Type.Optional(MpLocationSchema),
    image: Type.Optional(MpImageSchema),
    locale: Type.Optional(LocaleSchema),
  },
  { additionalProperties: false },
);
export type MpChatBody = Static<typeof MpChatBodySchema>;

export const MpChatResponseSchema = ChatResponseSchema;

export const MpNearbyQuerySchema = Type.Object(
  {
    lat: Type.Number({ minimum: -90, maximum: 90 }),
    lng: Type.Number({ minimum: -180, maximum: 180 }),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 50 })),
    radius: Type.Optional(Type.Integer({ minimum: 1, maximum: 100_000 })),
    amenity: Type.Optional(Type.String({ maxLength: 40 })),
    /** Comma-separated, any one will do: "charging,battery-swap" is what "充电" means to a rider. */
    anyAmenity: Type.Optional(Type.String({ maxLength: 80 })),
    openNow: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);
export type MpNearbyQuery = Static<typeof MpNearbyQuerySchema>;
