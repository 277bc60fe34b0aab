import { anomaliesOf, DEFAULT_PLAUSIBILITY_BANDS, percent, type PlausibilityBands } from '@hunan-perf/metrics';
import { pointRows } from '../src/modules/analytics/overview.service.js';
import { startSeededApp } from './support/seeded-app.js';
import { sessionAs, type Session, type TestApp } from './support/test-app.js';

interface Point { unitId: string; unitName: string; executionRate: number | null; adjustmentRatio: number | null; threePublicControlRate: number | null; scoreTotal: number | null; anomalies: string[]; grade: string | null; gradeDerived: boolean }
interface Row { reportId: string; unitId: string; group: string; status: string; counted: boolean; quantitative: boolean; judgedBy: string | null; reason: string | null; score: number | null }

describe('plausibility, derived grades and indicator completion on the seeds', () => {
  let t: TestApp;
  let viewer: Session;
  let admin: Session;
  let units: Record<string, string>;
  beforeAll(async () => {
    ({ t, units } = await startSeededApp());
    viewer = await sessionAs(t, 'viewer');
    admin = await sessionAs(t, 'admin');
  });
  afterAll(() => t.close());

  const LIUYANG = () => units['000']!;
  const XIANGXI = () => units['004']!;

  it('总览 2021 leaves 浏阳’s 184.65 % and 湘西’s 调整率 out of the means and medians by default, and lists them', async () => {
    const res = await viewer.agent.get('/api/analytics/overview?year=2021').expect(200);
    expect(res.body.includeImplausible).toBe(false);
    expect(res.body.executionRate).toMatchObject({ mean: 93.56, median: 93.56, count: 1, implausible: 1, excluded: 1, band: '60%–110%' });
    expect(res.body.adjustmentRatio).toMatchObject({ mean: null, median: null, count: 0, implausible: 1, excluded: 1, band: '不高于 100%' });
    expect(res.body.score).toMatchObject({ mean: 97.18, median: 97.18, excluded: 0 });
    const listed = res.body.anomalies.map((a: { unitId: string; metric: string; value: number }) => [a.unitId, a.metric, a.value]);
    expect(listed).toContainEqual([LIUYANG(), 'executionRate', 184.65]);
    const xiangxi = res.body.anomalies.find((a: { unitId: string }) => a.unitId === XIANGXI());
    expect(xiangxi).toMatchObject({ metric: 'adjustmentRatio', label: '预算调整率', unitName: '湘西土家族苗族自治州工业和信息化局' });
    expect(xiangxi.value).toBeGreaterThan(100);
    expect(res.body.anomalies).toHaveLength(2);
  });

  it('with includeImplausible the 异常 values count again: mean and median of 93.56 and 184.65 are 139.11 (decimal, half away from zero)', async () => {
    const res = await viewer.agent.get('/api/analytics/overview?year=2021&includeImplausible=true').expect(200);
    expect(res.body.includeImplausible).toBe(true);
    expect(res.body.executionRate).toMatchObject({ mean: 139.11, median: 139.11, count: 2, implausible: 1, excluded: 0, min: 93.56, max: 184.65 });
    expect(res.body.anomalies).toHaveLength(2);
  });

  it('the SQL expression flags exactly what isImplausible() flags, under the defaults and under bands an admin saved', async () => {
    const check = async (bands: PlausibilityBands) => {
      for (const year of [2021, 2023, 2024]) {
        const res = await viewer.agent.get(`/api/analytics/overview?year=${year}`).expect(200);
        for (const p of pointRows(res.body.points) as Point[]) expect(p.anomalies).toEqual(anomaliesOf(p, bands).map((a) => a.metric));
      }
    };
    await check(DEFAULT_PLAUSIBILITY_BANDS);
    const tight: PlausibilityBands = {
      version: 'test-tight',
      bands: { executionRate: { min: 95, max: 100 }, adjustmentRatio: { min: 0, max: 30 }, threePublicControlRate: { min: 20, max: 90 }, scoreTotal: { min: 97, max: 100 } },
    };
    await admin.agent.put('/api/settings/plausibility').set('x-csrf-token', admin.csrf).send(tight).expect(200);
    try {
      await check(tight);
      const res = await viewer.agent.get('/api/analytics/overview?year=2021').expect(200);
      expect(res.body.bandsVersion).toBe('test-tight');
      // 浏阳 96 < 97 is now 异常; 湘西 98.36 stays: the score mean is 湘西's alone.
      expect(res.body.score).toMatchObject({ mean: 98.36, excluded: 1 });
    } finally {
      await admin.agent.put('/api/settings/plausibility').set('x-csrf-token', admin.csrf).send(DEFAULT_PLAUSIBILITY_BANDS).expect(200);
    }
    const back = await viewer.agent.get('/api/analytics/overview?year=2021').expect(200);
    expect(back.body.score).toMatchObject({ mean: 97.18, excluded: 0 });
  });

  it('bands are admin-only and checked field by field in Chinese', async () => {
    const current = await viewer.agent.get('/api/settings/plausibility').expect(200);
    expect(current.body).toEqual(DEFAULT_PLAUSIBILITY_BANDS);
    await viewer.agent.put('/api/settings/plausibility').set('x-csrf-token', viewer.csrf).send(DEFAULT_PLAUSIBILITY_BANDS).expect(403);
    const bad = await admin.agent.put('/api/settings/plausibility').set('x-csrf-token', admin.csrf).send({
      version: '', bands: { executionRate: { min: 120, max: 60 }, adjustmentRatio: { min: null, max: '一百' }, threePublicControlRate: { min: null, max: 100 }, foo: {} },
    }).expect(400);
    const fields = bad.body.details.map((d: { field: string }) => d.field).sort();
    expect(fields).toEqual(['bands.adjustmentRatio.max', 'bands.executionRate', 'bands.foo', 'bands.scoreTotal', 'version']);
    for (const d of bad.body.details) expect(d.message).toMatch(/[\u4e00-\u9fa5]/);
    expect(bad.body.message).toContain('预算执行率的下限 120 高于上限 60');
    expect(bad.body.message).toContain('缺少自评得分的合理范围');
  });

  it('自评复核 2021 flags 浏阳’s over-execution and 执行率, 湘西’s 调整率; 望城 needs no attention', async () => {
    const res = await viewer.agent.get('/api/analytics/recheck?year=2021').expect(200);
    const byUnit = (id: string) => res.body.rows.find((r: { unitId: string }) => r.unitId === id);
    const liuyang = byUnit(LIUYANG());
    expect(liuyang.overExecution).toContainEqual({ line: 'total', label: '部门整体支出', against: 'initial', budget: 1052.59, actual: 1943.63, excess: 891.04 });
    expect(liuyang.anomalies).toEqual([{ metric: 'executionRate', label: '预算执行率', value: 184.65, band: '60%–110%' }]);
    expect(liuyang.attention).toBe(true);
    const xiangxi = byUnit(XIANGXI());
    expect(xiangxi.anomalies.map((a: { metric: string }) => a.metric)).toEqual(['adjustmentRatio']);
    expect(xiangxi.overExecution).toEqual([]);
    expect(xiangxi.attention).toBe(true);
    expect(byUnit(units['001']!)).toMatchObject({ overExecution: [], anomalies: [], attention: false });
  });

  it('湘潭县 2023 scores 98 and writes no grade: 优 按得分推定, and the distribution has no 未评级', async () => {
    const res = await viewer.agent.get('/api/analytics/overview?year=2023').expect(200);
    const xiangtan = pointRows(res.body.points).find((p) => p.unitId === units['002']);
    expect(xiangtan).toMatchObject({ scoreTotal: 98, grade: '优', gradeDerived: true });
    expect(res.body.grades).toContainEqual({ grade: '优', count: 1, derived: 1 });
    expect(res.body.grades).toContainEqual({ grade: '未评级', count: 0, derived: 0 });
    // A written grade stays as written; 望城 has neither score nor grade and stays 未评级.
    const y2021 = await viewer.agent.get('/api/analytics/overview?year=2021').expect(200);
    expect(pointRows(y2021.body.points).find((p) => p.unitId === LIUYANG())).toMatchObject({ grade: '优', gradeDerived: false });
    expect(pointRows(y2021.body.points).find((p) => p.unitId === units['001'])).toMatchObject({ grade: null, gradeDerived: false });
    expect(y2021.body.grades).toContainEqual({ grade: '未评级', count: 1, derived: 0 });
  });

  it('指标完成: 浏阳’s rate, its heatmap cells and its rows agree; its two 未达标 rows are judged by score and not counted', async () => {
    const res = await viewer.agent.get('/api/analytics/indicators?year=2021').expect(200);
    const rows: Row[] = res.body.rows;
    for (const unit of res.body.units) {
      const own = rows.filter((r) => r.reportId === unit.reportId);
      const met = own.filter((r) => r.counted && r.status === 'met').length;
      const unmet = own.filter((r) => r.counted && r.status === 'unmet').length;
      expect(unit).toMatchObject({ met, unmet, total: own.length, completion: percent(met, met + unmet) });
      for (const cell of res.body.cells.filter((c: { reportId: string }) => c.reportId === unit.reportId)) {
        const inCell = own.filter((r) => r.group === cell.level1);
        const m = inCell.filter((r) => r.counted && r.status === 'met').length;
        const u = inCell.filter((r) => r.counted && r.status === 'unmet').length;
        expect(cell).toMatchObject({ met: m, unmet: u, total: inCell.length, completion: percent(m, m + u) });
        expect(cell.completion === null).toBe(cell.reason !== null);
      }
    }
    const liuyang = res.body.units.find((u: { unitId: string }) => u.unitId === LIUYANG());
    expect(liuyang).toMatchObject({ completion: 100, met: 11, unmet: 0, qualitativeMet: 6, qualitativeUnmet: 2, unknown: 0, total: 19 });
    const unmetRows = rows.filter((r) => r.unitId === LIUYANG() && r.status === 'unmet');
    expect(unmetRows).toHaveLength(2);
    for (const r of unmetRows) expect(r).toMatchObject({ quantitative: false, counted: false, judgedBy: 'score', group: '投入管理指标' });
    const cell = res.body.cells.find((c: { unitId: string; level1: string }) => c.unitId === LIUYANG() && c.level1 === '投入管理指标');
    expect(cell).toMatchObject({ completion: null, reason: '无定量指标（定性 8 项：按得分达标 6、未达标 2）' });
    // 望城 has no indicator table: no rate, and it says so.
    expect(res.body.units.find((u: { unitId: string }) => u.unitId === units['001'])).toMatchObject({ completion: null, reason: '无指标', total: 0 });
  });

  it('the 指标完成 rate is the stored 指标完成率 every other page shows', async () => {
    for (const year of [2021, 2023, 2024]) {
      const ind = await viewer.agent.get(`/api/analytics/indicators?year=${year}`).expect(200);
      const overview = await viewer.agent.get(`/api/analytics/overview?year=${year}`).expect(200);
      for (const p of pointRows(overview.body.points)) {
        expect(ind.body.units.find((u: { unitId: string }) => u.unitId === p.unitId).completion).toBe(p.indicatorCompletion);
      }
    }
  });

  it('a qualitative row without a score is unknown (无得分), never met; the status filter keeps the same judgement', async () => {
    const res = await viewer.agent.get('/api/analytics/indicators?year=2023').expect(200);
    const noScore = res.body.rows.filter((r: Row) => r.score === null);
    expect(noScore.length).toBeGreaterThan(0);
    for (const r of noScore) expect(r).toMatchObject({ status: 'unknown', counted: false, reason: '无得分' });
    const unit = res.body.units[0];
    expect(unit).toMatchObject({ completion: null, unknown: noScore.length });
    expect(unit.reason).toMatch(/^无定量指标/);
    const unmet = await viewer.agent.get('/api/analytics/indicators?year=2021&status=unmet').expect(200);
    expect(unmet.body.rows.every((r: Row) => r.status === 'unmet')).toBe(true);
    expect(unmet.body.units).toEqual((await viewer.agent.get('/api/analytics/indicators?year=2021').expect(200)).body.units);
  });
});
