import fs from 'node:fs';
import path from 'node:path';
import { PROMPTS_DIR } from '../paths.js';

export interface PromptTemplate {
  system: string;
  user: string;
}

const cache = new Map<string, PromptTemplate>();

/**
 * An LLM instruction from prompts/<name>.md: the text under "## system" and under "## user".
 * Read once per process; a file without both sections stops the caller with its name.
 */
export function loadPrompt(name: string): PromptTemplate {
  const cached = cache.get(name);
  if (cached) return cached;
  const text = fs.readFileSync(path.join(PROMPTS_DIR, `${name}.md`), 'utf8');
  const system = text
    .split(/^## system\s*$/m)[1]
    ?.split(/^## user\s*$/m)[0]
    ?.trim();
  const user = text.split(/^## user\s*$/m)[1]?.trim();
  if (!system || !user) throw new Error(`prompts/${name}.md needs "## system" and "## user" sections`);
  const template = { system, user };
  cache.set(name, template);
  return template;
}
