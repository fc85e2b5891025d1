import type { Db } from '../platform/db/create-prisma.js';
import { DomainError } from '../platform/domain-error.js';

/** The variables a canned reply may use. Nothing about the worker: a template never holds personal data. */
export const CANNED_VARIABLES = ['ticketNumber', 'officeName', 'staffName'] as const;
export type CannedVariable = (typeof CANNED_VARIABLES)[number];

export interface CannedReplyView {
  id: string;
  officeId: string;
  title: string;
  text: string;
  updatedAt: string;
}

/**
 * Fill `{ticketNumber}`, `{officeName}` and `{staffName}`. A variable with no value (a chat that
 * filed no ticket) is left visible as written, so staff see the gap before sending.
 */
export function fillCannedReply(
  text: string,
  values: Partial<Record<CannedVariable, string | null>>,
): string {
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = (CANNED_VARIABLES as readonly string[]).includes(name)
      ? values[name as CannedVariable]
      : undefined;
    return value ? value : whole;
  });
}

/** Unknown `{names}` in a template: a typo such as {ticketNo} would never be filled in. */
export function unknownVariables(text: string): string[] {
  return [...text.matchAll(/\{(\w+)\}/g)]
    .map((m) => m[1] ?? '')
    .filter((name) => !(CANNED_VARIABLES as readonly string[]).includes(name));
}

/** An office's canned replies (the routes check the office is the actor's). */
export function createCannedReplies(prisma: Db) {
  const view = (row: { id: string; officeId: string; title: string; text: string; updatedAt: Date }) => ({
    id: row.id,
    officeId: row.officeId,
    title: row.title,
    text: row.text,
    updatedAt: row.updatedAt.toISOString(),
  });

  function checkText(text: string) {
    const unknown = unknownVariables(text);
    if (unknown.length)
      throw new DomainError(
        'invalid',
        `Unknown variable ${unknown.map((n) => `{${n}}`).join(', ')}; use ${CANNED_VARIABLES.map((n) => `{${n}}`).join(', ')}.`,
      );
  }

  async function unique<T>(write: () => Promise<T>): Promise<T> {
    try {
      return await write();
    } catch (err) {
      if ((err as { code?: string }).code === 'P2002')
        throw new DomainError('conflict', 'This office already has a canned reply with that title.');
      throw err;
    }
  }

  return {
    async list(officeIds: string[]): Promise<CannedReplyView[]> {
      const rows = await prisma.cannedReply.findMany({
        where: { officeId: { in: officeIds } },
        orderBy: [{ title: 'asc' }],
      });
      return rows.map(view);
    },

    async get(id: string) {
      const row = await prisma.cannedReply.findUnique({ where: { id } });
      return row ? view(row) : undefined;
    },

    async create(input: { officeId: string; title: string; text: string; createdById: string }) {
      checkText(input.text);
      return view(await unique(() => prisma.cannedReply.create({ data: input })));
    },

    async update(id: string, change: { title?: string; text?: string }) {
      if (change.text !== undefined) checkText(change.text);
      return view(await unique(() => prisma.cannedReply.update({ where: { id }, data: change })));
    },

    async remove(id: string) {
      await prisma.cannedReply.delete({ where: { id } });
    },
  };
}

export type CannedReplies = ReturnType<typeof createCannedReplies>;
