import { ApiProperty } from '@nestjs/swagger';

export class RecheckItemDto {
  @ApiProperty() rule: string;
  @ApiProperty() label: string;
  @ApiProperty({ nullable: true, type: Number, description: '计算依据（比率 %）' }) basis: number | null;
  @ApiProperty({ nullable: true, type: Number, description: '该项分值' }) weight: number | null;
  @ApiProperty({ nullable: true, type: Number, description: '单位自评得分' }) selfPoints: number | null;
  @ApiProperty({ nullable: true, type: Number, description: '按规则复核得分' }) recomputedPoints: number | null;
  @ApiProperty({ nullable: true, type: Number, description: '自评 − 复核' }) difference: number | null;
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
}

export class RecheckDto {
  @ApiProperty({ nullable: true, type: Number }) year: number | null;
  @ApiProperty() rulesVersion: string;
  @ApiProperty({ type: [RecheckRowDto] }) rows: RecheckRowDto[];
}

export class ThemeUnitDto {
  @ApiProperty() unitId: string;
  @ApiProperty() unitName: string;
}

export class ProblemThemeDto {
  @ApiProperty() theme: string;
  @ApiProperty({ description: '单位数：列出该主题问题的单位个数（一个单位只算一次）' }) unitCount: number;
  @ApiProperty({ description: '条数：归入该主题的问题条数' }) statementCount: number;
  @ApiProperty({ type: [ThemeUnitDto] }) units: ThemeUnitDto[];
  @ApiProperty({ type: [String] }) examples: string[];
}

export class KeywordDto {
  @ApiProperty() word: string;
  @ApiProperty({ description: '单位数：问题中用到该词的单位个数' }) unitCount: number;
  @ApiProperty({ description: '条数：用到该词的问题条数' }) statementCount: number;
}

export class ProblemsDto {
  @ApiProperty({ nullable: true, type: Number }) year: number | null;
  @ApiProperty({ type: [ProblemThemeDto] }) themes: ProblemThemeDto[];
  @ApiProperty({ type: [KeywordDto] }) keywords: KeywordDto[];
}
