import type { ReportKind } from '@hunan-perf/contracts';
import { SHINGLING_VERSION, textShingles, wordingLength } from '@hunan-perf/metrics';
import { reportGoalParagraphs } from '@hunan-perf/report-parser';
import type { DataSource } from 'typeorm';
import { GOAL_FINDER_VERSION, PARAGRAPH_SECTIONS, type ParagraphSection } from './text-reuse-rules.js';

interface Queryable {
  query(sql: string, params?: unknown[]): Promise<unknown>;
}

const BATCH = 500;

/**
 * What a report's paragraphs are made from: its document's statements and their source lines, and
 * the decoded text of its source document (null for a report uploaded as ReportDocument JSON).
 */
interface Source {
  reportId: string;
  unitId: string;
  fiscalYear: number;
  kind: string;
  findings: Record<'problems' | 'measures', string[]> | null;
  provenance: Record<string, { line?: number } | undefined> | null;
  sourceText: string | null;
}

/** What the rows are made by; stored in paragraph_shingling, every row is made again when it changes. */
export const PARAGRAPHS_VERSION = `${SHINGLING_VERSION}+${PARAGRAPH_SECTIONS.join(',')}+${GOAL_FINDER_VERSION}`;

/** A section's statements with their source lines: 存在的问题 and 改进措施 from the findings, 绩效目标 from the text. */
function statementsOf(s: Source, section: ParagraphSection): { text: string; line: number | null }[] {
  if (section === 'goal') return s.sourceText === null ? [] : reportGoalParagraphs(s.sourceText, s.kind as ReportKind);
  const field = section === 'problem' ? 'problems' : 'measures';
  return (s.findings?.[field] ?? []).map((text, position) => {
    const line = s.provenance?.[`findings.${field}.${position}`]?.line;
    return { text, line: Number.isInteger(line) ? line! : null };
  });
}

/** The rows of report_paragraph for these reports, each column an array for unnest. */
export function paragraphRows(sources: Source[]) {
  const rows = { report: [] as string[], unit: [] as string[], year: [] as number[], kind: [] as string[], section: [] as string[],
    position: [] as number[], text: [] as string[], line: [] as (number | null)[], length: [] as number[], shingles: [] as string[] };
  for (const s of sources) {
    for (const section of PARAGRAPH_SECTIONS) {
      statementsOf(s, section).forEach(({ text, line }, position) => {
        rows.report.push(s.reportId);
        rows.unit.push(s.unitId);
        rows.year.push(s.fiscalYear);
        rows.kind.push(s.kind);
        rows.section.push(section);
        rows.position.push(position);
        rows.text.push(text);
        rows.line.push(line);
        rows.length.push(wordingLength(text));
        rows.shingles.push(`{${textShingles(text).join(',')}}`);
      });
    }
  }
  return rows;
}

const SOURCES = `
  SELECT r.id AS "reportId", r.unit_id AS "unitId", r.fiscal_year AS "fiscalYear", r.kind,
         r.document->'findings' AS findings, r.document->'provenance' AS provenance,
         CASE WHEN d.format <> 'json' THEN COALESCE(d.text, convert_from(d.content, 'UTF8')) END AS "sourceText"
    FROM report r LEFT JOIN source_document d ON d.id = r.source_document_id`;

/** Inserts the paragraphs of these reports (current confirmed, not synthetic), in the caller's transaction; returns how many had any. */
async function insertParagraphs(m: Queryable, reportIds: string[]): Promise<number> {
  const sources = (await m.query(
    `${SOURCES} WHERE r.id = ANY($1::uuid[]) AND r.status = 'confirmed' AND NOT r.is_synthetic`, [reportIds],
  )) as Source[];
  const p = paragraphRows(sources);
  if (!p.report.length) return 0;
  await m.query(
    `INSERT INTO report_paragraph (report_id, unit_id, fiscal_year, kind, section, position, text, source_line, wording_length, shingles)
     SELECT r, u, y, k, s, pos, t, l, len, sh::int[]
       FROM unnest($1::uuid[], $2::uuid[], $3::int[], $4::text[], $5::text[], $6::int[], $7::text[], $8::int[], $9::int[], $10::text[])
         AS x(r, u, y, k, s, pos, t, l, len, sh)`,
    [p.report, p.unit, p.year, p.kind, p.section, p.position, p.text, p.line, p.length, p.shingles],
  );
  return new Set(p.report).size;
}

/**
 * In the confirmation's transaction: the confirmed report's paragraphs replace those of the
 * version it superseded (report_paragraph holds current confirmed reports only).
 */
export async function writeConfirmedParagraphs(m: Queryable, reportId: string, supersededId: string | null): Promise<void> {
  await m.query(`DELETE FROM report_paragraph WHERE report_id = ANY($1::uuid[])`, [[reportId, ...(supersededId ? [supersededId] : [])]]);
  await insertParagraphs(m, [reportId]);
}

/**
 * Start-up backfill, after migrations: current confirmed reports with statements (findings, or a
 * source text that may hold a 绩效目标 section) but no paragraphs get theirs; when the rows were
 * made by another PARAGRAPHS_VERSION (other shingling, sections or goal finder), every row is
 * made again (in one transaction with the clearing). Reports are walked in id order, so one whose
 * text has no statements is read once per run. The first run records the version. Idempotent;
 * returns the reports written.
 */
export async function backfillParagraphs(db: DataSource): Promise<number> {
  let total = 0;
  let after = '00000000-0000-0000-0000-000000000000';
  /** One batch after `after`: the number of reports read (0 at the end). */
  const step = async (m: Queryable): Promise<number> => {
    const ids = ((await m.query(
      `SELECT r.id FROM report r LEFT JOIN source_document d ON d.id = r.source_document_id
        WHERE r.status = 'confirmed' AND NOT r.is_synthetic AND r.id > $2
          AND (jsonb_array_length(COALESCE(r.document->'findings'->'problems', '[]')) > 0
               OR jsonb_array_length(COALESCE(r.document->'findings'->'measures', '[]')) > 0
               OR (r.kind = 'department_overall' AND d.format <> 'json'))
          AND NOT EXISTS (SELECT 1 FROM report_paragraph p WHERE p.report_id = r.id)
        ORDER BY r.id LIMIT $1`,
      [BATCH, after],
    )) as { id: string }[]).map((r) => r.id);
    if (ids.length) {
      total += await insertParagraphs(m, ids);
      after = ids[ids.length - 1]!;
    }
    return ids.length;
  };
  await db.transaction(async (m) => {
    const [state] = (await m.query(`SELECT version FROM paragraph_shingling FOR UPDATE`)) as { version: string }[];
    if (state?.version === PARAGRAPHS_VERSION) return;
    await m.query(`INSERT INTO paragraph_shingling (version) VALUES ($1) ON CONFLICT (id) DO UPDATE SET version = EXCLUDED.version`, [PARAGRAPHS_VERSION]);
    // No version yet: the rows there were written by confirmations with this very version.
    if (!state) return;
    await m.query(`DELETE FROM report_paragraph`);
    while (await step(m));
  });
  after = '00000000-0000-0000-0000-000000000000';
  while (await db.transaction(step));
  return total;
}
