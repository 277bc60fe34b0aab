import { anomaliesOf, describeBand, DEFAULT_PLAUSIBILITY_BANDS, PLAUSIBILITY_LABELS, PLAUSIBILITY_METRICS, shownGrade } from '@hunan-perf/metrics';
import type { Grade } from '@hunan-perf/contracts';
import type { Scope } from '../src/modules/analytics/analytics-scope.js';
import { MetricRowsRepository } from '../src/modules/analytics/metric-rows.repository.js';
import { pointRows } from '../src/modules/analytics/overview.service.js';
import { generateProvinceDataset } from '../src/modules/synthetic/province-dataset.js';
import { startSeededApp } from './support/seeded-app.js';
import { sessionAs, type Session, type TestApp } from './support/test-app.js';

/**
 * The compact answers carry exactly what the one-object-per-unit answers carried: the overview's
 * column arrays zip to the points the old service built from the metric rows (written grade or
 * the score's band, 异常 metrics), and its grades, anomalies, top and bottom are the old ones.
 * The five seed reports plus a synthetic province slice (ties, 异常 values, missing scores).
 */
describe('compact analytics answers hold the old answers’ rows and values', () => {
  let t: TestApp;
  let viewer: Session;
  beforeAll(async () => {
    ({ t } = await startSeededApp());
    await generateProvinceDataset(t.dataSource, { unitsPerRegion: 1, years: [2023, 2024], firstUnit: 1, seed: 7 });
    viewer = await sessionAs(t, 'viewer');
  });
  afterAll(() => t.close());

  const scope = (includeSynthetic: boolean): Scope => ({ regionCodes: null, level: null, unitIds: null, kind: 'department_overall', includeSynthetic });
  const bands = DEFAULT_PLAUSIBILITY_BANDS;

  /** The overview as the old service made it, from the same metric rows. */
  async function oldOverview(year: number, includeSynthetic: boolean) {
    const rows = await t.app.get(MetricRowsRepository).rows(scope(includeSynthetic), [year], 'score', false);
    const points = rows.map((r) => ({ ...r, ...shownGrade(r.grade as Grade | null, r.scoreTotal), anomalies: anomaliesOf(r, bands).map((a) => a.metric) }));
    const scored = points.filter((p) => p.scoreTotal !== null);
    return {
      points,
      grades: (['优', '良', '中', '差', '未评级'] as const).map((grade) => {
        const of = points.filter((p) => (p.grade ?? '未评级') === grade);
        return { grade, count: of.length, derived: of.filter((p) => p.gradeDerived).length };
      }),
      anomalies: PLAUSIBILITY_METRICS.flatMap((key) => points.filter((p) => p.anomalies.includes(key)).map((p) => ({
        metric: key, label: PLAUSIBILITY_LABELS[key].label, value: p[key] as number, band: describeBand(key, bands.bands[key]),
        reportId: p.reportId, unitId: p.unitId, unitName: p.unitName, regionName: p.regionName, fiscalYear: p.fiscalYear,
      })).sort((a, b) => b.value - a.value)),
      top: scored.slice(0, 5),
      bottom: scored.slice(-5).reverse(),
    };
  }

  it('overview: the column arrays zip to the old points, in their order; grades, 异常 list, top and bottom unchanged', async () => {
    let anomalous = 0;
    let derived = 0;
    for (const [year, includeSynthetic] of [[2021, false], [2023, false], [2023, true], [2024, true]] as const) {
      for (const implausible of [false, true]) {
        const res = await viewer.agent.get(`/api/analytics/overview?year=${year}&includeSynthetic=${includeSynthetic}&includeImplausible=${implausible}`).expect(200);
        const old = await oldOverview(year, includeSynthetic);
        expect(old.points.length).toBeGreaterThan(0);
        // Every array is as long as the points are many.
        for (const values of Object.values(res.body.points) as unknown[][]) expect(values).toHaveLength(old.points.length);
        expect(pointRows(res.body.points)).toEqual(old.points.map(({ kind: _kind, ...p }) => p));
        expect(res.body.grades).toEqual(old.grades);
        expect(res.body.anomalies).toEqual(old.anomalies);
        expect(res.body.top).toEqual(old.top);
        expect(res.body.bottom).toEqual(old.bottom);
        anomalous += old.anomalies.length;
        derived += old.points.filter((p) => p.gradeDerived).length;
      }
    }
    // The comparison covered 异常 values and grades taken from the score.
    expect(anomalous).toBeGreaterThan(0);
    expect(derived).toBeGreaterThan(0);
  });
});
