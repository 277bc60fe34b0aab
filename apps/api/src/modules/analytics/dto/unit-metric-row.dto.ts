import { ApiProperty } from '@nestjs/swagger';

/** One unit's current confirmed report with every metric (docs/analytics-api.md). */
export class UnitMetricRowDto {
  @ApiProperty() reportId: string;
  @ApiProperty() unitId: string;
  @ApiProperty() unitName: string;
  @ApiProperty() regionCode: string;
  @ApiProperty() regionName: string;
  @ApiProperty({ enum: ['province', 'city', 'county'] }) regionLevel: string;
  @ApiProperty({ nullable: true, type: String }) parentRegionCode: string | null;
  @ApiProperty({ nullable: true, type: String }) parentRegionName: string | null;
  @ApiProperty() fiscalYear: number;
  @ApiProperty() kind: string;
  @ApiProperty() isSynthetic: boolean;
  @ApiProperty({ nullable: true, type: Number, description: '自评得分' }) scoreTotal: number | null;
  @ApiProperty({ nullable: true, type: String, enum: ['优', '良', '中', '差'] }) grade: string | null;
  @ApiProperty({ nullable: true, type: Number, description: '预算执行率 %' }) executionRate: number | null;
  @ApiProperty({ nullable: true, type: Number, description: '预算调整率 %' }) adjustmentRatio: number | null;
  @ApiProperty({ nullable: true, type: Number, description: '三公经费控制率 %' }) threePublicControlRate: number | null;
  @ApiProperty({ nullable: true, type: Number, description: '项目支出占比 %' }) projectShare: number | null;
  @ApiProperty({ nullable: true, type: Number, description: '指标完成率 %' }) indicatorCompletion: number | null;
  @ApiProperty({ nullable: true, type: Number, description: '年初预算数（万元）' }) budgetInitial: number | null;
  @ApiProperty({ nullable: true, type: Number, description: '全年预算数（万元）' }) budgetAdjusted: number | null;
  @ApiProperty({ nullable: true, type: Number, description: '全年执行数（万元）' }) budgetActual: number | null;
  @ApiProperty({ nullable: true, type: Number, description: '同年度同层级内按得分排名' }) rankInLevel: number | null;
  @ApiProperty({ nullable: true, type: Number, description: '同年度同上级地区内按得分排名' }) rankInParent: number | null;
  @ApiProperty() warningCount: number;
}
