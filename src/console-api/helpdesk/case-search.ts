import type { FastifyInstance } from 'fastify';
import { sees } from '../../offices/office-actor.js';
import type { Handoff } from '../../platform/db/db-types.js';
import { maskPersonalData } from '../../platform/privacy/mask-personal-data.js';
import type { StaffPrincipal } from '../../staff/roles.js';
import { TICKET_NUMBER_SOURCE } from '../../tickets/numbering.js';
import type { TicketSummary } from '../../tickets/ticket-views.js';

const NUMBER = new RegExp(`^${TICKET_NUMBER_SOURCE}$`, 'i');
const PHONE = /^1\d{10}$/;
/** Chats read per step, newest first; texts are sealed at rest, so they are opened to be matched. */
const CHATS_PER_PAGE = 300;
const MESSAGES_PER_CHAT = 200;
/** How far back one search goes; the console says when it stopped before the oldest chat. */
const CHATS_MAX = 6_000;
const CHAT_HITS_MAX = 50;
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
 * read, so a search never returns another subtree's case. Chats are walked newest first, every
 * chat of the offices (open and ended) up to CHATS_MAX; `chatsSearched` says how far it went.
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

  const ticketConversations = new Set([...tickets.values()].map((t) => t.conversationId).filter(Boolean));
  const needle = PHONE.test(digits) ? digits : q.toLowerCase();
  // The newest chat of each conversation that matched, with the message that matched (if any).
  const found = new Map<string, { handoff: Handoff; hit?: { text: string; createdAt: Date } }>();
  const seenConversations = new Set<string>();
  let searched = 0;
  let complete = false;
  let afterId: string | undefined;
  while (found.size < CHAT_HITS_MAX) {
    if (searched >= CHATS_MAX) break;
    const page = await app.handoffs.recentPage(staff, CHATS_PER_PAGE, afterId);
    if (page.length === 0) {
      complete = true;
      break;
    }
    afterId = page[page.length - 1]?.id;
    searched += page.length;
    // A conversation's older chats carry the same transcript: read it once, with its newest chat.
    const fresh = page.filter((h) => sees(staff, h.officeId) && !seenConversations.has(h.conversationId));
    for (const h of fresh) seenConversations.add(h.conversationId);
    const texts = await app.conversations.textsOf(
      fresh.map((h) => h.conversationId),
      fresh.length * MESSAGES_PER_CHAT,
    );
    const hits = new Map<string, { text: string; createdAt: Date }>();
    for (const m of texts)
      if (!hits.has(m.conversationId) && m.text.toLowerCase().includes(needle)) hits.set(m.conversationId, m);
    for (const handoff of fresh) {
      const hit = hits.get(handoff.conversationId);
      if (hit || ticketConversations.has(handoff.conversationId))
        found.set(handoff.conversationId, { handoff, hit });
    }
    if (page.length < CHATS_PER_PAGE) {
      complete = true;
      break;
    }
  }

  const matches = [...found.values()].slice(0, CHAT_HITS_MAX);
  const items = await app.handoffs.queueItems(matches.map((m) => m.handoff));
  const chats = matches.map(({ handoff, hit }, i) => ({
    handoffId: handoff.id,
    conversationId: handoff.conversationId,
    status: handoff.status,
    officeId: handoff.officeId,
    ticketNumber: items[i]?.ticketNumber ?? null,
    snippet: hit
      ? snippet(hit.text, hit.text.toLowerCase().indexOf(needle), needle.length)
      : (items[i]?.preview ?? ''),
    at: (hit ? hit.createdAt : handoff.createdAt).toISOString(),
  }));
  return { tickets: [...tickets.values()], chats, chatsSearched: { count: searched, complete } };
}
