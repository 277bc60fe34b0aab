import type { Logger } from 'pino';
import type { DataSource } from 'typeorm';
import type { AppConfig } from '../config/app-config.js';
import { seedRegions } from '../modules/regions/region-seeder.js';
import { backfillIndicatorAssessments } from '../modules/reports/indicator-backfill.js';
import { loadUnitRegistry } from '../modules/units/unit-registry.js';
import { connect, describeDatabaseUrl, migrate } from './connect.js';
import { EmbeddedDatabase } from './embedded-database.js';

export interface OpenDatabase {
  dataSource: DataSource;
  /** Closes the connection and stops the embedded server if this process started it. */
  close(): Promise<void>;
}

/**
 * DATABASE_URL, or the embedded server (reusing one a running `npm start` already serves),
 * then pending migrations, the region tree and the unit registry. Shared by the server and the CLIs.
 */
export async function openDatabase(config: AppConfig, logger: Logger): Promise<OpenDatabase> {
  const undo: Array<() => Promise<void>> = [];
  const close = async () => {
    for (const step of undo.reverse()) await step().catch((error: unknown) => logger.warn({ err: error }, 'close step failed'));
    undo.length = 0;
  };
  try {
    let url = config.databaseUrl;
    if (url) {
      logger.info({ database: describeDatabaseUrl(url), kind: 'external' }, `using PostgreSQL from DATABASE_URL: ${describeDatabaseUrl(url)}`);
    } else {
      const embedded = new EmbeddedDatabase({
        dataDir: config.dataDir,
        port: config.embeddedPgPort,
        onLog: (line) => logger.debug({ component: 'embedded-postgres' }, line),
      });
      url = await embedded.runningUrl();
      if (url) {
        logger.info({ kind: 'embedded' }, `using the embedded PostgreSQL already running on 127.0.0.1:${config.embeddedPgPort}`);
      } else {
        url = await embedded.start();
        undo.push(() => embedded.stop().then(() => logger.info('embedded PostgreSQL stopped')));
        logger.info(
          { database: describeDatabaseUrl(url), kind: 'embedded', dataDir: embedded.clusterDir },
          `using embedded PostgreSQL on 127.0.0.1:${config.embeddedPgPort}, data in ${embedded.clusterDir}`,
        );
      }
    }
    const dataSource = await connect(url);
    undo.push(() => dataSource.destroy());
    const applied = await migrate(dataSource);
    logger.info({ applied }, applied.length ? `applied ${applied.length} migration(s)` : 'schema up to date');
    const backfilled = await backfillIndicatorAssessments(dataSource);
    if (backfilled) logger.info({ backfilled }, `assessed ${backfilled} indicator row(s) written before assessments were stored`);
    const regions = await seedRegions(dataSource);
    const units = await loadUnitRegistry(dataSource, config.unitRegistryFile);
    logger.info({ regions, units }, `region tree (${regions}) and unit registry (${units}) loaded`);
    return { dataSource, close };
  } catch (error) {
    await close();
    throw error;
  }
}
