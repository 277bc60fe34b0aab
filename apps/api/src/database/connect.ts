import { DataSource } from 'typeorm';
import { dataSourceOptions } from './data-source-options.js';

export class DatabaseConnectError extends Error {}

/** "postgres://user@host:port/db" without the password, for logs and messages. */
export function describeDatabaseUrl(url: string): string {
  try {
    const u = new URL(url);
    return `postgres://${u.username ? `${decodeURIComponent(u.username)}@` : ''}${u.hostname}:${u.port || 5432}${u.pathname}`;
  } catch {
    return '(unparseable DATABASE_URL)';
  }
}

/** Opens the DataSource; a failure becomes one line that says where and why. */
export async function connect(url: string): Promise<DataSource> {
  return open(new DataSource(dataSourceOptions(url)), url, 'PostgreSQL', 'Check DATABASE_URL, or unset it to use the embedded database.');
}

/**
 * The dashboard's read connection to DATABASE_READ_URL: every session read-only
 * (default_transaction_read_only), so a write sent there by mistake fails instead of landing on
 * a server that is not the primary. It must hold the schema (a standby of DATABASE_URL's database).
 */
export async function connectReadOnly(url: string): Promise<DataSource> {
  const hint = 'Check DATABASE_READ_URL (a hot standby of DATABASE_URL), or unset it to read from the primary.';
  const dataSource = await open(new DataSource(dataSourceOptions(url, ['default_transaction_read_only=on'])), url, 'the read replica', hint);
  const [{ present }] = await dataSource.query(`SELECT to_regclass('public.data_version') IS NOT NULL AS present`);
  if (!present) {
    await dataSource.destroy();
    throw new DatabaseConnectError(`The read replica at ${describeDatabaseUrl(url)} holds no dashboard tables (no data_version). ${hint}`);
  }
  return dataSource;
}

async function open(dataSource: DataSource, url: string, what: string, hint: string): Promise<DataSource> {
  try {
    await dataSource.initialize();
    return dataSource;
  } catch (error) {
    const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
    throw new DatabaseConnectError(`Cannot connect to ${what} at ${describeDatabaseUrl(url)}: ${reason}. ${hint}`);
  }
}

/** Runs every pending migration, each in its own transaction; returns the names applied. */
export async function migrate(dataSource: DataSource): Promise<string[]> {
  const applied = await dataSource.runMigrations({ transaction: 'each' });
  return applied.map((m) => m.name);
}
