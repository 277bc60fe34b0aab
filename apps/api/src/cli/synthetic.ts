import 'reflect-metadata';
import { loadConfig } from '../config/app-config.js';
import { openDatabase } from '../database/open-database.js';
import { createLogger } from '../logging/logger.js';
import { generateProvinceDataset } from '../modules/synthetic/province-dataset.js';

/**
 * npm run synthetic -- [--units-per-region 40] [--years 2019-2024]
 * Writes a province-sized synthetic dataset into the configured database, every row flagged
 * synthetic (hidden from dashboards unless includeSynthetic=true).
 */
async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const value = (name: string, fallback: string) => {
    const i = args.indexOf(name);
    return i >= 0 && args[i + 1] ? args[i + 1]! : fallback;
  };
  const unitsPerRegion = Number(value('--units-per-region', '40'));
  const [from, to] = value('--years', '2019-2024').split('-').map(Number);
  if (!Number.isInteger(unitsPerRegion) || unitsPerRegion < 1 || unitsPerRegion > 500 || !from || !to || to < from || to - from > 30) {
    throw new Error('usage: npm run synthetic -- [--units-per-region 1..500] [--years 2019-2024]');
  }
  const years = Array.from({ length: to - from + 1 }, (_, i) => from + i);
  const database = await openDatabase(loadConfig(), createLogger(process.env.LOG_LEVEL ?? 'warn'));
  try {
    const started = Date.now();
    const summary = await generateProvinceDataset(database.dataSource, { unitsPerRegion, years });
    process.stdout.write(
      `合成数据已写入：${summary.units} 个单位，${summary.reports} 份报告，${summary.indicators} 条指标（${((Date.now() - started) / 1000).toFixed(1)} 秒；均标记为合成数据）\n`,
    );
  } finally {
    await database.close();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
