// The one door to Prisma's generated types: domains import row types from here, never from
// src/generated, so a regenerated client or a change of provider touches only this layer.
export type {
  Attachment,
  Conversation,
  Handoff,
  Prisma,
  Staff,
  Station,
  SupervisionDocument,
  Ticket,
  TicketEvent,
  UnionOffice,
} from '../../generated/prisma/client.js';
