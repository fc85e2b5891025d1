import type { Sheet } from './ledger-rows.js';

/** The ledger as a workbook, one worksheet per sheet, header row bold and frozen. */
export async function toXlsx(sheets: Sheet[]): Promise<Buffer> {
  // Loaded on the first export, not at start: exceljs costs about 0.4 s of CPU to load.
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Gongyou';
  for (const sheet of sheets) {
    const ws = workbook.addWorksheet(sheet.name, { views: [{ state: 'frozen', ySplit: 1 }] });
    ws.addRow(sheet.header).font = { bold: true };
    for (const row of sheet.rows) ws.addRow(row);
    ws.columns.forEach((column) => {
      column.width = 16;
    });
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
