import { ApiProperty } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min, ValidateIf } from 'class-validator';
import { PAGE_SIZE_DEFAULT, PAGE_SIZE_MAX } from '../../analytics/page.js';
import { NOTE_MAX_LENGTH, RECTIFICATION_STATUSES, type RectificationStatus } from '../rectification-rules.js';

const STATUS_MESSAGE = '必须是 pending（待整改）、in_progress（整改中）或 done（已整改）之一';

/** "true"/"false" of a query string → boolean; anything else stays as it was and fails IsIn. */
const queryBoolean = ({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value);

/** Filters shared by the list, the summary and the export. */
export class RectificationFiltersDto {
  @ApiProperty({ required: false, description: '年度（问题所在报告的年度）；不填为全部年度' })
  @IsOptional() @Type(() => Number) @IsInt({ message: 'year 必须是整数年份' }) @Min(2000, { message: 'year 必须在 2000–2100 之间' }) @Max(2100, { message: 'year 必须在 2000–2100 之间' })
  year?: number;

  @ApiProperty({ required: false, description: '地区代码：含其下级地区' })
  @IsOptional() @Matches(/^\d{6}$/, { message: 'regionCode 必须是 6 位行政区划代码' })
  regionCode?: string;

  @ApiProperty({ required: false, enum: ['province', 'city', 'county'], description: '单位所在地区的层级' })
  @IsOptional() @IsIn(['province', 'city', 'county'], { message: 'level 必须是 province/city/county 之一' })
  level?: 'province' | 'city' | 'county';
}

/** Filters of the list and the export. */
export class RectificationQueryDto extends RectificationFiltersDto {
  @ApiProperty({ required: false, enum: RECTIFICATION_STATUSES, description: '整改状态：pending 待整改，in_progress 整改中，done 已整改' })
  @IsOptional() @IsIn(RECTIFICATION_STATUSES, { message: `status ${STATUS_MESSAGE}` })
  status?: RectificationStatus;

  @ApiProperty({ required: false, type: Boolean, description: 'true 只列次年报告中重复出现的问题，false 只列未重复出现的' })
  @IsOptional() @Transform(queryBoolean) @IsIn([true, false], { message: 'recurring 必须是 true 或 false' })
  recurring?: boolean;

  @ApiProperty({ required: false, type: Boolean, description: 'true 只列已逾期（未完成且已过整改期限）的' })
  @IsOptional() @Transform(queryBoolean) @IsIn([true, false], { message: 'overdue 必须是 true 或 false' })
  overdue?: boolean;
}

export class RectificationListQueryDto extends RectificationQueryDto {
  @ApiProperty({ required: false, description: '页码，从 1 开始', default: 1 })
  @IsOptional() @Type(() => Number) @IsInt({ message: 'page 必须是正整数' }) @Min(1, { message: 'page 必须是正整数' })
  page = 1;

  @ApiProperty({ required: false, description: `每页条数（1–${PAGE_SIZE_MAX}）`, default: PAGE_SIZE_DEFAULT })
  @IsOptional() @Type(() => Number) @IsInt({ message: 'pageSize 必须是整数' }) @Min(1, { message: `pageSize 必须在 1–${PAGE_SIZE_MAX} 之间` }) @Max(PAGE_SIZE_MAX, { message: `pageSize 必须在 1–${PAGE_SIZE_MAX} 之间` })
  pageSize = PAGE_SIZE_DEFAULT;
}

export class RectificationExportQueryDto extends RectificationQueryDto {
  @ApiProperty({ enum: ['csv', 'xlsx'], description: '导出格式' })
  @IsIn(['csv', 'xlsx'], { message: 'format 必须是 csv 或 xlsx' })
  format: 'csv' | 'xlsx';
}

/** What a unit or reviewer changes on an item; every field optional, at least one present. */
export class UpdateRectificationDto {
  @ApiProperty({ required: false, enum: RECTIFICATION_STATUSES, description: '整改状态：pending 待整改，in_progress 整改中，done 已整改' })
  @IsOptional() @IsIn(RECTIFICATION_STATUSES, { message: `status ${STATUS_MESSAGE}` })
  status?: RectificationStatus;

  @ApiProperty({ required: false, nullable: true, type: String, description: `整改情况说明，最多 ${NOTE_MAX_LENGTH} 字；空文本或 null 清除` })
  @ValidateIf((_, v) => v !== null && v !== undefined) @IsString({ message: 'note 必须是文本' }) @MaxLength(NOTE_MAX_LENGTH, { message: `note 最多 ${NOTE_MAX_LENGTH} 个字` })
  note?: string | null;

  @ApiProperty({ required: false, example: '2022-12-31', description: '整改期限，格式 YYYY-MM-DD' })
  @IsOptional() @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'dueDate 必须是 YYYY-MM-DD 格式的日期（如 2022-12-31）' })
  dueDate?: string;
}

export class RectificationEvidenceDto {
  @ApiProperty() fileName: string;
  @ApiProperty({ description: '字节数' }) size: number;
  @ApiProperty() contentType: string;
  @ApiProperty({ description: '上传时间（ISO 8601）' }) uploadedAt: string;
}

/** One 存在的问题 of a confirmed report as a rectification item. */
export class RectificationItemDto {
  @ApiProperty() id: string;
  @ApiProperty() unitId: string;
  @ApiProperty() unitName: string;
  @ApiProperty() regionCode: string;
  @ApiProperty() regionName: string;
  @ApiProperty({ enum: ['province', 'city', 'county'] }) level: string;
  @ApiProperty({ description: '问题所在报告的年度' }) fiscalYear: number;
  @ApiProperty({ description: '问题所在的（当前已确认的）报告' }) reportId: string;
  @ApiProperty({ description: '在“存在的问题”中的序号（从 0 起）' }) position: number;
  @ApiProperty() problemText: string;
  @ApiProperty({ nullable: true, type: Number, description: '问题在原文中的行号；结构化导入的报告为 null' }) sourceLine: number | null;
  @ApiProperty({ nullable: true, type: String, description: '报告针对该问题承诺的改进措施' }) measureText: string | null;
  @ApiProperty({ nullable: true, type: Number }) measureSourceLine: number | null;
  @ApiProperty({ example: '2022-12-31', description: '整改期限（默认为次年 12 月 31 日）' }) dueDate: string;
  @ApiProperty({ enum: RECTIFICATION_STATUSES }) status: RectificationStatus;
  @ApiProperty({ nullable: true, type: String }) note: string | null;
  @ApiProperty({ nullable: true, type: RectificationEvidenceDto }) evidence: RectificationEvidenceDto | null;
  @ApiProperty({ description: '自问题确认以来的天数（北京时间）' }) ageDays: number;
  @ApiProperty({ description: '未完成且已过整改期限' }) overdue: boolean;
  @ApiProperty({ nullable: true, type: String, description: '本单位次年已确认的报告' }) followUpReportId: string | null;
  @ApiProperty({ nullable: true, type: Number }) followUpYear: number | null;
  @ApiProperty({ description: '次年报告的“存在的问题”中重复出现（相似度不低于文字雷同阈值）' }) recurring: boolean;
  @ApiProperty({ nullable: true, type: Number, description: '与次年最相似问题的相似度（%），两位小数' }) recurringSimilarity: number | null;
  @ApiProperty({ nullable: true, type: String }) recurringText: string | null;
  @ApiProperty({ nullable: true, type: Number }) recurringSourceLine: number | null;
  @ApiProperty() updatedAt: string;
}

export class RectificationListDto {
  @ApiProperty() total: number;
  @ApiProperty() page: number;
  @ApiProperty() pageSize: number;
  @ApiProperty({ type: [RectificationItemDto], description: '逾期的在前，再按确认时间从早到晚' }) items: RectificationItemDto[];
}

export class RectificationSummaryRowDto {
  @ApiProperty() regionCode: string;
  @ApiProperty() regionName: string;
  @ApiProperty() total: number;
  @ApiProperty() pending: number;
  @ApiProperty() inProgress: number;
  @ApiProperty() done: number;
  @ApiProperty({ description: '未完成（待整改 + 整改中）' }) open: number;
  @ApiProperty() overdue: number;
  @ApiProperty() recurring: number;
  @ApiProperty({ description: '未完成、已 0–90 天' }) age0to90: number;
  @ApiProperty({ description: '未完成、已 91–180 天' }) age91to180: number;
  @ApiProperty({ description: '未完成、已 181–365 天' }) age181to365: number;
  @ApiProperty({ description: '未完成、超过 365 天' }) ageOver365: number;
}

export class RectificationSummaryDto {
  @ApiProperty({ type: [RectificationSummaryRowDto] }) rows: RectificationSummaryRowDto[];
}
