import { ApiProperty } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsIn, IsInt, IsNumber, IsOptional, IsString, Length, Max, Min, ValidateIf, ValidateNested } from 'class-validator';
import { ROW_ACTIONS, ROW_TABLES, type RowAction, type RowTable } from '../row-edits.js';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);
const text = () => ValidateIf((_, v) => v !== null && v !== undefined);

/** The cells of an indicator or score-breakdown row; a cell left out keeps its value, null clears it. */
export class RowCellsDto {
  @ApiProperty({ required: false, nullable: true, type: String }) @IsOptional() @text() @IsString({ message: '必须是文本' }) @Length(0, 200, { message: '最多 200 个字符' })
  level1?: string | null;

  @ApiProperty({ required: false, nullable: true, type: String }) @IsOptional() @text() @IsString({ message: '必须是文本' }) @Length(0, 200, { message: '最多 200 个字符' })
  level2?: string | null;

  @ApiProperty({ required: false, nullable: true, type: String, description: '三级指标名称（仅绩效指标）' }) @IsOptional() @text() @IsString({ message: '必须是文本' }) @Length(0, 300, { message: '最多 300 个字符' })
  name?: string | null;

  @ApiProperty({ required: false, nullable: true, type: String, description: '指标值，按原文（仅绩效指标）' }) @IsOptional() @text() @IsString({ message: '必须是文本' }) @Length(0, 300, { message: '最多 300 个字符' })
  target?: string | null;

  @ApiProperty({ required: false, nullable: true, type: String, description: '实际完成值，按原文（仅绩效指标）' }) @IsOptional() @text() @IsString({ message: '必须是文本' }) @Length(0, 300, { message: '最多 300 个字符' })
  actual?: string | null;

  @ApiProperty({ required: false, nullable: true, type: Number }) @IsOptional() @text() @IsNumber({ allowNaN: false, allowInfinity: false }, { message: '必须是数字' }) @Min(0, { message: '不能小于 0' }) @Max(1000, { message: '不能大于 1000' })
  weight?: number | null;

  @ApiProperty({ required: false, nullable: true, type: Number }) @IsOptional() @text() @IsNumber({ allowNaN: false, allowInfinity: false }, { message: '必须是数字' }) @Min(0, { message: '不能小于 0' }) @Max(1000, { message: '不能大于 1000' })
  score?: number | null;

  @ApiProperty({ required: false, nullable: true, type: String, description: '备注（仅绩效指标）' }) @IsOptional() @text() @IsString({ message: '必须是文本' }) @Length(0, 1000, { message: '最多 1000 个字符' })
  note?: string | null;
}

export class RowEditDto {
  @ApiProperty({ description: '更正原因（必填，记入更正台账与审计日志）' })
  @Transform(trim) @IsString({ message: '必须是文本' }) @Length(2, 1000, { message: '必填，2–1000 个字符' })
  reason: string;

  @ApiProperty({ enum: ROW_TABLES, description: 'indicators：绩效指标；scoreBreakdown：评分明细' })
  @IsIn(ROW_TABLES, { message: '必须是绩效指标（indicators）或评分明细（scoreBreakdown）' })
  table: RowTable;

  @ApiProperty({ enum: ROW_ACTIONS, description: 'add：新增；update：更正；delete：删除' })
  @IsIn(ROW_ACTIONS, { message: '必须是新增（add）、更正（update）或删除（delete）' })
  action: RowAction;

  @ApiProperty({ required: false, description: '行号（从 0 起）；新增时为插入位置，缺省加在末尾' })
  @IsOptional() @Type(() => Number) @IsInt({ message: '必须是整数' }) @Min(0, { message: '不能小于 0' }) @Max(100000, { message: '过大' })
  index?: number;

  @ApiProperty({ required: false, type: RowCellsDto, description: '行内容（新增、更正时必填；只改给出的单元格）' })
  @IsOptional() @ValidateNested() @Type(() => RowCellsDto)
  row?: RowCellsDto;
}
