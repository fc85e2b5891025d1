import type { Db } from '../platform/db/create-prisma.js';
import { DomainError } from '../platform/domain-error.js';

export const DEFAULT_SLA_WARNING_HOURS = 24;
const MAX_SLA_WARNING_HOURS = 24 * 30;

export interface HelpdeskSettingsView {
  officeId: string;
  satisfactionSurvey: boolean;
  slaWarningHours: number;
}

/** An office's help-desk choices: ask the satisfaction question or not, how early to warn of a due ticket. */
export function createHelpdeskSettings(prisma: Db) {
  const defaults = (officeId: string): HelpdeskSettingsView => ({
    officeId,
    satisfactionSurvey: false,
    slaWarningHours: DEFAULT_SLA_WARNING_HOURS,
  });

  return {
    async get(officeId: string): Promise<HelpdeskSettingsView> {
      const row = await prisma.helpdeskSettings.findUnique({ where: { officeId } });
      return row
        ? { officeId, satisfactionSurvey: row.satisfactionSurvey, slaWarningHours: row.slaWarningHours }
        : defaults(officeId);
    },

    async many(officeIds: string[]): Promise<Map<string, HelpdeskSettingsView>> {
      const rows = await prisma.helpdeskSettings.findMany({ where: { officeId: { in: officeIds } } });
      const found = new Map(rows.map((r) => [r.officeId, r]));
      return new Map(
        officeIds.map((id) => {
          const row = found.get(id);
          return [
            id,
            row
              ? {
                  officeId: id,
                  satisfactionSurvey: row.satisfactionSurvey,
                  slaWarningHours: row.slaWarningHours,
                }
              : defaults(id),
          ];
        }),
      );
    },

    async update(officeId: string, change: Partial<Omit<HelpdeskSettingsView, 'officeId'>>) {
      const hours = change.slaWarningHours;
      if (hours !== undefined && (!Number.isInteger(hours) || hours < 1 || hours > MAX_SLA_WARNING_HOURS))
        throw new DomainError(
          'invalid',
          `Warn between 1 and ${MAX_SLA_WARNING_HOURS} hours before the due time.`,
        );
      const row = await prisma.helpdeskSettings.upsert({
        where: { officeId },
        create: { officeId, ...change },
        update: change,
      });
      return { officeId, satisfactionSurvey: row.satisfactionSurvey, slaWarningHours: row.slaWarningHours };
    },
  };
}

export type HelpdeskSettings = ReturnType<typeof createHelpdeskSettings>;
