import type { Locale } from '../../platform/i18n/locales.js';
import { TICKET_NUMBER_IN_TEXT } from '../../tickets/numbering.js';

const TICKET_NUMBERS = new RegExp(TICKET_NUMBER_IN_TEXT.source, 'gi');

const CJK = /[\u3400-\u9fff]/g;
const LATIN_WORD = /[A-Za-z]{2,}/g;

/**
 * The language a message is written in, when it is clear: mostly Han characters → zh-CN,
 * Latin words and no Han → en. Numbers, ticket numbers and emoji say nothing.
 */
export function detectLanguage(text: string): Locale | undefined {
  const han = text.match(CJK)?.length ?? 0;
  const words = (text.replace(TICKET_NUMBERS, '').match(LATIN_WORD) ?? []).length;
  if (han >= 1 && han >= words) return 'zh-CN';
  if (words >= 1 && han === 0) return 'en';
  return undefined;
}

const TO_ENGLISH =
  /^(?:please\s+)?(?:(?:switch|change)\s+(?:to\s+)?english|english(?:\s+please)?|in english|speak english|英文|英语|说英文|说英语|用英文|用英语|english version)[.!。！\s]*$/i;
const TO_CHINESE =
  /^(?:请?(?:说|用|换成|切换到?|改成)?(?:中文|汉语|普通话|简体中文)(?:吧|好吗)?|(?:switch|change)\s+(?:to\s+)?chinese|chinese(?:\s+please)?|in chinese)[.!。！\s]*$/i;

/** An explicit request to change language ("English please", "说中文"). */
export function detectLanguageSwitch(text: string): Locale | undefined {
  const trimmed = text.trim();
  if (TO_ENGLISH.test(trimmed)) return 'en';
  if (TO_CHINESE.test(trimmed)) return 'zh-CN';
  return undefined;
}
