import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Length, Matches } from 'class-validator';
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

  @ApiProperty({ required: false, nullable: true, type: String, description: '提交人所属地区（GB/T 2260 代码），提交人必填' })
  @IsOptional() @Matches(/^\d{6}$/, { message: 'regionCode 必须是 6 位行政区划代码' })
  regionCode?: string | null;

  @ApiProperty({ required: false, nullable: true, type: String })
  @IsOptional() @IsString() @Length(1, 100)
  displayName?: string | null;
}

export class UserDto {
  @ApiProperty() id: string;
  @ApiProperty() username: string;
  @ApiProperty({ nullable: true, type: String }) displayName: string | null;
  @ApiProperty({ enum: ROLES }) role: Role;
  @ApiProperty({ nullable: true, type: String }) regionCode: string | null;
  @ApiProperty() createdAt: string;
}

export function mapUser(user: AppUserEntity): UserDto {
  return {
    id: user.id,
    username: user.username,
    displayName: user.displayName,
    role: user.role,
    regionCode: user.regionCode,
    createdAt: user.createdAt.toISOString(),
  };
}
