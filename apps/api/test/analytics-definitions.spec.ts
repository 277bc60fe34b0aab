import type { ReportDocument } from '@hunan-perf/contracts';
import { budgetMetrics, indicatorCompletion, scoreRatesByCategory } from '@hunan-perf/metrics';
import { CompareService } from '../src/modules/analytics/compare.service.js';
import { startSeededApp } from './support/seeded-app.js';
import type { TestApp } from './support/test-app.js';

describe('one set of definitions: SQL (v_report_metric) and libs/metrics agree on every seed', () => {
  let t: TestApp;
  beforeAll(async () => {
    ({ t } = await startSeededApp());
  });
  afterAll(() => t.close());

  const num = (v: string | null) => (v === null ? null : Number(v));

  it('budget metrics and indicator completion', async () => {
    const rows: { id: string; document: ReportDocument; m: Record<string, string | null> }[] = await t.dataSource.query(
      `SELECT r.id, r.document, to_jsonb(m) AS m FROM report r JOIN report_metric m ON m.report_id = r.id`,
    );
    expect(rows).toHaveLength(6);
    for (const { document, m } of rows) {
      const ts = budgetMetrics(document);
      const sql = {
        executionRate: num(m.execution_rate), adjustmentRatio: num(m.adjustment_ratio),
        threePublicControlRate: num(m.three_public_control_rate), projectShare: num(m.project_share),
      };
      expect({ unit: document.unit.name, ...sql }).toEqual({ unit: document.unit.name, ...ts });
      expect(num(m.indicator_completion)).toEqual(indicatorCompletion(document.indicators));
    }
    // The stored view rows are exactly what the view computes now.
    const [{ stale }] = await t.dataSource.query(
      `SELECT count(*)::int AS stale FROM (SELECT * FROM v_report_metric EXCEPT SELECT * FROM report_metric) d`,
    );
    expect(stale).toBe(0);
  });

  it('得分率 per canonical 一级 category: SQL equals libs/metrics on every seed', async () => {
    const rows: { id: string; unit_id: string; document: ReportDocument }[] = await t.dataSource.query(
      `SELECT id, unit_id, document FROM report WHERE kind = 'department_overall'`,
    );
    const sql = await t.app.get(CompareService).categoryRates(rows.map((r) => r.id));
    let compared = 0;
    for (const r of rows) {
      const ts = scoreRatesByCategory(r.document.indicators, r.document.scoreBreakdown).map((x) => JSON.stringify([x.category, x.weight, x.score, x.scoreRate]));
      const fromSql = sql.filter((x) => x.unitId === r.unit_id).map((x) => JSON.stringify([x.category, x.weight, x.score, x.scoreRate]));
      expect(new Set(fromSql)).toEqual(new Set(ts));
      compared += ts.length;
    }
    expect(compared).toBeGreaterThan(5);
  });
});
