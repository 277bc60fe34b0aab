import { allocate, drawStratifiedSample, type SampleCandidate } from '../src/modules/spotcheck/stratified-sample.js';
import { seededRandom } from '../src/modules/spotcheck/seeded-random.js';
import { DEFAULT_GAP_MARGIN, gapRows, gapsByRegion } from '../src/modules/spotcheck/spot-check-gaps.js';
import { openTestDataSource } from './support/test-database.js';
import { AuditService } from '../src/modules/audit/audit.service.js';
import { SpotCheckDrawService } from '../src/modules/spotcheck/spot-check-draw.service.js';
import { startSeededApp } from './support/seeded-app.js';
import { SpotCheckReviewService } from '../src/modules/spotcheck/spot-check-review.service.js';
import { newUser } from './support/test-app.js';
import type { TestApp } from './support/test-app.js';

/** 抽查 sampling rules (issue 14 item 2): reproducible draws, stratified allocation, must-include units. */
function population(): SampleCandidate[] {
  const out: SampleCandidate[] = [];
  const strata: Array<[string, string, number]> = [
    ['430100', '市级', 40],
    ['430100', '县级', 20],
    ['430200', '市级', 30],
    ['430300', '县级', 8],
    ['430400', '市级', 2],
  ];
  let n = 0;
  for (const [regionCode, level, size] of strata) {
    for (let i = 0; i < size; i++) {
      n++;
      out.push({ reportId: `r${String(n).padStart(3, '0')}`, unitId: `u${n}`, regionCode, level });
    }
  }
  return out;
}

describe('spot-check sampling', () => {
  it('same seed and population give the same sample; another seed gives another', () => {
    const pop = population();
    const a = drawStratifiedSample(pop, { size: { kind: 'count', value: 20 }, seed: '2024-抽查-1' });
    const b = drawStratifiedSample([...pop].reverse(), { size: { kind: 'count', value: 20 }, seed: '2024-抽查-1' });
    const c = drawStratifiedSample(pop, { size: { kind: 'count', value: 20 }, seed: '2024-抽查-2' });
    expect(b.reportIds).toEqual(a.reportIds);
    expect(c.reportIds).not.toEqual(a.reportIds);
    expect(new Set(a.reportIds).size).toBe(20);
    expect(seededRandom('x')()).toBe(seededRandom('x')());
  });

  it('allocates proportionally with at least one per non-empty stratum', () => {
    const s = drawStratifiedSample(population(), { size: { kind: 'percent', value: 20 }, seed: 's' });
    expect(s.target).toBe(20); // ceil(100 × 20 %)
    expect(s.strata.map((x) => [x.key, x.allocated])).toEqual([
      ['430100|县级', 4],
      ['430100|市级', 8],
      ['430200|市级', 6],
      ['430300|县级', 1],
      ['430400|市级', 1],
    ]);
    expect(s.reportIds).toHaveLength(20);
    // fewer than the strata: the largest strata get one each
    expect(allocate([40, 20, 30, 8, 2], 2)).toEqual([1, 0, 1, 0, 0]);
    // never more than a stratum holds, never more than the population
    expect(allocate([1, 1, 50], 10)).toEqual([1, 1, 8]);
    expect(drawStratifiedSample(population(), { size: { kind: 'count', value: 500 }, seed: 's' }).reportIds).toHaveLength(100);
  });

  it('always includes must-include units, counting them in their stratum share', () => {
    const pop = population();
    const s = drawStratifiedSample(pop, { size: { kind: 'count', value: 20 }, seed: 's', mustIncludeUnitIds: ['u99', 'u5'] });
    expect(s.mustIncluded.sort()).toEqual(['r005', 'r099']);
    expect(s.reportIds).toEqual(expect.arrayContaining(['r005', 'r099']));
    expect(s.reportIds).toHaveLength(20);
    // more must-includes than their stratum's share: all are in, the others give the surplus back
    const forced = pop.filter((c) => c.regionCode === '430300').map((c) => c.unitId);
    const g = drawStratifiedSample(pop, { size: { kind: 'count', value: 20 }, seed: 's', mustIncludeUnitIds: forced });
    expect(g.strata.find((x) => x.regionCode === '430300')!.allocated).toBe(8);
    expect(g.reportIds).toHaveLength(20);
    expect(g.strata.every((x) => x.allocated >= 1)).toBe(true);
    // must-includes alone above n: the sample holds them all
    expect(drawStratifiedSample(pop, { size: { kind: 'count', value: 5 }, seed: 's', mustIncludeUnitIds: forced }).reportIds).toHaveLength(8);
  });
});

describe('spot-check tables (real PostgreSQL)', () => {
  it('refuse a 复核 score that differs from the self-score without a reason, and keep one current sample per year', async () => {
    const { dataSource: ds, close } = await openTestDataSource();
    try {
      const [{ code }] = await ds.query(`SELECT code FROM region WHERE level <> 'province' ORDER BY code LIMIT 1`);
      const [{ id: unitId }] = await ds.query(`INSERT INTO unit (name, region_code) VALUES ('抽查测试单位', $1) RETURNING id`, [code]);
      const [{ id: reportId }] = await ds.query(
        `INSERT INTO report (unit_id, fiscal_year, kind, status, document, extracted_document, score_total)
         VALUES ($1, 2024, 'department_overall', 'confirmed', '{}', '{}', 95) RETURNING id`,
        [unitId],
      );
      const sample = `INSERT INTO spot_check_sample (fiscal_year, version, size_kind, size_value, seed, target, strata, population)
                      VALUES (2024, $1, 'count', 1, 's', 1, '[]', '[]') RETURNING id`;
      const [{ id: sampleId }] = await ds.query(sample, [1]);
      await expect(ds.query(sample, [2])).rejects.toThrow(/spot_check_sample_current_idx/);
      const [{ id: itemId }] = await ds.query(
        `INSERT INTO spot_check_item (sample_id, report_id, unit_id, region_code, level, self_total) VALUES ($1, $2, $3, $4, '县级', 95) RETURNING id`,
        [sampleId, reportId, unitId, code],
      );
      const score = `INSERT INTO spot_check_score (item_id, row_kind, position, self_score, review_score, reason) VALUES ($1, 'indicator', $2, 10, $3, $4)`;
      await ds.query(score, [itemId, 0, 10, null]);
      await expect(ds.query(score, [itemId, 1, 8, '  '])).rejects.toThrow(/check constraint/);
      await ds.query(score, [itemId, 1, 8, '佐证材料不足']);
      await expect(ds.query(`UPDATE spot_check_item SET review_total = 88 WHERE id = $1`, [itemId])).rejects.toThrow(/check constraint/);
      await ds.query(`UPDATE spot_check_item SET review_total = 88, total_reason = '两项指标无佐证' WHERE id = $1`, [itemId]);
      expect((await ds.query(`SELECT count(*)::int AS n FROM spot_check_score WHERE item_id = $1`, [itemId]))[0].n).toBe(2);
    } finally {
      await close();
    }
  });
});

describe('drawing a stored sample from the confirmed seed reports', () => {
  let t: TestApp;
  let units: Record<string, string>;
  let svc: SpotCheckDrawService;
  let year: number;
  beforeAll(async () => {
    ({ t, units } = await startSeededApp());
    svc = new SpotCheckDrawService(t.dataSource, t.app.get(AuditService));
    [{ year }] = await t.dataSource.query(
      `SELECT fiscal_year AS year FROM report WHERE status = 'confirmed' GROUP BY fiscal_year ORDER BY count(*) DESC, fiscal_year LIMIT 1`,
    );
  });
  afterAll(() => t.close());

  it('stores versions with their parameters, keeps must-include units, audits each draw and refuses bad input in Chinese', async () => {
    const must = Object.values(units)[0];
    const first = await svc.draw({ fiscalYear: year, size: { kind: 'count', value: 1 }, seed: 'a', mustIncludeUnitIds: [must] }, null);
    const again = await svc.draw({ fiscalYear: year, size: { kind: 'count', value: 1 }, seed: 'a', mustIncludeUnitIds: [must] }, null);
    expect(first.version).toBe(1);
    expect(again.version).toBe(2);
    expect(again.reportIds).toEqual(first.reportIds);
    const samples = await t.dataSource.query(`SELECT version, status, seed, population FROM spot_check_sample WHERE fiscal_year = $1 ORDER BY version`, [year]);
    expect(samples.map((s: { status: string }) => s.status)).toEqual(['superseded', 'current']);
    expect(samples[1].population.length).toBeGreaterThanOrEqual(1);
    const items = await t.dataSource.query(`SELECT unit_id, must_include, review_status FROM spot_check_item WHERE sample_id = $1`, [again.sampleId]);
    expect(items).toEqual([{ unit_id: must, must_include: true, review_status: 'unassigned' }]);
    const audits = await t.dataSource.query(`SELECT count(*)::int AS n FROM audit_event WHERE action = 'spot_check.draw'`);
    expect(audits[0].n).toBe(2);
    await expect(svc.draw({ fiscalYear: year, size: { kind: 'percent', value: 120 }, seed: 'a', mustIncludeUnitIds: [] }, null)).rejects.toThrow(/size.value：抽样比例/);
    await expect(svc.draw({ fiscalYear: year, size: { kind: 'count', value: 1 }, seed: 'a', mustIncludeUnitIds: ['00000000-0000-0000-0000-000000000000'] }, null)).rejects.toThrow(/mustIncludeUnitIds：/);
    expect((await t.dataSource.query(`SELECT count(*)::int AS n FROM spot_check_sample`))[0].n).toBe(2);
  });

  it('assigns a reviewer who records 复核 scores with a reason per difference, submits (locked) and an admin reopens', async () => {
    const [row] = await t.dataSource.query(
      `SELECT i.position, i.score, r.unit_id, r.id AS report_id FROM report_indicator i JOIN report r ON r.id = i.report_id
        WHERE r.fiscal_year = $1 AND r.status = 'confirmed' AND r.kind = 'department_overall' AND i.score > 1 ORDER BY r.id, i.position LIMIT 1`,
      [year],
    );
    const drawn = await svc.draw({ fiscalYear: year, size: { kind: 'count', value: 1 }, seed: 'review', mustIncludeUnitIds: [row.unit_id] }, null);
    const [item] = await t.dataSource.query(`SELECT id, report_id FROM spot_check_item WHERE sample_id = $1 AND report_id = $2`, [drawn.sampleId, row.report_id]);
    const reviews = new SpotCheckReviewService(t.dataSource, t.app.get(AuditService));
    const analyst = await newUser(t, 'analyst');
    const other = await newUser(t, 'analyst');
    const viewer = await newUser(t, 'viewer');
    const admin = await newUser(t, 'admin');
    const as = (u: { id: string }, role: string) => ({ id: u.id, role });
    await expect(reviews.assign(item.id, viewer.id, as(admin, 'admin'))).rejects.toThrow(/reviewerId：复核人须为分析员或管理员账号/);
    await reviews.assign(item.id, analyst.id, as(admin, 'admin'));
    const self = Number(row.score);
    const lower = { kind: 'indicator' as const, position: row.position, score: self - 1 };
    await expect(reviews.record(item.id, { rows: [lower], total: null }, as(other, 'analyst'))).rejects.toThrow(/只有被指派的复核人/);
    await expect(reviews.record(item.id, { rows: [lower], total: null }, as(analyst, 'analyst'))).rejects.toThrow(/与自评分.*须填写理由/);
    expect((await t.dataSource.query(`SELECT count(*)::int AS n FROM spot_check_score WHERE item_id = $1`, [item.id]))[0].n).toBe(0);
    await reviews.record(item.id, { rows: [{ ...lower, reason: '佐证不足' }], total: null }, as(analyst, 'analyst'));
    const [saved] = await t.dataSource.query(`SELECT self_score, review_score, reason FROM spot_check_score WHERE item_id = $1`, [item.id]);
    expect([Number(saved.self_score), Number(saved.review_score), saved.reason]).toEqual([self, self - 1, '佐证不足']);
    await reviews.submit(item.id, as(analyst, 'analyst'));
    await expect(reviews.record(item.id, { rows: [{ ...lower, score: self, reason: null }], total: null }, as(analyst, 'analyst'))).rejects.toThrow(/已提交锁定/);
    await expect(reviews.reopen(item.id, '重新核对', as(analyst, 'analyst'))).rejects.toThrow(/只有管理员/);
    await reviews.reopen(item.id, '重新核对', as(admin, 'admin'));
    await reviews.record(item.id, { rows: [{ ...lower, score: self, reason: null }], total: null }, as(analyst, 'analyst'));
    const actions = await t.dataSource.query(`SELECT action FROM audit_event WHERE entity_id = $1 ORDER BY id`, [item.id]);
    expect(actions.map((a: { action: string }) => a.action)).toEqual(['spot_check.assign', 'spot_check.record', 'spot_check.submit', 'spot_check.reopen', 'spot_check.record']);
  });
});

describe('spot-check gaps', () => {
  it('flags a self-score above the 复核 by more than the margin, keeps missing as null and sums by region', () => {
    const rows = gapRows([
      { unitId: 'a', regionCode: '430100', selfTotal: 95, reviewTotal: 89.99 },
      { unitId: 'b', regionCode: '430100', selfTotal: 90, reviewTotal: 85 },
      { unitId: 'c', regionCode: '430200', selfTotal: 80, reviewTotal: null },
      { unitId: 'd', regionCode: '430200', selfTotal: 70, reviewTotal: 78 },
    ], DEFAULT_GAP_MARGIN);
    expect(rows.map((r) => [r.gap, r.flagged])).toEqual([[5.01, true], [5, false], [null, false], [-8, false]]);
    expect(gapsByRegion(rows)).toEqual([
      { regionCode: '430100', reviewed: 2, flagged: 1, meanGap: 5.01, maxGap: 5.01 },
      { regionCode: '430200', reviewed: 1, flagged: 0, meanGap: -8, maxGap: -8 },
    ]);
  });
});
