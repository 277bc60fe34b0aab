import { ApiProperty } from '@nestjs/swagger';
import { SpotCheckItemDto } from './spot-check.dto.js';

/** One indicator or 评分明细 row of a sampled report: its self-score and the 复核 recorded so far. */
export class SpotCheckRowDto {
  @ApiProperty({ enum: ['indicator', 'breakdown'], description: '绩效指标行（indicator）或评分明细行（breakdown）' }) kind: 'indicator' | 'breakdown';
  @ApiProperty({ description: '行在报告中的序号（从 0 起）' }) position: number;
  @ApiProperty({ nullable: true, type: String, description: '一级指标' }) level1: string | null;
  @ApiProperty({ nullable: true, type: String, description: '二级指标' }) level2: string | null;
  @ApiProperty({ nullable: true, type: String, description: '三级指标（评分明细行为空）' }) name: string | null;
  @ApiProperty({ nullable: true, type: Number, description: '分值（权重）' }) weight: number | null;
  @ApiProperty({ nullable: true, type: Number, description: '自评得分' }) selfScore: number | null;
  @ApiProperty({ nullable: true, type: Number, description: '复核得分；null 为尚未录入' }) reviewScore: number | null;
  @ApiProperty({ nullable: true, type: String, description: '复核分与自评分不同的理由' }) reason: string | null;
}

export class SpotCheckItemDetailDto {
  @ApiProperty() fiscalYear: number;
  @ApiProperty({ description: '所属样本的版本号' }) version: number;
  @ApiProperty({ description: '所属样本是否为该年度当前样本（重新抽样后旧样本作废，不能再录入）' }) current: boolean;
  @ApiProperty({ description: '所用的差距阈值（分）' }) gapMargin: number;
  @ApiProperty({ type: SpotCheckItemDto }) item: SpotCheckItemDto;
  @ApiProperty({ type: [SpotCheckRowDto], description: '绩效指标行在前，评分明细行在后，各按序号' }) rows: SpotCheckRowDto[];
}

export class SpotCheckReviewerDto {
  @ApiProperty() id: string;
  @ApiProperty({ description: '姓名（无姓名时为用户名）' }) name: string;
  @ApiProperty({ enum: ['admin', 'analyst'] }) role: 'admin' | 'analyst';
}
