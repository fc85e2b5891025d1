import { menuReply } from '../../conversation/flows/menu/menu-flow.js';
import type { Citation, OutboundMessage, StationCard, TicketReceipt } from '../../messages/messages.js';
import type { Translate } from '../../platform/i18n/create-i18n.js';

// Replies rendered for text-only WeChat surfaces (the bot, the official account, WeCom customer
// service): station cards become a few short lines with one map link, citations go inline,
// ticket receipts become a line with the number and query code, quick replies become a hint
// with the phrases the assistant recognises (nothing can be tapped in a text chat).

/** WeChat rejects text messages over 2048 bytes; keep a margin for the @mention in groups. */
export const WECHAT_TEXT_MAX_BYTES = 1900;

export function renderReplyText(reply: OutboundMessage, t: Translate): string {
  const blocks = [withCitations(reply.text, reply.citations ?? [], t)];
  if (reply.stations?.length) blocks.push(reply.stations.map((s, i) => stationLines(s, i, t)).join('\n\n'));
  if (reply.ticket && !reply.text.includes(reply.ticket.number)) blocks.push(ticketLine(reply.ticket, t));
  if (reply.quickReplies?.length) {
    const phrases = reply.quickReplies.filter((q) => !q.action).map((q) => `「${q.text}」`);
    if (phrases.length) blocks.push(t('channels:quickReplies', { phrases: phrases.join(' ') }));
  }
  return blocks.filter(Boolean).join('\n\n');
}

/** The greeting and menu for someone who just arrived (followed the account, opened the chat). */
export function welcomeText(t: Translate): string {
  return renderReplyText(menuReply(t, t('greeting')), t);
}

/** One string per WeChat message: every reply of a turn, each split to fit the size limit. */
export function renderRepliesText(replies: OutboundMessage[], t: Translate): string[] {
  return replies.flatMap((reply) => splitByBytes(renderReplyText(reply, t), WECHAT_TEXT_MAX_BYTES));
}

// An answer's own basis line names its articles in words (《劳动法》第四十四条): those are not
// repeated; a citation the text does not name is added once, in words when the label is known.
function withCitations(text: string, citations: Citation[], t: Translate): string {
  const label = (c: Citation) => c.title ?? `第${c.article}条`;
  const missing = citations.filter(
    (c) => !text.includes(`${c.law}》第${c.article}条`) && !text.includes(`${c.law}》${label(c)}`),
  );
  if (!missing.length) return text;
  const cited = missing
    .map((c) => t('channels:citation', { law: c.law, article: c.article, label: label(c) }))
    .join(t('channels:listSeparator'));
  return `${text}${t('channels:citedAs', { citations: cited })}`;
}

function stationLines(station: StationCard, index: number, t: Translate): string {
  const distance =
    station.distanceM >= 1000
      ? t('channels:km', { km: (station.distanceM / 1000).toFixed(1) })
      : t('channels:m', { m: Math.round(station.distanceM) });
  return [
    t('channels:stationTitle', {
      index: index + 1,
      name: station.name,
      distance,
      open: t(station.openNow ? 'channels:openNow' : 'channels:closedNow'),
    }),
    station.address,
    station.hoursToday ? t('channels:hoursToday', { hours: station.hoursToday }) : '',
    station.amenities.length ? t('channels:amenities', { amenities: station.amenities.join('、') }) : '',
    t('channels:mapLink', { url: station.mapLinks.amap }),
  ]
    .filter(Boolean)
    .join('\n');
}

function ticketLine(ticket: TicketReceipt, t: Translate): string {
  // The receipt carries the status code (clients key on it); the worker reads its label.
  const status = t(`tickets:status.${ticket.status}`, { defaultValue: ticket.status });
  return ticket.queryCode
    ? t('channels:ticketWithCode', { number: ticket.number, code: ticket.queryCode, status })
    : t('channels:ticket', { number: ticket.number, status });
}

/** Split at line breaks where possible so no piece is over `maxBytes` of UTF-8. */
export function splitByBytes(text: string, maxBytes: number): string[] {
  if (Buffer.byteLength(text) <= maxBytes) return [text];
  const pieces: string[] = [];
  let current = '';
  for (const char of text) {
    if (Buffer.byteLength(current + char) > maxBytes) {
      const cut = current.lastIndexOf('\n');
      if (cut > current.length / 2) {
        pieces.push(current.slice(0, cut));
        current = current.slice(cut + 1);
      } else {
        pieces.push(current);
        current = '';
      }
    }
    current += char;
  }
  if (current) pieces.push(current);
  return pieces;
}
