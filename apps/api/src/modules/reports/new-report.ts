import { randomUUID } from 'node:crypto';
import { coverageOf } from '@hunan-perf/report-parser';
import type { EntityManager } from 'typeorm';
import { normalisedRowInserts, SqlParams } from './normalised-rows.js';
import type { NewReportVersion } from './reports.repository.js';

/**
 * A new report version and all its normalised rows in one statement: the report row (with the
 * summary columns ReportRowsRepository.replace would set) and one multi-row INSERT per table.
 * The caller holds the series lock (seriesLockKey) from an earlier statement, so the version
 * number read here sees every version committed before it.
 */
export async function insertReportWithRows(m: EntityManager, r: NewReportVersion): Promise<{ id: string; version: number }> {
  const reportId = randomUUID();
  const doc = r.document;
  const coverage = coverageOf(doc);
  const p = new SqlParams();
  const id = p.add(reportId, 'uuid');
  const unitId = p.add(r.unitId, 'uuid');
  const fiscalYear = p.add(r.fiscalYear, 'int');
  const kind = p.add(r.kind, 'text');
  const [row] = await m.query(
    `WITH report_insert AS (
       INSERT INTO report (id, source_document_id, position, unit_id, region_code, fiscal_year, kind, version, status,
                           document, extracted_document, is_synthetic, created_by, revised_from,
                           score_total, grade, staff_quota, staff_actual, coverage, coverage_percent)
       SELECT ${id}, ${p.add(r.sourceDocumentId)}::uuid, ${p.add(r.position)}::int, ${unitId}, ${p.add(r.regionCode)}::varchar, ${fiscalYear}, ${kind},
              CASE WHEN ${unitId} IS NULL THEN 1 ELSE COALESCE(max(version), 0) + 1 END,
              ${p.add(r.status)}::text, ${p.add(JSON.stringify({ ...doc, coverage }), 'jsonb')},
              ${/* NULL: the machine-read document is the document itself (kept apart from the first correction on). */ p.add(r.extractedDocument === doc ? null : JSON.stringify(r.extractedDocument), 'jsonb')},
              ${p.add(r.isSynthetic, 'boolean')}, ${p.add(r.createdBy, 'uuid')}, ${p.add(r.revisedFrom ?? null, 'uuid')},
              ${p.add(doc.score.total, 'numeric')}, ${p.add(doc.score.grade, 'text')}, ${p.add(doc.staff.quota, 'int')}, ${p.add(doc.staff.actual, 'int')},
              ${p.add(JSON.stringify(coverage), 'jsonb')}, ${p.add(coverage.percent, 'numeric')}
         FROM report WHERE ${unitId} IS NOT NULL AND unit_id = ${unitId} AND fiscal_year IS NOT DISTINCT FROM ${fiscalYear} AND kind = ${kind}
       RETURNING version),
     ${normalisedRowInserts(p, id, reportId, doc)}
     SELECT version FROM report_insert`,
    p.values,
  );
  return { id: reportId, version: row.version };
}
