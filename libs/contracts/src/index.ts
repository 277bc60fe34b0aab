export * from './report-document.js';
export { reportDocumentSchema } from './report-document.schema.js';
export { validateReportDocument, type SchemaIssue, type ValidationResult } from './validate-report-document.js';
