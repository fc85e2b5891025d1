import type { OutboundMessage } from '../../../messages/messages.js';
import type { FlowGuard } from '../../flow-registry.js';
import { menuReply } from '../menu/menu-flow.js';

const INTAKE_FLOW = 'intake';

/**
 * A voice message no one could transcribe (chat-service.ts has already kept the audio). The bot
 * says plainly that it cannot listen yet instead of guessing: in an intake the recording joins
 * the report's evidence and the question stands; while a person is coming it is left for them;
 * otherwise the menu, whose last button is a person.
 */
export function createVoiceGuard(): FlowGuard {
  return async (ctx) => {
    const { audio } = ctx.inbound;
    if (!audio || audio.transcribed || ctx.text) return undefined;
    const kept = Boolean(audio.attachmentId);
    const flow = ctx.state.flow;
    if (kept && flow?.name === INTAKE_FLOW) {
      const count = typeof flow.data.attachments === 'number' ? flow.data.attachments : 0;
      const reply: OutboundMessage = { type: 'text', text: ctx.t('voice.keptForReport') };
      // Counted like a photo, so the ticket claims the conversation's kept attachments.
      return { replies: [reply], flow: { ...flow, data: { ...flow.data, attachments: count + 1 } } };
    }
    if (kept && ctx.mode === 'waiting') {
      return {
        replies: [{ type: 'text', text: ctx.t('voice.keptForStaff') }],
        effects: [{ type: 'forward-to-staff' }],
      };
    }
    return {
      replies: [
        menuReply(ctx.t, ctx.t(audio.unheard === 'failed' ? 'voice.notHeard' : 'voice.cannotListen')),
      ],
    };
  };
}
