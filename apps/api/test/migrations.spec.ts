import { DataSource } from 'typeorm';
import { connect, migrate } from '../src/database/connect.js';
import { createTestDatabase, type TestDatabase } from './support/test-database.js';

const ALL = ['InitialSchema1763800000000', 'ReviewWorkflow1763900000000', 'UnitNameIndex1764000000000', 'ReportMetrics1764100000000', 'DataVersion1764200000000', 'StoreOnce1764300000000', 'ReportCoverage1764400000000', 'AdjustmentRatio1764600000000', 'AccountSecurity1764700000000', 'AnalyticsRollups1764800000000', 'SpotCheck1764820000000', 'ReportSubmission1764840000000', 'QualityFlags1764860000000', 'TextReuse1764870000000', 'ProblemThemeRollup1764880000000', 'ProblemRollupArrays1764900000000', 'LoginFailures1764920000000', 'Rectification1764940000000', 'GoalParagraphs1764950000000', 'RollupYearsIndex1764955000000', 'ProblemCounts1764960000000'];

const TABLES = [
  'app_user', 'audit_event', 'data_version', 'login_failure', 'paragraph_shingling', 'problem_classification', 'problem_count', 'problem_count_by_level', 'problem_theme_unit', 'rectification_item', 'region', 'report', 'report_budget', 'report_finding', 'report_indicator', 'report_metric', 'report_paragraph', 'report_problem_theme', 'report_problem_word', 'report_quality', 'report_rollup', 'report_score_breakdown', 'report_three_public', 'report_warning', 'setting', 'source_document', 'spot_check_item', 'spot_check_sample', 'spot_check_score', 'unit', 'unit_alias', 'user_session', 'v_budget_change', 'v_problem_count', 'v_problem_count_by_level', 'v_problem_theme_unit', 'v_report_metric', 'v_report_rollup',
];

async function tables(ds: DataSource): Promise<string[]> {
  const rows: { table_name: string }[] = await ds.query(
    `SELECT table_name FROM information_schema.tables
      WHERE table_schema = 'public' AND table_name <> 'typeorm_migrations' ORDER BY table_name`,
  );
  return rows.map((r) => r.table_name);
}

describe('migrations', () => {
  let db: TestDatabase;
  let ds: DataSource;

  beforeAll(async () => {
    db = await createTestDatabase({ fromTemplate: false });
    ds = await connect(db.url);
  });
  afterAll(async () => {
    await ds.destroy();
    await db.drop();
  });

  it('go up from an empty database, down to nothing, and up again', async () => {
    expect(await tables(ds)).toEqual([]);
    const applied = await migrate(ds);
    expect(applied).toEqual(ALL);
    expect(await tables(ds)).toEqual(TABLES);

    while ((await ds.query(`SELECT count(*)::int AS n FROM typeorm_migrations`))[0].n > 0) {
      await ds.undoLastMigration({ transaction: 'each' });
    }
    expect(await tables(ds)).toEqual([]);

    expect(await migrate(ds)).toEqual(ALL);
    expect(await tables(ds)).toEqual(TABLES);
    expect(await migrate(ds)).toEqual([]);
  });

  it('stores money as numeric and keeps synchronize off', async () => {
    const rows: { column_name: string; data_type: string }[] = await ds.query(
      `SELECT column_name, data_type FROM information_schema.columns
        WHERE table_name = 'report_budget' AND column_name LIKE '%amount' ORDER BY column_name`,
    );
    expect(rows.map((r) => r.column_name)).toEqual([
      'actual_amount', 'adjusted_amount', 'adjustment_stated_amount', 'carryover_amount', 'initial_amount',
    ]);
    expect(rows.map((r) => r.data_type)).toEqual(['numeric', 'numeric', 'numeric', 'numeric', 'numeric']);
    expect(ds.options.synchronize).toBe(false);
  });
});
