export * from './report-document.js';
export { reportDocumentSchema } from './report-document.schema.js';
export { validateReportDocument, type SchemaIssue, type ValidationResult } from './validate-report-document.js';
export { CSV_BOM, csvLine, parseCsv, sanitizeCsvCell, unsanitizeCsvCell, type CsvCell } from './csv.js';
