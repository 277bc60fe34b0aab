import { ApiProperty } from '@nestjs/swagger';
import { METRIC_KEYS, type MetricKey } from '@hunan-perf/metrics';
import { UnitMetricRowDto } from './unit-metric-row.dto.js';

export class CountsDto {
  @ApiProperty() reports: number;
  @ApiProperty() units: number;
  @ApiProperty() regions: number;
  @ApiProperty() withWarnings: number;
}

export class StatsDto {
  @ApiProperty({ nullable: true, type: Number }) mean: number | null;
  @ApiProperty({ nullable: true, type: Number }) median: number | null;
}

export class ScoreStatsDto extends StatsDto {
  @ApiProperty({ nullable: true, type: Number }) min: number | null;
  @ApiProperty({ nullable: true, type: Number }) max: number | null;
}

export class GradeCountDto {
  @ApiProperty({ enum: ['优', '良', '中', '差', '未评级'] }) grade: string;
  @ApiProperty() count: number;
}

export class OverviewDto {
  @ApiProperty({ nullable: true, type: Number }) year: number | null;
  @ApiProperty({ type: [Number] }) availableYears: number[];
  @ApiProperty({ type: CountsDto }) counts: CountsDto;
  @ApiProperty({ type: ScoreStatsDto }) score: ScoreStatsDto;
  @ApiProperty({ type: [GradeCountDto] }) grades: GradeCountDto[];
  @ApiProperty({ type: StatsDto }) executionRate: StatsDto;
  @ApiProperty({ type: StatsDto }) adjustmentRatio: StatsDto;
  @ApiProperty({ type: [UnitMetricRowDto] }) top: UnitMetricRowDto[];
  @ApiProperty({ type: [UnitMetricRowDto] }) bottom: UnitMetricRowDto[];
  @ApiProperty({ type: [UnitMetricRowDto], description: '每个单位一点：预算执行率 × 预算调整率 散点' }) points: UnitMetricRowDto[];
}

export class Level1RateDto {
  @ApiProperty() unitId: string;
  @ApiProperty() level1: string;
  @ApiProperty() weight: number;
  @ApiProperty() score: number;
  @ApiProperty({ nullable: true, type: Number }) scoreRate: number | null;
}

export class CompareDto {
  @ApiProperty({ nullable: true, type: Number }) year: number | null;
  @ApiProperty({ enum: METRIC_KEYS, isArray: true }) metrics: MetricKey[];
  @ApiProperty({ type: [UnitMetricRowDto] }) rows: UnitMetricRowDto[];
  @ApiProperty({ type: [Level1RateDto], description: '一级指标得分率（雷达图）' }) level1Rates: Level1RateDto[];
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
}

export class RankedRowDto extends UnitMetricRowDto {
  @ApiProperty() rank: number;
  @ApiProperty({ nullable: true, type: Number }) value: number | null;
}

export class RankingsDto {
  @ApiProperty({ nullable: true, type: Number }) year: number | null;
  @ApiProperty({ enum: METRIC_KEYS }) metric: MetricKey;
  @ApiProperty({ type: [RankedRowDto] }) rows: RankedRowDto[];
}
