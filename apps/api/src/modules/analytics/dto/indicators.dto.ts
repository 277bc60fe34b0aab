import { ApiProperty } from '@nestjs/swagger';

export class UnitCompletionDto {
  @ApiProperty() unitId: string;
  @ApiProperty() unitName: string;
  @ApiProperty({ nullable: true, type: Number }) completion: number | null;
  @ApiProperty() met: number;
  @ApiProperty() unmet: number;
  @ApiProperty() qualitative: number;
  @ApiProperty() unknown: number;
}

export class CategoryCompletionDto {
  @ApiProperty() unitId: string;
  @ApiProperty() unitName: string;
  @ApiProperty() level1: string;
  @ApiProperty({ nullable: true, type: String }) level2: string | null;
  @ApiProperty({ nullable: true, type: Number }) completion: number | null;
  @ApiProperty() met: number;
  @ApiProperty() unmet: number;
  @ApiProperty() total: number;
}

export class IndicatorRowDto {
  @ApiProperty() reportId: string;
  @ApiProperty() unitId: string;
  @ApiProperty() unitName: string;
  @ApiProperty({ nullable: true, type: String }) level1: string | null;
  @ApiProperty({ nullable: true, type: String }) level2: string | null;
  @ApiProperty({ nullable: true, type: String }) name: string | null;
  @ApiProperty({ nullable: true, type: String }) target: string | null;
  @ApiProperty({ nullable: true, type: String }) actual: string | null;
  @ApiProperty({ nullable: true, type: Number }) weight: number | null;
  @ApiProperty({ nullable: true, type: Number }) score: number | null;
  @ApiProperty({ nullable: true, type: String, enum: ['atLeast', 'atMost', 'equal'] }) comparator: string | null;
  @ApiProperty() quantitative: boolean;
  @ApiProperty({ enum: ['met', 'unmet', 'qualitative', 'unknown'] }) status: string;
}

export class IndicatorsDto {
  @ApiProperty({ nullable: true, type: Number }) year: number | null;
  @ApiProperty({ type: [UnitCompletionDto] }) units: UnitCompletionDto[];
  @ApiProperty({ type: [CategoryCompletionDto] }) categories: CategoryCompletionDto[];
  @ApiProperty({ type: [IndicatorRowDto] }) rows: IndicatorRowDto[];
}
