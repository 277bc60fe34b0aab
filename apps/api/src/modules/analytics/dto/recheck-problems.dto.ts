import { ApiProperty } from '@nestjs/swagger';

export class ThemeUnitDto {
  @ApiProperty() unitId: string;
  @ApiProperty() unitName: string;
}

export class ProblemThemeDto {
  @ApiProperty() theme: string;
  @ApiProperty({ description: '单位数：列出该主题问题的单位个数（一个单位只算一次）' }) unitCount: number;
  @ApiProperty({ description: '条数：归入该主题的问题条数' }) statementCount: number;
  @ApiProperty({ type: [ThemeUnitDto], description: '涉及单位（按名称）的一页：第 page 页、每页 pageSize 个；共 unitCount 个' }) units: ThemeUnitDto[];
  @ApiProperty({ type: [String] }) examples: string[];
}

export class KeywordDto {
  @ApiProperty() word: string;
  @ApiProperty({ description: '单位数：问题中用到该词的单位个数' }) unitCount: number;
  @ApiProperty({ description: '条数：用到该词的问题条数' }) statementCount: number;
}

export class ProblemsDto {
  @ApiProperty({ nullable: true, type: Number }) year: number | null;
  @ApiProperty({ description: '各主题涉及单位列表的页码，从 1 开始' }) page: number;
  @ApiProperty({ nullable: true, type: Number, description: '各主题涉及单位每页个数；导出为 null（全部）' }) pageSize: number | null;
  @ApiProperty({ type: [ProblemThemeDto] }) themes: ProblemThemeDto[];
  @ApiProperty({ type: [KeywordDto] }) keywords: KeywordDto[];
}
