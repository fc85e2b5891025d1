import zlib from 'node:zlib';

/**
 * The text a PDF shows, read back the way a PDF reader does: each stream is inflated, the
 * fonts' ToUnicode maps turn glyph ids into characters, and each text-showing operator (TJ)
 * becomes one line. Enough for pdfkit's output (Identity-H fonts, hex strings); not a general
 * PDF parser.
 */
export function pdfText(pdf: Buffer): { lines: string[]; fonts: string[] } {
  const raw = pdf.toString('latin1');
  const streams: string[] = [];
  for (const match of raw.matchAll(/stream\r?\n/g)) {
    const start = (match.index ?? 0) + match[0].length;
    const end = raw.indexOf('endstream', start);
    try {
      streams.push(zlib.inflateSync(pdf.subarray(start, end)).toString('latin1'));
    } catch {
      // An uncompressed or binary stream (the embedded font): no text in it.
    }
  }
  const glyphs = new Map<number, string>();
  for (const stream of streams) {
    if (!stream.includes('beginbfrange')) continue;
    for (const range of stream.matchAll(/<([0-9a-f]{4})> <([0-9a-f]{4})> \[([^\]]*)\]/gi)) {
      const first = Number.parseInt(range[1] ?? '0', 16);
      [...(range[3] ?? '').matchAll(/<([0-9a-f]+)>/gi)].forEach((code, i) => {
        glyphs.set(first + i, String.fromCodePoint(Number.parseInt(code[1] ?? '0', 16)));
      });
    }
  }
  const lines: string[] = [];
  for (const stream of streams) {
    // Each "[…] TJ": the array before the operator (simple scans; content streams are large).
    let at = stream.indexOf('] TJ');
    while (at >= 0) {
      const open = stream.lastIndexOf('[', at);
      let line = '';
      for (const hex of stream.slice(open + 1, at).matchAll(/<([0-9a-f]+)>/gi)) {
        const codes = hex[1] ?? '';
        for (let i = 0; i < codes.length; i += 4)
          line += glyphs.get(Number.parseInt(codes.slice(i, i + 4), 16)) ?? '?';
      }
      lines.push(line);
      at = stream.indexOf('] TJ', at + 4);
    }
  }
  const fonts = [...raw.matchAll(/\/BaseFont\s*\/([^\s/>]+)/g)].map((m) => m[1] ?? '');
  return { lines, fonts };
}

export interface PdfRun {
  text: string;
  /** Left edge and baseline from the top of the page, in points. */
  x: number;
  y: number;
  size: number;
  /** Extra space after each character (Tc): how a justified line is stretched. */
  characterSpacing: number;
}

/**
 * The text of each page in page order (the /Pages tree's /Kids), one run per text-showing
 * operator with where it stands. For pdfkit's output: every run is `… Tm /F Tf [Tc] […] TJ`.
 */
export function pdfPages(pdf: Buffer): PdfRun[][] {
  const raw = pdf.toString('latin1');
  const objects = new Map<string, { dict: string; start: number; end: number }>();
  for (const match of raw.matchAll(/(\d+) 0 obj/g)) {
    const at = (match.index ?? 0) + match[0].length;
    const close = raw.indexOf('endobj', at);
    const streamAt = raw.indexOf('stream', at);
    const hasStream = streamAt >= 0 && streamAt < close;
    const dataStart = hasStream ? raw.indexOf('\n', streamAt) + 1 : close;
    objects.set(match[1] ?? '', {
      dict: raw.slice(at, hasStream ? streamAt : close),
      start: dataStart,
      end: hasStream ? raw.indexOf('endstream', dataStart) : close,
    });
  }
  const glyphs = new Map<number, string>();
  const inflated = (id: string) => {
    const object = objects.get(id);
    if (!object) return '';
    try {
      return zlib.inflateSync(pdf.subarray(object.start, object.end)).toString('latin1');
    } catch {
      return '';
    }
  };
  for (const id of objects.keys()) {
    const stream = inflated(id);
    if (!stream.includes('beginbfrange')) continue;
    for (const range of stream.matchAll(/<([0-9a-f]{4})> <([0-9a-f]{4})> \[([^\]]*)\]/gi)) {
      const first = Number.parseInt(range[1] ?? '0', 16);
      [...(range[3] ?? '').matchAll(/<([0-9a-f]+)>/gi)].forEach((code, i) => {
        glyphs.set(first + i, String.fromCodePoint(Number.parseInt(code[1] ?? '0', 16)));
      });
    }
  }
  const tree = [...objects.values()].find((o) => /\/Type \/Pages\b/.test(o.dict));
  const kids = [...(tree?.dict.match(/\/Kids \[([^\]]*)\]/)?.[1] ?? '').matchAll(/(\d+) 0 R/g)].map(
    (m) => m[1] ?? '',
  );
  return kids.map((kid) => {
    const page = objects.get(kid);
    const height = Number(page?.dict.match(/\/MediaBox \[0 0 [\d.]+ ([\d.]+)\]/)?.[1] ?? 842);
    const content = inflated(page?.dict.match(/\/Contents (\d+) 0 R/)?.[1] ?? '');
    const runs: PdfRun[] = [];
    for (const block of content.matchAll(/BT([\s\S]*?)ET/g)) {
      const body = block[1] ?? '';
      const position = body.match(/1 0 0 1 ([\d.-]+) ([\d.-]+) Tm/);
      let text = '';
      for (const hex of (body.match(/\[([^\]]*)\] TJ/)?.[1] ?? '').matchAll(/<([0-9a-f]+)>/gi)) {
        const codes = hex[1] ?? '';
        for (let i = 0; i < codes.length; i += 4)
          text += glyphs.get(Number.parseInt(codes.slice(i, i + 4), 16)) ?? '?';
      }
      runs.push({
        text,
        x: Number(position?.[1] ?? 0),
        y: height - Number(position?.[2] ?? 0),
        size: Number(body.match(/\/F\d+ ([\d.]+) Tf/)?.[1] ?? 0),
        characterSpacing: Number(body.match(/([\d.-]+) Tc/)?.[1] ?? 0),
      });
    }
    return runs;
  });
}
