import { ApiProperty } from '@nestjs/swagger';

/** Counts every completion figure shares: quantitative rows count, the others are shown beside them. */
export class CompletionTallyDto {
  @ApiProperty({ nullable: true, type: Number, description: '指标完成率：定量指标 达标 ÷（达标 + 未达标）× 100；无定量指标时为 null' }) completion: number | null;
  @ApiProperty({ nullable: true, type: String, description: '完成率为空的原因，如“无定量指标”“无指标”' }) reason: string | null;
  @ApiProperty({ description: '定量指标达标数' }) met: number;
  @ApiProperty({ description: '定量指标未达标数' }) unmet: number;
  @ApiProperty({ description: '定性指标按得分达标数（得分 = 分值；不计入完成率）' }) qualitativeMet: number;
  @ApiProperty({ description: '定性指标按得分未达标数（得分 < 分值；不计入完成率）' }) qualitativeUnmet: number;
  @ApiProperty({ description: '无法判断数（无得分等）' }) unknown: number;
  @ApiProperty({ description: '指标行数' }) total: number;
}

export class UnitCompletionDto extends CompletionTallyDto {
  @ApiProperty() reportId: string;
  @ApiProperty() unitId: string;
  @ApiProperty() unitName: string;
  @ApiProperty({ description: '非定量指标行数' }) qualitative: number;
}

/** One heatmap cell: a unit × 一级指标. */
export class CellCompletionDto extends CompletionTallyDto {
  @ApiProperty() reportId: string;
  @ApiProperty() unitId: string;
  @ApiProperty() unitName: string;
  @ApiProperty({ description: '一级指标（未写时为“（未分类）”）' }) level1: string;
}

export class CategoryCompletionDto extends CellCompletionDto {
  @ApiProperty({ nullable: true, type: String }) level2: string | null;
}

export class IndicatorRowDto {
  @ApiProperty() reportId: string;
  @ApiProperty() unitId: string;
  @ApiProperty() unitName: string;
  @ApiProperty({ nullable: true, type: String }) level1: string | null;
  @ApiProperty({ nullable: true, type: String }) level2: string | null;
  @ApiProperty({ description: '所属热力图列：一级指标，未写时为“（未分类）”' }) group: string;
  @ApiProperty({ nullable: true, type: String }) name: string | null;
  @ApiProperty({ nullable: true, type: String }) target: string | null;
  @ApiProperty({ nullable: true, type: String }) actual: string | null;
  @ApiProperty({ nullable: true, type: Number }) weight: number | null;
  @ApiProperty({ nullable: true, type: Number }) score: number | null;
  @ApiProperty({ nullable: true, type: String, enum: ['atLeast', 'atMost', 'equal'] }) comparator: string | null;
  @ApiProperty() quantitative: boolean;
  @ApiProperty({ enum: ['met', 'unmet', 'unknown'] }) status: 'met' | 'unmet' | 'unknown';
  @ApiProperty({ description: '计入指标完成率（定量指标）' }) counted: boolean;
  @ApiProperty({ nullable: true, type: String, enum: ['quantity', 'score'], description: '判断依据：quantity 目标值与实际值；score 得分与分值' }) judgedBy: 'quantity' | 'score' | null;
  @ApiProperty({ nullable: true, type: String, description: '无法判断的原因' }) reason: string | null;
}

export class IndicatorsDto {
  @ApiProperty({ nullable: true, type: Number }) year: number | null;
  @ApiProperty({ description: '页码（从 1 起）；导出时为 1' }) page: number;
  @ApiProperty({ description: '每页单位数；导出时为全部单位数' }) pageSize: number;
  @ApiProperty({ description: '范围内的单位数（各页合计）' }) total: number;
  @ApiProperty({ type: [UnitCompletionDto], description: '本页的单位，按名称排序' }) units: UnitCompletionDto[];
  @ApiProperty({ type: [CellCompletionDto], description: '热力图格子：单位 × 一级指标' }) cells: CellCompletionDto[];
  @ApiProperty({ type: [CategoryCompletionDto], description: '单位 × 一级/二级指标' }) categories: CategoryCompletionDto[];
  @ApiProperty({ type: [IndicatorRowDto] }) rows: IndicatorRowDto[];
}
