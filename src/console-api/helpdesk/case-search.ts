import type { FastifyInstance } from 'fastify';
import { sees } from '../../offices/office-actor.js';
import { maskPersonalData } from '../../platform/privacy/mask-personal-data.js';
import type { StaffPrincipal } from '../../staff/roles.js';
import { TICKET_NUMBER_SOURCE } from '../../tickets/numbering.js';
import type { TicketSummary } from '../../tickets/ticket-views.js';

const NUMBER = new RegExp(`^${TICKET_NUMBER_SOURCE}$`, 'i');
const PHONE = /^1\d{10}$/;
const CHATS_SCANNED = 300;
const MESSAGES_PER_CHAT = 200;
const SNIPPET_CHARS = 40;

/** "…老板说下个月发工资…": the match with a little on each side, phones and ID numbers masked. */
function snippet(text: string, at: number, length: number): string {
  const start = Math.max(0, at - SNIPPET_CHARS / 2);
  const end = Math.min(text.length, at + length + SNIPPET_CHARS / 2);
  const cut = `${start > 0 ? '…' : ''}${text.slice(start, end)}${end < text.length ? '…' : ''}`;
  return maskPersonalData(cut).replace(/\s+/g, ' ');
}

/**
 * One box for tickets and chats, inside the actor's offices only: a ticket number, a phone
 * (matched through the blind index, never by decrypting every ticket), an employer, or words the
 * worker or staff wrote in a chat. Every source is filtered by `officeIds` before anything is
 * read, so a search never returns another subtree's case.
 */
export async function searchCases(app: FastifyInstance, staff: StaffPrincipal, query: string) {
  const q = query.trim();
  const digits = q.replace(/[\s-]/g, '');
  const tickets = new Map<string, TicketSummary>();
  const add = (items: TicketSummary[]) => {
    for (const item of items) if (sees(staff, item.office.id)) tickets.set(item.id, item);
  };

  if (NUMBER.test(q)) {
    add((await app.tickets.list({ officeIds: staff.officeIds, number: q })).items);
  } else if (PHONE.test(digits)) {
    add((await app.tickets.list({ officeIds: staff.officeIds, phone: digits, limit: 50 })).items);
  } else {
    add((await app.tickets.list({ officeIds: staff.officeIds, employer: q, limit: 50 })).items);
  }

  // Chats: the office's queue items, open and ended, their transcripts opened one by one.
  const [open, ended] = await Promise.all([
    app.handoffs.list(staff, 'open'),
    app.handoffs.list(staff, 'ended'),
  ]);
  const chats = [];
  const ticketConversations = new Set([...tickets.values()].map((t) => t.conversationId).filter(Boolean));
  const needle = PHONE.test(digits) ? digits : q.toLowerCase();
  const scanned = [...open, ...ended].filter((h) => sees(staff, h.officeId)).slice(0, CHATS_SCANNED);
  // One read for every scanned chat's texts (newest first), not one per chat.
  const hits = new Map<string, { text: string; createdAt: Date }>();
  const texts = await app.conversations.textsOf(
    [...new Set(scanned.map((h) => h.conversationId))],
    CHATS_SCANNED * MESSAGES_PER_CHAT,
  );
  for (const m of texts)
    if (!hits.has(m.conversationId) && m.text.toLowerCase().includes(needle)) hits.set(m.conversationId, m);
  for (const handoff of scanned) {
    const hit = hits.get(handoff.conversationId);
    if (!hit && !ticketConversations.has(handoff.conversationId)) continue;
    const text = hit?.text ?? '';
    chats.push({
      handoffId: handoff.id,
      conversationId: handoff.conversationId,
      status: handoff.status,
      officeId: handoff.officeId,
      ticketNumber: handoff.ticketNumber,
      snippet: hit ? snippet(text, text.toLowerCase().indexOf(needle), needle.length) : handoff.preview,
      at: hit ? hit.createdAt.toISOString() : handoff.createdAt,
    });
  }
  return { tickets: [...tickets.values()], chats };
}
