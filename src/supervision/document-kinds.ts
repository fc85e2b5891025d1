export const DOCUMENT_KINDS = ['reminder', 'opinion', 'suggestion'] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

export const DOCUMENT_STATUSES = ['issued', 'replied', 'overdue', 'escalated', 'closed'] as const;
export type DocumentStatus = (typeof DOCUMENT_STATUSES)[number];

/** 意见书 default: a written reply within 15 working days. */
export const DEFAULT_DEADLINE_WORKING_DAYS = 15;

export function formatDocumentNumber(year: number, seq: number): string {
  return `〔${year}〕第${seq}号`;
}

/** The status a reader should see: an issued document past its deadline is overdue. */
export function effectiveStatus(status: string, deadlineAt: Date | null, now: Date): string {
  return status === 'issued' && deadlineAt && deadlineAt.getTime() < now.getTime() ? 'overdue' : status;
}
