import { COLLECTIVE_THRESHOLD, type Priority, type PriorityReason } from './ticket-types.js';

export interface PriorityPolicy {
  highAmountYuan: number;
  slaHours: Record<Priority, number>;
}

/** Collective (10+ workers), a large amount, or a vulnerable worker → high. */
export function decidePriority(
  facts: { workerCount?: number; amountYuan?: number; vulnerable?: boolean },
  policy: PriorityPolicy,
): { priority: Priority; reasons: PriorityReason[] } {
  const reasons: PriorityReason[] = [];
  if (isCollective(facts.workerCount)) reasons.push('collective');
  if (facts.amountYuan !== undefined && facts.amountYuan > policy.highAmountYuan) reasons.push('amount');
  if (facts.vulnerable) reasons.push('vulnerable');
  return { priority: reasons.length ? 'high' : 'normal', reasons };
}

export function isCollective(workerCount: number | undefined): boolean {
  return workerCount !== undefined && workerCount >= COLLECTIVE_THRESHOLD;
}

export function dueAt(priority: Priority, from: Date, policy: PriorityPolicy): Date {
  return new Date(from.getTime() + policy.slaHours[priority] * 3_600_000);
}
