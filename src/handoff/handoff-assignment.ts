import type { OfficeActor } from '../offices/office-actor.js';
import { canOversee, sees } from '../offices/office-actor.js';
import type { Handoff } from '../platform/db/db-types.js';
import { DomainError } from '../platform/domain-error.js';
import type { Translate } from '../platform/i18n/create-i18n.js';
import { createCapacityClaim } from './capacity-claim.js';
import { type HandoffDeps, OPEN_HANDOFF_STATUSES as OPEN, view } from './handoff-types.js';

/** The staff member a chat is given to: who they are and which offices they serve. */
export type Assignee = Pick<OfficeActor, 'id' | 'displayName' | 'officeIds'>;

export interface AssignmentDeps {
  prisma: HandoffDeps['prisma'];
  conversations: HandoffDeps['conversations'];
  hub: HandoffDeps['hub'];
  send: HandoffDeps['send'];
  now: () => Date;
  translateFor: (conversationId: string) => Promise<Translate>;
  inScope: (id: string, actor: OfficeActor) => Promise<Handoff>;
  publishQueue: (handoff: Handoff, extra?: Record<string, unknown>) => Promise<void>;
  /** The office scope rule for transfers (office-access.ts `checkTransfer`, thrown as a DomainError). */
  assertTransfer: (
    actor: OfficeActor,
    fromOfficeId: string,
    toOfficeId: string,
    reason?: string,
  ) => Promise<void>;
}

/**
 * Giving a chat to a person and moving it between offices. Both are single conditional updates
 * on the status the chat was read in, so a claim, an auto-assignment and a transfer racing each
 * other leave exactly one winner and a 409 for the rest.
 */
export function createHandoffAssignment(deps: AssignmentDeps) {
  const { prisma } = deps;

  const claimWithinCapacity = createCapacityClaim(prisma);

  /** Give a waiting chat to `assignee`, or move a taken one from its holder to them. */
  async function give(
    handoff: Handoff,
    assignee: Assignee,
    by: { id: string; displayName: string } | 'auto',
  ) {
    if (!OPEN.includes(handoff.status)) throw new DomainError('conflict', 'This chat has already ended.');
    if (!sees(assignee, handoff.officeId))
      throw new DomainError('invalid', 'Assign to a staff member who serves this chat’s office.');
    if (handoff.claimedById === assignee.id) return view(handoff);
    const won = await prisma.handoff.updateMany({
      where: { id: handoff.id, status: handoff.status, claimedById: handoff.claimedById },
      data: { status: 'claimed', claimedById: assignee.id, claimedAt: deps.now() },
    });
    if (won.count === 0) throw new DomainError('conflict', 'This chat changed meanwhile; reload it.');
    return given(handoff, assignee, by);
  }

  /** The chat is theirs now: the worker is told who joined and the consoles see it taken. */
  async function given(
    handoff: Handoff,
    assignee: Assignee,
    by: { id: string; displayName: string } | 'auto',
  ) {
    await deps.conversations.setMode(handoff.conversationId, 'human');
    const t = await deps.translateFor(handoff.conversationId);
    await deps.send(
      handoff.conversationId,
      [{ type: 'handoff', text: t('staff:handoff.claimed', { name: assignee.displayName }) }],
      'system',
    );
    const assigned = await prisma.handoff.findUniqueOrThrow({ where: { id: handoff.id } });
    await deps.publishQueue(assigned, {
      by: { id: assignee.id, displayName: assignee.displayName },
      assignedBy: by === 'auto' ? 'auto' : { id: by.id, displayName: by.displayName },
    });
    return view(assigned);
  }

  return {
    /**
     * A supervisor or admin gives a chat to someone in the office; an agent may only take a chat
     * for themselves (that is a claim) or pass their own chat on.
     */
    async assign(id: string, actor: OfficeActor, assignee: Assignee) {
      const handoff = await deps.inScope(id, actor);
      const passingOwn = handoff.status === 'claimed' && handoff.claimedById === actor.id;
      if (!canOversee(actor) && assignee.id !== actor.id && !passingOwn)
        throw new DomainError('forbidden', 'Agents can only pass on chats they hold.');
      return give(handoff, assignee, actor);
    },

    /**
     * The auto-assigner's hand: a waiting chat to a person on duty, only while they hold fewer
     * than `capacity` chats, checked by the database across every instance (capacity-claim.ts).
     * `gone`: the chat is no longer waiting in its office; `full`: they had no room left.
     * `onClaimed` runs once the chat is theirs, before the worker and consoles are told.
     */
    async assignAuto(
      handoff: Handoff,
      assignee: Assignee,
      capacity: number,
      onClaimed?: () => Promise<void>,
    ): Promise<'assigned' | 'gone' | 'full'> {
      if (handoff.status !== 'waiting') return 'gone';
      if (!sees(assignee, handoff.officeId))
        throw new DomainError('invalid', 'Assign to a staff member who serves this chat’s office.');
      const won = await claimWithinCapacity({
        handoffId: handoff.id,
        officeId: handoff.officeId,
        staffId: assignee.id,
        capacity,
        at: deps.now(),
      });
      if (!won) {
        const now = await prisma.handoff.findUnique({ where: { id: handoff.id } });
        return now?.status === 'waiting' && now.officeId === handoff.officeId ? 'full' : 'gone';
      }
      await onClaimed?.();
      await given(handoff, assignee, 'auto');
      return 'assigned';
    },

    /**
     * Send an open chat to another office (the transfer rule: an office the actor sees, or the
     * parent of the chat's office, always with a note). It waits in the new office's queue; the
     * old office's consoles drop it; the worker is told where it went.
     */
    async transfer(id: string, actor: OfficeActor, toOfficeId: string, note: string, toOfficeName: string) {
      const handoff = await deps.inScope(id, actor);
      if (!OPEN.includes(handoff.status)) throw new DomainError('conflict', 'This chat has already ended.');
      if (handoff.status === 'claimed' && handoff.claimedById !== actor.id && !canOversee(actor))
        throw new DomainError(
          'forbidden',
          'Only the staff member who has this chat, or a supervisor, can transfer it.',
        );
      await deps.assertTransfer(actor, handoff.officeId, toOfficeId, note);
      const moved = await prisma.handoff.updateMany({
        where: { id, status: handoff.status, officeId: handoff.officeId },
        data: {
          officeId: toOfficeId,
          status: 'waiting',
          claimedById: null,
          claimedAt: null,
          transferredAt: deps.now(),
        },
      });
      if (moved.count === 0) throw new DomainError('conflict', 'This chat changed meanwhile; reload it.');
      await deps.conversations.setMode(handoff.conversationId, 'waiting');
      const updated = await prisma.handoff.findUniqueOrThrow({ where: { id } });
      deps.hub.publish(handoff.officeId, { event: 'queue', handoff: { ...view(updated), status: 'moved' } });
      const t = await deps.translateFor(handoff.conversationId);
      await deps.send(
        handoff.conversationId,
        [{ type: 'handoff', text: t('staff:handoff.transferred', { office: toOfficeName }) }],
        'system',
      );
      await deps.publishQueue(updated, { transferredFrom: handoff.officeId });
      return { handoff: view(updated), fromOfficeId: handoff.officeId };
    },
  };
}

export type HandoffAssignment = ReturnType<typeof createHandoffAssignment>;
