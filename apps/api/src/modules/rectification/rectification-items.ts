import { jaccardPercent } from '@hunan-perf/metrics';
import type { DataSource } from 'typeorm';
import { type ParagraphSection, textReuseSettings } from '../text-reuse/text-reuse-rules.js';
import { RECTIFICATION_REPORT_KIND, defaultDueDate } from './rectification-rules.js';

interface Queryable {
  query(sql: string, params?: unknown[]): Promise<unknown>;
}

/** A stored statement of a report (report_paragraph). */
export interface Statement {
  section: ParagraphSection;
  position: number;
  text: string;
  sourceLine: number | null;
  shingles: number[];
}

const BATCH = 200;

/**
 * The 改进措施 promised for each 存在的问题: the measure at the same place when the report lists as
 * many of each, else the most similar measure (shingle similarity above 0, the earlier on a tie),
 * else none.
 */
export function promisedMeasures(problems: Statement[], measures: Statement[]): (Statement | null)[] {
  if (problems.length === measures.length) return measures;
  return problems.map((p) => {
    let best: Statement | null = null;
    let bestSimilarity = 0;
    for (const m of measures) {
      const similarity = jaccardPercent(p.shingles, m.shingles);
      if (similarity !== null && similarity > bestSimilarity) [best, bestSimilarity] = [m, similarity];
    }
    return best;
  });
}

/**
 * Links the items of a unit-year (both null: every item) with the same unit's current confirmed
 * report of the next year, and marks an item recurring when one of that report's 存在的问题 is at
 * least `thresholdPercent` similar (shingle_similarity) to it — the most similar one, the earlier
 * on a tie. Without a next-year report the link and the flag are cleared. Rows already right are
 * left alone.
 */
export async function linkFollowUps(m: Queryable, thresholdPercent: number, unitId: string | null, fiscalYear: number | null): Promise<void> {
  await m.query(
    `WITH items AS (
       SELECT i.id, i.report_id, i.position,
              (SELECT r.id FROM report r
                WHERE r.unit_id = i.unit_id AND r.fiscal_year = i.fiscal_year + 1 AND r.kind = $3
                  AND r.status = 'confirmed' AND NOT r.is_synthetic
                LIMIT 1) AS next_id
         FROM rectification_item i
        WHERE ($1::uuid IS NULL OR i.unit_id = $1) AND ($2::int IS NULL OR i.fiscal_year = $2)
     ), best AS (
       SELECT DISTINCT ON (x.id) x.id, x.next_id, q.text, q.source_line, shingle_similarity(p.shingles, q.shingles) AS similarity
         FROM items x
         LEFT JOIN report_paragraph p ON p.report_id = x.report_id AND p.section = 'problem' AND p.position = x.position
         LEFT JOIN report_paragraph q ON q.report_id = x.next_id AND q.section = 'problem'
        ORDER BY x.id, similarity DESC NULLS LAST, q.position
     ), linked AS (
       SELECT id, next_id, coalesce(similarity >= $4, false) AS recurring,
              CASE WHEN similarity >= $4 THEN similarity END AS similarity,
              CASE WHEN similarity >= $4 THEN text END AS text,
              CASE WHEN similarity >= $4 THEN source_line END AS source_line
         FROM best
     )
     UPDATE rectification_item i
        SET follow_up_report_id = l.next_id, recurring = l.recurring, recurring_similarity = l.similarity,
            recurring_text = l.text, recurring_source_line = l.source_line, updated_at = now()
       FROM linked l
      WHERE l.id = i.id
        AND (i.follow_up_report_id, i.recurring, i.recurring_similarity, i.recurring_text, i.recurring_source_line)
            IS DISTINCT FROM (l.next_id, l.recurring, l.similarity::numeric(5,2), l.text, l.source_line)`,
    [unitId, fiscalYear, RECTIFICATION_REPORT_KIND, thresholdPercent],
  );
}

interface ReportRow { unitId: string; regionCode: string; fiscalYear: number; kind: string; status: string; isSynthetic: boolean; confirmedAt: Date | null }

/**
 * In the confirmation's transaction, after its paragraphs are written: the report's 存在的问题
 * become the unit-year's rectification items. A re-confirmed (corrected) version updates the
 * items at the same places — status, note, due date and evidence stay — and drops those past its
 * last problem. Then the previous year's items are linked to this report and this year's to the
 * next year's report, whichever was confirmed first. Only current confirmed, non-synthetic 部门整体
 * reports have items.
 */
export async function writeRectificationItems(m: Queryable, reportId: string): Promise<void> {
  const [report] = (await m.query(
    `SELECT r.unit_id AS "unitId", coalesce(r.region_code, u.region_code) AS "regionCode", r.fiscal_year AS "fiscalYear", r.kind, r.status,
            r.is_synthetic AS "isSynthetic", r.confirmed_at AS "confirmedAt"
       FROM report r JOIN unit u ON u.id = r.unit_id WHERE r.id = $1`,
    [reportId],
  )) as ReportRow[];
  if (!report || report.status !== 'confirmed' || report.isSynthetic || report.kind !== RECTIFICATION_REPORT_KIND) return;
  const statements = (await m.query(
    `SELECT section, position, text, source_line AS "sourceLine", shingles FROM report_paragraph WHERE report_id = $1 ORDER BY section, position`,
    [reportId],
  )) as Statement[];
  const problems = statements.filter((s) => s.section === 'problem');
  const measures = promisedMeasures(problems, statements.filter((s) => s.section === 'measure'));
  await m.query(
    `INSERT INTO rectification_item (unit_id, report_id, region_code, fiscal_year, position, problem_text, source_line, measure_text, measure_source_line, due_date, created_at, updated_at)
     SELECT $1, $2, $3, $4, pos, t, l, mt, ml, $5::date, coalesce($6::timestamptz, now()), now()
       FROM unnest($7::int[], $8::text[], $9::int[], $10::text[], $11::int[]) AS x(pos, t, l, mt, ml)
     ON CONFLICT (unit_id, fiscal_year, position) DO UPDATE
        SET report_id = EXCLUDED.report_id, region_code = EXCLUDED.region_code, problem_text = EXCLUDED.problem_text,
            source_line = EXCLUDED.source_line, measure_text = EXCLUDED.measure_text, measure_source_line = EXCLUDED.measure_source_line, updated_at = now()
      WHERE (rectification_item.report_id, rectification_item.region_code, rectification_item.problem_text, rectification_item.source_line,
             rectification_item.measure_text, rectification_item.measure_source_line)
            IS DISTINCT FROM (EXCLUDED.report_id, EXCLUDED.region_code, EXCLUDED.problem_text, EXCLUDED.source_line, EXCLUDED.measure_text, EXCLUDED.measure_source_line)`,
    [
      report.unitId, reportId, report.regionCode, report.fiscalYear, defaultDueDate(report.fiscalYear), report.confirmedAt,
      problems.map((p) => p.position), problems.map((p) => p.text), problems.map((p) => p.sourceLine),
      measures.map((x) => x?.text ?? null), measures.map((x) => x?.sourceLine ?? null),
    ],
  );
  await m.query(`DELETE FROM rectification_item WHERE unit_id = $1 AND fiscal_year = $2 AND position <> ALL($3::int[])`, [
    report.unitId, report.fiscalYear, problems.map((p) => p.position),
  ]);
  const { thresholdPercent } = await textReuseSettings(m);
  await linkFollowUps(m, thresholdPercent, report.unitId, report.fiscalYear - 1);
  await linkFollowUps(m, thresholdPercent, report.unitId, report.fiscalYear);
}

/** Every item linked again, e.g. after the admin changed the similarity threshold (in the caller's transaction). */
export async function relinkAllFollowUps(m: Queryable, thresholdPercent: number): Promise<void> {
  await linkFollowUps(m, thresholdPercent, null, null);
}

/**
 * Start-up backfill, after the paragraphs' backfill: current confirmed 部门整体 reports with
 * 存在的问题 but no items get theirs (confirmed before this table existed), oldest year first,
 * linked as a confirmation links them. Idempotent; returns the reports written.
 */
export async function backfillRectificationItems(db: DataSource): Promise<number> {
  let total = 0;
  const step = async (m: Queryable): Promise<number> => {
    const ids = ((await m.query(
      `SELECT r.id FROM report r
        WHERE r.status = 'confirmed' AND NOT r.is_synthetic AND r.kind = $1
          AND EXISTS (SELECT 1 FROM report_paragraph p WHERE p.report_id = r.id AND p.section = 'problem')
          AND NOT EXISTS (SELECT 1 FROM rectification_item i WHERE i.report_id = r.id)
        ORDER BY r.fiscal_year, r.id
        LIMIT $2`,
      [RECTIFICATION_REPORT_KIND, BATCH],
    )) as { id: string }[]).map((r) => r.id);
    for (const id of ids) await writeRectificationItems(m, id);
    return ids.length;
  };
  for (let n = await db.transaction(step); n > 0; n = await db.transaction(step)) total += n;
  return total;
}
