export * from './report-document.js';
export { reportDocumentSchema } from './report-document.schema.js';
export { validateReportDocument, type SchemaIssue, type ValidationResult } from './validate-report-document.js';
export { CSV_BOM, csvLine, parseCsv, sanitizeCsvCell, unsanitizeCsvCell, type CsvCell } from './csv.js';
export {
  BREAKDOWN_COLUMN_LABELS, BUDGET_AMOUNT_LABELS, FIELD_LABELS, INDICATOR_COLUMN_LABELS, fieldLabel, hasFieldLabel,
} from './field-labels.js';
export { WARNING_TITLES, warningTitle } from './warning-titles.js';
export * from './report-workflow.js';
