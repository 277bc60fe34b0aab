import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Length, Matches, ValidateIf } from 'class-validator';
import { ROLES, type AppUserEntity, type Role } from '../app-user.entity.js';

export class CreateUserDto {
  @ApiProperty({ example: 'liyang-submitter' })
  @IsString() @Matches(/^[A-Za-z0-9._-]{3,40}$/, { message: 'username 只能包含字母、数字和 . _ -，长度 3–40' })
  username: string;

  @ApiProperty({ minLength: 10 })
  @IsString() @Length(10, 200, { message: 'password 长度需在 10–200 个字符之间' })
  password: string;

  @ApiProperty({ enum: ROLES })
  @IsIn(ROLES, { message: `role 必须是 ${ROLES.join(' / ')} 之一` })
  role: Role;

  @ApiProperty({ required: false, nullable: true, type: String, description: '限定的地区（GB/T 2260 代码，含下级）：提交人必填；分析员、查看者可选；管理员不可限定' })
  @IsOptional() @Matches(/^\d{6}$/, { message: 'regionCode 必须是 6 位行政区划代码' })
  regionCode?: string | null;

  @ApiProperty({ required: false, nullable: true, type: String })
  @IsOptional() @IsString() @Length(1, 100)
  displayName?: string | null;
}

/** An admin's change to an account; fields left out stay as they are. */
export class UpdateUserDto {
  @ApiProperty({ enum: ROLES, required: false })
  @IsOptional() @IsIn(ROLES, { message: `role 必须是 ${ROLES.join(' / ')} 之一` })
  role?: Role;

  @ApiProperty({ required: false, nullable: true, type: String, description: '限定的地区（含下级）；null 为全省' })
  @IsOptional() @ValidateIf((_, v) => v !== null) @Matches(/^\d{6}$/, { message: 'regionCode 必须是 6 位行政区划代码' })
  regionCode?: string | null;

  @ApiProperty({ required: false, nullable: true, type: String })
  @IsOptional() @ValidateIf((_, v) => v !== null) @IsString() @Length(1, 100)
  displayName?: string | null;
}

export class UserDto {
  @ApiProperty() id: string;
  @ApiProperty() username: string;
  @ApiProperty({ nullable: true, type: String }) displayName: string | null;
  @ApiProperty({ enum: ROLES }) role: Role;
  @ApiProperty({ nullable: true, type: String, description: '限定的地区（含下级）；null 为全省' }) regionCode: string | null;
  @ApiProperty() createdAt: string;
  @ApiProperty({ nullable: true, type: String, description: '停用时间；null 为启用' }) disabledAt: string | null;
  @ApiProperty({ description: '管理员重置密码后，须先修改密码' }) mustChangePassword: boolean;
  @ApiProperty({ nullable: true, type: String, description: '登录失败过多被锁定至此时间；null 为未锁定' }) lockedUntil: string | null;
  @ApiProperty({ description: '有效会话数' }) activeSessions: number;
}

export class ResetPasswordResponseDto {
  @ApiProperty({ description: '一次性密码：只显示这一次；用户登录后须先修改密码' }) temporaryPassword: string;
}

export class UserSessionDto {
  @ApiProperty() id: string;
  @ApiProperty() createdAt: string;
  @ApiProperty() lastSeenAt: string;
  @ApiProperty() expiresAt: string;
  @ApiProperty({ nullable: true, type: String }) address: string | null;
  @ApiProperty({ nullable: true, type: String }) userAgent: string | null;
}

export class RevokedSessionsDto {
  @ApiProperty({ description: '吊销的会话数' }) revoked: number;
}

export interface UserExtras {
  lockedUntil: Date | null;
  activeSessions: number;
}

export function mapUser(user: AppUserEntity, extras: UserExtras = { lockedUntil: null, activeSessions: 0 }): UserDto {
  return {
    id: user.id,
    username: user.username,
    displayName: user.displayName,
    role: user.role,
    regionCode: user.regionCode,
    createdAt: user.createdAt.toISOString(),
    disabledAt: user.disabledAt?.toISOString() ?? null,
    mustChangePassword: user.mustChangePassword,
    lockedUntil: extras.lockedUntil?.toISOString() ?? null,
    activeSessions: extras.activeSessions,
  };
}

export const mapSession = (s: { id: string; createdAt: Date; lastSeenAt: Date; expiresAt: Date; address: string | null; userAgent: string | null }): UserSessionDto => ({
  id: s.id,
  createdAt: new Date(s.createdAt).toISOString(),
  lastSeenAt: new Date(s.lastSeenAt).toISOString(),
  expiresAt: new Date(s.expiresAt).toISOString(),
  address: s.address,
  userAgent: s.userAgent,
});
