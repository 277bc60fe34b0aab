import { ApiProperty } from '@nestjs/swagger';
import { QUALITY_FLAG_CODES, type QualityFlagCode } from '@hunan-perf/metrics';

export class QualityFlagRowDto {
  @ApiProperty({ nullable: true, type: Number, description: '指标表中的行序号（从 0 起）；不对应某一行时为 null' }) position: number | null;
  @ApiProperty({ description: '所指的行或项目' }) label: string;
  @ApiProperty({ description: '问题所在' }) detail: string;
}

export class QualityFlagDto {
  @ApiProperty({ enum: QUALITY_FLAG_CODES }) code: QualityFlagCode;
  @ApiProperty({ description: '中文标题' }) title: string;
  @ApiProperty({ description: '按当前阈值的说明' }) description: string;
  @ApiProperty({ type: [QualityFlagRowDto] }) rows: QualityFlagRowDto[];
}

export class ReportQualityDto {
  @ApiProperty() reportId: string;
  @ApiProperty({ description: '计算时所用阈值的版本' }) thresholdsVersion: string;
  @ApiProperty({ type: [QualityFlagDto] }) flags: QualityFlagDto[];
}

export class QualityFlagInfoDto {
  @ApiProperty({ enum: QUALITY_FLAG_CODES }) code: QualityFlagCode;
  @ApiProperty() title: string;
  @ApiProperty() description: string;
}

export class QualityThresholdsDto {
  @ApiProperty() version: string;
  @ApiProperty({ description: '高分线（分）' }) highScore: number;
  @ApiProperty({ description: '执行率下限（%）' }) lowExecutionRate: number;
  @ApiProperty({ description: '完成程度上限（%）：超过即视为目标值设定偏低' }) targetExceededPercent: number;
  @ApiProperty({ type: [String], description: '只写这些话的“存在的问题”视为空泛' }) emptyProblemWords: string[];
  @ApiProperty({ description: '指标分值应有的合计（分）' }) weightTotal: number;
  @ApiProperty({ description: '分值合计的容差（分）' }) weightTolerance: number;
}

export class QualitySettingsDto {
  @ApiProperty({ type: QualityThresholdsDto }) thresholds: QualityThresholdsDto;
  @ApiProperty({ type: [QualityFlagInfoDto], description: '每项提示的代码、标题与按当前阈值的说明' }) flags: QualityFlagInfoDto[];
}
