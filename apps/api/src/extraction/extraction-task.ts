import type { MessagePort } from 'node:worker_threads';
import type { ReportDocument, SourceFormat } from '@hunan-perf/contracts';
import type { ExtractOptions } from '@hunan-perf/report-parser';

/** What the pool sends a worker: the file's bytes (transferred, not copied) and a port to say "started". */
export interface ExtractionTask {
  bytes: Uint8Array;
  fileName: string;
  options: ExtractOptions;
  started: MessagePort;
}

/** A ReportParseError (or TemplateError) as plain data, so it can cross the thread boundary. */
export interface SerializedParseError {
  name: 'ReportParseError' | 'TemplateError';
  code: string;
  fileName: string;
  message: string;
}

/** What a worker answers: plain JSON (the reports, the decoded text), or the file's parse error. */
export type ExtractionReply =
  | { ok: true; format: SourceFormat; text: string; reports: ReportDocument[] }
  | { ok: false; error: SerializedParseError };
