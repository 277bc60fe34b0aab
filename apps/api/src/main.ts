import 'reflect-metadata';
import { ConfigError, loadConfig } from './config/app-config.js';
import { DatabaseConnectError } from './database/connect.js';
import { DatabaseStartError } from './database/embedded-database.js';
import { createLogger } from './logging/logger.js';
import { StartupError, startServer } from './server.js';

const KNOWN = [ConfigError, DatabaseConnectError, DatabaseStartError, StartupError];

async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n`);
    process.exit(1);
  }
  const logger = createLogger(config.logLevel);
  try {
    const server = await startServer(config, logger);
    let stopping = false;
    const shutdown = (signal: string) => {
      if (stopping) return;
      stopping = true;
      logger.info({ signal }, 'shutting down');
      server.stop().then(
        () => process.exit(0),
        () => process.exit(1),
      );
    };
    process.on('SIGINT', () => shutdown('SIGINT'));
    process.on('SIGTERM', () => shutdown('SIGTERM'));
  } catch (error) {
    const known = KNOWN.some((type) => error instanceof type);
    logger.fatal({ err: known ? undefined : error }, 'start-up failed');
    process.stderr.write(`Start-up failed: ${known ? (error as Error).message : String((error as Error)?.message ?? error)}\n`);
    process.exit(1);
  }
}

void main();
