import type { DataSource } from 'typeorm';
import { classificationRows } from '../analytics/problem-classification.js';
import { qualityThresholds, refreshQuality } from '../quality/report-quality.js';

export interface ProvinceDatasetOptions {
  unitsPerRegion: number;
  years: number[];
  /** Number of the first unit of each region (default 1): a later call adds units beside earlier ones. */
  firstUnit?: number;
  /** Deterministic: the same seed gives the same dataset. */
  seed?: number;
}

export interface ProvinceDatasetSummary {
  units: number;
  reports: number;
  indicators: number;
}

const PROBLEMS = [
  '预算编制不够科学精准，年中追加调整较多', '绩效目标设置不够细化量化，部分指标难以衡量', '项目支出执行进度偏慢，年末结转结余较多',
  '财务核算不够规范，部分票据审核不严', '绩效管理意识有待加强，自评质量不高', '内部控制制度执行不到位', '项目跟踪监管不够，验收不及时',
  '固定资产管理不够精细，账实核对不及时', '专业人员不足，培训不够', '预决算信息公开不够及时',
];

/**
 * A province-sized synthetic dataset written straight by SQL (generate_series), every row
 * flagged synthetic: for every city and county region, `unitsPerRegion` units × the years, each
 * with a confirmed department report, budget lines, 三公, ~17 indicator rows, a score breakdown,
 * problems and a few warnings. report_metric is computed by the same SQL view as real data.
 * Never run by `npm start`; only by `npm run synthetic` and the benchmarks.
 */
export async function generateProvinceDataset(db: DataSource, options: ProvinceDatasetOptions): Promise<ProvinceDatasetSummary> {
  const { unitsPerRegion, years } = options;
  return db.transaction(async (m) => {
    await m.query(`SELECT setseed($1)`, [((options.seed ?? 42) % 1000) / 1000]);
    await m.query(`CREATE TEMP TABLE syn_unit ON COMMIT DROP AS
      SELECT gen_random_uuid() AS id, g.code AS region_code, g.name || '合成单位' || lpad(n::text, 3, '0') AS name
        FROM region g CROSS JOIN generate_series($2::int, $2::int + $1 - 1) n WHERE g.level IN ('city', 'county')`, [unitsPerRegion, options.firstUnit ?? 1]);
    await m.query(`INSERT INTO unit (id, name, region_code) SELECT id, name, region_code FROM syn_unit ON CONFLICT DO NOTHING`);
    await m.query(`CREATE TEMP TABLE syn_report ON COMMIT DROP AS
      SELECT gen_random_uuid() AS id, u.id AS unit_id, u.region_code, u.name, y AS fiscal_year,
             round((100 + random() * 4900)::numeric, 2) AS initial,
             round((random() * 0.6 - 0.1)::numeric, 4) AS adj, round((0.6 + random() * 0.45)::numeric, 4) AS exec,
             round((70 + random() * 30)::numeric, 2) AS score
        FROM syn_unit u CROSS JOIN unnest($1::int[]) y`, [years]);
    await m.query(`INSERT INTO report (id, unit_id, region_code, fiscal_year, kind, version, status, document, extracted_document,
                                      score_total, grade, staff_quota, staff_actual, is_synthetic, confirmed_at)
      SELECT id, unit_id, region_code, fiscal_year, 'department_overall', 1, 'confirmed', d, d, score,
             CASE WHEN score >= 90 THEN '优' WHEN score >= 80 THEN '良' WHEN score >= 60 THEN '中' ELSE '差' END,
             20 + (random() * 80)::int, 20 + (random() * 80)::int, true, now()
        FROM syn_report, LATERAL (SELECT jsonb_build_object('schemaVersion', 1, 'synthetic', true, 'unit', jsonb_build_object('name', name)) AS d) x`);
    await m.query(`INSERT INTO report_budget (report_id, line, initial_amount, adjusted_amount, actual_amount, execution_rate_stated)
      SELECT id, 'total', initial, round(initial * (1 + adj), 2), round(initial * (1 + adj) * exec, 2), round(exec * 100, 2) FROM syn_report
      UNION ALL SELECT id, 'basic', round(initial * 0.6, 2), round(initial * 0.6 * (1 + adj / 2), 2), round(initial * 0.6 * (1 + adj / 2) * exec, 2), NULL FROM syn_report
      UNION ALL SELECT id, 'project', round(initial * 0.4, 2), round(initial * (1 + adj) - initial * 0.6 * (1 + adj / 2), 2),
                       round((initial * (1 + adj) - initial * 0.6 * (1 + adj / 2)) * exec, 2), NULL FROM syn_report`);
    await m.query(`INSERT INTO report_three_public (report_id, budget, actual, reception, vehicle_operation)
      SELECT id, b, round((b * (0.5 + random() * 0.6))::numeric, 2), round(b * 0.3, 2), round(b * 0.5, 2)
        FROM (SELECT id, round((5 + random() * 60)::numeric, 2) AS b FROM syn_report) t`);
    await m.query(`INSERT INTO report_indicator (report_id, position, level1, level2, name, target, actual, weight, score, quantitative, comparator, status)
      SELECT r.id, k, CASE WHEN k < 9 THEN '产出指标' WHEN k < 14 THEN '效益指标' ELSE '满意度指标' END,
             (ARRAY['数量指标', '质量指标', '时效指标', '成本指标', '经济效益指标', '社会效益指标', '服务对象满意度指标'])[1 + k % 7],
             '合成指标' || k, CASE WHEN k % 3 = 0 THEN '合规' ELSE '≥' || (80 + k) || '%' END,
             CASE WHEN k % 3 = 0 THEN '合规' ELSE round((70 + random() * 35)::numeric, 1) || '%' END,
             w, round((w * (0.7 + random() * 0.3))::numeric, 1), k % 3 <> 0, CASE WHEN k % 3 <> 0 THEN 'atLeast' END, 'unknown'
        FROM syn_report r CROSS JOIN generate_series(0, 16) k, LATERAL (SELECT (4 + k % 4)::numeric AS w) x`);
    await m.query(`UPDATE report_indicator i SET status = CASE
        WHEN NOT i.quantitative THEN CASE WHEN i.score >= i.weight THEN 'met' ELSE 'unmet' END
        WHEN rtrim(i.actual, '%')::numeric >= rtrim(ltrim(i.target, '≥'), '%')::numeric THEN 'met' ELSE 'unmet' END
      FROM syn_report r WHERE i.report_id = r.id`);
    await m.query(`INSERT INTO report_score_breakdown (report_id, position, level1, level2, weight, score)
      SELECT i.report_id, row_number() OVER (PARTITION BY i.report_id ORDER BY i.level1) - 1, i.level1, NULL, sum(i.weight), sum(i.score)
        FROM report_indicator i JOIN syn_report r ON r.id = i.report_id GROUP BY i.report_id, i.level1`);
    await m.query(`INSERT INTO report_finding (report_id, kind, position, text)
      SELECT r.id, 'problem', p, ($1::text[])[1 + ((abs(hashtext(r.id::text)) + p * 3) % array_length($1::text[], 1))]
        FROM syn_report r CROSS JOIN generate_series(0, 2) p`, [PROBLEMS]);
    // Their themes and words, each distinct text classified once (as one report's statement each).
    const terms = classificationRows(PROBLEMS.map((text, i) => ({ report: i, position: 0, text })));
    await m.query(`WITH f AS (SELECT f.report_id, f.position, f.text FROM report_finding f JOIN syn_report r ON r.id = f.report_id WHERE f.kind = 'problem'),
        texts AS (SELECT * FROM unnest($1::text[]) WITH ORDINALITY AS x(text, i)),
        t AS (INSERT INTO report_problem_theme (report_id, theme, positions)
              SELECT f.report_id, t.theme, array_agg(f.position ORDER BY f.position) FROM f JOIN texts USING (text)
                JOIN unnest($2::int[], $3::text[]) AS t(i, theme) ON t.i = texts.i - 1 GROUP BY f.report_id, t.theme)
      INSERT INTO report_problem_word (report_id, word, statements)
      SELECT f.report_id, w.word, count(*) FROM f JOIN texts USING (text) JOIN unnest($4::int[], $5::text[]) AS w(i, word) ON w.i = texts.i - 1
       GROUP BY f.report_id, w.word`,
    [PROBLEMS, terms.themes[0], terms.themes[1], terms.words[0], terms.words[1]]);
    await m.query(`INSERT INTO report_warning (report_id, code, message, path)
      SELECT id, 'OVER_EXECUTION', '合成数据：执行数超过预算', 'budget.total' FROM syn_report WHERE exec > 1`);
    await m.query(`INSERT INTO report_metric SELECT v.* FROM v_report_metric v JOIN syn_report r ON r.id = v.report_id`);
    const ids = ((await m.query(`SELECT id FROM syn_report ORDER BY id`)) as { id: string }[]).map((r) => r.id);
    const thresholds = await qualityThresholds(m);
    for (let i = 0; i < ids.length; i += 2_000) await refreshQuality(m, ids.slice(i, i + 2_000), thresholds);
    const [{ units, reports, indicators }] = await m.query(
      `SELECT (SELECT count(*) FROM syn_unit)::int AS units, (SELECT count(*) FROM syn_report)::int AS reports,
              (SELECT count(*) FROM report_indicator i JOIN syn_report r ON r.id = i.report_id)::int AS indicators`,
    );
    return { units, reports, indicators };
  });
}
