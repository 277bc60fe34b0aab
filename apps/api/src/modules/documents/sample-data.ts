import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Logger } from 'pino';
import { isSupportedName } from './document-reader.js';
import type { IngestionService } from './ingestion.service.js';

/** Files of a folder the engine can read, sorted by name; README and the like are skipped. */
export async function readableFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  return entries
    .filter((e) => e.isFile() && isSupportedName(e.name) && !/^readme/i.test(e.name) && e.name !== 'truth.json')
    .map((e) => path.join(dir, e.name))
    .sort();
}

/** First start: the sample reports go in through the normal ingest path and are confirmed. */
export async function loadSampleReports(ingestion: IngestionService, dir: string, logger: Logger): Promise<number> {
  let loaded = 0;
  for (const file of await readableFiles(dir)) {
    const outcome = await ingestion.ingest({ fileName: path.basename(file), bytes: await readFile(file) }, null, { confirm: true });
    if ('error' in outcome) {
      logger.warn({ file, error: outcome.error }, `sample report not loaded: ${outcome.error.message}`);
      continue;
    }
    loaded += 1;
    logger.info({ file: outcome.fileName, unit: outcome.unit?.name ?? null, fiscalYear: outcome.fiscalYear, status: outcome.status }, 'sample report loaded');
  }
  return loaded;
}
