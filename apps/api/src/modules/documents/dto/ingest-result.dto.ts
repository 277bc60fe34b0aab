import { ApiProperty } from '@nestjs/swagger';

export class IngestErrorDto {
  @ApiProperty({ example: 'EMPTY_FILE' }) code: string;
  @ApiProperty() message: string;
}

export class IngestUnitDto {
  @ApiProperty() id: string;
  @ApiProperty() name: string;
}

export class IngestedReportDto {
  @ApiProperty() reportId: string;
  @ApiProperty() kind: string;
  @ApiProperty({ nullable: true, type: IngestUnitDto }) unit: IngestUnitDto | null;
  @ApiProperty({ nullable: true, type: String }) unitNameInReport: string | null;
  @ApiProperty({ nullable: true, type: String }) regionCode: string | null;
  @ApiProperty({ nullable: true, type: Number }) fiscalYear: number | null;
  @ApiProperty() status: string;
  @ApiProperty() version: number;
  @ApiProperty({ type: 'array', items: { type: 'object' } }) warnings: object[];
}

/** Per file: the stored document and its main report, or `error` for that file alone. */
export class IngestResultDto {
  @ApiProperty() fileName: string;
  @ApiProperty({ required: false }) documentId?: string;
  @ApiProperty({ required: false }) sha256?: string;
  @ApiProperty({ required: false, description: 'false：相同内容的文件已导入过' }) created?: boolean;
  @ApiProperty({ required: false }) reportId?: string;
  @ApiProperty({ required: false, nullable: true, type: IngestUnitDto }) unit?: IngestUnitDto | null;
  @ApiProperty({ required: false, nullable: true, type: Number }) fiscalYear?: number | null;
  @ApiProperty({ required: false }) status?: string;
  @ApiProperty({ required: false, type: 'array', items: { type: 'object' } }) warnings?: object[];
  @ApiProperty({ required: false, type: [IngestedReportDto] }) reports?: IngestedReportDto[];
  @ApiProperty({ required: false, type: IngestErrorDto }) error?: IngestErrorDto;
}
