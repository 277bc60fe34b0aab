import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * 问题分析 from stored classifications (issue 13 item 1): each 存在的问题 statement's themes and
 * words, written by the app (Chinese word segmentation and PROBLEM_THEMES live in Node:
 * apps/api/src/modules/analytics/problem-themes.ts) in the same statement that writes the
 * report's findings, so the problems endpoint aggregates a few rows per report instead of
 * segmenting every text per request. Rows are per report (what the endpoint groups by unit):
 *
 * - `report_problem_theme`: one row per (report, theme) with the positions of its 存在的问题
 *   statements in that theme (for examples); a statement matching no theme is in 其他.
 * - `report_problem_word`: one row per (report, word after stop words) with how many of its
 *   statements use the word.
 * - `problem_classification`: the fingerprint of the theme knowledge the rows were made with; at
 *   start-up the app classifies reports with statements but no rows, and every report again when
 *   the knowledge changed (problem-classification.ts).
 */
export class ProblemThemeRollup1764880000000 implements MigrationInterface {
  name = 'ProblemThemeRollup1764880000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE report_problem_theme (
        report_id uuid NOT NULL REFERENCES report (id) ON DELETE CASCADE,
        theme     text NOT NULL,
        positions integer[] NOT NULL CHECK (cardinality(positions) > 0),
        PRIMARY KEY (report_id, theme)
      )`);
    await q.query(`
      CREATE TABLE report_problem_word (
        report_id  uuid NOT NULL REFERENCES report (id) ON DELETE CASCADE,
        word       text NOT NULL,
        statements integer NOT NULL CHECK (statements > 0),
        PRIMARY KEY (report_id, word)
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
