import { rm } from 'node:fs/promises';
import pg from 'pg';

/** Drops this run's template (external server) or stops the embedded server, deleting its folder. */
export default async function globalTeardown() {
  if (globalThis.__HP_EMBEDDED__) {
    await globalThis.__HP_EMBEDDED__.stop();
    await rm(globalThis.__HP_EMBEDDED_DIR__, { recursive: true, force: true });
    return;
  }
  const client = new pg.Client({ connectionString: process.env.HP_TEST_SERVER_URL });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS ${process.env.HP_TEST_TEMPLATE} WITH (FORCE)`);
  } finally {
    await client.end();
  }
}
