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
