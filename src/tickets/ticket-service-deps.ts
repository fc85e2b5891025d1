import type { StagedDelivery } from '../delivery/delivery-service.js';
import type { OfficeService } from '../offices/office-service.js';
import type { Db } from '../platform/db/create-prisma.js';
import type { FieldCipher } from '../platform/privacy/encryption.js';
import type { PriorityPolicy } from './priority.js';
import type { NewTicket, TicketReceiptView, WorkerNotes } from './ticket-types.js';
import type { StatusChange, StatusNoticeChange } from './ticket-views.js';

/** Part of the worker's view of a ticket another domain keeps (the arbitration limit). */
export type WorkerNoteSource = (ticket: { id: string; type: string; locale: string }) => Promise<WorkerNotes>;
/** Told of every ticket once it is on disk (other domains keep their own rows about it). */
export type FiledListener = (filed: { id: string; number: string; input: NewTicket }) => Promise<void>;

export interface TicketServiceDeps {
  prisma: Db;
  cipher: FieldCipher;
  offices: OfficeService;
  policy: PriorityPolicy;
  now?: () => Date;
  /** Called after a ticket is on disk (metrics). */
  onCreated?: (receipt: TicketReceiptView, input: NewTicket) => void;
  /** A listener failed: the ticket stays filed, the failure is reported here (logs). */
  onListenerError?: (err: unknown) => void;
  /** Called after a status change has committed (metrics). */
  onStatusChange?: (change: StatusChange) => Promise<void>;
  /**
   * The worker's notice of a status change, as writes committed with the change itself (the
   * delivery outbox): a crash can then never keep the change and lose the notice. Given the
   * change as it will be once committed.
   */
  stageStatusNotice?: (change: StatusNoticeChange) => Promise<StagedDelivery | undefined>;
}
