import { Controller, Get, Inject, Res } from '@nestjs/common';
import { ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { DataSource } from 'typeorm';
import type { AppConfig } from '../../config/app-config.js';
import { APP_CONFIG } from '../../config/config.module.js';
import { Public } from '../auth/roles.decorator.js';

export class HealthDto {
  @ApiProperty({ enum: ['ok', 'degraded'] }) status: 'ok' | 'degraded';
  @ApiProperty({ enum: ['up', 'down'] }) database: 'up' | 'down';
  @ApiProperty({ enum: ['embedded', 'external'] }) databaseKind: 'embedded' | 'external';
  @ApiProperty({ nullable: true, type: String }) databaseVersion: string | null;
  @ApiProperty() uptimeSeconds: number;
}

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(
    private readonly db: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Public()
  @Get()
  @ApiOperation({ summary: '健康检查：服务与数据库是否可用（数据库不可用时返回 503）' })
  async health(@Res({ passthrough: true }) res: Response): Promise<HealthDto> {
    let version: string | null = null;
    try {
      const rows: { v: string }[] = await this.db.query(`SELECT current_setting('server_version') AS v`);
      version = rows[0]?.v ?? null;
    } catch {
      res.status(503);
    }
    return {
      status: version ? 'ok' : 'degraded',
      database: version ? 'up' : 'down',
      databaseKind: this.config.databaseUrl ? 'external' : 'embedded',
      databaseVersion: version,
      uptimeSeconds: Math.round(process.uptime()),
    };
  }
}
