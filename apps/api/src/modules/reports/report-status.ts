export const REPORT_STATUSES = ['draft', 'unresolved', 'confirmed', 'superseded'] as const;
export type ReportStatus = (typeof REPORT_STATUSES)[number];
