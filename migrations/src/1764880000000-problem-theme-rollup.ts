import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * 问题分析 from stored classifications (issue 13 item 1): each 存在的问题 statement's themes and
 * words, written by the app (Chinese word segmentation and PROBLEM_THEMES live in Node:
 * apps/api/src/modules/analytics/problem-themes.ts) in the same statement that writes the
 * report's findings, so the problems endpoint aggregates rows instead of segmenting every text
 * per request. Rows hang on their finding and go with it (a re-extraction rewrites findings).
 *
 * - `report_problem_theme`: one row per (statement, theme); a statement matching no theme has 其他.
 * - `report_problem_word`: one row per (statement, distinct word after stop words).
 * - `problem_classification`: the fingerprint of the theme knowledge the rows were made with; at
 *   start-up the app classifies statements without rows, and all of them again when the knowledge
 *   changed (problem-classification.ts).
 */
export class ProblemThemeRollup1764880000000 implements MigrationInterface {
  name = 'ProblemThemeRollup1764880000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE report_problem_theme (
        finding_id bigint NOT NULL REFERENCES report_finding (id) ON DELETE CASCADE,
        theme      text NOT NULL,
        PRIMARY KEY (finding_id, theme)
      )`);
    await q.query(`
      CREATE TABLE report_problem_word (
        finding_id bigint NOT NULL REFERENCES report_finding (id) ON DELETE CASCADE,
        word       text NOT NULL,
        PRIMARY KEY (finding_id, word)
      )`);
    await q.query(`
      CREATE TABLE problem_classification (
        id          boolean PRIMARY KEY DEFAULT true CHECK (id),
        fingerprint text NOT NULL
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE problem_classification`);
    await q.query(`DROP TABLE report_problem_word`);
    await q.query(`DROP TABLE report_problem_theme`);
  }
}
