import { createHash } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { PROBLEM_THEMES, segment, STOP_WORDS, themesOf } from './problem-themes.js';

interface Queryable {
  query(sql: string, params?: unknown[]): Promise<unknown>;
}

/** What the stored rows were made with: a change of themes or stop words makes every row stale. */
export const CLASSIFICATION_FINGERPRINT = createHash('sha256').update(JSON.stringify([PROBLEM_THEMES, [...STOP_WORDS]])).digest('hex').slice(0, 16);

/** One statement's themes (其他 when none) and distinct words, as problem-themes.ts judges them. */
export function classify(text: string): { themes: string[]; words: string[] } {
  const words = segment(text);
  return { themes: themesOf(text, words), words: [...new Set(words)] };
}

/** A report's 存在的问题 statement: its report, its position among them, its text. */
export interface Statement<R> {
  report: R;
  position: number;
  text: string;
}

/**
 * Statements' classification as the rows of report_problem_theme and report_problem_word, each
 * column an array for unnest: (report, theme, positions as an int[] literal), (report, word, statements).
 */
export function classificationRows<R>(statements: Statement<R>[]): { themes: [R[], string[], string[]]; words: [R[], string[], number[]] } {
  const themes = new Map<R, Map<string, number[]>>();
  const words = new Map<R, Map<string, number>>();
  for (const s of statements) {
    const c = classify(s.text);
    const t = themes.get(s.report) ?? new Map<string, number[]>();
    for (const theme of c.themes) t.set(theme, [...(t.get(theme) ?? []), s.position]);
    themes.set(s.report, t);
    const w = words.get(s.report) ?? new Map<string, number>();
    for (const word of c.words) w.set(word, (w.get(word) ?? 0) + 1);
    words.set(s.report, w);
  }
  const themeRows: [R[], string[], string[]] = [[], [], []];
  for (const [report, t] of themes) {
    for (const [theme, positions] of t) {
      themeRows[0].push(report);
      themeRows[1].push(theme);
      themeRows[2].push(`{${[...positions].sort((a, b) => a - b).join(',')}}`);
    }
  }
  const wordRows: [R[], string[], number[]] = [[], [], []];
  for (const [report, w] of words) {
    for (const [word, n] of w) {
      wordRows[0].push(report);
      wordRows[1].push(word);
      wordRows[2].push(n);
    }
  }
  return { themes: themeRows, words: wordRows };
}

/** Replaces the stored classification of these reports with that of their statements now. */
async function classifyReports(m: Queryable, reportIds: string[]): Promise<void> {
  const statements = (await m.query(
    `SELECT report_id AS report, position, text FROM report_finding WHERE kind = 'problem' AND report_id = ANY($1::uuid[])`,
    [reportIds],
  )) as Statement<string>[];
  const { themes, words } = classificationRows(statements);
  await m.query(
    `WITH t AS (DELETE FROM report_problem_theme WHERE report_id = ANY($1::uuid[]))
     DELETE FROM report_problem_word WHERE report_id = ANY($1::uuid[])`,
    [reportIds],
  );
  await m.query(
    `WITH t AS (INSERT INTO report_problem_theme (report_id, theme, positions)
                SELECT r, th, p::int[] FROM unnest($1::uuid[], $2::text[], $3::text[]) AS x(r, th, p))
     INSERT INTO report_problem_word (report_id, word, statements) SELECT * FROM unnest($4::uuid[], $5::text[], $6::int[])`,
    [...themes, ...words],
  );
}

/**
 * Start-up backfill, after migrations: every report with 存在的问题 statements but no stored
 * themes is classified; when the theme knowledge changed since the rows were made, every report is
 * classified again (in one transaction with the clearing). Moves data_version when it wrote, so
 * no process keeps an answer from the old rows. Idempotent; returns the reports classified.
 */
export async function backfillProblemClassification(db: DataSource, batch = 2_000): Promise<number> {
  const [state]: { fingerprint: string }[] = await db.query(`SELECT fingerprint FROM problem_classification`);
  let total = 0;
  const step = async (m: Queryable): Promise<number> => {
    const ids = ((await m.query(
      `SELECT DISTINCT f.report_id AS id FROM report_finding f
        WHERE f.kind = 'problem' AND NOT EXISTS (SELECT 1 FROM report_problem_theme t WHERE t.report_id = f.report_id) LIMIT $1`,
      [batch],
    )) as { id: string }[]).map((r) => r.id);
    if (ids.length) await classifyReports(m, ids);
    return ids.length;
  };
  await db.transaction(async (m) => {
    if (state?.fingerprint === CLASSIFICATION_FINGERPRINT) return;
    await m.query(`DELETE FROM report_problem_theme`);
    await m.query(`DELETE FROM report_problem_word`);
    await m.query(`INSERT INTO problem_classification (fingerprint) VALUES ($1) ON CONFLICT (id) DO UPDATE SET fingerprint = EXCLUDED.fingerprint`, [CLASSIFICATION_FINGERPRINT]);
    // Reclassified whole, with the clearing: no answer ever sees the rows half made.
    for (let n = await step(m); n > 0; n = await step(m)) total += n;
  });
  for (let n = await db.transaction(step); n > 0; n = await db.transaction(step)) total += n;
  if (total) await db.query(`UPDATE data_version SET version = version + 1`);
  return total;
}
