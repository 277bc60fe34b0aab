import { Controller, Get, Inject, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProperty, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { DataSource } from 'typeorm';
import type { AppConfig } from '../../config/app-config.js';
import { APP_CONFIG } from '../../config/config.module.js';
import { InjectReadDatabase } from '../../database/read-database.js';
import { Public } from '../auth/roles.decorator.js';
import { readDatabaseStatus } from './read-database-status.js';

export class ReadDatabaseHealthDto {
  @ApiProperty({ enum: ['primary', 'replica'], description: '看板与导出读取的连接：主库本身，或 DATABASE_READ_URL 指向的只读副本' })
  connection: 'primary' | 'replica';
  @ApiProperty({ enum: ['up', 'down'] }) database: 'up' | 'down';
  @ApiProperty({ nullable: true, type: Boolean, description: 'pg_is_in_recovery()：是否为热备（standby）' }) standby: boolean | null;
  @ApiProperty({ nullable: true, type: Number, description: '副本尚未回放的 WAL 字节数（主库当前位置 − 副本回放位置）' }) lagBytes: number | null;
  @ApiProperty({ nullable: true, type: Number, description: '复制延迟（秒）：无待回放时为 0' }) lagSeconds: number | null;
}

export class HealthDto {
  @ApiProperty({ enum: ['ok', 'degraded'] }) status: 'ok' | 'degraded';
  @ApiProperty({ enum: ['up', 'down'] }) database: 'up' | 'down';
  @ApiProperty({ enum: ['embedded', 'external'] }) databaseKind: 'embedded' | 'external';
  @ApiProperty({ nullable: true, type: String }) databaseVersion: string | null;
  @ApiProperty({ type: ReadDatabaseHealthDto }) readDatabase: ReadDatabaseHealthDto;
  @ApiProperty() uptimeSeconds: number;
}

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(
    private readonly db: DataSource,
    @InjectReadDatabase() private readonly readDb: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** 503 when the primary is down; a replica that is down only makes the status degraded (writes still work). */
  @Public()
  @Get()
  @ApiOkResponse({ type: HealthDto, description: '服务与数据库可用（status 为 degraded 时只读副本不可用）' })
  @ApiServiceUnavailableResponse({ type: HealthDto, description: '主库不可用' })
  @ApiOperation({ summary: '健康检查：服务、数据库与看板读取连接（只读副本）是否可用（主库不可用时返回 503）' })
  async health(@Res({ passthrough: true }) res: Response): Promise<HealthDto> {
    let version: string | null = null;
    try {
      const rows: { v: string }[] = await this.db.query(`SELECT current_setting('server_version') AS v`);
      version = rows[0]?.v ?? null;
    } catch {
      res.status(503);
    }
    const readDatabase = await readDatabaseStatus(this.db, this.readDb);
    return {
      status: version && readDatabase.database === 'up' ? 'ok' : 'degraded',
      database: version ? 'up' : 'down',
      databaseKind: this.config.databaseUrl ? 'external' : 'embedded',
      databaseVersion: version,
      readDatabase,
      uptimeSeconds: Math.round(process.uptime()),
    };
  }
}
