import type { Db } from '../platform/db/create-prisma.js';
import { DomainError } from '../platform/domain-error.js';

export type LabelSubject = 'conversation' | 'ticket';

export interface LabelView {
  id: string;
  officeId: string;
  name: string;
  color: string;
}

const view = (row: LabelView): LabelView => ({
  id: row.id,
  officeId: row.officeId,
  name: row.name,
  color: row.color,
});

/**
 * An office's labels and where they are put (chats by conversation id, tickets by ticket id).
 * Scope is the routes' job: a label is used only by staff who see its office, on a chat or
 * ticket they see.
 */
export function createLabels(prisma: Db) {
  return {
    async list(officeIds: string[]): Promise<LabelView[]> {
      const rows = await prisma.label.findMany({
        where: { officeId: { in: officeIds } },
        orderBy: [{ name: 'asc' }],
      });
      return rows.map(view);
    },

    async get(id: string): Promise<LabelView | undefined> {
      const row = await prisma.label.findUnique({ where: { id } });
      return row ? view(row) : undefined;
    },

    async create(input: { officeId: string; name: string; color?: string }) {
      try {
        return view(await prisma.label.create({ data: input }));
      } catch (err) {
        if ((err as { code?: string }).code === 'P2002')
          throw new DomainError('conflict', 'This office already has a label with that name.');
        throw err;
      }
    },

    async remove(id: string) {
      await prisma.label.delete({ where: { id } });
    },

    async attach(labelId: string, subjectType: LabelSubject, subjectId: string, staffId: string) {
      await prisma.labelLink.upsert({
        where: { labelId_subjectType_subjectId: { labelId, subjectType, subjectId } },
        create: { labelId, subjectType, subjectId, createdById: staffId },
        update: {},
      });
    },

    async detach(labelId: string, subjectType: LabelSubject, subjectId: string) {
      await prisma.labelLink.deleteMany({ where: { labelId, subjectType, subjectId } });
    },

    /** Each subject's labels, limited to the offices the reader sees. */
    async of(subjectType: LabelSubject, subjectIds: string[], officeIds: string[]) {
      const links = await prisma.labelLink.findMany({
        where: { subjectType, subjectId: { in: subjectIds }, label: { officeId: { in: officeIds } } },
        include: { label: true },
        orderBy: { createdAt: 'asc' },
      });
      const bySubject = new Map<string, LabelView[]>();
      for (const link of links) {
        const list = bySubject.get(link.subjectId) ?? [];
        list.push(view(link.label));
        bySubject.set(link.subjectId, list);
      }
      return bySubject;
    },

    /** The subjects carrying a label (for "filter by label"). */
    async subjectsWith(labelId: string, subjectType: LabelSubject): Promise<string[]> {
      const links = await prisma.labelLink.findMany({
        where: { labelId, subjectType },
        select: { subjectId: true },
        take: 5000,
      });
      return links.map((l) => l.subjectId);
    },
  };
}

export type Labels = ReturnType<typeof createLabels>;
