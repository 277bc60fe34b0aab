import { execFile, execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chown, mkdtemp, rm } from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import { databaseUrlFor } from './database-url.js';

const run = promisify(execFile);

/** Debian's PostgreSQL 15 server binaries (the postgresql-15 package); the embedded package ships no pg_basebackup. */
export const PG_BIN = process.env.PG_BIN_DIR ?? '/usr/lib/postgresql/15/bin';
const TOOLS = ['initdb', 'pg_ctl', 'pg_basebackup', 'postgres'];

export interface StreamingPair {
  /** Superuser URLs (trust on 127.0.0.1) of the primary and of its hot standby, database `postgres`. */
  primaryUrl: string;
  standbyUrl: string;
  /** Runs SQL on one server as the superuser, on a connection of its own (database `postgres` unless named). */
  sql<T = Record<string, unknown>>(server: 'primary' | 'standby', text: string, params?: unknown[], database?: string): Promise<T[]>;
  /** Waits until the standby has replayed everything the primary has written so far (bounded attempts). */
  caughtUp(): Promise<void>;
  /** Stops both servers at once and removes their folders; safe to call after a failed start. */
  stop(): Promise<void>;
}

/**
 * A primary (wal_level=replica) and a streaming hot standby made from it with `pg_basebackup -R`,
 * each on a free 127.0.0.1 port, in a temp folder owned by the postgres OS user (PostgreSQL refuses
 * to run as root, and the tests do).
 */
export async function startStreamingPair(): Promise<StreamingPair> {
  const missing = TOOLS.filter((tool) => !existsSync(path.join(PG_BIN, tool)));
  if (missing.length > 0) {
    throw new Error(
      `PostgreSQL 15 server programs missing in ${PG_BIN} (${missing.join(', ')}): install the Debian package postgresql-15 (apt-get install postgresql-15), or set PG_BIN_DIR`,
    );
  }
  const owner = os.userInfo().uid === 0 ? postgresUser() : null;
  const dir = await mkdtemp(path.join(os.tmpdir(), 'hp-replica-'));
  const primaryDir = path.join(dir, 'primary');
  const standbyDir = path.join(dir, 'standby');
  const started: string[] = [];
  const as = (tool: string, args: string[]) =>
    run(path.join(PG_BIN, tool), args, { ...(owner ?? {}), cwd: dir, env: { ...process.env, LC_ALL: 'C' }, timeout: 120_000 });
  const stop = async () => {
    for (const data of started.reverse()) await as('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']).catch(() => undefined);
    started.length = 0;
    await rm(dir, { recursive: true, force: true });
  };
  const [primaryPort, standbyPort] = [await freePort(), await freePort()];
  try {
    if (owner) await chown(dir, owner.uid, owner.gid);
    const serverFlags = (port: number) => `-c port=${port} -c listen_addresses=127.0.0.1 -c unix_socket_directories='${dir}' -c fsync=off`;
    await as('initdb', ['-D', primaryDir, '-U', 'postgres', '--auth=trust', '--encoding=UTF8', '--no-locale']);
    const primaryFlags = `${serverFlags(primaryPort)} -c wal_level=replica -c max_wal_senders=4`;
    await as('pg_ctl', ['-D', primaryDir, '-l', path.join(dir, 'primary.log'), '-o', primaryFlags, '-w', 'start']);
    started.push(primaryDir);
    await as('pg_basebackup', ['-h', '127.0.0.1', '-p', String(primaryPort), '-U', 'postgres', '-D', standbyDir, '-R', '-X', 'stream', '-c', 'fast']);
    await as('pg_ctl', ['-D', standbyDir, '-l', path.join(dir, 'standby.log'), '-o', `${serverFlags(standbyPort)} -c hot_standby=on`, '-w', 'start']);
    started.push(standbyDir);
  } catch (error) {
    await stop();
    throw error;
  }
  const urls = { primary: `postgres://postgres@127.0.0.1:${primaryPort}/postgres`, standby: `postgres://postgres@127.0.0.1:${standbyPort}/postgres` };
  const sql = async <T>(server: 'primary' | 'standby', text: string, params: unknown[] = [], database = 'postgres'): Promise<T[]> => {
    const client = new pg.Client({ connectionString: databaseUrlFor(urls[server], database) });
    await client.connect();
    try {
      return (await client.query(text, params)).rows as T[];
    } finally {
      await client.end();
    }
  };
  const caughtUp = async () => {
    const [{ lsn }] = await sql<{ lsn: string }>('primary', `SELECT pg_current_wal_lsn()::text AS lsn`);
    for (let attempt = 0; attempt < 400; attempt += 1) {
      const [{ replayed }] = await sql<{ replayed: boolean }>('standby', `SELECT pg_last_wal_replay_lsn() >= $1::pg_lsn AS replayed`, [lsn]);
      if (replayed) return;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    throw new Error(`the standby did not replay the primary's WAL up to ${lsn} after 400 checks`);
  };
  return { primaryUrl: urls.primary, standbyUrl: urls.standby, sql, caughtUp, stop };
}

function postgresUser(): { uid: number; gid: number } {
  try {
    const id = (flag: string) => Number(execFileSync('id', [flag, 'postgres'], { encoding: 'utf8' }).trim());
    return { uid: id('-u'), gid: id('-g') };
  } catch {
    throw new Error('No postgres OS user: install the Debian package postgresql-15 (it creates the user), or run the tests as a non-root user');
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}
