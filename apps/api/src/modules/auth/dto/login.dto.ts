import { ApiProperty } from '@nestjs/swagger';
import { IsString, Length } from 'class-validator';
import { UserDto } from '../../users/dto/user.dto.js';

export class LoginDto {
  @ApiProperty({ example: 'admin' })
  @IsString() @Length(1, 100)
  username: string;

  @ApiProperty()
  @IsString() @Length(1, 200)
  password: string;
}

export class SessionUserDto {
  @ApiProperty() id: string;
  @ApiProperty() username: string;
  @ApiProperty({ nullable: true, type: String }) displayName: string | null;
  @ApiProperty({ enum: ['admin', 'analyst', 'viewer', 'submitter'] }) role: UserDto['role'];
  @ApiProperty({ nullable: true, type: String, description: '限定的地区（含下级）；null 为全省' }) regionCode: string | null;
  @ApiProperty({ description: '管理员已重置密码：须先修改密码，其他接口返回 403 PASSWORD_CHANGE_REQUIRED' }) mustChangePassword: boolean;
}

export class LoginResponseDto {
  @ApiProperty({ type: SessionUserDto }) user: SessionUserDto;
  @ApiProperty({ description: '写操作需在请求头 X-CSRF-Token 中带上此值（也在 hp_csrf Cookie 中）' }) csrfToken: string;
  @ApiProperty() expiresAt: string;
}

export class ChangePasswordDto {
  @ApiProperty()
  @IsString() @Length(1, 200)
  currentPassword: string;

  @ApiProperty({ minLength: 10 })
  @IsString() @Length(10, 200, { message: 'newPassword 长度需在 10–200 个字符之间' })
  newPassword: string;
}

export class MeDto {
  @ApiProperty({ type: SessionUserDto }) user: SessionUserDto;
  @ApiProperty({ description: '写操作需在请求头 X-CSRF-Token 中带上此值' }) csrfToken: string;
}
