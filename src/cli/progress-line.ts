/**
 * One line of progress on a terminal, redrawn in place (at most ten times a second); when the
 * output is not a terminal (a log file, CI), a plain line every few seconds instead, so a long
 * import still shows it is alive without flooding the log.
 */
export interface ProgressLine {
  update(text: string): void;
  /** Leave the last state on screen and move to a new line. */
  done(text?: string): void;
}

export function progressLine(stream: NodeJS.WriteStream = process.stderr): ProgressLine {
  const tty = stream.isTTY === true;
  const every = tty ? 100 : 5_000;
  let last = 0;
  let shown = '';
  const draw = (text: string) => {
    shown = text;
    if (tty) stream.write(`\r\x1b[2K${text}`);
    else stream.write(`${text}\n`);
  };
  return {
    update(text) {
      const now = performance.now();
      if (now - last < every) return;
      last = now;
      draw(text);
    },
    done(text) {
      if (text !== undefined && text !== shown) draw(text);
      if (tty && shown) stream.write('\n');
    },
  };
}

/** "1 m 05 s", "42 s": how long is left, for people. */
export function duration(ms: number): string {
  const s = Math.max(0, Math.round(ms / 1000));
  if (s < 60) return `${s} s`;
  return `${Math.floor(s / 60)} m ${String(s % 60).padStart(2, '0')} s`;
}
