import { ApiProperty } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsOptional, IsString, Length, Matches } from 'class-validator';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

export class CreateUnitDto {
  @ApiProperty({ example: '浏阳市工业和信息化局' })
  @Transform(trim) @IsString() @Length(2, 100, { message: 'name 长度需在 2–100 个字符之间' })
  name: string;

  @ApiProperty({ example: '430181', description: 'GB/T 2260 地区代码' })
  @Matches(/^\d{6}$/, { message: 'regionCode 必须是 6 位行政区划代码' })
  regionCode: string;

  @ApiProperty({ required: false, type: [String], example: ['浏阳市工信局'] })
  @IsOptional() @IsArray() @ArrayMaxSize(20) @IsString({ each: true }) @Length(2, 100, { each: true })
  aliases?: string[];
}

export class ListUnitsQueryDto {
  @ApiProperty({ required: false, description: '只列出此地区及其下级的单位' })
  @IsOptional() @Matches(/^\d{6}$/, { message: 'regionCode 必须是 6 位行政区划代码' })
  regionCode?: string;

  @ApiProperty({ required: false, description: '按名称或别名模糊查找' })
  @IsOptional() @IsString() @Length(1, 100)
  q?: string;
}

export class UnitDto {
  @ApiProperty() id: string;
  @ApiProperty() name: string;
  @ApiProperty() regionCode: string;
  @ApiProperty() regionName: string;
  @ApiProperty({ enum: ['province', 'city', 'county'] }) regionLevel: string;
  @ApiProperty({ type: [String] }) aliases: string[];
}
