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

/** Statements' classifications flattened for unnest: [keys, themes] and [keys, words], keyed as given. */
export function classificationRows<K>(statements: { key: K; text: string }[]): { themes: [K[], string[]]; words: [K[], string[]] } {
  const themes: [K[], string[]] = [[], []];
  const words: [K[], string[]] = [[], []];
  for (const { key, text } of statements) {
    const c = classify(text);
    for (const theme of c.themes) {
      themes[0].push(key);
      themes[1].push(theme);
    }
    for (const word of c.words) {
      words[0].push(key);
      words[1].push(word);
    }
  }
  return { themes, words };
}

/** Writes the classification of stored statements (by finding id). */
export async function writeClassification(m: Queryable, findings: { id: string; text: string }[]): Promise<void> {
  const { themes, words } = classificationRows(findings.map((f) => ({ key: f.id, text: f.text })));
  await m.query(
    `WITH t AS (INSERT INTO report_problem_theme (finding_id, theme) SELECT * FROM unnest($1::bigint[], $2::text[]))
     INSERT INTO report_problem_word (finding_id, word) SELECT * FROM unnest($3::bigint[], $4::text[])`,
    [...themes, ...words],
  );
}

/**
 * Start-up backfill, after migrations: every 存在的问题 statement without stored themes is
 * classified; when the theme knowledge changed since the rows were made, every statement is
 * classified again (in one transaction with the clearing). Moves data_version when it wrote, so
 * no process keeps an answer from the old rows. Idempotent.
 */
export async function backfillProblemClassification(db: DataSource, batch = 5_000): Promise<number> {
  const [state]: { fingerprint: string }[] = await db.query(`SELECT fingerprint FROM problem_classification`);
  let total = 0;
  const step = (m: Queryable) => async (): Promise<number> => {
    const rows = (await m.query(
      `SELECT f.id::text AS id, f.text FROM report_finding f
        WHERE f.kind = 'problem' AND NOT EXISTS (SELECT 1 FROM report_problem_theme t WHERE t.finding_id = f.id) LIMIT $1`,
      [batch],
    )) as { id: string; text: string }[];
    if (rows.length) await writeClassification(m, rows);
    return rows.length;
  };
  await db.transaction(async (m) => {
    if (state?.fingerprint !== CLASSIFICATION_FINGERPRINT) {
      await m.query(`DELETE FROM report_problem_theme`);
      await m.query(`DELETE FROM report_problem_word`);
      await m.query(`INSERT INTO problem_classification (fingerprint) VALUES ($1) ON CONFLICT (id) DO UPDATE SET fingerprint = EXCLUDED.fingerprint`, [CLASSIFICATION_FINGERPRINT]);
      // Reclassified whole, with the clearing: no answer ever sees the rows half made.
      for (let n = await step(m)(); n > 0; n = await step(m)()) total += n;
    }
  });
  for (let n = await db.transaction((m) => step(m)()); n > 0; n = await db.transaction((m) => step(m)())) total += n;
  if (total) await db.query(`UPDATE data_version SET version = version + 1`);
  return total;
}
