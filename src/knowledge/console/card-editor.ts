import type { Card } from '../card.js';
import { cardToMarkdown } from '../cards/card-markdown.js';
import type { KnowledgeService } from '../knowledge-service.js';
import { readCardArchive } from './card-archive.js';
import type { CardChange } from './card-versions.js';

export interface Editor {
  id: string;
  displayName: string;
}

export type EditResult =
  | { ok: true; card: Card; version: number }
  | { ok: false; status: 400 | 404 | 409; problems: string[] };

export type ImportResult =
  | { ok: true; created: string[]; updated: string[]; unchanged: number }
  | { ok: false; problems: string[] };

/**
 * What the console does to cards, each change checked by the folder's strict reader and stored
 * as a version (the Markdown as the reader gives it back, so every version reads the same way).
 */
export function createCardEditor(knowledge: KnowledgeService) {
  const current = (id: string) => knowledge.cardSet.cards.find((card) => card.id === id);
  const retired = (id: string) => knowledge.cardSet.retired.find((stored) => stored.cardId === id);
  const newestVersion = async (id: string) => (await knowledge.versions.history(id))[0]?.version ?? 0;

  async function save(change: CardChange, card: Card): Promise<EditResult> {
    await knowledge.saveCards([change]);
    return { ok: true, card, version: await newestVersion(change.cardId) };
  }

  return {
    /** A new card; its id must not be taken by a card answering now or a retired one. */
    async create(markdown: string, editor: Editor): Promise<EditResult> {
      const idLine = /^id:\s*(\S+)/m.exec(markdown)?.[1] ?? 'card';
      const checked = knowledge.checkCard(markdown, `${idLine}.md`);
      if (!checked.ok) return { ok: false, status: 400, problems: checked.problems };
      const { card } = checked;
      if (current(card.id) || retired(card.id))
        return { ok: false, status: 409, problems: [`${card.id}.md: id: "${card.id}" is taken`] };
      const text = cardToMarkdown(card);
      return save({ cardId: card.id, action: 'create', markdown: text, before: '', staff: editor }, card);
    },

    /** A new version of a card, answering or retired (saving a retired card brings it back). */
    async edit(id: string, markdown: string, editor: Editor): Promise<EditResult> {
      const before = current(id);
      const gone = retired(id);
      if (!before && !gone) return { ok: false, status: 404, problems: [`${id}: no such card`] };
      const checked = knowledge.checkCard(markdown, `${id}.md`);
      if (!checked.ok) return { ok: false, status: 400, problems: checked.problems };
      const text = cardToMarkdown(checked.card);
      const previous = before ? cardToMarkdown(before) : (gone?.markdown ?? '');
      return save(
        { cardId: id, action: 'edit', markdown: text, before: previous, staff: editor },
        checked.card,
      );
    },

    async retire(id: string, editor: Editor): Promise<EditResult> {
      const before = current(id);
      if (!before) return { ok: false, status: 404, problems: [`${id}: no such card answering now`] };
      const text = cardToMarkdown(before);
      return save({ cardId: id, action: 'retire', markdown: text, before: text, staff: editor }, before);
    },

    /** The answering cards, one Markdown file each, as knowledge/cards holds them. */
    exportFiles() {
      return knowledge.cardSet.cards.map((card) => ({ name: `${card.id}.md`, text: cardToMarkdown(card) }));
    },

    /**
     * A .tar.gz of card files: every file read by the strict reader; any problem refuses the
     * whole archive (file and field named). Cards new or changed are stored as versions; cards
     * not in the archive stay as they are (retire them in the console).
     */
    async importArchive(data: Buffer, editor: Editor): Promise<ImportResult> {
      const archive = readCardArchive(data);
      if (!archive.ok) return archive;
      // In file-name order, as the folder's reader goes, so the problems read the same way.
      const files = archive.files
        .filter(
          (file) => file.name.endsWith('.md') && !(file.name.split('/').pop() ?? '').startsWith('README'),
        )
        .sort((a, b) => a.name.localeCompare(b.name));
      if (!files.length) return { ok: false, problems: ['archive: no card files (*.md)'] };
      const problems: string[] = [];
      const cards: Card[] = [];
      const fileOfId = new Map<string, string>();
      for (const file of files) {
        const checked = knowledge.checkCard(file.text, file.name);
        if (!checked.ok) {
          problems.push(...checked.problems);
          continue;
        }
        const twin = fileOfId.get(checked.card.id);
        if (twin) problems.push(`${file.name}: id: "${checked.card.id}" is also the id of ${twin}`);
        fileOfId.set(checked.card.id, file.name);
        cards.push(checked.card);
      }
      if (problems.length) return { ok: false, problems };
      const changes: CardChange[] = [];
      const created: string[] = [];
      const updated: string[] = [];
      for (const card of cards) {
        const text = cardToMarkdown(card);
        const before = current(card.id);
        const previous = before ? cardToMarkdown(before) : (retired(card.id)?.markdown ?? '');
        if (before && previous === text) continue;
        (before ? updated : created).push(card.id);
        changes.push({ cardId: card.id, action: 'import', markdown: text, before: previous, staff: editor });
      }
      if (changes.length) await knowledge.saveCards(changes);
      return { ok: true, created, updated, unchanged: cards.length - changes.length };
    },
  };
}

export type CardEditor = ReturnType<typeof createCardEditor>;
