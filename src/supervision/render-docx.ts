import { AlignmentType, Document, Packer, Paragraph, TextRun } from 'docx';
import type { RenderedDocument } from './render-template.js';

// Chinese official-document conventions (GB/T 9704): title in a Song face, body in FangSong
// 三号 (16 pt), two-character first-line indent. The East Asian font is named explicitly so
// Word and WPS pick a CJK face instead of substituting boxes.
const TITLE_FONT = { ascii: 'SimSun', hAnsi: 'SimSun', eastAsia: '宋体' };
const BODY_FONT = { ascii: 'FangSong', hAnsi: 'FangSong', eastAsia: '仿宋' };
const BODY_SIZE = 32; // half-points: 16 pt
const INDENT_TWIPS = 640; // two 16 pt characters

export async function renderDocx(document: RenderedDocument, meta: { creator: string }): Promise<Buffer> {
  const doc = new Document({
    creator: meta.creator,
    title: document.title,
    styles: { default: { document: { run: { font: BODY_FONT, size: BODY_SIZE } } } },
    sections: [
      {
        properties: { page: { margin: { top: 2098, bottom: 1984, left: 1587, right: 1474 } } },
        children: [
          new Paragraph({
            alignment: AlignmentType.CENTER,
            spacing: { after: 400 },
            children: [new TextRun({ text: document.title, bold: true, size: 44, font: TITLE_FONT })],
          }),
          ...document.paragraphs.map(
            (p) =>
              new Paragraph({
                alignment: p.align === 'right' ? AlignmentType.RIGHT : AlignmentType.LEFT,
                indent: p.indent ? { firstLine: INDENT_TWIPS } : undefined,
                spacing: { line: 560, lineRule: 'exact' },
                children: [new TextRun({ text: p.text, font: BODY_FONT, size: BODY_SIZE })],
              }),
          ),
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}
