import type { Db } from '../platform/db/create-prisma.js';
import type { FieldCipher } from '../platform/privacy/encryption.js';

export type NoteKind = 'note' | 'transfer' | 'assign';

export interface PrivateNoteView {
  id: string;
  kind: NoteKind;
  staffId: string;
  staffName: string | null;
  text: string;
  at: string;
}

/**
 * Notes staff leave on a chat for each other: stored encrypted (they are about the worker's
 * case), listed in the console's timeline with the writer's name, and never handed to delivery,
 * so nothing here can reach the worker. Ticket notes are TicketEvents (type `note`), which the
 * worker's own view of a ticket already leaves out.
 */
export function createPrivateNotes(deps: {
  prisma: Db;
  cipher: FieldCipher;
  displayNames: (ids: string[]) => Promise<Map<string, string>>;
}) {
  const { prisma, cipher } = deps;
  return {
    async add(input: {
      conversationId: string;
      officeId: string;
      staffId: string;
      text: string;
      kind?: NoteKind;
    }) {
      const row = await prisma.privateNote.create({
        data: {
          subjectType: 'conversation',
          subjectId: input.conversationId,
          officeId: input.officeId,
          staffId: input.staffId,
          kind: input.kind ?? 'note',
          textEnc: cipher.encrypt(input.text),
        },
      });
      const names = await deps.displayNames([row.staffId]);
      return {
        id: row.id,
        kind: row.kind as NoteKind,
        staffId: row.staffId,
        staffName: names.get(row.staffId) ?? null,
        text: input.text,
        at: row.createdAt.toISOString(),
      } satisfies PrivateNoteView;
    },

    async forConversation(conversationId: string): Promise<PrivateNoteView[]> {
      const rows = await prisma.privateNote.findMany({
        where: { subjectType: 'conversation', subjectId: conversationId },
        orderBy: { createdAt: 'asc' },
        take: 500,
      });
      const names = await deps.displayNames([...new Set(rows.map((r) => r.staffId))]);
      return rows.map((row) => ({
        id: row.id,
        kind: row.kind as NoteKind,
        staffId: row.staffId,
        staffName: names.get(row.staffId) ?? null,
        text: cipher.decrypt(row.textEnc),
        at: row.createdAt.toISOString(),
      }));
    },
  };
}

export type PrivateNotes = ReturnType<typeof createPrivateNotes>;
