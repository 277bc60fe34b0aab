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
  const dataSource = new DataSource(dataSourceOptions(url));
  try {
    await dataSource.initialize();
    return dataSource;
  } catch (error) {
    const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
    throw new DatabaseConnectError(
      `Cannot connect to PostgreSQL at ${describeDatabaseUrl(url)}: ${reason}. Check DATABASE_URL, or unset it to use the embedded database.`,
    );
  }
}

/** Runs every pending migration, each in its own transaction; returns the names applied. */
export async function migrate(dataSource: DataSource): Promise<string[]> {
  const applied = await dataSource.runMigrations({ transaction: 'each' });
  return applied.map((m) => m.name);
}
