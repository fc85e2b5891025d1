import { randomInt } from 'node:crypto';

const CHINA_OFFSET_MS = 8 * 3_600_000;

/** The day a ticket is numbered under: the date in China (UTC+8, no daylight saving). */
export function chinaDay(now: Date): string {
  return new Date(now.getTime() + CHINA_OFFSET_MS).toISOString().slice(0, 10).replace(/-/g, '');
}

/** GY-20261129-0042 (a 10,000th ticket in a day simply gets five digits). */
export function formatTicketNumber(day: string, sequence: number): string {
  return `GY-${day}-${String(sequence).padStart(4, '0')}`;
}

/** A ticket number's shape, for JSON-schema `pattern`s (routes) and regular expressions alike. */
export const TICKET_NUMBER_SOURCE = 'GY-\\d{8}-\\d{4,}';
export const TICKET_NUMBER_PATTERN = new RegExp(`^${TICKET_NUMBER_SOURCE}$`);
/** A number as workers type it in a chat: any case, the dashes optional, spaces around them. */
export const TICKET_NUMBER_IN_TEXT = /GY-?\s*(\d{8})-?\s*(\d{4,})/i;

/** The canonical number from a loosely typed one ("gy 20261129 0001"), if the text has one. */
export function ticketNumberInText(text: string): string | undefined {
  const match = TICKET_NUMBER_IN_TEXT.exec(text);
  return match ? `GY-${match[1]}-${match[2]}` : undefined;
}

// No 0/O, 1/I/L: the code is read out over the phone and typed on small keyboards.
const CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
export const QUERY_CODE_LENGTH = 6;

/** A short code that, with the number, lets the worker (and only them) look the ticket up. */
export function newQueryCode(): string {
  let code = '';
  for (let i = 0; i < QUERY_CODE_LENGTH; i++) code += CODE_ALPHABET[randomInt(CODE_ALPHABET.length)];
  // At least one digit, so a code is never an ordinary word ("STATUS") typed in chat.
  if (!/\d/.test(code)) return newQueryCode();
  return code;
}

export function normalizeQueryCode(text: string): string {
  return text.trim().toUpperCase();
}
