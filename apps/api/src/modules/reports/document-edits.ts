import { fieldLabel, type ReportDocument, validateReportDocument } from '@hunan-perf/contracts';
import { badRequest, type ErrorDetail } from '../../common/app-error.js';
import { schemaIssueText } from './document-issues.js';

export interface FieldEdit {
  /** Dotted path into the ReportDocument: "budget.total.initial", "indicators.3.actual", "findings.problems". */
  path: string;
  value: unknown;
}

export interface AppliedEdit {
  path: string;
  oldValue: unknown;
  newValue: unknown;
}

/** Fields that describe where the document came from, or are derived from it; a reviewer corrects content, not these. */
const READ_ONLY_ROOTS = new Set(['schemaVersion', 'source', 'warnings', 'provenance', 'coverage']);

function segments(path: string): string[] {
  return path.split('.').filter((s) => s.length > 0);
}

/** The corrected document must still be a ReportDocument v1; the errors name the fields in Chinese. */
export function checkedDocument(next: unknown): ReportDocument {
  const result = validateReportDocument(next);
  if (result.ok) return result.document;
  const details = result.issues.map((i) => ({ field: i.path, message: schemaIssueText(i) }));
  throw badRequest('DOCUMENT_INVALID', `修改后的报告不符合数据规范：${details.map((d) => d.message).join('；')}`, details);
}

/**
 * Applies edits to a copy of the document. A path must name a field the contract has (or an
 * existing array element); the result must satisfy the JSON Schema. Errors name the field.
 */
export function applyEdits(doc: ReportDocument, edits: FieldEdit[]): { document: ReportDocument; applied: AppliedEdit[] } {
  const next = structuredClone(doc) as unknown as Record<string, unknown>;
  const applied: AppliedEdit[] = [];
  const problems: ErrorDetail[] = [];
  for (const edit of edits) {
    const parts = segments(edit.path);
    if (parts.length === 0 || READ_ONLY_ROOTS.has(parts[0]!)) {
      problems.push({ field: edit.path, message: parts.length === 0 ? '字段路径为空' : `${fieldLabel(edit.path)}不能修改` });
      continue;
    }
    let parent: unknown = next;
    for (const part of parts.slice(0, -1)) parent = (parent as Record<string, unknown> | undefined)?.[part];
    const key = parts[parts.length - 1]!;
    const exists = Array.isArray(parent)
      ? /^\d+$/.test(key) && Number(key) < parent.length
      : typeof parent === 'object' && parent !== null && Object.hasOwn(parent, key);
    if (!exists) {
      const label = fieldLabel(edit.path);
      problems.push({ field: edit.path, message: label === edit.path ? `“${edit.path}”不是报告中的字段` : `报告中没有${label}` });
      continue;
    }
    const container = parent as Record<string, unknown>;
    const oldValue = container[key];
    if (JSON.stringify(oldValue) === JSON.stringify(edit.value)) continue;
    container[key] = edit.value;
    applied.push({ path: parts.join('.'), oldValue, newValue: edit.value });
  }
  if (problems.length > 0) throw badRequest('INVALID_EDIT', `修改无效：${problems.map((p) => p.message).join('；')}`, problems);
  return { document: checkedDocument(next), applied };
}
