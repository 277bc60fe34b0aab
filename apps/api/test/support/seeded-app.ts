import { IngestionService } from '../../src/modules/documents/ingestion.service.js';
import { startTestApp, type TestApp } from './test-app.js';
import { SEEDS, seed } from './uploads.js';

/** The app with the five seed reports ingested and confirmed, keyed by seed prefix ('000' …). */
export async function startSeededApp(): Promise<{ t: TestApp; reports: Record<string, string>; units: Record<string, string> }> {
  const t = await startTestApp();
  const ingestion = t.app.get(IngestionService);
  const reports: Record<string, string> = {};
  const units: Record<string, string> = {};
  for (const name of SEEDS) {
    const file = seed(name);
    const outcome = await ingestion.ingest({ fileName: file.name, bytes: file.bytes }, null, { confirm: true });
    if ('error' in outcome) throw new Error(outcome.error.message);
    reports[name.slice(0, 3)] = outcome.reportId;
    units[name.slice(0, 3)] = outcome.unit!.id;
  }
  return { t, reports, units };
}
