import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsNumber, IsOptional, IsString, IsUUID, Length, Max, Min, ValidateIf, ValidateNested } from 'class-validator';
import { GAP_MARGIN_MAX, GAP_MARGIN_MIN } from '../spot-check-settings.js';

const nullable = () => ValidateIf((_, v) => v !== null && v !== undefined);

export class SampleSizeDto {
  @ApiProperty({ enum: ['count', 'percent'], description: '按数量（count）或按比例（percent，%）抽样' })
  @IsIn(['count', 'percent'], { message: 'size.kind 必须是 count 或 percent' })
  kind: 'count' | 'percent';

  @ApiProperty({ description: '抽样数量（不小于 1 的整数）或比例（大于 0 且不超过 100）' })
  @IsNumber({ allowNaN: false, allowInfinity: false }, { message: 'size.value 必须是数字' })
  value: number;
}

/** Parameters of a 抽查 draw. */
export class DrawSpotCheckDto {
  @ApiProperty({ type: SampleSizeDto })
  @ValidateNested() @Type(() => SampleSizeDto)
  size: SampleSizeDto;

  @ApiProperty({ description: '随机种子：同一种子、同一批已确认报告抽出的样本相同（1–100 个字符）' })
  @IsString({ message: 'seed 必须是文本' }) @Length(1, 100, { message: 'seed 须为 1–100 个字符' })
  seed: string;

  @ApiProperty({ type: [String], required: false, description: '必须抽中的单位编号' })
  @IsOptional() @IsArray({ message: 'mustIncludeUnitIds 必须是列表' }) @ArrayMaxSize(500, { message: 'mustIncludeUnitIds 最多 500 项' })
  @IsUUID('all', { each: true, message: 'mustIncludeUnitIds 中的单位编号格式不正确' })
  mustIncludeUnitIds: string[] = [];
}

export class DrawResultDto {
  @ApiProperty() sampleId: string;
  @ApiProperty({ description: '该年度样本的版本号（重新抽样加 1）' }) version: number;
  @ApiProperty({ description: '目标样本量' }) target: number;
  @ApiProperty({ description: '抽中的报告数' }) sampled: number;
}

export class AssignReviewerDto {
  @ApiProperty({ description: '复核人账号编号（分析员或管理员）' })
  @IsString({ message: 'reviewerId 必须是文本' })
  reviewerId: string;
}

export class ReviewRowDto {
  @ApiProperty({ enum: ['indicator', 'breakdown'], description: '绩效指标行（indicator）或评分明细行（breakdown）' })
  @IsIn(['indicator', 'breakdown'], { message: 'rows.kind 必须是 indicator 或 breakdown' })
  kind: 'indicator' | 'breakdown';

  @ApiProperty({ description: '行在报告中的序号（从 0 起）' })
  @IsNumber({ allowNaN: false, allowInfinity: false }, { message: 'rows.position 必须是整数' })
  position: number;

  @ApiProperty({ description: '复核分' })
  @IsNumber({ allowNaN: false, allowInfinity: false }, { message: 'rows.score 必须是数字' }) @Min(0, { message: 'rows.score 不能小于 0' }) @Max(1000, { message: 'rows.score 不能大于 1000' })
  score: number;

  @ApiProperty({ required: false, nullable: true, type: String, description: '理由：复核分与自评分不同时必填' })
  @IsOptional() @nullable() @IsString({ message: 'rows.reason 必须是文本' }) @Length(0, 1000, { message: 'rows.reason 最多 1000 个字符' })
  reason?: string | null;
}

/** 复核 scores of one sampled report. */
export class ReviewSpotCheckDto {
  @ApiProperty({ type: [ReviewRowDto], description: '逐行复核分' })
  @IsArray({ message: 'rows 必须是列表' }) @ArrayMaxSize(500, { message: 'rows 最多 500 项' }) @ValidateNested({ each: true }) @Type(() => ReviewRowDto)
  rows: ReviewRowDto[];

  @ApiProperty({ nullable: true, type: Number, description: '复核总分；null 为尚未给出' })
  @nullable() @IsNumber({ allowNaN: false, allowInfinity: false }, { message: 'total 必须是数字' }) @Min(0, { message: 'total 不能小于 0' }) @Max(1000, { message: 'total 不能大于 1000' })
  total: number | null;

  @ApiProperty({ required: false, nullable: true, type: String, description: '复核总分与自评总分不同时的理由' })
  @IsOptional() @nullable() @IsString({ message: 'totalReason 必须是文本' }) @Length(0, 1000, { message: 'totalReason 最多 1000 个字符' })
  totalReason?: string | null;
}

export class ReopenSpotCheckDto {
  @ApiProperty({ description: '退回理由（必填）' })
  @IsString({ message: 'reason 必须是文本' }) @Length(1, 1000, { message: 'reason 须为 1–1000 个字符' })
  reason: string;
}

export class SpotCheckFormatDto {
  @ApiProperty({ required: false, enum: ['json', 'csv', 'xlsx'], default: 'json' })
  @IsOptional() @IsIn(['json', 'csv', 'xlsx'], { message: 'format 必须是 json/csv/xlsx 之一' })
  format: 'json' | 'csv' | 'xlsx' = 'json';
}

export class SpotCheckSettingsDto {
  @ApiProperty({ description: `差距阈值（分）：自评总分高于复核总分超过此值即标记；${GAP_MARGIN_MIN}–${GAP_MARGIN_MAX}` })
  @Type(() => Number)
  @IsNumber({ allowNaN: false, allowInfinity: false, maxDecimalPlaces: 2 }, { message: 'gapMargin 必须是数字（最多两位小数）' })
  @Min(GAP_MARGIN_MIN, { message: `gapMargin 不能小于 ${GAP_MARGIN_MIN}` })
  @Max(GAP_MARGIN_MAX, { message: `gapMargin 不能大于 ${GAP_MARGIN_MAX}` })
  gapMargin: number;
}

export class StratumDto {
  @ApiProperty() key: string;
  @ApiProperty() regionCode: string;
  @ApiProperty() level: string;
  @ApiProperty({ description: '该层已确认报告数' }) population: number;
  @ApiProperty({ description: '该层抽中数' }) allocated: number;
}

export class SpotCheckItemDto {
  @ApiProperty() id: string;
  @ApiProperty() reportId: string;
  @ApiProperty() unitId: string;
  @ApiProperty() unitName: string;
  @ApiProperty() regionCode: string;
  @ApiProperty() regionName: string;
  @ApiProperty({ description: '层级代码（province / city / county）' }) level: string;
  @ApiProperty({ description: '层级：省级 / 市级 / 县级' }) levelLabel: string;
  @ApiProperty({ description: '必须抽中的单位' }) mustInclude: boolean;
  @ApiProperty({ nullable: true, type: String }) reviewerId: string | null;
  @ApiProperty({ nullable: true, type: String }) reviewerName: string | null;
  @ApiProperty({ enum: ['unassigned', 'assigned', 'submitted'] }) status: 'unassigned' | 'assigned' | 'submitted';
  @ApiProperty({ description: '未指派 / 待复核 / 已提交' }) statusLabel: string;
  @ApiProperty({ nullable: true, type: Number, description: '自评总分' }) selfTotal: number | null;
  @ApiProperty({ nullable: true, type: Number, description: '复核总分' }) reviewTotal: number | null;
  @ApiProperty({ nullable: true, type: String }) totalReason: string | null;
  @ApiProperty({ nullable: true, type: Number, description: '自评 − 复核，两位小数；任一缺失为 null' }) gap: number | null;
  @ApiProperty({ description: '自评高于复核超过差距阈值' }) flagged: boolean;
}

export class SpotCheckSampleDto {
  @ApiProperty() fiscalYear: number;
  @ApiProperty() sampleId: string;
  @ApiProperty() version: number;
  @ApiProperty({ type: SampleSizeDto }) size: SampleSizeDto;
  @ApiProperty() seed: string;
  @ApiProperty({ type: [String] }) mustIncludeUnitIds: string[];
  @ApiProperty() target: number;
  @ApiProperty() createdAt: string;
  @ApiProperty({ description: '所用的差距阈值（分）' }) gapMargin: number;
  @ApiProperty({ type: [StratumDto] }) strata: StratumDto[];
  @ApiProperty({ type: [SpotCheckItemDto], description: '抽中的报告；填报人只看到本地区单位的' }) items: SpotCheckItemDto[];
}

export class RegionGapDto {
  @ApiProperty() regionCode: string;
  @ApiProperty() regionName: string;
  @ApiProperty({ description: '已有复核总分的单位数' }) reviewed: number;
  @ApiProperty({ description: '被标记的单位数' }) flagged: number;
  @ApiProperty({ nullable: true, type: Number, description: '平均差距（自评 − 复核）' }) meanGap: number | null;
  @ApiProperty({ nullable: true, type: Number, description: '最大差距' }) maxGap: number | null;
}

export class SpotCheckGapsDto {
  @ApiProperty() fiscalYear: number;
  @ApiProperty() version: number;
  @ApiProperty({ description: '所用的差距阈值（分）' }) gapMargin: number;
  @ApiProperty({ type: [RegionGapDto] }) regions: RegionGapDto[];
  @ApiProperty({ type: [SpotCheckItemDto], description: '被标记的单位' }) flagged: SpotCheckItemDto[];
}
