import fs from 'node:fs';
import { breakLines, isAsciiRun, units } from './break-lines.js';
import { DATE_RIGHT_EM, type DocumentLayout, SEAL_LINES, signatureRightEm } from './document-layout.js';

export interface PdfFont {
  file: string;
  /** The face inside a .ttc collection (its PostScript name); unused for a .ttf/.otf. */
  face?: string;
}

export class PdfFontMissingError extends Error {
  constructor(readonly file: string) {
    super(
      `PDF output needs a Chinese font at ${file} (apt-get install fonts-wqy-zenhei, or set PDF_FONT_FILE). The DOCX is available meanwhile.`,
    );
    this.name = 'PdfFontMissingError';
  }
}

// GB/T 9704-2012 on A4: margins top 37 mm, bottom 35 mm, left 28 mm, right 26 mm; title 二号
// (22 pt) centred; body 三号 (16 pt) on a 28 pt line, justified, first line indented two
// characters; page number 四号 (14 pt) "— 1 —" 7 mm under the text block, odd pages right and
// even pages left, one character in.
const MM = 72 / 25.4;
const MARGINS = { top: 37 * MM, bottom: 35 * MM, left: 28 * MM, right: 26 * MM };
const TITLE_PT = 22;
const BODY_PT = 16;
const PAGE_NUMBER_PT = 14;
const LINE_PT = 28;

interface Line {
  text: string;
  size: number;
  /** left | right | centre of the text block, or justified to both edges. */
  align: 'left' | 'right' | 'center' | 'justify';
  indent: number;
  rightIndent: number;
  /** Ruled above and below (the 抄送 line of the 版记). */
  ruled?: boolean;
}

/** One paragraph as lines, and how much of it must stay on the page of what follows. */
interface Block {
  lines: Line[];
  spaceBefore: number;
  keepWithNext: boolean;
}

/**
 * The document as a PDF with its font embedded (subset to the characters used), so it prints
 * the same anywhere. The font is read from disk, never fetched. Lines are broken and justified
 * here (pdfkit's own justification stretches spaces, which Chinese text does not have).
 */
export async function renderPdf(
  document: DocumentLayout,
  meta: { creator: string; font: PdfFont },
): Promise<Buffer> {
  if (!fs.existsSync(meta.font.file)) throw new PdfFontMissingError(meta.font.file);
  // Loaded on the first PDF, not at start: pdfkit costs about 0.4 s of CPU to load.
  const { default: PDFDocument } = await import('pdfkit');
  const doc = new PDFDocument({
    size: 'A4',
    margins: MARGINS,
    bufferPages: true,
    info: { Title: document.title, Creator: meta.creator, Producer: meta.creator },
    lang: 'zh-CN',
    displayTitle: true,
  });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const face = /\.tt[cf]$/i.test(meta.font.file) && meta.font.face ? meta.font.face : undefined;
  doc.registerFont('cjk', meta.font.file, face);
  doc.font('cjk');

  const width = doc.page.width - MARGINS.left - MARGINS.right;
  const bottom = doc.page.height - MARGINS.bottom;
  const widths = new Map<string, number>();
  const measure = (size: number) => (unit: string) => {
    const key = `${size}:${unit}`;
    let value = widths.get(key);
    if (value === undefined) {
      value = doc.fontSize(size).widthOfString(unit);
      widths.set(key, value);
    }
    return value;
  };

  const blocks = toBlocks(document, width, measure);
  // The height of what must share a page with the end of block i (the blocks tied to it).
  const tiedAfter = (index: number) => {
    let height = 0;
    for (let next = index; blocks[next]?.keepWithNext && blocks[next + 1]; next++) {
      const following = blocks[next + 1] as Block;
      height += following.spaceBefore + following.lines.length * LINE_PT;
    }
    return height;
  };
  let y = MARGINS.top;
  const newPage = () => {
    doc.addPage();
    y = MARGINS.top;
  };
  for (const [index, block] of blocks.entries()) {
    const tied = tiedAfter(index);
    const whole = block.spaceBefore + block.lines.length * LINE_PT + tied;
    // A block tied to what follows moves to the next page with it when together they fit on one;
    // any other block flows on, but never leaves a single line behind (orphan control).
    const moves = block.keepWithNext
      ? whole <= bottom - MARGINS.top && y + whole > bottom + 0.01
      : block.lines.length > 1 && y + block.spaceBefore + 2 * LINE_PT > bottom + 0.01;
    if (y > MARGINS.top && moves) newPage();
    if (y > MARGINS.top) y += block.spaceBefore;
    for (const [lineIndex, line] of block.lines.entries()) {
      // A longer block breaks across pages, but its last two lines stay with what is tied to it.
      const rest =
        (block.lines.length - lineIndex) * LINE_PT + (lineIndex >= block.lines.length - 2 ? tied : 0);
      const keepTail = tied > 0 && lineIndex === Math.max(0, block.lines.length - 2) && lineIndex > 0;
      if (y + LINE_PT > bottom + 0.01 || (keepTail && y + rest > bottom + 0.01)) newPage();
      drawLine(doc, line, y, width, measure(line.size));
      y += LINE_PT;
    }
  }
  drawPageNumbers(doc, width);
  doc.end();
  return done;
}

function toBlocks(document: DocumentLayout, width: number, measure: (size: number) => (u: string) => number) {
  const date = document.paragraphs.find((p) => p.role === 'date')?.text;
  const lastBody = document.paragraphs.map((p) => p.role).lastIndexOf('body');
  const closing = document.paragraphs.some((p) => p.role === 'signature' || p.role === 'date');
  const lines = (text: string, size: number, align: Line['align'], indent = 0, rightIndent = 0): Line[] =>
    breakLines(text, width - rightIndent, measure(size), indent).map((line, i) => ({
      text: line.text,
      size,
      align: align === 'justify' && line.last ? 'left' : align,
      indent: i === 0 ? indent : 0,
      rightIndent,
    }));
  const blocks: Block[] = [
    { lines: lines(document.title, TITLE_PT, 'center'), spaceBefore: 0, keepWithNext: true },
  ];
  const block = (ls: Line[], spaceBefore = 0, keepWithNext = false): void => {
    blocks.push({ lines: ls, spaceBefore, keepWithNext });
  };
  for (const [index, p] of document.paragraphs.entries()) {
    switch (p.role) {
      case 'number':
        block(lines(p.text, BODY_PT, 'right'), LINE_PT, true);
        break;
      case 'addressee':
        block(lines(p.text, BODY_PT, 'left'), 0, true);
        break;
      case 'right':
        block(lines(p.text, BODY_PT, 'right'));
        break;
      case 'signature':
        block(
          lines(p.text, BODY_PT, 'right', 0, signatureRightEm(p.text, date) * BODY_PT),
          SEAL_LINES * LINE_PT,
          true,
        );
        break;
      case 'date':
        block(lines(p.text, BODY_PT, 'right', 0, DATE_RIGHT_EM * BODY_PT), 0, true);
        break;
      case 'copy':
        block(
          lines(p.text, PAGE_NUMBER_PT, 'left', PAGE_NUMBER_PT, PAGE_NUMBER_PT).map((l) => ({
            ...l,
            ruled: true,
          })),
          LINE_PT,
        );
        break;
      default:
        block(lines(p.text, BODY_PT, 'justify', 2 * BODY_PT), 0, closing && index === lastBody);
    }
  }
  // The copy line is the end of the document; nothing after it to keep with.
  const lastBlock = blocks.at(-1);
  if (lastBlock) lastBlock.keepWithNext = false;
  return blocks;
}

function drawLine(
  doc: PDFKit.PDFDocument,
  line: Line,
  top: number,
  width: number,
  measure: (u: string) => number,
) {
  doc.fontSize(line.size);
  const natural = [...line.text].reduce((sum, char) => sum + measure(char), 0);
  const room = width - line.indent - line.rightIndent;
  const y = top + (LINE_PT - line.size) / 2;
  let x = MARGINS.left + line.indent;
  if (line.align === 'right') x = MARGINS.left + width - line.rightIndent - natural;
  if (line.align === 'center') x = MARGINS.left + (width - natural) / 2;
  if (line.align === 'justify') justify(doc, line.text, x, y, room - natural, measure);
  else doc.text(line.text, x, y, { lineBreak: false });
  if (line.ruled) {
    // The 抄送 line sits between two rules (版记).
    doc
      .lineWidth(0.7)
      .moveTo(MARGINS.left, top)
      .lineTo(MARGINS.left + width, top)
      .moveTo(MARGINS.left, top + LINE_PT)
      .lineTo(MARGINS.left + width, top + LINE_PT)
      .stroke();
  }
}

/**
 * Spread the slack over the gaps between characters, but not inside a run of Latin letters or
 * digits ("12,000", "GY-20261203-0001" keep their spacing): Chinese lines are justified by
 * character spacing, as the characters themselves carry no spaces.
 */
function justify(
  doc: PDFKit.PDFDocument,
  text: string,
  x: number,
  y: number,
  slack: number,
  measure: (u: string) => number,
) {
  // Consecutive CJK units go out as one run with character spacing; a Latin run (its
  // hyphenated pieces joined again) as its own, unstretched.
  const segments: { text: string; latin: boolean }[] = [];
  for (const part of units(text)) {
    const latin = isAsciiRun(part);
    const previous = segments.at(-1);
    if (previous && latin === previous.latin) previous.text += part;
    else segments.push({ text: part, latin });
  }
  const glyphs = [...text].length;
  const inside = segments.filter((s) => s.latin).reduce((sum, s) => sum + s.text.length - 1, 0);
  const gaps = glyphs - 1 - inside;
  const spacing = gaps > 0 ? Math.max(0, slack / gaps) : 0;
  let at = x;
  for (const segment of segments) {
    const characterSpacing = segment.latin ? 0 : spacing;
    doc.text(segment.text, at, y, { lineBreak: false, characterSpacing });
    const count = [...segment.text].length;
    at +=
      [...segment.text].reduce((sum, char) => sum + measure(char), 0) +
      (segment.latin ? spacing : spacing * count);
  }
}

function drawPageNumbers(doc: PDFKit.PDFDocument, width: number) {
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    // Drawing under the bottom margin must not start a new page.
    doc.page.margins.bottom = 0;
    const label = `— ${i + 1} —`;
    doc.fontSize(PAGE_NUMBER_PT);
    const labelWidth = doc.widthOfString(label);
    const odd = (i + 1) % 2 === 1;
    const x = odd ? MARGINS.left + width - PAGE_NUMBER_PT - labelWidth : MARGINS.left + PAGE_NUMBER_PT;
    doc.text(label, x, doc.page.height - MARGINS.bottom + 7 * MM, { lineBreak: false });
  }
}
