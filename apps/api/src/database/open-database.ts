import type { Logger } from 'pino';
import type { DataSource } from 'typeorm';
import type { AppConfig } from '../config/app-config.js';
import { seedRegions } from '../modules/regions/region-seeder.js';
import { backfillProblemClassification } from '../modules/analytics/problem-classification.js';
import { backfillIndicatorAssessments } from '../modules/reports/indicator-backfill.js';
import { backfillQuality } from '../modules/quality/report-quality.js';
import { backfillRectificationItems } from '../modules/rectification/rectification-items.js';
import { backfillParagraphs } from '../modules/text-reuse/report-paragraphs.js';
import { loadUnitRegistry } from '../modules/units/unit-registry.js';
import { connect, connectReadOnly, describeDatabaseUrl, migrate } from './connect.js';
import { EmbeddedDatabase } from './embedded-database.js';
import { checkAppRole, grantAppRole, prepareEmbeddedRoles, roleWarning, urlUser } from './roles.js';

export interface OpenDatabase {
  dataSource: DataSource;
  /** What the dashboard reads from: the read-only DATABASE_READ_URL connection (readReplica), or dataSource itself. */
  readDataSource: DataSource;
  /** Closes the connection and stops the embedded server if this process started it. */
  close(): Promise<void>;
}

/**
 * DATABASE_URL, or the embedded server (reusing one a running `npm start` already serves),
 * then pending migrations, the region tree, the unit registry and — for the server (readReplica),
 * not the CLIs, which only write — the DATABASE_READ_URL replica. Shared by the server and the CLIs.
 */
export async function openDatabase(config: AppConfig, logger: Logger, options: { readReplica?: boolean } = {}): Promise<OpenDatabase> {
  const undo: Array<() => Promise<void>> = [];
  const close = async () => {
    for (const step of undo.reverse()) await step().catch((error: unknown) => logger.warn({ err: error }, 'close step failed'));
    undo.length = 0;
  };
  try {
    const urls = await resolveDatabaseUrls(config, logger, undo);
    let dataSource: DataSource;
    if (urls.migrationUrl === urls.appUrl) {
      dataSource = await connect(urls.appUrl);
      undo.push(() => dataSource.destroy());
      const applied = await migrate(dataSource);
      logger.info({ applied }, applied.length ? `applied ${applied.length} migration(s)` : 'schema up to date');
    } else {
      // Migrations as the owner, then the app role's grants re-applied, then the app connects as itself.
      const owner = await connect(urls.migrationUrl);
      try {
        const applied = await migrate(owner);
        logger.info({ applied, as: urlUser(urls.migrationUrl) }, applied.length ? `applied ${applied.length} migration(s) as ${urlUser(urls.migrationUrl)}` : 'schema up to date');
        await grantAppRole(owner, urlUser(urls.appUrl));
      } finally {
        await owner.destroy();
      }
      dataSource = await connect(urls.appUrl);
      undo.push(() => dataSource.destroy());
    }
    const warning = roleWarning(await checkAppRole(dataSource));
    if (warning) logger.warn(warning);
    const backfilled = await backfillIndicatorAssessments(dataSource);
    if (backfilled) logger.info({ backfilled }, `assessed ${backfilled} indicator row(s) written before assessments were stored`);
    const classified = await backfillProblemClassification(dataSource);
    if (classified) logger.info({ classified }, `classified ${classified} 存在的问题 statement(s) into themes and words`);
    const flagged = await backfillQuality(dataSource);
    if (flagged) logger.info({ flagged }, `computed quality flags of ${flagged} report(s) stored before they existed`);
    const shingled = await backfillParagraphs(dataSource);
    if (shingled) logger.info({ shingled }, `stored the 存在的问题 and 改进措施 paragraphs of ${shingled} confirmed report(s) for copied-text detection`);
    const rectified = await backfillRectificationItems(dataSource);
    if (rectified) logger.info({ rectified }, `made the 整改 items of ${rectified} confirmed report(s) stored before they existed`);
    const regions = await seedRegions(dataSource);
    const units = await loadUnitRegistry(dataSource, config.unitRegistryFile);
    logger.info({ regions, units }, `region tree (${regions}) and unit registry (${units}) loaded`);
    const readDataSource = options.readReplica ? await openReadDataSource(config, dataSource, logger, undo) : dataSource;
    return { dataSource, readDataSource, close };
  } catch (error) {
    await close();
    throw error;
  }
}

/** The read-only replica connection when DATABASE_READ_URL is set (its close pushed onto undo), else the primary's. */
async function openReadDataSource(config: AppConfig, primary: DataSource, logger: Logger, undo: Array<() => Promise<void>>): Promise<DataSource> {
  if (!config.databaseReadUrl) return primary;
  const replica = await connectReadOnly(config.databaseReadUrl);
  undo.push(() => replica.destroy());
  const [{ standby }] = await replica.query(`SELECT pg_is_in_recovery() AS standby`);
  const where = describeDatabaseUrl(config.databaseReadUrl);
  logger.info({ database: where, standby }, `dashboard reads from ${standby ? 'the hot standby' : 'the server'} at ${where} (DATABASE_READ_URL)`);
  return replica;
}

export interface DatabaseUrls {
  /** What the API connects as. */
  appUrl: string;
  /** What migrations run as (the owner); the same as appUrl when no separate owner is configured. */
  migrationUrl: string;
}

/**
 * DATABASE_URL (with MIGRATION_DATABASE_URL as the owner when set), or the embedded server —
 * started here (its stop pushed onto undo) or reused — with its owner and app roles.
 */
export async function resolveDatabaseUrls(config: AppConfig, logger: Logger, undo: Array<() => Promise<void>>): Promise<DatabaseUrls> {
  if (config.databaseUrl) {
    logger.info({ database: describeDatabaseUrl(config.databaseUrl), kind: 'external' }, `using PostgreSQL from DATABASE_URL: ${describeDatabaseUrl(config.databaseUrl)}`);
    return { appUrl: config.databaseUrl, migrationUrl: config.migrationDatabaseUrl ?? config.databaseUrl };
  }
  const embedded = new EmbeddedDatabase({
    dataDir: config.dataDir,
    port: config.embeddedPgPort,
    onLog: (line) => logger.debug({ component: 'embedded-postgres' }, line),
  });
  let superUrl = await embedded.runningUrl();
  if (superUrl) {
    logger.info({ kind: 'embedded' }, `using the embedded PostgreSQL already running on 127.0.0.1:${config.embeddedPgPort}`);
  } else {
    superUrl = await embedded.start();
    undo.push(() => embedded.stop().then(() => logger.info('embedded PostgreSQL stopped')));
    logger.info(
      { database: describeDatabaseUrl(superUrl), kind: 'embedded', dataDir: embedded.clusterDir },
      `using embedded PostgreSQL on 127.0.0.1:${config.embeddedPgPort}, data in ${embedded.clusterDir}`,
    );
  }
  const { ownerUrl, appUrl } = await prepareEmbeddedRoles(superUrl, config.dataDir);
  return { appUrl, migrationUrl: ownerUrl };
}
