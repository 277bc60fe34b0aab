import 'reflect-metadata';
import { loadConfig } from '../config/app-config.js';
import { connect, describeDatabaseUrl } from '../database/connect.js';
import { EmbeddedDatabase } from '../database/embedded-database.js';

/** npm run migration:run | migration:revert — the same DataSource options as the app. */
async function main(): Promise<void> {
  const command = process.argv[2];
  if (command !== 'up' && command !== 'down') throw new Error('usage: migrate.js up|down');
  const config = loadConfig();
  const embedded = config.databaseUrl ? null : new EmbeddedDatabase({ dataDir: config.dataDir, port: config.embeddedPgPort });
  const running = embedded ? await embedded.runningUrl() : null;
  const url = config.databaseUrl ?? running ?? (await embedded!.start());
  const dataSource = await connect(url);
  try {
    if (command === 'up') {
      const applied = await dataSource.runMigrations({ transaction: 'each' });
      process.stdout.write(`${describeDatabaseUrl(url)}: applied ${applied.length} migration(s)${applied.map((m) => `\n  ${m.name}`).join('')}\n`);
    } else {
      await dataSource.undoLastMigration({ transaction: 'each' });
      process.stdout.write(`${describeDatabaseUrl(url)}: reverted the last migration\n`);
    }
  } finally {
    await dataSource.destroy();
    if (!running) await embedded?.stop();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
