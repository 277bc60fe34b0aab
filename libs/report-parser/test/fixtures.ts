import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { AlignmentType, Document, Packer, Paragraph, Table, TableCell, TableRow, WidthType } from 'docx';
import PDFDocument from 'pdfkit';

const require = createRequire(import.meta.url);

/** Lines of a tab-separated seed, grouped into paragraphs and tables (runs of lines with tabs). */
export function blocksOf(text: string): ({ kind: 'p'; text: string } | { kind: 'table'; rows: string[][] })[] {
  const blocks: ({ kind: 'p'; text: string } | { kind: 'table'; rows: string[][] })[] = [];
  for (const line of text.split('\n')) {
    if (line.includes('\t')) {
      const last = blocks[blocks.length - 1];
      const cells = line.split('\t').map((c) => c.trim());
      if (last && last.kind === 'table') last.rows.push(cells);
      else blocks.push({ kind: 'table', rows: [cells] });
    } else if (line.trim()) blocks.push({ kind: 'p', text: line.trim() });
  }
  return blocks;
}

/** A real .docx (Word tables, not tab text) built from a tab-separated seed. */
export async function docxFromText(text: string): Promise<Uint8Array> {
  const children: (Paragraph | Table)[] = [];
  for (const block of blocksOf(text)) {
    if (block.kind === 'p') {
      children.push(new Paragraph({ text: block.text, alignment: AlignmentType.LEFT }));
      continue;
    }
    const width = Math.max(...block.rows.map((r) => r.length));
    children.push(
      new Table({
        width: { size: 100, type: WidthType.PERCENTAGE },
        rows: block.rows.map(
          (r) => new TableRow({ children: Array.from({ length: width }, (_, i) => new TableCell({ children: [new Paragraph(r[i] ?? '')] })) }),
        ),
      }),
    );
  }
  const doc = new Document({ sections: [{ children }] });
  return new Uint8Array(await Packer.toBuffer(doc));
}

/** A PDF with a Chinese text layer: paragraphs as lines, table cells placed in columns. */
export async function pdfFromText(text: string): Promise<Uint8Array> {
  const font = readFileSync(require.resolve('@fontsource/noto-sans-sc/files/noto-sans-sc-chinese-simplified-400-normal.woff'));
  const doc = new PDFDocument({ size: [4000, 1400], margin: 20, compress: false });
  doc.registerFont('sc', font);
  doc.font('sc').fontSize(8);
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<void>((resolve) => doc.on('end', () => resolve()));
  let y = 20;
  const nextLine = (): void => {
    y += 12;
    if (y > 1370) {
      doc.addPage();
      y = 20;
    }
  };
  for (const block of blocksOf(text)) {
    if (block.kind === 'p') {
      doc.text(block.text, 20, y, { lineBreak: false });
      nextLine();
      continue;
    }
    const width = Math.max(...block.rows.map((r) => r.length));
    const colWidths = Array.from({ length: width }, (_, i) => Math.max(30, ...block.rows.map((r) => doc.widthOfString(r[i] ?? '') + 30)));
    for (const row of block.rows) {
      let x = 20;
      row.forEach((cell, i) => {
        if (cell) doc.text(cell, x, y, { lineBreak: false });
        x += colWidths[i] ?? 30;
      });
      nextLine();
    }
    nextLine();
  }
  doc.end();
  await done;
  return new Uint8Array(Buffer.concat(chunks));
}
