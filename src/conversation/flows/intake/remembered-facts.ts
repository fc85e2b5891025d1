import type { FieldCipher } from '../../../platform/privacy/encryption.js';
import type { ConversationState } from '../../state.js';
import type { MessageFacts } from '../../understanding/llm-understand.js';
import { applyLlmFacts } from './apply-llm-facts.js';
import { extractSlots } from './extract-slots.js';
import { type IntakeData, newIntakeData, parseIntakeData } from './intake-data.js';

/**
 * Conversation memory key: the facts of the worker's wage report, wherever they were said (an
 * intake that another flow replaced, a question answered by the knowledge flow). The intake
 * starts from them, so "我要反映欠薪" after a report never asks again for what was said.
 * Name and phone inside are encrypted, as in the intake's own state.
 */
export const REPORT_FACTS = 'intake.facts';

/** The report facts kept in memory, ready to continue from (undefined when none or unreadable). */
export function recallFacts(memory: ConversationState['memory']): IntakeData | undefined {
  const parsed = parseIntakeData(memory[REPORT_FACTS]);
  if (!parsed.ok) return undefined;
  return {
    ...structuredClone(parsed.value),
    step: 'collect',
    pending: undefined,
    placeCandidates: undefined,
    tries: undefined,
    failedTurns: undefined,
  };
}

/** Pay words: a question that holds facts is a report only when it is about being paid. */
const ABOUT_PAY =
  /工资|工钱|薪|血汗钱|劳务费|报酬|提成|结算|结账|跑单费|配送费|欠|拖|扣|押金|罚款|不退|给钱|发钱|结钱|不结|没结|单费|到账|佣金|工费|\b(?:wages?|pay|paid|salary|owe[sd]?|earnings|settle\w*|deduct\w*|withh[oe]ld\w*)\b/i;

/** The message is about being paid (owed, docked, not settled). */
export function aboutPay(text: string): boolean {
  return ABOUT_PAY.test(text);
}

/**
 * The facts a message (answered as a question) holds of a wage report, merged into those kept
 * before; undefined when it holds none, so unrelated questions leave memory alone. With an LLM,
 * the facts its understanding call read fill what the parsers missed, as in the intake.
 */
export function factsOfQuestion(
  text: string,
  memory: ConversationState['memory'],
  cipher: FieldCipher,
  read?: MessageFacts,
): IntakeData | undefined {
  if (!aboutPay(text)) return undefined;
  const before = recallFacts(memory) ?? newIntakeData();
  const { data, changed } = extractSlots(text, before, cipher);
  if (read) changed.push(...applyLlmFacts(data, read, text));
  if (!changed.length) return undefined;
  const said = before.descriptionEnc ? `${cipher.decrypt(before.descriptionEnc)}\n` : '';
  data.descriptionEnc = cipher.encrypt(`${said}${text}`.slice(0, 2000));
  return data;
}
