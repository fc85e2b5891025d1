/**
 * Streams an answer the way its grounding check will show it. Each token is added to the text
 * so far, the check runs over all of it, and only what is new is sent: a citation that is not in
 * the context gets its flag the moment its last character (条) arrives, so the streamed text
 * never shows an unverified citation as if it were checked.
 *
 * A citation's match ends at a fixed last character and looks at nothing after it, so the
 * checked text only ever grows at the end; if it ever did not, streaming stops and the final
 * reply (sent in full) is what the user keeps.
 */
export function groundedStream(options: {
  /** The grounding check: the text as the user should see it (flags added). */
  check: (raw: string) => string;
  /** Stop streaming for good when the raw text turns out unfit to show (prompt leak). */
  unfit: (raw: string) => boolean;
  emit: (text: string) => void;
}): (token: string) => void {
  let raw = '';
  let sent = '';
  let stopped = false;
  return (token) => {
    if (stopped) return;
    raw += token;
    if (options.unfit(raw)) {
      stopped = true;
      return;
    }
    const shown = options.check(raw.trimStart());
    if (!shown.startsWith(sent)) {
      stopped = true;
      return;
    }
    if (shown.length > sent.length) {
      options.emit(shown.slice(sent.length));
      sent = shown;
    }
  };
}
