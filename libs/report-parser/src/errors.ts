/** Stable error codes: the API maps them to HTTP answers, the CLI prints them. */
export const PARSE_ERROR_CODES = [
  'EMPTY_FILE',
  'UNSUPPORTED_FORMAT',
  'TOO_LARGE',
  'CORRUPT_FILE',
  'ZIP_BOMB',
  'INVALID_JSON',
  'BINARY_CONTENT',
  'NOT_A_REPORT',
  'READ_FAILED',
] as const;
export type ParseErrorCode = (typeof PARSE_ERROR_CODES)[number];

/** A file that cannot be turned into a report. The message names the file and the problem in plain words. */
export class ReportParseError extends Error {
  readonly code: ParseErrorCode;
  readonly fileName: string;

  constructor(code: ParseErrorCode, fileName: string, problem: string) {
    super(`${fileName}：${problem}`);
    this.name = 'ReportParseError';
    this.code = code;
    this.fileName = fileName;
  }
}

export function isReportParseError(error: unknown): error is ReportParseError {
  return error instanceof ReportParseError;
}
