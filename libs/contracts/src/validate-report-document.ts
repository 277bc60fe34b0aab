import { Ajv2020 } from 'ajv/dist/2020.js';
import type { ErrorObject } from 'ajv';
import type { ReportDocument } from './report-document.js';
import { reportDocumentSchema } from './report-document.schema.js';

export interface SchemaIssue {
  /** JSON Pointer-like dotted path of the offending field, e.g. "budget.total.actual". */
  path: string;
  message: string;
}

export type ValidationResult =
  | { ok: true; document: ReportDocument }
  | { ok: false; issues: SchemaIssue[] };

const ajv = new Ajv2020({ allErrors: true, strict: false });
const check = ajv.compile(reportDocumentSchema);

function toIssue(error: ErrorObject): SchemaIssue {
  const segments = error.instancePath.split('/').filter(Boolean);
  if (error.keyword === 'required') segments.push(String(error.params.missingProperty));
  if (error.keyword === 'additionalProperties') segments.push(String(error.params.additionalProperty));
  const path = segments.join('.') || '(document)';
  const messages: Record<string, string> = {
    required: 'is missing',
    additionalProperties: 'is not a field of ReportDocument v1',
    type: `must be ${String(error.params.type)}`,
    enum: `must be one of ${(error.params.allowedValues as unknown[] | undefined)?.join(', ')}`,
  };
  return { path, message: messages[error.keyword] ?? error.message ?? 'is invalid' };
}

/** Nullable fields fail as "must be null" and "anyOf" too; keep the specific error per field. */
function isNoise(error: ErrorObject): boolean {
  return error.keyword === 'anyOf' || (error.keyword === 'type' && error.params.type === 'null');
}

/** Validates unknown JSON against ReportDocument v1; issues name the field and the problem. */
export function validateReportDocument(value: unknown): ValidationResult {
  if (check(value)) return { ok: true, document: value as unknown as ReportDocument };
  const errors = check.errors ?? [];
  const byPath = new Map<string, SchemaIssue & { noise: boolean }>();
  for (const error of errors) {
    const issue = toIssue(error);
    const existing = byPath.get(issue.path);
    if (!existing || (existing.noise && !isNoise(error))) byPath.set(issue.path, { ...issue, noise: isNoise(error) });
  }
  return { ok: false, issues: [...byPath.values()].map(({ path, message }) => ({ path, message })) };
}
