/**
 * The kept recording of a worker's voice message, for the console's transcript: staff play it
 * from /api/staff/handoffs/:id/voice/:attachmentId. Nothing for any other message.
 */
export function voiceOf(message: { direction: string; payload?: string | null }): {
  voice?: { attachmentId: string; mimeType?: string };
} {
  if (message.direction !== 'in' || !message.payload) return {};
  try {
    const audio = (JSON.parse(message.payload) as { audio?: { attachmentId?: unknown; mimeType?: unknown } })
      ?.audio;
    if (typeof audio?.attachmentId !== 'string') return {};
    return {
      voice: {
        attachmentId: audio.attachmentId,
        ...(typeof audio.mimeType === 'string' ? { mimeType: audio.mimeType } : {}),
      },
    };
  } catch {
    return {};
  }
}

/** One message of the console's transcript, with its recording when the bot could not hear it. */
export function transcriptMessage(m: {
  id: string;
  direction: string;
  author: string;
  text: string | null;
  payload?: string | null;
  createdAt: Date;
}) {
  return {
    id: m.id,
    direction: m.direction,
    author: m.author,
    text: m.text,
    at: m.createdAt.toISOString(),
    ...voiceOf(m),
  };
}
