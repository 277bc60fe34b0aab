import { sqlCell } from './sql-cells.js';
import type { ColumnType } from './table.js';

export const RAW_TABLES = ['reports', 'budget', 'indicators', 'warnings'] as const;
export type RawTable = (typeof RAW_TABLES)[number];

/** A column of a raw table: its Chinese header, how it prints, and the SQL expression it comes from. */
export interface RawColumn {
  header: string;
  type: ColumnType;
  sql: string;
}

const col = (header: string, sql: string, type: ColumnType = 'text'): RawColumn => ({ header, type, sql });

/** Current confirmed reports in scope ($1 kind, $2 synthetic, $3 years, $4 regions, $5 level, $6 units). */
const CURRENT = `
  SELECT r.*, u.name AS unit_name, g.name AS region_name, g.level AS region_level, p.name AS parent_name
    FROM report r JOIN unit u ON u.id = r.unit_id JOIN region g ON g.code = u.region_code LEFT JOIN region p ON p.code = g.parent_code
   WHERE r.status = 'confirmed' AND r.kind = $1::text AND ($2::boolean OR NOT r.is_synthetic)
     AND ($3::int[] IS NULL OR r.fiscal_year = ANY($3::int[])) AND ($4::varchar[] IS NULL OR u.region_code = ANY($4::varchar[]))
     AND ($5::text IS NULL OR g.level = $5::text) AND ($6::uuid[] IS NULL OR r.unit_id = ANY($6::uuid[]))`;

const LEVELS = `CASE c.region_level WHEN 'province' THEN '省级' WHEN 'city' THEN '市级' ELSE '县级' END`;
const COMPARATOR = `CASE i.comparator WHEN 'atLeast' THEN '不低于' WHEN 'atMost' THEN '不高于' WHEN 'equal' THEN '等于' END`;
const STATUS = `CASE i.status WHEN 'met' THEN '达标' WHEN 'unmet' THEN '未达标' WHEN 'qualitative' THEN '定性' ELSE '无法判断' END`;

/** The raw tables analysts take into Excel: columns, and the joins and stable row order after FROM. */
export const RAW: Record<RawTable, { title: string; columns: RawColumn[]; from: string }> = {
  reports: {
    title: '报告',
    columns: [
      col('年度', 'c.fiscal_year', 'int'), col('单位', 'c.unit_name'), col('地区', 'c.region_name'), col('上级地区', 'c.parent_name'), col('层级', LEVELS),
      col('版本', 'c.version', 'int'), col('自评得分', 'c.score_total', 'score'), col('等级', 'c.grade'),
      col('年初预算数（万元）', 'm.budget_initial', 'amount'), col('全年预算数（万元）', 'm.budget_adjusted', 'amount'), col('全年执行数（万元）', 'm.budget_actual', 'amount'),
      col('执行率（报告所填，%）', 'bt.execution_rate_stated', 'rate'), col('预算执行率（%）', 'm.execution_rate', 'rate'), col('预算调整率（%）', 'm.adjustment_ratio', 'rate'),
      col('三公经费控制率（%）', 'm.three_public_control_rate', 'rate'), col('项目支出占比（%）', 'm.project_share', 'rate'), col('指标完成率（%）', 'm.indicator_completion', 'rate'),
      col('三公经费预算数（万元）', 'tp.budget', 'amount'), col('三公经费决算数（万元）', 'tp.actual', 'amount'),
      col('编制数', 'c.staff_quota', 'int'), col('实有人数', 'c.staff_actual', 'int'), col('警告数', 'm.warning_count', 'int'), col('原始文件', 'd.file_name'),
      col('确认时间（北京时间）', `to_char(c.confirmed_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD HH24:MI')`), col('合成数据', 'c.is_synthetic', 'bool'),
    ],
    from: `FROM c JOIN report_metric m ON m.report_id = c.id
        LEFT JOIN report_budget bt ON bt.report_id = c.id AND bt.line = 'total'
        LEFT JOIN report_three_public tp ON tp.report_id = c.id
        LEFT JOIN source_document d ON d.id = c.source_document_id
       ORDER BY c.fiscal_year, c.region_code, c.unit_name`,
  },
  budget: {
    title: '预算',
    columns: [
      col('年度', 'c.fiscal_year', 'int'), col('单位', 'c.unit_name'), col('地区', 'c.region_name'),
      col('口径', `CASE b.line WHEN 'total' THEN '部门整体' WHEN 'basic' THEN '基本支出' ELSE '项目支出' END`),
      col('年初预算数（万元）', 'b.initial_amount', 'amount'), col('全年预算数（万元）', 'b.adjusted_amount', 'amount'), col('全年执行数（万元）', 'b.actual_amount', 'amount'),
    ],
    from: `FROM c JOIN report_budget b ON b.report_id = c.id
       ORDER BY c.fiscal_year, c.region_code, c.unit_name, array_position(ARRAY['total', 'basic', 'project'], b.line)`,
  },
  indicators: {
    title: '绩效指标',
    columns: [
      col('年度', 'c.fiscal_year', 'int'), col('单位', 'c.unit_name'), col('地区', 'c.region_name'), col('一级指标', 'i.level1'), col('二级指标', 'i.level2'),
      col('三级指标', 'i.name'), col('年度指标值', 'i.target'), col('实际完成值', 'i.actual'), col('分值', 'i.weight', 'score'),
      col('得分', 'i.score', 'score'), col('比较方式', COMPARATOR), col('完成情况', STATUS), col('备注', 'i.note'),
    ],
    from: `FROM c JOIN report_indicator i ON i.report_id = c.id
       ORDER BY c.fiscal_year, c.region_code, c.unit_name, i.position`,
  },
  warnings: {
    title: '提取警告',
    columns: [
      col('年度', 'c.fiscal_year', 'int'), col('单位', 'c.unit_name'), col('地区', 'c.region_name'),
      col('警告代码', 'w.code'), col('说明', 'w.message'), col('字段', 'w.path'),
    ],
    from: `FROM c JOIN report_warning w ON w.report_id = c.id
       ORDER BY c.fiscal_year, c.region_code, c.unit_name, w.id`,
  },
};

/** The table's rows in scope as sqlCell text, one column per header, in the table's order. */
export function rawTableSql(table: RawTable): string {
  const spec = RAW[table];
  return `WITH c AS (${CURRENT})
      SELECT ${spec.columns.map((c, i) => `${sqlCell(c.type, c.sql)} AS c${i}`).join(',\n             ')}
        ${spec.from}`;
}
