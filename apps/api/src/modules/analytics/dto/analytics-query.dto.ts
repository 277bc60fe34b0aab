import { ApiProperty } from '@nestjs/swagger';
import { METRIC_KEYS, type MetricKey } from '@hunan-perf/metrics';
import { Transform, Type } from 'class-transformer';
import { PAGE_SIZE_DEFAULT, PAGE_SIZE_MAX } from '../page.js';
import { ArrayMaxSize, IsArray, IsBoolean, IsIn, IsInt, IsOptional, IsUUID, Matches, Max, Min } from 'class-validator';

const list = ({ value }: { value: unknown }) =>
  typeof value === 'string' ? value.split(',').map((v) => v.trim()).filter(Boolean) : value;
const numbers = ({ value }: { value: unknown }) =>
  typeof value === 'string' ? value.split(',').map((v) => v.trim()).filter(Boolean).map(Number) : value;
const bool = ({ value }: { value: unknown }) => (value === 'true' || value === '1' ? true : value === 'false' || value === '0' ? false : value);

/** Filters every analytics endpoint understands. */
export class AnalyticsQueryDto {
  @ApiProperty({ required: false, description: '年度' })
  @IsOptional() @Type(() => Number) @IsInt({ message: 'year 必须是整数年份' }) @Min(2000) @Max(2100)
  year?: number;

  @ApiProperty({ required: false, description: '多个年度，逗号分隔（趋势）', type: String })
  @IsOptional() @Transform(numbers) @IsArray() @ArrayMaxSize(50) @IsInt({ each: true, message: 'years 必须是逗号分隔的年份' }) @Min(2000, { each: true }) @Max(2100, { each: true })
  years?: number[];

  @ApiProperty({ required: false, description: '地区代码：含其下级地区' })
  @IsOptional() @Matches(/^\d{6}$/, { message: 'regionCode 必须是 6 位行政区划代码' })
  regionCode?: string;

  @ApiProperty({ required: false, description: '多个地区代码，逗号分隔（趋势按地区）', type: String })
  @IsOptional() @Transform(list) @IsArray() @ArrayMaxSize(50) @Matches(/^\d{6}$/, { each: true, message: 'regionCodes 必须是逗号分隔的 6 位行政区划代码' })
  regionCodes?: string[];

  @ApiProperty({ required: false, enum: ['city', 'county'], description: '单位所在地区的层级' })
  @IsOptional() @IsIn(['province', 'city', 'county'], { message: 'level 必须是 province/city/county 之一' })
  level?: 'province' | 'city' | 'county';

  @ApiProperty({ required: false, description: '单位编号，逗号分隔', type: String })
  @IsOptional() @Transform(list) @IsArray() @ArrayMaxSize(200) @IsUUID('all', { each: true, message: 'unitIds 必须是逗号分隔的单位编号' })
  unitIds?: string[];

  @ApiProperty({ required: false, enum: ['department_overall', 'project'], default: 'department_overall' })
  @IsOptional() @IsIn(['department_overall', 'project'], { message: 'kind 必须是 department_overall 或 project' })
  kind: 'department_overall' | 'project' = 'department_overall';

  @ApiProperty({ required: false, description: '包含合成（演示）数据', default: false })
  @IsOptional() @Transform(bool) @IsBoolean({ message: 'includeSynthetic 必须是 true 或 false' })
  includeSynthetic = false;

  @ApiProperty({ required: false, description: '指标，逗号分隔', type: String })
  @IsOptional() @Transform(list) @IsArray() @IsIn(METRIC_KEYS, { each: true, message: `metrics 只能是 ${METRIC_KEYS.join('/')}` })
  metrics?: MetricKey[];

  @ApiProperty({ required: false, enum: METRIC_KEYS })
  @IsOptional() @IsIn(METRIC_KEYS, { message: `metric 必须是 ${METRIC_KEYS.join('/')} 之一` })
  metric?: MetricKey;

  @ApiProperty({ required: false, enum: ['met', 'unmet', 'qualitative', 'unknown'], description: '只列出该状态的指标行' })
  @IsOptional() @IsIn(['met', 'unmet', 'qualitative', 'unknown'])
  status?: 'met' | 'unmet' | 'qualitative' | 'unknown';

  @ApiProperty({ required: false, description: '统计包含超出合理范围的异常值（默认不含）', default: false })
  @IsOptional() @Transform(bool) @IsBoolean({ message: 'includeImplausible 必须是 true 或 false' })
  includeImplausible = false;

  @ApiProperty({ required: false, description: '页码（排名、自评复核的单位列表；问题分析各主题的涉及单位），从 1 开始；导出不分页', default: 1 })
  @IsOptional() @Type(() => Number) @IsInt({ message: 'page 必须是正整数' }) @Min(1, { message: 'page 必须是正整数' })
  page = 1;

  @ApiProperty({ required: false, description: `每页条数（1–${PAGE_SIZE_MAX}）`, default: PAGE_SIZE_DEFAULT })
  @IsOptional() @Type(() => Number) @IsInt({ message: 'pageSize 必须是整数' }) @Min(1, { message: `pageSize 必须在 1–${PAGE_SIZE_MAX} 之间` }) @Max(PAGE_SIZE_MAX, { message: `pageSize 必须在 1–${PAGE_SIZE_MAX} 之间` })
  pageSize = PAGE_SIZE_DEFAULT;

  @ApiProperty({ required: false, description: '自评复核：只列自评偏高的', default: false })
  @IsOptional() @Transform(bool) @IsBoolean({ message: 'flagged 必须是 true 或 false' })
  flagged = false;

  @ApiProperty({ required: false, description: '自评复核：只列需关注的（自评偏高、预警、超预算执行或异常值）', default: false })
  @IsOptional() @Transform(bool) @IsBoolean({ message: 'attention 必须是 true 或 false' })
  attention = false;

  @ApiProperty({ required: false, enum: ['json', 'csv', 'xlsx'], default: 'json' })
  @IsOptional() @IsIn(['json', 'csv', 'xlsx'], { message: 'format 必须是 json/csv/xlsx 之一' })
  format: 'json' | 'csv' | 'xlsx' = 'json';

  @ApiProperty({ required: false, description: 'CSV 附带 manifest.json（zip）' })
  @IsOptional() @Transform(bool) @IsBoolean()
  manifest = false;
}
