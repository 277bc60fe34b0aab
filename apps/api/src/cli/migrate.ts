import 'reflect-metadata';
import { loadConfig } from '../config/app-config.js';
import { connect, describeDatabaseUrl } from '../database/connect.js';
import { resolveDatabaseUrls } from '../database/open-database.js';
import { grantAppRole, urlUser } from '../database/roles.js';
import { createLogger } from '../logging/logger.js';

/**
 * npm run migration:run | migration:revert — the same DataSource options as the app, as the
 * owner role (MIGRATION_DATABASE_URL, or the embedded owner); the app role's grants follow.
 */
async function main(): Promise<void> {
  const command = process.argv[2];
  if (command !== 'up' && command !== 'down') throw new Error('usage: migrate.js up|down');
  const config = loadConfig();
  const undo: Array<() => Promise<void>> = [];
  try {
    const { appUrl, migrationUrl: url } = await resolveDatabaseUrls(config, createLogger('warn'), undo);
    const dataSource = await connect(url);
    try {
      if (command === 'up') {
        const applied = await dataSource.runMigrations({ transaction: 'each' });
        process.stdout.write(`${describeDatabaseUrl(url)}: applied ${applied.length} migration(s)${applied.map((m) => `\n  ${m.name}`).join('')}\n`);
      } else {
        await dataSource.undoLastMigration({ transaction: 'each' });
        process.stdout.write(`${describeDatabaseUrl(url)}: reverted the last migration\n`);
      }
      if (appUrl !== url) await grantAppRole(dataSource, urlUser(appUrl));
    } finally {
      await dataSource.destroy();
    }
  } finally {
    for (const step of undo.reverse()) await step();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
