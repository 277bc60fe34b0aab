import { ApiProperty } from '@nestjs/swagger';

export class PlausibilityBandDto {
  @ApiProperty({ nullable: true, type: Number, description: '下限（含）；null 为不设下限' }) min: number | null;
  @ApiProperty({ nullable: true, type: Number, description: '上限（含）；null 为不设上限' }) max: number | null;
}

export class PlausibilityBandSetDto {
  @ApiProperty({ type: PlausibilityBandDto, description: '预算执行率 %' }) executionRate: PlausibilityBandDto;
  @ApiProperty({ type: PlausibilityBandDto, description: '预算调整率 %' }) adjustmentRatio: PlausibilityBandDto;
  @ApiProperty({ type: PlausibilityBandDto, description: '三公经费控制率 %' }) threePublicControlRate: PlausibilityBandDto;
  @ApiProperty({ type: PlausibilityBandDto, description: '自评得分' }) scoreTotal: PlausibilityBandDto;
}

/** The plausibility bands as the API shows them (validated by plausibility-bands.ts, not by class-validator). */
export class PlausibilityBandsDto {
  @ApiProperty() version: string;
  @ApiProperty({ type: PlausibilityBandSetDto }) bands: PlausibilityBandSetDto;
}
