export { extractReports, primaryReport, type ExtractionResult } from './extract-reports.js';
export { ReportParseError, isReportParseError, PARSE_ERROR_CODES, type ParseErrorCode } from './errors.js';
export { DEFAULT_MAX_BYTES, type ExtractOptions } from './options.js';
export { decodeTextBytes, type TextEncoding } from './decode/decode-text.js';
export { normalizeForMatching } from './decode/normalize.js';
export { formatOf } from './read/read-input.js';
export { toJson } from './serialize.js';
export { generateSyntheticReport, SYNTHETIC_LAYOUTS, type SyntheticReport, type SyntheticLayout } from './synthetic/generate.js';
export { revalidateReport } from './validate/revalidate.js';
