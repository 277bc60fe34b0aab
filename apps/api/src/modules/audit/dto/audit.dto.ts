import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Length, Matches, Max, Min } from 'class-validator';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Filters of the audit trail; dates are calendar days in 北京时间 (Asia/Shanghai), both ends included. */
export class AuditQueryDto {
  @ApiProperty({ required: false, example: '2026-01-01', description: '起始日期（北京时间，含当天）' })
  @IsOptional() @Matches(DATE, { message: 'from 须为日期 YYYY-MM-DD' })
  from?: string;

  @ApiProperty({ required: false, example: '2026-01-31', description: '截止日期（北京时间，含当天）' })
  @IsOptional() @Matches(DATE, { message: 'to 须为日期 YYYY-MM-DD' })
  to?: string;

  @ApiProperty({ required: false, description: '操作人用户名（部分匹配；登录失败按输入的用户名）' })
  @IsOptional() @IsString() @Length(1, 100)
  actor?: string;

  @ApiProperty({ required: false, example: 'auth.login_failed', description: '操作（如 auth.login、user.disable）' })
  @IsOptional() @Matches(/^[a-z_]+\.[a-z_]+$/, { message: 'action 格式如 auth.login' })
  action?: string;

  @ApiProperty({ required: false, example: 'app_user', description: '对象类型（app_user、report、unit、setting …）' })
  @IsOptional() @Matches(/^[a-z_]{1,40}$/, { message: 'entityType 格式如 app_user' })
  entityType?: string;

  @ApiProperty({ required: false, description: '对象编号' })
  @IsOptional() @IsString() @Length(1, 100)
  entityId?: string;

  @ApiProperty({ required: false, default: 50 }) @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(200)
  limit = 50;

  @ApiProperty({ required: false, default: 0 }) @IsOptional() @Type(() => Number) @IsInt() @Min(0) @Max(1_000_000)
  offset = 0;
}

export class AuditExportQueryDto extends AuditQueryDto {
  @ApiProperty({ enum: ['csv', 'xlsx'], required: false, default: 'csv' })
  @IsOptional() @IsIn(['csv', 'xlsx'], { message: 'format 须为 csv 或 xlsx' })
  format: 'csv' | 'xlsx' = 'csv';
}

export class AuditEventDto {
  @ApiProperty() id: string;
  @ApiProperty({ description: 'ISO 时间（UTC）；页面按北京时间显示' }) occurredAt: string;
  @ApiProperty({ nullable: true, type: String }) actorId: string | null;
  @ApiProperty({ nullable: true, type: String, description: '操作人用户名；未登录的操作（登录失败）为输入的用户名' }) actorName: string | null;
  @ApiProperty() action: string;
  @ApiProperty({ description: '操作的中文名' }) actionLabel: string;
  @ApiProperty() entityType: string;
  @ApiProperty({ nullable: true, type: String }) entityId: string | null;
  @ApiProperty({ nullable: true, type: String }) field: string | null;
  @ApiProperty({ nullable: true, description: '原值（JSON）' }) oldValue: unknown;
  @ApiProperty({ nullable: true, description: '新值（JSON）' }) newValue: unknown;
  @ApiProperty({ nullable: true, type: String }) reason: string | null;
  @ApiProperty({ nullable: true, type: String, description: '来源地址（登录、登录失败）' }) address: string | null;
  @ApiProperty({ nullable: true, type: String }) requestId: string | null;
}

export class AuditPageDto {
  @ApiProperty({ type: [AuditEventDto] }) items: AuditEventDto[];
  @ApiProperty() total: number;
  @ApiProperty() limit: number;
  @ApiProperty() offset: number;
}

export class AuditActionDto {
  @ApiProperty() action: string;
  @ApiProperty() label: string;
}
