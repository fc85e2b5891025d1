import Database from 'better-sqlite3';
import type { SoakLedger } from './soak-ledger.js';

export interface StoreCheck {
  problems: string[];
  conversations: number;
  messages: number;
  tickets: number;
}

/**
 * What the database holds against what the client was told. Each acknowledged ticket number is
 * there once; per conversation the user messages, bot replies and staff replies stored are
 * exactly the ones acknowledged (fewer is a loss, more a duplicate). Counts only: the texts
 * are sealed at rest, and the counts per author say the same thing without the key.
 */
export function checkStore(file: string, ledger: SoakLedger): StoreCheck {
  const db = new Database(file, { readonly: true });
  try {
    const problems: string[] = [];
    const byNumber = db.prepare('SELECT count(*) AS n FROM Ticket WHERE number = ?');
    for (const number of ledger.tickets) {
      const { n } = byNumber.get(number) as { n: number };
      if (n !== 1) problems.push(`ticket ${number} stored ${n} times`);
    }
    if (new Set(ledger.tickets).size !== ledger.tickets.length)
      problems.push('a ticket number was given twice');
    const counts = new Map<string, { in: number; bot: number; staff: number }>();
    const rows = db
      .prepare('SELECT conversationId, direction, author, count(*) AS n FROM Message GROUP BY 1, 2, 3')
      .all() as { conversationId: string; direction: string; author: string; n: number }[];
    let messages = 0;
    for (const row of rows) {
      messages += row.n;
      const found = counts.get(row.conversationId) ?? { in: 0, bot: 0, staff: 0 };
      if (row.direction === 'in') found.in += row.n;
      else if (row.author === 'bot') found.bot += row.n;
      else if (row.author === 'staff') found.staff += row.n;
      counts.set(row.conversationId, found);
    }
    for (const [conversationId, told] of ledger.acknowledged) {
      const stored = counts.get(conversationId) ?? { in: 0, bot: 0, staff: 0 };
      for (const key of ['in', 'bot', 'staff'] as const) {
        if (stored[key] !== told[key])
          problems.push(
            `conversation ${conversationId}: ${key} acknowledged ${told[key]}, stored ${stored[key]}`,
          );
      }
    }
    const { n: tickets } = db.prepare('SELECT count(*) AS n FROM Ticket').get() as { n: number };
    return { problems, conversations: counts.size, messages, tickets };
  } finally {
    db.close();
  }
}
