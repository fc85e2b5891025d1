import type { EmployerRegistry } from '../employers/employer-registry.js';
import type { MeasureStore } from './measure-store.js';

export interface RecoveredGroup {
  key: string;
  /** The employer entity's name (byEmployer only). */
  name?: string;
  fen: number;
  tickets: number;
}

export interface RecoveredTotals {
  fen: number;
  tickets: number;
  byRegion: RecoveredGroup[];
  byIndustry: RecoveredGroup[];
  byEmployer: RecoveredGroup[];
}

function add(groups: Map<string, RecoveredGroup>, key: string, fen: number, name?: string) {
  const group = groups.get(key) ?? { key, ...(name ? { name } : {}), fen: 0, tickets: 0 };
  group.fen += fen;
  group.tickets += 1;
  groups.set(key, group);
}

const sorted = (groups: Map<string, RecoveredGroup>) => [...groups.values()].sort((a, b) => b.fen - a.fen);

/**
 * 追回金额 for the dashboard: the sum over the offices' tickets (integer fen, so the total is the
 * exact sum of what staff entered), by region, industry and employer entity (every spelling of an
 * employer counted once).
 */
export async function recoveredTotals(
  store: Pick<MeasureStore, 'recoveredIn'>,
  employers: Pick<EmployerRegistry, 'resolve'>,
  officeIds: string[],
  period: { from?: Date; to?: Date },
): Promise<RecoveredTotals> {
  const rows = await store.recoveredIn(officeIds, period);
  const entities = await employers.resolve(rows.map((row) => row.ticket.employer));
  const byRegion = new Map<string, RecoveredGroup>();
  const byIndustry = new Map<string, RecoveredGroup>();
  const byEmployer = new Map<string, RecoveredGroup>();
  let fen = 0;
  for (const row of rows) {
    const amount = row.recoveredFen ?? 0;
    fen += amount;
    add(byRegion, row.ticket.regionCode, amount);
    add(byIndustry, row.ticket.industry, amount);
    const entity = row.ticket.employer ? entities.get(row.ticket.employer) : undefined;
    if (entity) add(byEmployer, entity.id, amount, entity.name);
  }
  return {
    fen,
    tickets: rows.length,
    byRegion: sorted(byRegion),
    byIndustry: sorted(byIndustry),
    byEmployer: sorted(byEmployer),
  };
}
