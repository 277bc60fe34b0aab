import { ApiProperty } from '@nestjs/swagger';
import type { RegionLevel } from '../regions.repository.js';

export class RegionNodeDto {
  @ApiProperty({ example: '430181' }) code: string;
  @ApiProperty({ example: '浏阳市' }) name: string;
  @ApiProperty({ enum: ['province', 'city', 'county'] }) level: RegionLevel;
  @ApiProperty({ nullable: true, type: String }) parentCode: string | null;
  @ApiProperty({ type: () => [RegionNodeDto] }) children: RegionNodeDto[];
}
