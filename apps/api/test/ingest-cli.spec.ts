import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { createTestDatabase, type TestDatabase } from './support/test-database.js';
import { SEED_DIR } from './support/uploads.js';

const cli = fileURLToPath(new URL('../dist/cli/ingest.js', import.meta.url));

function ingest(db: TestDatabase, args: string[]) {
  return spawnSync(process.execPath, [cli, ...args], {
    env: { ...process.env, DATABASE_URL: db.url, LOG_LEVEL: 'silent' },
    encoding: 'utf8',
    timeout: 120_000,
  });
}

describe('npm run ingest (built CLI, same service code as the API)', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(() => db.drop());

  it('imports a folder with --confirm: one line per file and a summary', () => {
    const run = ingest(db, [SEED_DIR, '--confirm']);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const lines = run.stdout.trim().split('\n');
    expect(lines).toHaveLength(6);
    expect(lines.slice(0, 5).every((l) => l.startsWith('✓ 新增 '))).toBe(true);
    expect(lines.find((l) => l.includes('000_'))).toMatch(/浏阳市工业和信息化局 2021 已确认.*另含 1 份项目支出自评/);
    expect(lines[5]).toBe('共 5 个文件：新增 5，已存在 0，失败 0');
  });

  it('again: everything already there; a missing path and a bad file make it exit 1', async () => {
    const run = ingest(db, [SEED_DIR, '/no/such/folder', fileURLToPath(new URL('../package.json', import.meta.url))]);
    expect(run.status).toBe(1);
    const lines = run.stdout.trim().split('\n');
    expect(lines.filter((l) => l.startsWith('= 已存在 '))).toHaveLength(5);
    expect(lines).toContain('✗ /no/such/folder: 文件或文件夹不存在');
    expect(lines.some((l) => l.startsWith('✗ package.json: '))).toBe(true);
    expect(lines[lines.length - 1]).toBe('共 7 个文件：新增 0，已存在 5，失败 2');
    const client = new pg.Client({ connectionString: db.url });
    await client.connect();
    const { rows } = await client.query(`SELECT status, count(*)::int AS n FROM report GROUP BY status`);
    await client.end();
    expect(rows).toEqual([{ status: 'confirmed', n: 6 }]);
  });

  it('without paths prints the usage and exits 2', () => {
    const run = ingest(db, []);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('usage: npm run ingest -- <files or folders> [--confirm]');
  });
});

describe('npm run synthetic (built CLI)', () => {
  const synthetic = fileURLToPath(new URL('../dist/cli/synthetic.js', import.meta.url));

  it.each([
    [['--units-per-region', '0']],
    [['--years', '2024-2019']],
    [['--units-per-region', 'many']],
  ])('refuses %j with the usage line and writes nothing', (args) => {
    const run = spawnSync(process.execPath, [synthetic, ...args], {
      env: { ...process.env, DATABASE_URL: 'postgres://nobody@127.0.0.1:1/none', LOG_LEVEL: 'silent' }, encoding: 'utf8',
    });
    expect(run.status).toBe(1);
    expect(run.stderr.trim()).toBe('usage: npm run synthetic -- [--units-per-region 1..500] [--years 2019-2024]');
  });
});
