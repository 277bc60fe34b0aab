import { ReportParseError } from '../errors.js';
import { shortReason } from './read-docx.js';

interface TextItem {
  str: string;
  transform: number[];
  width: number;
  height: number;
}

/** PDF text layer → lines: items grouped by baseline, wide gaps become tabs (table columns). */
export async function readPdf(bytes: Uint8Array, fileName: string): Promise<string> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  let doc;
  try {
    doc = await pdfjs.getDocument({ data: new Uint8Array(bytes), isEvalSupported: false, useSystemFonts: false, disableFontFace: true, verbosity: 0 }).promise;
  } catch (error) {
    throw new ReportParseError('CORRUPT_FILE', fileName, `could not be read as a PDF (${shortReason(error)})`);
  }
  const out: string[] = [];
  try {
    for (let p = 1; p <= doc.numPages; p++) {
      const page = await doc.getPage(p);
      const content = await page.getTextContent();
      const items = (content.items as unknown[]).filter((i): i is TextItem => typeof (i as TextItem).str === 'string' && (i as TextItem).str.length > 0);
      const rows: { y: number; items: TextItem[] }[] = [];
      for (const item of items) {
        const y = item.transform[5] ?? 0;
        const size = Math.abs(item.transform[3] ?? item.height) || 10;
        const row = rows.find((r) => Math.abs(r.y - y) < size * 0.4);
        if (row) row.items.push(item);
        else rows.push({ y, items: [item] });
      }
      rows.sort((a, b) => b.y - a.y);
      for (const row of rows) {
        row.items.sort((a, b) => (a.transform[4] ?? 0) - (b.transform[4] ?? 0));
        let line = '';
        let end: number | null = null;
        for (const item of row.items) {
          const x = item.transform[4] ?? 0;
          const size = Math.abs(item.transform[3] ?? item.height) || 10;
          if (end !== null) {
            const gap = x - end;
            if (gap > size * 1.5) line += '\t';
            else if (gap > size * 0.25 && /[\x21-\x7e]$/.test(line) && /^[\x21-\x7e]/.test(item.str)) line += ' ';
          }
          line += item.str;
          end = x + item.width;
        }
        out.push(line);
      }
      out.push('');
      page.cleanup();
    }
  } catch (error) {
    throw new ReportParseError('CORRUPT_FILE', fileName, `is a damaged PDF (${shortReason(error)})`);
  } finally {
    await doc.destroy();
  }
  return out.join('\n');
}
