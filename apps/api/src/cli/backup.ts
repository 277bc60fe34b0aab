import { spawnSync } from 'node:child_process';
import { loadConfig } from '../config/app-config.js';
import { describeDatabaseUrl } from '../database/connect.js';
import { EmbeddedDatabase } from '../database/embedded-database.js';

/**
 * npm run backup -- <file.dump>            pg_dump (custom format) of the app's database
 * npm run restore -- <file.dump> <url>     pg_restore into the database at <url> (a fresh one)
 * The database is DATABASE_URL, or the embedded server (used while `npm start` runs, or started
 * for the duration). Needs PostgreSQL client tools of the server's major version (pg_dump 15).
 */
async function main(): Promise<number> {
  const [command, file, target] = process.argv.slice(2);
  if ((command !== 'backup' && command !== 'restore') || !file || (command === 'restore' && !target)) {
    process.stderr.write('usage: npm run backup -- <file.dump>   |   npm run restore -- <file.dump> <postgres://… of an empty database>\n');
    return 2;
  }
  const config = loadConfig();
  let embedded: EmbeddedDatabase | null = null;
  let url = config.databaseUrl;
  if (!url) {
    const db = new EmbeddedDatabase({ dataDir: config.dataDir, port: config.embeddedPgPort });
    url = await db.runningUrl();
    if (!url) {
      url = await db.start();
      embedded = db;
    }
  }
  try {
    const args = command === 'backup'
      ? ['pg_dump', ['--format=custom', '--no-owner', '--no-privileges', `--file=${file}`, `--dbname=${url}`]]
      : ['pg_restore', ['--no-owner', '--no-privileges', '--exit-on-error', `--dbname=${target}`, file]];
    const run = spawnSync(args[0] as string, args[1] as string[], { stdio: ['ignore', 'inherit', 'pipe'], encoding: 'utf8' });
    if (run.error) throw new Error(`${args[0]} could not be run (${run.error.message}); install the PostgreSQL client tools (Debian: apt-get install postgresql-client)`);
    if (run.status !== 0) throw new Error(`${args[0]} failed: ${run.stderr.trim().split('\n').slice(-2).join(' ')}`);
    process.stdout.write(command === 'backup'
      ? `已备份 ${describeDatabaseUrl(url)} → ${file}\n`
      : `已从 ${file} 恢复到 ${describeDatabaseUrl(target!)}\n`);
    return 0;
  } finally {
    await embedded?.stop();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  },
);
