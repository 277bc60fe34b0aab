import { existsSync } from 'node:fs';
import path from 'node:path';
import { type DynamicModule, Module } from '@nestjs/common';
import { ServeStaticModule } from '@nestjs/serve-static';
import type { Logger } from 'pino';
import type { DataSource } from 'typeorm';
import { webStaticOptions } from './common/static-cache.js';
import type { AppConfig } from './config/app-config.js';
import { ConfigModule } from './config/config.module.js';
import { DatabaseModule } from './database/database.module.js';
import { AnalyticsModule } from './modules/analytics/analytics.module.js';
import { AuditModule } from './modules/audit/audit.module.js';
import { ExportsModule } from './modules/exports/exports.module.js';
import { AuthModule } from './modules/auth/auth.module.js';
import { HealthModule } from './modules/health/health.module.js';
import { RegionsModule } from './modules/regions/regions.module.js';
import { UnitsModule } from './modules/units/units.module.js';
import { UsersModule } from './modules/users/users.module.js';
import { DocumentsModule } from './modules/documents/documents.module.js';
import { QualityModule } from './modules/quality/quality.module.js';
import { RectificationModule } from './modules/rectification/rectification.module.js';
import { ReportsModule } from './modules/reports/reports.module.js';
import { SettingsModule } from './modules/settings/settings.module.js';
import { SpotCheckModule } from './modules/spotcheck/spot-check.module.js';
import { TemplatesModule } from './modules/templates/templates.module.js';
import { TextReuseModule } from './modules/text-reuse/text-reuse.module.js';

@Module({})
export class AppModule {
  static forRoot(dataSource: DataSource, readDataSource: DataSource, config: AppConfig, logger: Logger): DynamicModule {
    const hasWeb = existsSync(path.join(config.webDistDir, 'index.html'));
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config, logger),
        DatabaseModule.forDataSource(dataSource, readDataSource),
        AuditModule,
        AuthModule,
        UsersModule,
        RegionsModule,
        UnitsModule,
        HealthModule,
        SettingsModule,
        ReportsModule,
        DocumentsModule,
        TemplatesModule,
        AnalyticsModule,
        QualityModule,
        TextReuseModule,
        SpotCheckModule,
        RectificationModule,
        ExportsModule,
        ...(hasWeb
          ? [ServeStaticModule.forRoot({ rootPath: config.webDistDir, exclude: ['/api/{*path}'], serveStaticOptions: webStaticOptions(config.webDistDir) })]
          : []),
      ],
    };
  }
}
