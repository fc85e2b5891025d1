import type { ChatMessage } from '../platform/llm/llm-plugin.js';
import { loadPrompt } from '../platform/prompts/load-prompt.js';

export interface AnswerPromptVars {
  language: string;
  context: string;
  question: string;
}

/** The longest question passed to the model; longer text is cut (a question is never that long). */
const MAX_QUESTION_CHARS = 1000;

/**
 * The worker's text can only sit inside its <question> block: tags that could close the block or
 * open a fake context are removed, and variables are filled in one pass so `{{…}}` typed by the
 * worker is never expanded.
 */
export function sanitizeQuestion(text: string): string {
  return text
    .replace(/<\s*\/?\s*(?:question|context|system|user|assistant)\b[^>]*>/gi, ' ')
    .slice(0, MAX_QUESTION_CHARS)
    .trim();
}

function fill(template: string, vars: AnswerPromptVars): string {
  return template.replace(/\{\{(\w+)\}\}/g, (whole, name: string) =>
    name in vars ? vars[name as keyof AnswerPromptVars] : whole,
  );
}

export function answerMessages(vars: AnswerPromptVars): ChatMessage[] {
  const { system, user } = loadPrompt('answer');
  return [
    { role: 'system', content: fill(system, { ...vars, context: '', question: '' }) },
    { role: 'user', content: fill(user, { ...vars, question: sanitizeQuestion(vars.question) }) },
  ];
}
