import fs from 'node:fs';
import PDFDocument from 'pdfkit';
import type { RenderedDocument } from './render-template.js';

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

// GB/T 9704 (党政机关公文格式) on A4: margins top 37 mm, bottom 35 mm, left 28 mm, right 26 mm;
// title 二号 (22 pt), body 三号 (16 pt) on a 28 pt line; first line indented two characters.
const MM = 72 / 25.4;
const MARGINS = { top: 37 * MM, bottom: 35 * MM, left: 28 * MM, right: 26 * MM };
const TITLE_PT = 22;
const BODY_PT = 16;
const LINE_PT = 28;

/**
 * The document as a PDF with its font embedded (subset to the characters used), so it prints
 * the same anywhere. The font is read from disk, never fetched.
 */
export async function renderPdf(
  document: RenderedDocument,
  meta: { creator: string; font: PdfFont },
): Promise<Buffer> {
  if (!fs.existsSync(meta.font.file)) throw new PdfFontMissingError(meta.font.file);
  const doc = new PDFDocument({
    size: 'A4',
    margins: MARGINS,
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

  doc.fontSize(TITLE_PT).text(document.title, { align: 'center' });
  doc.moveDown(1);
  doc.fontSize(BODY_PT);
  const gap = LINE_PT - doc.currentLineHeight();
  for (const paragraph of document.paragraphs) {
    if (!paragraph.text.trim()) {
      doc.moveDown(1);
      continue;
    }
    doc.text(paragraph.text, {
      align: paragraph.align === 'right' ? 'right' : 'justify',
      indent: paragraph.indent ? 2 * BODY_PT : 0,
      lineGap: gap,
    });
  }
  doc.end();
  return done;
}
