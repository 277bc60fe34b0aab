import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Coverage of each report version (how much of the ReportDocument contract the engine found,
 * libs/report-parser coverageOf) stored beside it, so the review queue can put the least-covered
 * drafts first; and the canonical category of each indicator row (IndicatorRow.category).
 *
 * Both are written by the API with the report's rows. Existing rows are not backfilled here: the
 * definition lives in TypeScript (one list of paths in libs/report-parser), and an SQL copy of it
 * would drift. Reports whose coverage is still NULL get it from their stored document through the
 * API (apps/api reports/coverage-backfill.ts, run before the first list is answered); the partial
 * index finds them. Indicator rows stored before categories existed keep category NULL: their
 * documents have no category to copy.
 */
export class ReportCoverage1764400000000 implements MigrationInterface {
  name = 'ReportCoverage1764400000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE report ADD COLUMN coverage_percent numeric(5,2) CHECK (coverage_percent BETWEEN 0 AND 100)`);
    await q.query(`ALTER TABLE report ADD COLUMN coverage jsonb CHECK (coverage IS NULL OR jsonb_typeof(coverage) = 'object')`);
    await q.query(`ALTER TABLE report ADD CONSTRAINT report_coverage_both CHECK ((coverage IS NULL) = (coverage_percent IS NULL))`);
    await q.query(`CREATE INDEX report_coverage_missing_idx ON report (id) WHERE coverage IS NULL`);
    await q.query(`ALTER TABLE report_indicator ADD COLUMN category text
                     CHECK (category IN ('产出', '效益', '满意度', '投入', '过程', '决策', '管理', '其他'))`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE report_indicator DROP COLUMN category`);
    await q.query(`DROP INDEX report_coverage_missing_idx`);
    await q.query(`ALTER TABLE report DROP CONSTRAINT report_coverage_both`);
    await q.query(`ALTER TABLE report DROP COLUMN coverage`);
    await q.query(`ALTER TABLE report DROP COLUMN coverage_percent`);
  }
}
