import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, Matches, Max, Min } from 'class-validator';
import { PAGE_SIZE_DEFAULT, PAGE_SIZE_MAX } from '../../analytics/page.js';
import { PARAGRAPH_SECTIONS, type ParagraphSection, REUSE_RELATIONS, SECTION_LABELS, SECTION_LIST, type ReuseRelation, THRESHOLD_MAX, THRESHOLD_MIN } from '../text-reuse-rules.js';

/** Filters of the copied-text list. */
export class TextReuseQueryDto {
  @ApiProperty({ required: false, description: '年度（所列段落所在报告的年度）；不填为全部年度' })
  @IsOptional() @Type(() => Number) @IsInt({ message: 'year 必须是整数年份' }) @Min(2000, { message: 'year 必须在 2000–2100 之间' }) @Max(2100, { message: 'year 必须在 2000–2100 之间' })
  year?: number;

  @ApiProperty({ required: false, description: '地区代码：含其下级地区' })
  @IsOptional() @Matches(/^\d{6}$/, { message: 'regionCode 必须是 6 位行政区划代码' })
  regionCode?: string;

  @ApiProperty({ required: false, enum: ['city', 'county'], description: '单位所在地区的层级' })
  @IsOptional() @IsIn(['province', 'city', 'county'], { message: 'level 必须是 province/city/county 之一' })
  level?: 'province' | 'city' | 'county';

  @ApiProperty({ required: false, enum: ['department_overall', 'project'], default: 'department_overall' })
  @IsOptional() @IsIn(['department_overall', 'project'], { message: 'kind 必须是 department_overall 或 project' })
  kind: 'department_overall' | 'project' = 'department_overall';

  @ApiProperty({ required: false, enum: PARAGRAPH_SECTIONS, description: `只列一个部分：${PARAGRAPH_SECTIONS.map((s) => `${SECTION_LABELS[s]}（${s}）`).join('、')}` })
  @IsOptional() @IsIn(PARAGRAPH_SECTIONS, { message: `section 必须是 ${PARAGRAPH_SECTIONS.join('/')} 之一` })
  section?: ParagraphSection;

  @ApiProperty({ required: false, enum: REUSE_RELATIONS, description: '只列与其他单位（other_unit）或与本单位上年（previous_year）雷同的' })
  @IsOptional() @IsIn(REUSE_RELATIONS, { message: 'relation 必须是 other_unit 或 previous_year' })
  relation?: ReuseRelation;

  @ApiProperty({ required: false, description: '页码，从 1 开始；导出不分页', default: 1 })
  @IsOptional() @Type(() => Number) @IsInt({ message: 'page 必须是正整数' }) @Min(1, { message: 'page 必须是正整数' })
  page = 1;

  @ApiProperty({ required: false, description: `每页条数（1–${PAGE_SIZE_MAX}）`, default: PAGE_SIZE_DEFAULT })
  @IsOptional() @Type(() => Number) @IsInt({ message: 'pageSize 必须是整数' }) @Min(1, { message: `pageSize 必须在 1–${PAGE_SIZE_MAX} 之间` }) @Max(PAGE_SIZE_MAX, { message: `pageSize 必须在 1–${PAGE_SIZE_MAX} 之间` })
  pageSize = PAGE_SIZE_DEFAULT;

  @ApiProperty({ required: false, enum: ['json', 'csv', 'xlsx'], default: 'json' })
  @IsOptional() @IsIn(['json', 'csv', 'xlsx'], { message: 'format 必须是 json/csv/xlsx 之一' })
  format: 'json' | 'csv' | 'xlsx' = 'json';
}

export class TextReuseSettingsDto {
  @ApiProperty({ description: `相似度阈值（%）：两段文字的字符片段重合度（Jaccard）不低于此值即视为雷同；${THRESHOLD_MIN}–${THRESHOLD_MAX} 的整数` })
  @Type(() => Number)
  @IsInt({ message: `thresholdPercent 必须是 ${THRESHOLD_MIN}–${THRESHOLD_MAX} 之间的整数（%）` })
  @Min(THRESHOLD_MIN, { message: `thresholdPercent 不能低于 ${THRESHOLD_MIN}%` })
  @Max(THRESHOLD_MAX, { message: `thresholdPercent 不能高于 ${THRESHOLD_MAX}%` })
  thresholdPercent: number;
}

/** One statement of a report: where it is and what it says. */
export class ReuseParagraphDto {
  @ApiProperty({ description: '段落编号' }) paragraphId: string;
  @ApiProperty() reportId: string;
  @ApiProperty() unitId: string;
  @ApiProperty() unitName: string;
  @ApiProperty() regionCode: string;
  @ApiProperty() regionName: string;
  @ApiProperty() fiscalYear: number;
  @ApiProperty({ enum: PARAGRAPH_SECTIONS }) section: ParagraphSection;
  @ApiProperty({ description: SECTION_LIST }) sectionLabel: string;
  @ApiProperty({ description: '在该部分中的序号（从 0 起）' }) position: number;
  @ApiProperty() text: string;
  @ApiProperty({ nullable: true, type: Number, description: '在原文中的行号；结构化导入的报告为 null（也就没有绩效目标段落）' }) sourceLine: number | null;
}

export class ReusePairDto {
  @ApiProperty({ description: 'Jaccard 相似度（%），两位小数' }) similarity: number;
  @ApiProperty({ enum: REUSE_RELATIONS }) relation: ReuseRelation;
  @ApiProperty({ description: '与其他单位雷同 / 与本单位上年雷同' }) relationLabel: string;
  @ApiProperty({ type: ReuseParagraphDto, description: '所列范围内的段落' }) paragraph: ReuseParagraphDto;
  @ApiProperty({ type: ReuseParagraphDto, description: '与之雷同的另一份报告的段落' }) other: ReuseParagraphDto;
}

/** A section that may be chosen, with its Chinese name. */
export class ReuseSectionDto {
  @ApiProperty({ enum: PARAGRAPH_SECTIONS }) value: ParagraphSection;
  @ApiProperty({ description: SECTION_LIST }) label: string;
}

export class TextReuseListDto {
  @ApiProperty({ nullable: true, type: Number }) year: number | null;
  @ApiProperty({ type: [ReuseSectionDto], description: '可比对的部分及其名称（“部分”筛选的选项）' }) sections: ReuseSectionDto[];
  @ApiProperty({ description: '所用的相似度阈值（%）' }) thresholdPercent: number;
  @ApiProperty({ description: '少于此字数（只计汉字、字母和数字）的段落不参与比对' }) minWordingLength: number;
  @ApiProperty() page: number;
  @ApiProperty() pageSize: number;
  @ApiProperty({ description: '符合条件的段落对总数' }) total: number;
  @ApiProperty({ type: [ReusePairDto] }) rows: ReusePairDto[];
}

export class TextRangeDto {
  @ApiProperty({ description: '起点（字符位置，从 0 起，含）' }) start: number;
  @ApiProperty({ description: '终点（不含）' }) end: number;
}

export class ReusePairDetailDto extends ReusePairDto {
  @ApiProperty({ description: '所用的相似度阈值（%）' }) thresholdPercent: number;
  @ApiProperty({ type: [TextRangeDto], description: '本段中与另一段相同的文字' }) paragraphShared: TextRangeDto[];
  @ApiProperty({ type: [TextRangeDto], description: '另一段中与本段相同的文字' }) otherShared: TextRangeDto[];
}
