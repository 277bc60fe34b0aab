import { ApiProperty } from '@nestjs/swagger';
import { GRADES, type Grade } from '@hunan-perf/contracts';
import { QUALITY_FLAG_CODES, type QualityFlagCode } from '@hunan-perf/metrics';

export class QualityFlagCountDto {
  @ApiProperty({ enum: QUALITY_FLAG_CODES }) code: QualityFlagCode;
  @ApiProperty({ description: '出现该提示的报告数' }) count: number;
  @ApiProperty({ nullable: true, type: Number, description: '占报告数的比例（%）' }) share: number | null;
}

export class QualityRegionDto {
  @ApiProperty({ nullable: true, type: String, description: '地区代码；合计行为 null' }) regionCode: string | null;
  @ApiProperty() regionName: string;
  @ApiProperty({ description: '当前已确认报告数' }) reports: number;
  @ApiProperty({ description: '至少有一项提示的报告数' }) flagged: number;
  @ApiProperty({ nullable: true, type: Number, description: '有提示的报告占比（%）' }) flaggedShare: number | null;
  @ApiProperty({ type: [QualityFlagCountDto] }) counts: QualityFlagCountDto[];
}

export class QualityFlagTitleDto {
  @ApiProperty({ enum: QUALITY_FLAG_CODES }) code: QualityFlagCode;
  @ApiProperty() title: string;
  @ApiProperty() description: string;
}

export class QualitySummaryDto {
  @ApiProperty({ nullable: true, type: Number }) year: number | null;
  @ApiProperty() thresholdsVersion: string;
  @ApiProperty({ type: [QualityFlagTitleDto] }) flags: QualityFlagTitleDto[];
  @ApiProperty({ type: [QualityRegionDto], description: '按单位所在地区，每个地区一行' }) regions: QualityRegionDto[];
  @ApiProperty({ type: QualityRegionDto, description: '合计' }) total: QualityRegionDto;
}

export class ResultsApplicationRowDto {
  @ApiProperty() reportId: string;
  @ApiProperty() unitId: string;
  @ApiProperty() unitName: string;
  @ApiProperty() regionCode: string;
  @ApiProperty() regionName: string;
  @ApiProperty() regionLevel: string;
  @ApiProperty() fiscalYear: number;
  @ApiProperty({ nullable: true, enum: GRADES, description: '等级（未写等级的按得分推定）' }) grade: Grade | null;
  @ApiProperty({ description: '等级按得分推定' }) gradeDerived: boolean;
  @ApiProperty({ nullable: true, type: Number, description: '自评得分' }) scoreTotal: number | null;
  @ApiProperty({ nullable: true, type: Number, description: '当年年初预算数（万元）' }) budgetInitial: number | null;
  @ApiProperty({ description: '次年有当前已确认报告' }) hasNextYear: boolean;
  @ApiProperty({ nullable: true, type: Number, description: '次年年初预算数（万元）' }) nextBudgetInitial: number | null;
  @ApiProperty({ nullable: true, type: Number, description: '年初预算变动（万元）：次年 − 当年' }) changeAmount: number | null;
  @ApiProperty({ nullable: true, type: Number, description: '年初预算变动率（%）' }) changePercent: number | null;
  @ApiProperty({ nullable: true, enum: ['grew', 'shrank', 'unchanged'], description: '增加 / 减少 / 持平' }) direction: 'grew' | 'shrank' | 'unchanged' | null;
}

export class ResultsGradeSummaryDto {
  @ApiProperty({ enum: GRADES }) grade: Grade;
  @ApiProperty({ description: '两年年初预算数都有的单位数' }) units: number;
  @ApiProperty() grew: number;
  @ApiProperty() shrank: number;
  @ApiProperty() unchanged: number;
  @ApiProperty({ nullable: true, type: Number, description: '增加的单位占比（%）' }) shareGrew: number | null;
  @ApiProperty({ nullable: true, type: Number, description: '减少的单位占比（%）' }) shareShrank: number | null;
  @ApiProperty({ nullable: true, type: Number, description: '持平的单位占比（%）' }) shareUnchanged: number | null;
}

export class ResultsApplicationDto {
  @ApiProperty({ nullable: true, type: Number, description: '评价年度' }) year: number | null;
  @ApiProperty({ nullable: true, type: Number, description: '对照的次年' }) nextYear: number | null;
  @ApiProperty({ description: '页码（从 1 起）；导出时为 1' }) page: number;
  @ApiProperty({ description: '每页单位数；导出时为全部单位数' }) pageSize: number;
  @ApiProperty({ description: '范围内的单位数（各页合计）' }) total: number;
  @ApiProperty({ type: [ResultsApplicationRowDto], description: '本页的单位，按地区、名称排序' }) rows: ResultsApplicationRowDto[];
  @ApiProperty({ type: [ResultsGradeSummaryDto], description: '按等级：预算增加、减少、持平的单位数与占比（范围内全部单位，不分页）' }) grades: ResultsGradeSummaryDto[];
}
