import { ApiProperty } from '@nestjs/swagger';
import { IsBoolean } from 'class-validator';

export class IngestSettingsDto {
  @ApiProperty({ description: '无错误级警告且单位已识别的报告上传后自动确认（默认关闭）' })
  @IsBoolean({ message: 'autoConfirm 必须是 true 或 false' })
  autoConfirm: boolean;
}
