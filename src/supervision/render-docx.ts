import { AlignmentType, BorderStyle, Document, Footer, Packer, PageNumber, Paragraph, TextRun } from 'docx';
import {
  DATE_RIGHT_EM,
  type DocumentLayout,
  type LaidParagraph,
  SEAL_LINES,
  signatureRightEm,
} from './document-layout.js';

// GB/T 9704-2012 on A4: title 二号 (22 pt) in a Song face, centred; body 三号 (16 pt) FangSong on
// a fixed 28 pt line, justified, first line indented two characters; page numbers 四号 (14 pt)
// as "— 1 —", seven millimetres under the text block, odd pages right and even pages left,
// one character in. The East Asian font is named explicitly so Word and WPS pick a CJK face.
const TITLE_FONT = { ascii: 'SimSun', hAnsi: 'SimSun', eastAsia: '宋体' };
const BODY_FONT = { ascii: 'FangSong', hAnsi: 'FangSong', eastAsia: '仿宋' };
const BODY_SIZE = 32; // half-points: 16 pt
const PAGE_NUMBER_SIZE = 28; // 14 pt
const EM = 320; // twips in one 16 pt character
const LINE = 560; // twips in a 28 pt line
const MM = 56.7; // twips per millimetre
const MARGIN = { top: 37 * MM, bottom: 35 * MM, left: 28 * MM, right: 26 * MM };

const line = { line: LINE, lineRule: 'exact' as const };
const run = (text: string) => new TextRun({ text, font: BODY_FONT, size: BODY_SIZE });

function paragraph(p: LaidParagraph, date: string | undefined, isLastBody: boolean): Paragraph {
  switch (p.role) {
    case 'number':
      return new Paragraph({
        alignment: AlignmentType.RIGHT,
        spacing: { ...line, after: LINE },
        children: [run(p.text)],
      });
    case 'addressee':
      return new Paragraph({ alignment: AlignmentType.LEFT, spacing: line, children: [run(p.text)] });
    case 'right':
      return new Paragraph({ alignment: AlignmentType.RIGHT, spacing: line, children: [run(p.text)] });
    case 'signature':
      // Kept with the date; the space above is where the seal goes.
      return new Paragraph({
        alignment: AlignmentType.RIGHT,
        indent: { right: Math.round(signatureRightEm(p.text, date) * EM) },
        spacing: { ...line, before: SEAL_LINES * LINE },
        keepNext: true,
        keepLines: true,
        children: [run(p.text)],
      });
    case 'date':
      return new Paragraph({
        alignment: AlignmentType.RIGHT,
        indent: { right: DATE_RIGHT_EM * EM },
        spacing: line,
        keepLines: true,
        children: [run(p.text)],
      });
    case 'copy': {
      const rule = { style: BorderStyle.SINGLE, size: 8, color: '000000', space: 4 };
      return new Paragraph({
        alignment: AlignmentType.LEFT,
        indent: { left: EM, right: EM },
        spacing: { ...line, before: LINE },
        border: { top: rule, bottom: rule },
        children: [new TextRun({ text: p.text, font: BODY_FONT, size: PAGE_NUMBER_SIZE })],
      });
    }
    default:
      // The last paragraph of the text keeps the signature block on its page (keep with next).
      return new Paragraph({
        alignment: AlignmentType.JUSTIFIED,
        indent: { firstLine: 2 * EM },
        spacing: line,
        keepNext: isLastBody,
        keepLines: isLastBody,
        children: [run(p.text)],
      });
  }
}

function pageNumberFooter(side: 'odd' | 'even'): Footer {
  return new Footer({
    children: [
      new Paragraph({
        alignment: side === 'odd' ? AlignmentType.RIGHT : AlignmentType.LEFT,
        indent: side === 'odd' ? { right: PAGE_NUMBER_SIZE * 10 } : { left: PAGE_NUMBER_SIZE * 10 },
        children: [
          new TextRun({
            children: ['— ', PageNumber.CURRENT, ' —'],
            font: TITLE_FONT,
            size: PAGE_NUMBER_SIZE,
          }),
        ],
      }),
    ],
  });
}

export async function renderDocx(document: DocumentLayout, meta: { creator: string }): Promise<Buffer> {
  const date = document.paragraphs.find((p) => p.role === 'date')?.text;
  const hasSignature = document.paragraphs.some((p) => p.role === 'signature' || p.role === 'date');
  const lastBody = document.paragraphs.map((p) => p.role).lastIndexOf('body');
  const doc = new Document({
    creator: meta.creator,
    title: document.title,
    evenAndOddHeaderAndFooters: true,
    styles: { default: { document: { run: { font: BODY_FONT, size: BODY_SIZE } } } },
    sections: [
      {
        properties: {
          page: {
            // The page number's line starts 7 mm under the text block (its foot ~5 mm lower).
            margin: { ...MARGIN, footer: Math.round((35 - 7 - 5) * MM) },
          },
        },
        footers: { default: pageNumberFooter('odd'), even: pageNumberFooter('even') },
        children: [
          new Paragraph({
            alignment: AlignmentType.CENTER,
            spacing: { after: LINE },
            children: [new TextRun({ text: document.title, bold: true, size: 44, font: TITLE_FONT })],
          }),
          ...document.paragraphs.map((p, index) => paragraph(p, date, hasSignature && index === lastBody)),
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}
