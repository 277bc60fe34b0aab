import { emptyReportDocument } from './report-document.js';
import { validateReportDocument } from './validate-report-document.js';

const source = { fileName: 'a.txt', sha256: 'a'.repeat(64), format: 'txt' as const };

describe('validateReportDocument', () => {
  it('accepts an empty document with every value null', () => {
    expect(validateReportDocument(emptyReportDocument(source)).ok).toBe(true);
  });

  it('names the field and the problem for a wrong type', () => {
    const doc = emptyReportDocument(source) as unknown as { budget: { total: { actual: unknown } } };
    doc.budget.total.actual = '1943.63';
    const result = validateReportDocument(doc);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.issues).toContainEqual({ path: 'budget.total.actual', message: 'must be number' });
  });

  it('rejects unknown fields and missing ones', () => {
    const doc = { ...emptyReportDocument(source), extra: 1 } as Record<string, unknown>;
    delete doc.findings;
    const result = validateReportDocument(doc);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.issues.map((i) => i.path)).toEqual(expect.arrayContaining(['extra', 'findings']));
    }
  });

  it('rejects out-of-range years and absurd amounts', () => {
    const doc = emptyReportDocument(source);
    doc.fiscalYear = 1899;
    doc.budget.total.initial = 1e12;
    const result = validateReportDocument(doc);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.issues.map((i) => i.path)).toEqual(['fiscalYear', 'budget.total.initial']);
  });
});
