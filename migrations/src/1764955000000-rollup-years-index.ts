import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The years with data, found by a skip scan (MetricRowsRepository.years): the newest year of a kind,
 * then the newest before it, one index probe each. report_rollup_slice_idx serves it when synthetic
 * units count; this one when they do not, so that a year holding only synthetic rows is not read
 * row by row to find none. Before, every overview read the whole table for its six years (~12,600
 * pages of the generated province, ~25 ms of CPU).
 */
export class RollupYearsIndex1764955000000 implements MigrationInterface {
  name = 'RollupYearsIndex1764955000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX report_rollup_years_idx ON report_rollup (kind, is_synthetic, fiscal_year)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX report_rollup_years_idx`);
  }
}
