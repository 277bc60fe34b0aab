import { ApiProperty } from '@nestjs/swagger';
import { METRIC_KEYS, type MetricKey } from '@hunan-perf/metrics';
import { UnitMetricRowDto } from './unit-metric-row.dto.js';

export class CategoryRateDto {
  @ApiProperty() unitId: string;
  @ApiProperty() reportId: string;
  @ApiProperty({ enum: ['产出', '效益', '满意度', '投入', '过程', '决策', '管理', '其他'], description: '统一的一级指标类别' }) category: string;
  @ApiProperty({ type: [String], description: '报告所写的一级指标名称（归入该类别的）' }) writtenLevel1: string[];
  @ApiProperty() weight: number;
  @ApiProperty() score: number;
  @ApiProperty({ nullable: true, type: Number }) scoreRate: number | null;
}

export class CompareRowDto extends UnitMetricRowDto {
  @ApiProperty({ nullable: true, type: Number, description: '同年度同层级有得分的单位数（同级排名的分母）' }) levelSize: number | null;
}

export class CompareDto {
  @ApiProperty({ nullable: true, type: Number, description: '所选年度；各单位最新年度时为 null' }) year: number | null;
  @ApiProperty({ enum: ['year', 'latest'], description: 'year：所选年度；latest：各单位最新年度' }) mode: 'year' | 'latest';
  @ApiProperty({ enum: METRIC_KEYS, isArray: true }) metrics: MetricKey[];
  @ApiProperty({ type: [CompareRowDto] }) rows: CompareRowDto[];
  @ApiProperty({ type: [String], description: '所选单位有的统一一级类别，按固定顺序（产出、效益、满意度、投入、过程、决策、管理、其他）' }) categories: string[];
  @ApiProperty({ type: [CategoryRateDto], description: '按统一一级类别的得分率（雷达图）；单位没有的类别不列出' }) categoryRates: CategoryRateDto[];
}

export class TrendPointDto {
  @ApiProperty() year: number;
  @ApiProperty({ nullable: true, type: Number }) value: number | null;
  @ApiProperty({ nullable: true, type: Number, description: '与上一年相比的变化；缺年时为 null' }) change: number | null;
}

export class TrendSeriesDto {
  @ApiProperty() key: string;
  @ApiProperty() name: string;
  @ApiProperty({ enum: ['unit', 'region'] }) kind: 'unit' | 'region';
  @ApiProperty({ type: [TrendPointDto] }) points: TrendPointDto[];
}

export class TrendsDto {
  @ApiProperty({ enum: METRIC_KEYS }) metric: MetricKey;
  @ApiProperty({ type: [Number] }) years: number[];
  @ApiProperty({ type: [TrendSeriesDto] }) series: TrendSeriesDto[];
  @ApiProperty({ nullable: true, type: String, description: '数据截至：最近一次确认报告的时间（北京时间 YYYY-MM-DD HH:mm）' }) dataAsOf: string | null;
}

export class RankedRowDto extends UnitMetricRowDto {
  @ApiProperty({ description: '在所列单位中的名次' }) rank: number;
  @ApiProperty({ nullable: true, type: Number }) value: number | null;
  @ApiProperty({ nullable: true, type: Number, description: '按该指标在全省同年度同层级单位中的名次；无数值时为 null' }) levelRank: number | null;
  @ApiProperty({ description: '全省同年度同层级有该指标数值的单位数' }) levelSize: number;
}

/** Where a page of a unit list lies: its number, its size, and how many rows the whole list has. */
export class PagedDto {
  @ApiProperty({ description: '页码，从 1 开始' }) page: number;
  @ApiProperty({ description: '每页条数' }) pageSize: number;
  @ApiProperty({ description: '全部条数（各页合计）' }) total: number;
}

export class RankingsDto extends PagedDto {
  @ApiProperty({ nullable: true, type: Number }) year: number | null;
  @ApiProperty({ enum: METRIC_KEYS }) metric: MetricKey;
  @ApiProperty({ type: [RankedRowDto], description: '本页的行' }) rows: RankedRowDto[];
}

export class AnalyticsYearsDto {
  @ApiProperty({ type: [Number], description: '范围内有已确认报告的年度，新的在前（各页的年度选择）' }) years: number[];
}
