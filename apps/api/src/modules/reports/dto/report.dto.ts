import { ApiProperty } from '@nestjs/swagger';
import { WAITING_FOR, type WaitingFor } from '@hunan-perf/contracts';
import { QUALITY_FLAG_CODES, type QualityFlagCode } from '@hunan-perf/metrics';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize, ArrayMinSize, IsArray, IsBoolean, IsIn, IsInt, IsOptional, IsString, IsUUID, Length, Matches, Max, Min,
  ValidateNested,
} from 'class-validator';
import { REPORT_STATUSES, type ReportStatus } from '../report-status.js';

const toBool = ({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value);

/**
 * Orders of the review queue. needs_human (the default): open reports (waiting for someone) first, the
 * least-covered first (unknown coverage before any), then the most warnings, then the newest;
 * settled versions (confirmed, superseded, withdrawn) after them, newest first. updated: newest first.
 * coverage_asc / coverage_desc: by coverage percent (unknown coverage first / last), then newest.
 */
export const REPORT_SORTS = ['needs_human', 'updated', 'coverage_asc', 'coverage_desc'] as const;
export type ReportSort = (typeof REPORT_SORTS)[number];

export class ListReportsQueryDto {
  @ApiProperty({ required: false }) @IsOptional() @Type(() => Number) @IsInt() @Min(2000) @Max(2100)
  year?: number;

  @ApiProperty({ required: false, description: '地区代码：含其下级地区' }) @IsOptional() @Matches(/^\d{6}$/, { message: 'regionCode 必须是 6 位行政区划代码' })
  regionCode?: string;

  @ApiProperty({ required: false }) @IsOptional() @IsUUID('all', { message: 'unitId 格式不正确' })
  unitId?: string;

  @ApiProperty({ required: false, enum: REPORT_STATUSES }) @IsOptional() @IsIn(REPORT_STATUSES, { message: `status 必须是 ${REPORT_STATUSES.join('/')} 之一` })
  status?: ReportStatus;

  @ApiProperty({ required: false, enum: WAITING_FOR, description: '待谁处理：submitter 提交单位（草稿、已退回），reviewer 审核人员（待审核、单位待识别）' })
  @IsOptional() @IsIn(WAITING_FOR, { message: `waitingFor 必须是 ${WAITING_FOR.join('/')} 之一` })
  waitingFor?: WaitingFor;

  @ApiProperty({ required: false, enum: ['department_overall', 'project'] }) @IsOptional() @IsIn(['department_overall', 'project'])
  kind?: string;

  @ApiProperty({ required: false, description: 'true：只看有警告的；false：只看无警告的' }) @IsOptional() @Transform(toBool) @IsBoolean()
  hasWarnings?: boolean;

  @ApiProperty({ required: false, description: '包含合成（演示）数据' }) @IsOptional() @Transform(toBool) @IsBoolean()
  includeSynthetic?: boolean;

  @ApiProperty({ required: false, enum: QUALITY_FLAG_CODES, description: '只看有该项自评质量提示的' })
  @IsOptional() @IsIn(QUALITY_FLAG_CODES, { message: `qualityFlag 必须是 ${QUALITY_FLAG_CODES.join('/')} 之一` })
  qualityFlag?: QualityFlagCode;

  @ApiProperty({ required: false, description: '单位名称关键字' }) @IsOptional() @IsString() @Length(1, 100)
  q?: string;

  @ApiProperty({
    required: false, enum: REPORT_SORTS, default: 'needs_human',
    description: '排序：needs_human（默认，待审核的在前，覆盖率低的、警告多的优先）、updated（最近更新在前）、coverage_asc / coverage_desc（按覆盖率）',
  })
  @IsOptional() @IsIn(REPORT_SORTS, { message: `sort 必须是 ${REPORT_SORTS.join('/')} 之一` })
  sort: ReportSort = 'needs_human';

  @ApiProperty({ required: false, default: 50 }) @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(500)
  limit = 50;

  @ApiProperty({ required: false, default: 0 }) @IsOptional() @Type(() => Number) @IsInt() @Min(0)
  offset = 0;
}

export class ReportListItemDto {
  @ApiProperty() id: string;
  @ApiProperty({ nullable: true, type: String }) unitId: string | null;
  @ApiProperty({ nullable: true, type: String, description: '登记的单位名称；未识别时为报告中的写法' }) unitName: string | null;
  @ApiProperty({ nullable: true, type: String }) regionCode: string | null;
  @ApiProperty({ nullable: true, type: String }) regionName: string | null;
  @ApiProperty({ nullable: true, type: Number }) fiscalYear: number | null;
  @ApiProperty() kind: string;
  @ApiProperty() version: number;
  @ApiProperty({ enum: REPORT_STATUSES }) status: ReportStatus;
  @ApiProperty({ enum: WAITING_FOR, nullable: true, type: String, description: '待谁处理；null 无需处理' }) waitingFor: WaitingFor | null;
  @ApiProperty({ nullable: true, type: Number }) scoreTotal: number | null;
  @ApiProperty({ nullable: true, type: String }) grade: string | null;
  @ApiProperty() warningCount: number;
  @ApiProperty({ description: '自评质量提示项数' }) qualityFlagCount: number;
  @ApiProperty({ enum: QUALITY_FLAG_CODES, isArray: true, description: '自评质量提示代码' }) qualityFlags: QualityFlagCode[];
  @ApiProperty({ nullable: true, type: Number, description: '覆盖率（0–100，%）：识别出的字段与指标单元格所占比例；未知为 null' })
  coveragePercent: number | null;
  @ApiProperty() isSynthetic: boolean;
  @ApiProperty({ nullable: true, type: String }) fileName: string | null;
  @ApiProperty() createdAt: string;
  @ApiProperty() updatedAt: string;
}

export class ReportListDto {
  @ApiProperty({ type: [ReportListItemDto] }) items: ReportListItemDto[];
  @ApiProperty() total: number;
}

export class FieldEditDto {
  @ApiProperty({ example: 'budget.total.initial', description: '字段路径（点分）' })
  @IsString() @Length(1, 200)
  path: string;

  @ApiProperty({ description: '新值（与 ReportDocument 中该字段的类型一致；未知为 null）', nullable: true })
  @IsOptional()
  value: unknown;
}

export class EditReportDto {
  @ApiProperty({ description: '修改原因（必填，记入审计日志）' })
  @Transform(({ value }) => (typeof value === 'string' ? value.trim() : value))
  @IsString({ message: '必须是文本' }) @Length(2, 1000, { message: '必填，2–1000 个字符' })
  reason: string;

  @ApiProperty({ type: [FieldEditDto] })
  @IsArray() @ArrayMinSize(1, { message: '至少包含一项修改' }) @ArrayMaxSize(500) @ValidateNested({ each: true }) @Type(() => FieldEditDto)
  edits: FieldEditDto[];
}

export class NewUnitDto {
  @ApiProperty() @IsString() @Length(2, 100) name: string;
  @ApiProperty() @Matches(/^\d{6}$/, { message: 'regionCode 必须是 6 位行政区划代码' }) regionCode: string;
  @ApiProperty({ required: false, type: [String] }) @IsOptional() @IsArray() @IsString({ each: true }) @Length(2, 100, { each: true }) aliases?: string[];
}

export class ResolveUnitDto {
  @ApiProperty({ required: false, description: '选择已有单位' }) @IsOptional() @IsUUID('all', { message: 'unitId 格式不正确' })
  unitId?: string;

  @ApiProperty({ required: false, type: NewUnitDto, description: '或新建单位' }) @IsOptional() @ValidateNested() @Type(() => NewUnitDto)
  newUnit?: NewUnitDto;

  @ApiProperty({ required: false, description: '把报告中的单位名称存为该单位的别名' }) @IsOptional() @IsBoolean()
  saveAlias?: boolean;
}
