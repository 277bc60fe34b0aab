import { extractReports, primaryReport, ReportParseError, TemplateError } from '@hunan-perf/report-parser';
import type { ExtractionReply, ExtractionTask } from './extraction-task.js';

/**
 * Runs in a worker thread of the extraction pool: one file → its reports (department report first).
 * A file the engine refuses comes back as data (code + message); anything else is a bug and is thrown.
 */
export default async function extract(task: ExtractionTask): Promise<ExtractionReply> {
  // The time budget starts now, not while the task waited in the queue.
  task.started.postMessage('started');
  task.started.close();
  try {
    const result = await extractReports(task.bytes, task.fileName, task.options);
    const primary = primaryReport(result);
    return { ok: true, format: result.format, text: result.text, reports: [primary, ...result.reports.filter((r) => r !== primary)] };
  } catch (error) {
    if (error instanceof ReportParseError) {
      const name = error instanceof TemplateError ? 'TemplateError' : 'ReportParseError';
      return { ok: false, error: { name, code: error.code, fileName: error.fileName, message: error.message } };
    }
    throw error;
  }
}
