import fs from 'node:fs';
import path from 'node:path';
import { PROJECT_ROOT } from '../platform/paths.js';
import type { DocumentKind } from './document-kinds.js';

export const BUILT_IN_TEMPLATES = path.join(PROJECT_ROOT, 'src', 'supervision', 'templates');

/** The template for a kind: the override directory's file when it has one, else the built-in. */
export function readTemplate(kind: DocumentKind, overrideDir?: string): string {
  if (overrideDir) {
    const custom = path.join(overrideDir, `${kind}.md`);
    if (fs.existsSync(custom)) return fs.readFileSync(custom, 'utf8');
  }
  return fs.readFileSync(path.join(BUILT_IN_TEMPLATES, `${kind}.md`), 'utf8');
}

/**
 * Fill `{{field}}`s. A line whose fields are all empty is dropped (no "关联工单：" with nothing
 * after it); a multi-line value becomes several lines with the same alignment.
 */
export function fillTemplate(template: string, fields: Record<string, string | undefined>): string {
  const out: string[] = [];
  for (const line of template.replace(/\r\n/g, '\n').split('\n')) {
    const names = [...line.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1] as string);
    if (names.length && names.every((name) => !fields[name]?.trim())) continue;
    const filled = line.replace(/\{\{(\w+)\}\}/g, (_, name: string) => fields[name]?.trim() ?? '');
    const marker = /^[>!]/.test(filled) ? (filled[0] as string) : '';
    const [first, ...rest] = filled.split('\n');
    out.push(first as string, ...rest.map((more) => `${marker}${more}`));
  }
  return out.join('\n').trim();
}
