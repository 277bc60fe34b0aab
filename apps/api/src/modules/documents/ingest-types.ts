import type { ReportWarning } from '@hunan-perf/contracts';
import type { ReportStatus } from '../reports/report-status.js';

export interface IngestFile {
  fileName: string;
  bytes: Buffer;
  mediaType?: string;
}

export interface IngestedReport {
  reportId: string;
  kind: string;
  unit: { id: string; name: string } | null;
  unitNameInReport: string | null;
  regionCode: string | null;
  fiscalYear: number | null;
  status: ReportStatus;
  version: number;
  warnings: ReportWarning[];
}

/** One file's outcome: the stored document and its main report, or an error for that file alone. */
export type IngestOutcome =
  | ({
      fileName: string;
      documentId: string;
      sha256: string;
      created: boolean;
      /** Every report the document holds (the department report first, then 项目支出 ones). */
      reports: IngestedReport[];
    } & Omit<IngestedReport, 'kind' | 'version' | 'unitNameInReport' | 'regionCode'>)
  | { fileName: string; error: { code: string; message: string } };

export interface IngestOptions {
  /** Confirm each resolved report right away (the CLI's --confirm, the sample data). */
  confirm?: boolean;
  /** Mark the reports as synthetic (generated data). */
  synthetic?: boolean;
  requestId?: string | null;
}
