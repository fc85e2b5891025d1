import type { FastifyBaseLogger } from 'fastify';
import type { FieldCipher } from '../../../platform/privacy/encryption.js';
import type { AttachmentStore } from '../../../tickets/attachment-store.js';
import type { TicketService } from '../../../tickets/ticket-service.js';
import type { FlowContext, FlowResult } from '../../flow.js';
import type { ActiveFlow } from '../../state.js';
import type { IntakeData } from './intake-data.js';

export interface IntakeDeps {
  cipher: FieldCipher;
  tickets: TicketService;
  attachments: AttachmentStore;
  log: FastifyBaseLogger;
}

/** What one intake turn needs besides the message: saving its state and filing the ticket. */
export interface IntakeTurnDeps extends IntakeDeps {
  save(data: IntakeData, ctx: FlowContext, active?: ActiveFlow): ActiveFlow;
  submit(ctx: FlowContext, data: IntakeData): Promise<FlowResult>;
}
