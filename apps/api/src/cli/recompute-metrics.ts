import 'reflect-metadata';
import { loadConfig } from '../config/app-config.js';
import { openDatabase } from '../database/open-database.js';
import { createLogger } from '../logging/logger.js';
import { recomputeStoredMetrics } from '../modules/reports/metric-recompute.js';

/**
 * npm run recompute-metrics
 * After a metric definition changes (libs/metrics, the SQL view): every stored indicator
 * assessment and report_metric row recomputed in one transaction, and data_version moved so the
 * analytics cache of every running process drops its answers.
 */
async function main(): Promise<void> {
  const database = await openDatabase(loadConfig(), createLogger(process.env.LOG_LEVEL ?? 'warn'));
  try {
    const started = Date.now();
    const summary = await recomputeStoredMetrics(database.dataSource);
    process.stdout.write(
      `指标已重算：${summary.indicators} 条指标的达标判断、${summary.metrics} 份报告的指标值有变化；数据版本 ${summary.dataVersion}（${((Date.now() - started) / 1000).toFixed(1)} 秒）\n`,
    );
  } finally {
    await database.close();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`指标重算失败：${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
