import 'reflect-metadata';
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { loadConfig } from '../config/app-config.js';
import { createApp } from '../create-app.js';
import { openDatabase } from '../database/open-database.js';
import { createLogger } from '../logging/logger.js';
import type { IngestOutcome } from '../modules/documents/ingest-types.js';
import { IngestionService } from '../modules/documents/ingestion.service.js';
import { readableFiles } from '../modules/documents/sample-data.js';

const USAGE = 'usage: npm run ingest -- <files or folders> [--confirm] [--synthetic]';

/** Expands folders (non-recursive) to the readable files they hold; a missing path is reported, not fatal. */
async function expand(args: string[]): Promise<{ files: string[]; missing: string[] }> {
  const files: string[] = [];
  const missing: string[] = [];
  for (const arg of args) {
    const info = await stat(arg).catch(() => null);
    if (!info) missing.push(arg);
    else if (info.isDirectory()) files.push(...(await readableFiles(arg)));
    else files.push(arg);
  }
  return { files, missing };
}

const STATUS_LABELS: Record<string, string> = { draft: '草稿', unresolved: '单位待识别', confirmed: '已确认', superseded: '已替代' };

export function describeOutcome(o: IngestOutcome): string {
  if ('error' in o) return `✗ ${o.fileName}: ${o.error.message}`;
  const unit = o.unit?.name ?? `单位未识别（${o.reports[0]?.unitNameInReport ?? '报告未写明单位'}）`;
  const extra = o.reports.length > 1 ? `，另含 ${o.reports.length - 1} 份项目支出自评` : '';
  const warnings = o.warnings.length ? `，${o.warnings.length} 条警告` : '';
  return `${o.created ? '✓ 新增' : '= 已存在'} ${o.fileName}: ${unit} ${o.fiscalYear ?? '年度未知'} ${STATUS_LABELS[o.status] ?? o.status}${warnings}${extra}`;
}

async function main(): Promise<number> {
  const args = process.argv.slice(2);
  const confirm = args.includes('--confirm');
  const synthetic = args.includes('--synthetic');
  const paths = args.filter((a) => !a.startsWith('--'));
  const unknown = args.filter((a) => a.startsWith('--') && !['--confirm', '--synthetic'].includes(a));
  if (paths.length === 0 || unknown.length > 0) {
    process.stderr.write(`${unknown.length ? `unknown option ${unknown.join(' ')}\n` : ''}${USAGE}\n`);
    return 2;
  }
  const config = loadConfig();
  const logger = createLogger(process.env.LOG_LEVEL ?? 'warn');
  const { files, missing } = await expand(paths);
  const database = await openDatabase(config, logger);
  const app = await createApp(database.dataSource, config, logger);
  await app.init();
  let failed = missing.length;
  let created = 0;
  let existing = 0;
  try {
    for (const name of missing) process.stdout.write(`✗ ${name}: 文件或文件夹不存在\n`);
    const ingestion = app.get(IngestionService);
    const ingestFile = async (file: string) => ingestion.ingest({ fileName: path.basename(file), bytes: await readFile(file) }, null, { confirm, synthetic });
    for await (const outcome of ingestion.ingestInOrder(files, ingestFile)) {
      process.stdout.write(`${describeOutcome(outcome)}\n`);
      if ('error' in outcome) failed += 1;
      else if (outcome.created) created += 1;
      else existing += 1;
    }
  } finally {
    await app.close();
    await database.close();
  }
  process.stdout.write(`共 ${files.length + missing.length} 个文件：新增 ${created}，已存在 ${existing}，失败 ${failed}\n`);
  return failed > 0 ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`ingest failed: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  },
);
