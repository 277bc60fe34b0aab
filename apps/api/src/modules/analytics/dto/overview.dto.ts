import { ApiProperty } from '@nestjs/swagger';
import { PLAUSIBILITY_METRICS, type PlausibilityMetric } from '@hunan-perf/metrics';
import { UnitMetricRowDto } from './unit-metric-row.dto.js';

export class OverviewCountsDto {
  @ApiProperty() reports: number;
  @ApiProperty() units: number;
  @ApiProperty() regions: number;
  @ApiProperty() withWarnings: number;
}

/** One province KPI: mean and median over the values used, and what was left out as 异常. */
export class KpiStatsDto {
  @ApiProperty({ nullable: true, type: Number, description: '平均值（所用数值）' }) mean: number | null;
  @ApiProperty({ nullable: true, type: Number, description: '中位数（所用数值）' }) median: number | null;
  @ApiProperty({ nullable: true, type: Number }) min: number | null;
  @ApiProperty({ nullable: true, type: Number }) max: number | null;
  @ApiProperty({ description: '参与计算的数值个数' }) count: number;
  @ApiProperty({ description: '超出合理范围（异常）的数值个数' }) implausible: number;
  @ApiProperty({ description: '因异常未计入的数值个数（含异常值时为 0）' }) excluded: number;
  @ApiProperty({ description: '合理范围（文字），如 60%–110%' }) band: string;
}

export class OverviewGradeCountDto {
  @ApiProperty({ enum: ['优', '良', '中', '差', '未评级'] }) grade: string;
  @ApiProperty() count: number;
  @ApiProperty({ description: '其中报告未写等级、按得分推定的个数' }) derived: number;
}

export class OverviewPointDto extends UnitMetricRowDto {
  @ApiProperty({ description: '等级为按得分推定（报告未写等级）' }) gradeDerived: boolean;
  @ApiProperty({ enum: PLAUSIBILITY_METRICS, isArray: true, description: '超出合理范围（异常）的指标' }) anomalies: PlausibilityMetric[];
}

/**
 * Every point of the scatter as one array per field (the i-th entry of each array is the i-th
 * point, best score first): the fields of OverviewPointDto without kind and the ranks.
 */
export class OverviewPointsDto {
  @ApiProperty({ type: [String] }) reportId: string[];
  @ApiProperty({ type: [String] }) unitId: string[];
  @ApiProperty({ type: [String] }) unitName: string[];
  @ApiProperty({ type: [String] }) regionCode: string[];
  @ApiProperty({ type: [String] }) regionName: string[];
  @ApiProperty({ type: 'array', items: { type: 'string', enum: ['province', 'city', 'county'] } }) regionLevel: string[];
  @ApiProperty({ type: 'array', items: { type: 'string', nullable: true } }) parentRegionCode: (string | null)[];
  @ApiProperty({ type: 'array', items: { type: 'string', nullable: true } }) parentRegionName: (string | null)[];
  @ApiProperty({ type: [Number] }) fiscalYear: number[];
  @ApiProperty({ type: [Boolean] }) isSynthetic: boolean[];
  @ApiProperty({ type: 'array', items: { type: 'number', nullable: true }, description: '自评得分' }) scoreTotal: (number | null)[];
  @ApiProperty({ type: 'array', items: { type: 'string', nullable: true, enum: ['优', '良', '中', '差'] }, description: '等级（未写等级的按得分推定）' }) grade: (string | null)[];
  @ApiProperty({ type: [Boolean], description: '等级为按得分推定' }) gradeDerived: boolean[];
  @ApiProperty({ type: 'array', items: { type: 'number', nullable: true }, description: '预算执行率 %' }) executionRate: (number | null)[];
  @ApiProperty({ type: 'array', items: { type: 'number', nullable: true }, description: '预算调整率 %' }) adjustmentRatio: (number | null)[];
  @ApiProperty({ type: 'array', items: { type: 'number', nullable: true }, description: '三公经费控制率 %' }) threePublicControlRate: (number | null)[];
  @ApiProperty({ type: 'array', items: { type: 'number', nullable: true }, description: '项目支出占比 %' }) projectShare: (number | null)[];
  @ApiProperty({ type: 'array', items: { type: 'number', nullable: true }, description: '指标完成率 %' }) indicatorCompletion: (number | null)[];
  @ApiProperty({ type: 'array', items: { type: 'number', nullable: true }, description: '年初预算数（万元）' }) budgetInitial: (number | null)[];
  @ApiProperty({ type: 'array', items: { type: 'number', nullable: true }, description: '全年预算数（万元）' }) budgetAdjusted: (number | null)[];
  @ApiProperty({ type: 'array', items: { type: 'number', nullable: true }, description: '全年执行数（万元）' }) budgetActual: (number | null)[];
  @ApiProperty({ type: [Number] }) warningCount: number[];
  @ApiProperty({ type: 'array', items: { type: 'array', items: { type: 'string', enum: [...PLAUSIBILITY_METRICS] } }, description: '各点超出合理范围（异常）的指标' })
  anomalies: PlausibilityMetric[][];
}

/** One 异常 value: the list behind “已排除 n 个异常值”. */
export class AnomalyDto {
  @ApiProperty({ enum: PLAUSIBILITY_METRICS }) metric: PlausibilityMetric;
  @ApiProperty({ description: '指标名称' }) label: string;
  @ApiProperty() value: number;
  @ApiProperty({ description: '合理范围（文字）' }) band: string;
  @ApiProperty() reportId: string;
  @ApiProperty() unitId: string;
  @ApiProperty() unitName: string;
  @ApiProperty() regionName: string;
  @ApiProperty() fiscalYear: number;
}

export class OverviewDto {
  @ApiProperty({ nullable: true, type: Number }) year: number | null;
  @ApiProperty({ type: [Number] }) availableYears: number[];
  @ApiProperty({ description: '统计是否包含异常值（默认不含）' }) includeImplausible: boolean;
  @ApiProperty({ description: '合理范围设置的版本' }) bandsVersion: string;
  @ApiProperty({ type: OverviewCountsDto }) counts: OverviewCountsDto;
  @ApiProperty({ type: KpiStatsDto, description: '自评得分；默认不含异常值' }) score: KpiStatsDto;
  @ApiProperty({ type: KpiStatsDto, description: '预算执行率 %；默认不含异常值' }) executionRate: KpiStatsDto;
  @ApiProperty({ type: KpiStatsDto, description: '预算调整率 %；默认不含异常值' }) adjustmentRatio: KpiStatsDto;
  @ApiProperty({ type: KpiStatsDto, description: '三公经费控制率 %；默认不含异常值' }) threePublicControlRate: KpiStatsDto;
  @ApiProperty({ type: [OverviewGradeCountDto], description: '等级分布：未写等级而有得分的按得分推定' }) grades: OverviewGradeCountDto[];
  @ApiProperty({ type: [AnomalyDto], description: '所有异常值（单位与数值）' }) anomalies: AnomalyDto[];
  @ApiProperty({ type: [OverviewPointDto] }) top: OverviewPointDto[];
  @ApiProperty({ type: [OverviewPointDto] }) bottom: OverviewPointDto[];
  @ApiProperty({ type: OverviewPointsDto, description: '每个单位一点（按列）：预算执行率 × 预算调整率 散点、得分排名、地图' }) points: OverviewPointsDto;
}
