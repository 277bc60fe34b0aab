/** The statuses of a report version: defined once, with the workflow, in libs/contracts (report-workflow.ts). */
export { REPORT_STATUSES, type ReportStatus } from '@hunan-perf/contracts';
