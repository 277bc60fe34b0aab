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
  @ApiProperty({ nullable: true, type: String }) regionCode: string | null;
}

export class LoginResponseDto {
  @ApiProperty({ type: SessionUserDto }) user: SessionUserDto;
  @ApiProperty({ description: '写操作需在请求头 X-CSRF-Token 中带上此值（也在 hp_csrf Cookie 中）' }) csrfToken: string;
  @ApiProperty() expiresAt: string;
}
