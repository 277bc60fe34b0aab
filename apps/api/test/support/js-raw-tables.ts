// The raw tables as the JS writer made them before COPY (float8 cells through table-writers' rules):
// kept as the reference the COPY output must match byte for byte (copy-csv.spec.ts).
import type { Column } from '../../src/modules/exports/table.js';

type Row = Record<string, string | number | boolean | null>;
const col = (header: string, key: string, type: Column<Row>['type'] = 'text'): Column<Row> => ({ header, type, value: (r) => r[key] });

/** Current confirmed reports in scope ($1 kind, $2 synthetic, $3 years, $4 regions, $5 level, $6 units). */
const CURRENT = `
  SELECT r.*, u.name AS unit_name, g.name AS region_name, g.level AS region_level, p.name AS parent_name
    FROM report r JOIN unit u ON u.id = r.unit_id JOIN region g ON g.code = u.region_code LEFT JOIN region p ON p.code = g.parent_code
   WHERE r.status = 'confirmed' AND r.kind = $1 AND ($2::boolean OR NOT r.is_synthetic)
     AND ($3::int[] IS NULL OR r.fiscal_year = ANY($3)) AND ($4::varchar[] IS NULL OR u.region_code = ANY($4))
     AND ($5::text IS NULL OR g.level = $5) AND ($6::uuid[] IS NULL OR r.unit_id = ANY($6))`;

const LEVELS = `CASE c.region_level WHEN 'province' THEN '省级' WHEN 'city' THEN '市级' ELSE '县级' END`;
const COMPARATOR = `CASE i.comparator WHEN 'atLeast' THEN '不低于' WHEN 'atMost' THEN '不高于' WHEN 'equal' THEN '等于' END`;
const STATUS = `CASE i.status WHEN 'met' THEN '达标' WHEN 'unmet' THEN '未达标' WHEN 'qualitative' THEN '定性' ELSE '无法判断' END`;

/** The raw tables analysts take into Excel: SQL (numerics as float8, rows in a stable order) and columns. */
export const JS_RAW: Record<string, { title: string; sql: string; columns: Column<Row>[] }> = {
  reports: {
    title: '报告',
    sql: `WITH c AS (${CURRENT})
      SELECT c.fiscal_year AS year, c.unit_name AS unit, c.region_name AS region, c.parent_name AS parent, ${LEVELS} AS level,
             c.version, c.score_total::float8 AS score, c.grade, m.budget_initial::float8 AS initial, m.budget_adjusted::float8 AS adjusted,
             m.budget_actual::float8 AS actual, bt.execution_rate_stated::float8 AS stated, m.execution_rate::float8 AS exec,
             m.adjustment_ratio::float8 AS adj, m.three_public_control_rate::float8 AS tp_rate, m.project_share::float8 AS share,
             m.indicator_completion::float8 AS completion, tp.budget::float8 AS tp_budget, tp.actual::float8 AS tp_actual,
             c.staff_quota AS quota, c.staff_actual AS staff, m.warning_count AS warnings, d.file_name AS file,
             to_char(c.confirmed_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD HH24:MI') AS confirmed, c.is_synthetic AS synthetic
        FROM c JOIN report_metric m ON m.report_id = c.id
        LEFT JOIN report_budget bt ON bt.report_id = c.id AND bt.line = 'total'
        LEFT JOIN report_three_public tp ON tp.report_id = c.id
        LEFT JOIN source_document d ON d.id = c.source_document_id
       ORDER BY c.fiscal_year, c.region_code, c.unit_name`,
    columns: [
      col('年度', 'year', 'int'), col('单位', 'unit'), col('地区', 'region'), col('上级地区', 'parent'), col('层级', 'level'),
      col('版本', 'version', 'int'), col('自评得分', 'score', 'score'), col('等级', 'grade'),
      col('年初预算数（万元）', 'initial', 'amount'), col('全年预算数（万元）', 'adjusted', 'amount'), col('全年执行数（万元）', 'actual', 'amount'),
      col('执行率（报告所填，%）', 'stated', 'rate'), col('预算执行率（%）', 'exec', 'rate'), col('预算调整率（%）', 'adj', 'rate'),
      col('三公经费控制率（%）', 'tp_rate', 'rate'), col('项目支出占比（%）', 'share', 'rate'), col('指标完成率（%）', 'completion', 'rate'),
      col('三公经费预算数（万元）', 'tp_budget', 'amount'), col('三公经费决算数（万元）', 'tp_actual', 'amount'),
      col('编制数', 'quota', 'int'), col('实有人数', 'staff', 'int'), col('警告数', 'warnings', 'int'), col('原始文件', 'file'),
      col('确认时间（北京时间）', 'confirmed'), col('合成数据', 'synthetic', 'bool'),
    ],
  },
  budget: {
    title: '预算',
    sql: `WITH c AS (${CURRENT})
      SELECT c.fiscal_year AS year, c.unit_name AS unit, c.region_name AS region,
             CASE b.line WHEN 'total' THEN '部门整体' WHEN 'basic' THEN '基本支出' ELSE '项目支出' END AS line,
             b.initial_amount::float8 AS initial, b.adjusted_amount::float8 AS adjusted, b.actual_amount::float8 AS actual
        FROM c JOIN report_budget b ON b.report_id = c.id
       ORDER BY c.fiscal_year, c.region_code, c.unit_name, array_position(ARRAY['total', 'basic', 'project'], b.line)`,
    columns: [
      col('年度', 'year', 'int'), col('单位', 'unit'), col('地区', 'region'), col('口径', 'line'),
      col('年初预算数（万元）', 'initial', 'amount'), col('全年预算数（万元）', 'adjusted', 'amount'), col('全年执行数（万元）', 'actual', 'amount'),
    ],
  },
  indicators: {
    title: '绩效指标',
    sql: `WITH c AS (${CURRENT})
      SELECT c.fiscal_year AS year, c.unit_name AS unit, c.region_name AS region, i.level1, i.level2, i.name, i.target, i.actual,
             i.weight::float8 AS weight, i.score::float8 AS score, ${COMPARATOR} AS comparator, ${STATUS} AS status, i.note
        FROM c JOIN report_indicator i ON i.report_id = c.id
       ORDER BY c.fiscal_year, c.region_code, c.unit_name, i.position`,
    columns: [
      col('年度', 'year', 'int'), col('单位', 'unit'), col('地区', 'region'), col('一级指标', 'level1'), col('二级指标', 'level2'),
      col('三级指标', 'name'), col('年度指标值', 'target'), col('实际完成值', 'actual'), col('分值', 'weight', 'score'),
      col('得分', 'score', 'score'), col('比较方式', 'comparator'), col('完成情况', 'status'), col('备注', 'note'),
    ],
  },
  warnings: {
    title: '提取警告',
    sql: `WITH c AS (${CURRENT})
      SELECT c.fiscal_year AS year, c.unit_name AS unit, c.region_name AS region, w.code, w.message, w.path
        FROM c JOIN report_warning w ON w.report_id = c.id
       ORDER BY c.fiscal_year, c.region_code, c.unit_name, w.id`,
    columns: [
      col('年度', 'year', 'int'), col('单位', 'unit'), col('地区', 'region'), col('警告代码', 'code'), col('说明', 'message'), col('字段', 'path'),
    ],
  },
};
