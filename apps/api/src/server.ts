import type { INestApplication } from '@nestjs/common';
import type { Logger } from 'pino';
import type { DataSource } from 'typeorm';
import type { AppConfig } from './config/app-config.js';
import { createApp } from './create-app.js';
import { openDatabase } from './database/open-database.js';
import { IngestionService } from './modules/documents/ingestion.service.js';
import { loadSampleReports } from './modules/documents/sample-data.js';
import { ReportsRepository } from './modules/reports/reports.repository.js';
import { UsersService } from './modules/users/users.service.js';

export class StartupError extends Error {}

export interface RunningServer {
  app: INestApplication;
  dataSource: DataSource;
  /** The dashboard's read connection (the replica's when DATABASE_READ_URL is set). */
  readDataSource: DataSource;
  url: string;
  stop(): Promise<void>;
}

/**
 * Start-up in order: database (embedded when no DATABASE_URL) → migrations → regions and
 * units → the read replica (DATABASE_READ_URL) → first admin → sample reports on an empty
 * database → HTTP. Each failure is one clear line; whatever started is stopped again.
 */
export async function startServer(config: AppConfig, logger: Logger): Promise<RunningServer> {
  const database = await openDatabase(config, logger, { readReplica: true });
  let app: INestApplication | null = null;
  const stop = async () => {
    await app?.close().catch((error: unknown) => logger.warn({ err: error }, 'closing the app failed'));
    app = null;
    await database.close();
  };
  try {
    app = await createApp(database.dataSource, config, logger, database.readDataSource);
    const admin = await app.get(UsersService).ensureAdmin(config.adminPassword);
    if (admin.generatedPassword) {
      // Shown once, on the console only — never written to the structured log.
      process.stderr.write(`\n  首次启动：已创建管理员账号 admin，初始密码 ${admin.generatedPassword}\n  (first start: created user "admin" with password ${admin.generatedPassword}; change it after signing in)\n\n`);
    } else if (admin.created) {
      logger.info('first start: created user "admin" with the password from ADMIN_PASSWORD');
    }
    if (config.loadSampleData && (await app.get(ReportsRepository).count()) === 0) {
      const loaded = await loadSampleReports(app.get(IngestionService), config.sampleReportsDir, logger);
      logger.info({ loaded }, `empty database: loaded ${loaded} sample report(s) from ${config.sampleReportsDir}`);
    }
    await listen(app, config);
    const address = `http://localhost:${config.port}`;
    logger.info({ url: address }, `listening on ${address}`);
    return { app, dataSource: database.dataSource, readDataSource: database.readDataSource, url: address, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

async function listen(app: INestApplication, config: AppConfig): Promise<void> {
  try {
    await app.listen(config.port, config.host);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EADDRINUSE') {
      throw new StartupError(`Port ${config.port} is already in use. Stop the other program or start with PORT=<free port> npm start.`);
    }
    if (code === 'EACCES') throw new StartupError(`Not allowed to listen on port ${config.port}. Choose a port above 1024 with PORT=.`);
    throw error;
  }
}
