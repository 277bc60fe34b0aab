export { extractReports, primaryReport, type ExtractionResult } from './extract-reports.js';
export { ReportParseError, isReportParseError, PARSE_ERROR_CODES, type ParseErrorCode } from './errors.js';
export { DEFAULT_MAX_BYTES, resolveOptions, type ExtractOptions } from './options.js';
export { checkZip } from './read/zip-guard.js';
export { decodeTextBytes, type TextEncoding } from './decode/decode-text.js';
export { normalizeForMatching } from './decode/normalize.js';
export { formatOf } from './read/read-input.js';
export { toJson } from './serialize.js';
export { generateSyntheticReport, SYNTHETIC_LAYOUTS, type SyntheticReport, type SyntheticLayout } from './synthetic/generate.js';
export { revalidateReport } from './validate/revalidate.js';
export { coverageOf, COVERAGE_SCALARS, INDICATOR_CELLS, SCALAR_WEIGHT } from './document/coverage.js';
export {
  TEMPLATE_COLUMNS, TEMPLATE_FIELDS, TEMPLATE_SHEET, TEMPLATE_VERSION, formatField, getPath, parseField, setPath, TemplateValueError,
  type TemplateField, type TemplateFieldKind,
} from './template/template-fields.js';
export { gridText, isTemplateGrid, readTemplateGrid, TemplateError, type TemplateGrid } from './template/read-template.js';
export { categoryOf } from './extract/category.js';
export { findGoalParagraphs, reportGoalParagraphs, type GoalParagraph } from './extract/goals.js';
