import type { Response } from 'express';
import type { ExportTable } from './table.js';
import { CONTENT_TYPES, EXTENSIONS, type ExportFormat, writeCsv, writeCsvWithManifest, writeXlsx } from './table-writers.js';

/** The status and headers of a download named after its table. */
export function startDownload(res: Response, name: string, format: ExportFormat): void {
  const fileName = `${name}.${EXTENSIONS[format]}`;
  res.status(200);
  res.setHeader('Content-Type', CONTENT_TYPES[format]);
  res.setHeader('Content-Disposition', `attachment; filename*=UTF-8''${encodeURIComponent(fileName)}`);
  res.setHeader('Cache-Control', 'no-store');
}

/** Streams a table to the HTTP response as a download named after the table. */
export async function sendTable<Row>(res: Response, table: ExportTable<Row>, format: ExportFormat): Promise<void> {
  startDownload(res, table.fileName, format);
  if (format === 'csv') await writeCsv(table, res);
  else if (format === 'xlsx') await writeXlsx(table, res);
  else await writeCsvWithManifest(table, res);
  if (!res.writableEnded) res.end();
}
