import { spawnSync } from 'node:child_process';
import { existsSync, rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ConfigError, loadConfig } from '../src/config/app-config.js';
import { DatabaseConnectError } from '../src/database/connect.js';
import { DatabaseStartError, EmbeddedDatabase } from '../src/database/embedded-database.js';
import { createLogger } from '../src/logging/logger.js';
import { StartupError, startServer } from '../src/server.js';
import { createTestDatabase, type TestDatabase } from './support/test-database.js';

const silent = createLogger('silent');
const mainJs = fileURLToPath(new URL('../dist/main.js', import.meta.url));

function occupyPort(): Promise<net.Server & { port: number }> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.listen(0, '127.0.0.1', () => resolve(Object.assign(server, { port: (server.address() as net.AddressInfo).port })));
  });
}

describe('start-up: bad configuration ends with one clear line', () => {
  it('rejects a malformed DATABASE_URL and a bad PORT, naming both', () => {
    expect(() => loadConfig({ DATABASE_URL: 'mysql://x', PORT: 'eighty' })).toThrow(ConfigError);
    try {
      loadConfig({ DATABASE_URL: 'mysql://x', PORT: 'eighty' });
    } catch (error) {
      expect((error as Error).message).toMatch(/DATABASE_URL must look like postgres:\/\//);
      expect((error as Error).message).toMatch(/PORT/);
      expect((error as Error).message).not.toContain('\n');
    }
  });

  it('a malformed DATABASE_READ_URL, or one without DATABASE_URL, is one line naming it', () => {
    const message = (env: NodeJS.ProcessEnv) => {
      try {
        loadConfig(env);
      } catch (error) {
        expect(error).toBeInstanceOf(ConfigError);
        return (error as Error).message;
      }
      throw new Error('accepted');
    };
    expect(message({ DATABASE_URL: 'postgres://a@h/db', DATABASE_READ_URL: 'standby:5432' })).toMatch(/DATABASE_READ_URL must look like postgres:\/\//);
    expect(message({ DATABASE_READ_URL: 'postgres://a@standby/db' })).toBe(
      'Invalid environment: DATABASE_READ_URL needs DATABASE_URL (the primary it is a standby of); set both, or unset DATABASE_READ_URL',
    );
    expect(loadConfig({ DATABASE_URL: 'postgres://a@h/db', DATABASE_READ_URL: 'postgres://a@standby/db' }).databaseReadUrl).toBe('postgres://a@standby/db');
    expect(loadConfig({ DATABASE_URL: 'postgres://a@h/db' }).databaseReadUrl).toBeNull();
  });

  it('an unreachable DATABASE_URL says where and what to do', async () => {
    const config = { ...loadConfig({}), databaseUrl: 'postgres://nobody@127.0.0.1:1/nothing' };
    const error = await startServer(config, silent).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DatabaseConnectError);
    expect((error as Error).message).toMatch(/^Cannot connect to PostgreSQL at postgres:\/\/nobody@127\.0\.0\.1:1\/nothing: .*Check DATABASE_URL/);
    expect((error as Error).message).not.toContain('\n');
  });

  describe('with a reachable database', () => {
    let db: TestDatabase;
    beforeAll(async () => {
      db = await createTestDatabase();
    });
    afterAll(() => db.drop());

    it('a port already in use is named with the way out', async () => {
      const busy = await occupyPort();
      try {
        const config = { ...loadConfig({ LOG_LEVEL: 'silent' }), databaseUrl: db.url, port: busy.port, host: '127.0.0.1' };
        const error = await startServer(config, silent).catch((e: unknown) => e);
        expect(error).toBeInstanceOf(StartupError);
        expect((error as Error).message).toBe(`Port ${busy.port} is already in use. Stop the other program or start with PORT=<free port> npm start.`);
      } finally {
        busy.close();
      }
    });

    it('an unreachable DATABASE_READ_URL stops start-up with one line naming it', async () => {
      const config = { ...loadConfig({ LOG_LEVEL: 'silent' }), databaseUrl: db.url, databaseReadUrl: 'postgres://nobody@127.0.0.1:1/standby', port: 0 };
      const error = await startServer(config, silent).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(DatabaseConnectError);
      expect((error as Error).message).toMatch(
        /^Cannot connect to the read replica at postgres:\/\/nobody@127\.0\.0\.1:1\/standby: .*ECONNREFUSED.*\. Check DATABASE_READ_URL \(a hot standby of DATABASE_URL\), or unset it to read from the primary\.$/,
      );
      expect((error as Error).message).not.toContain('\n');
    });

    it('starts, serves health, and stops cleanly', async () => {
      const config = { ...loadConfig({ LOG_LEVEL: 'silent' }), databaseUrl: db.url, port: 0, host: '127.0.0.1', adminPassword: 'first-admin-pw' };
      const server = await startServer(config, silent);
      try {
        const [{ n }] = await server.dataSource.query(`SELECT count(*)::int AS n FROM app_user WHERE username = 'admin' AND role = 'admin'`);
        expect(n).toBe(1);
      } finally {
        await server.stop();
      }
      expect(server.dataSource.isInitialized).toBe(false);
    });
  });

  it('an unwritable data folder is named', async () => {
    const file = path.join(os.tmpdir(), `hp-not-a-folder-${process.pid}`);
    writeFileSync(file, 'x');
    const embedded = new EmbeddedDatabase({ dataDir: path.join(file, 'data'), port: 54999 });
    const error = await embedded.start().catch((e: unknown) => e);
    rmSync(file, { force: true });
    expect(error).toBeInstanceOf(DatabaseStartError);
    expect((error as Error).message).toMatch(new RegExp(`^The data folder ${file}/data is not writable .*Set DATA_DIR`));
  });

  it('an embedded port already in use is named', async () => {
    const busy = await occupyPort();
    try {
      const dataDir = path.join(os.tmpdir(), `hp-port-${process.pid}`);
      const embedded = new EmbeddedDatabase({ dataDir, port: busy.port });
      const error = await embedded.start().catch((e: unknown) => e);
      rmSync(dataDir, { recursive: true, force: true });
      expect(error).toBeInstanceOf(DatabaseStartError);
      expect((error as Error).message).toMatch(new RegExp(`^Port ${busy.port} is already in use.*EMBEDDED_PG_PORT`));
    } finally {
      busy.close();
    }
  });

  it('the built server prints one line and exits 1, no stack trace', () => {
    expect(existsSync(mainJs)).toBe(true); // npm test builds first; run `npm run build` if this fails
    const run = spawnSync(process.execPath, [mainJs], {
      env: { ...process.env, DATABASE_URL: 'postgres://nobody@127.0.0.1:1/nothing', LOG_LEVEL: 'silent' },
      encoding: 'utf8',
      timeout: 30_000,
    });
    expect(run.status).toBe(1);
    const lines = run.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^Start-up failed: Cannot connect to PostgreSQL at postgres:\/\/nobody@127\.0\.0\.1:1\/nothing/);
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });
});
