import { ApiProperty } from '@nestjs/swagger';
import { PagedDto } from './analytics-responses.dto.js';
import { PLAUSIBILITY_METRICS, type PlausibilityMetric } from '@hunan-perf/metrics';

export class RecheckItemDto {
  @ApiProperty() rule: string;
  @ApiProperty() label: string;
  @ApiProperty({ nullable: true, type: Number, description: '计算依据（比率 %）' }) basis: number | null;
  @ApiProperty({ nullable: true, type: Number, description: '该项分值' }) weight: number | null;
  @ApiProperty({ nullable: true, type: Number, description: '单位自评得分' }) selfPoints: number | null;
  @ApiProperty({ nullable: true, type: Number, description: '按规则复核得分' }) recomputedPoints: number | null;
  @ApiProperty({ nullable: true, type: Number, description: '自评 − 复核' }) difference: number | null;
}

/** Spending above the budget it is measured against (全年预算数, else 年初预算数). */
export class OverExecutionDto {
  @ApiProperty({ enum: ['total', 'basic', 'project'] }) line: 'total' | 'basic' | 'project';
  @ApiProperty({ description: '部门整体支出 / 基本支出 / 项目支出' }) label: string;
  @ApiProperty({ enum: ['adjusted', 'initial'], description: '对照的预算：全年预算数，没有时为年初预算数' }) against: 'adjusted' | 'initial';
  @ApiProperty({ description: '对照的预算数（万元）' }) budget: number;
  @ApiProperty({ description: '执行数（万元）' }) actual: number;
  @ApiProperty({ description: '超出金额（万元）' }) excess: number;
}

/** A rate or score outside its plausibility band (异常). */
export class RecheckAnomalyDto {
  @ApiProperty({ enum: PLAUSIBILITY_METRICS }) metric: PlausibilityMetric;
  @ApiProperty() label: string;
  @ApiProperty() value: number;
  @ApiProperty({ description: '合理范围（文字）' }) band: string;
}

export class RecheckRowDto {
  @ApiProperty() reportId: string;
  @ApiProperty() unitId: string;
  @ApiProperty() unitName: string;
  @ApiProperty() regionName: string;
  @ApiProperty({ nullable: true, type: Number }) selfScore: number | null;
  @ApiProperty({ type: [RecheckItemDto] }) items: RecheckItemDto[];
  @ApiProperty({ description: '任一规则自评得分高于复核得分 1 分及以上' }) flagged: boolean;
  @ApiProperty({ nullable: true, type: Number, description: '指标得分率 Σ得分 ÷ Σ分值 × 100' }) indicatorScoreRatio: number | null;
  @ApiProperty({ nullable: true, type: Number }) executionRate: number | null;
  @ApiProperty({ nullable: true, type: String, enum: ['red', 'yellow'], description: '预警：红（得分率高于执行率 5 个百分点以上）、黄（执行率低于 80% 或预算为 0）' }) warning: 'red' | 'yellow' | null;
  @ApiProperty({ type: [OverExecutionDto], description: '超预算执行：执行数高于对照的预算数' }) overExecution: OverExecutionDto[];
  @ApiProperty({ type: [RecheckAnomalyDto], description: '超出合理范围（异常）的比率或得分' }) anomalies: RecheckAnomalyDto[];
  @ApiProperty({ description: '需关注：自评偏高、有预警、超预算执行或有异常值' }) attention: boolean;
}

export class RecheckDto extends PagedDto {
  @ApiProperty({ nullable: true, type: Number }) year: number | null;
  @ApiProperty() rulesVersion: string;
  @ApiProperty({ description: '合理范围设置的版本' }) bandsVersion: string;
  @ApiProperty({ type: [RecheckRowDto], description: '本页的行（flagged/attention 筛选后）' }) rows: RecheckRowDto[];
}
