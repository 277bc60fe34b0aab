#!/usr/bin/env node
import { readFile, stat } from 'node:fs/promises';
import { extractReports, primaryReport } from './extract-reports.js';
import { ReportParseError } from './errors.js';
import { DEFAULT_MAX_BYTES } from './options.js';
import { toJson } from './serialize.js';

/** npm run -s extract -- <file> [--pretty] [--all]: JSON on stdout, one line on stderr when it fails. */
async function main(argv: string[]): Promise<number> {
  const flags = new Set(argv.filter((a) => a.startsWith('--')));
  const files = argv.filter((a) => !a.startsWith('--'));
  const unknown = [...flags].filter((f) => f !== '--pretty' && f !== '--all');
  if (files.length !== 1 || unknown.length) {
    process.stderr.write(`usage: npm run -s extract -- <file> [--pretty] [--all]${unknown.length ? ` (unknown option ${unknown.join(', ')})` : ''}\n`);
    return 64;
  }
  const file = files[0] as string;
  try {
    const info = await stat(file).catch(() => null);
    if (!info || !info.isFile()) throw new ReportParseError('READ_FAILED', file, '不存在或不是文件');
    if (info.size > DEFAULT_MAX_BYTES) {
      throw new ReportParseError('TOO_LARGE', file, `大小为 ${(info.size / 1024 / 1024).toFixed(1)} MB，超过 ${DEFAULT_MAX_BYTES / 1024 / 1024} MB 的上限`);
    }
    const bytes = new Uint8Array(await readFile(file));
    const result = await extractReports(bytes, file);
    const out = flags.has('--all') ? result.reports : primaryReport(result);
    process.stdout.write(`${toJson(out, flags.has('--pretty'))}\n`);
    return 0;
  } catch (error) {
    if (error instanceof ReportParseError) {
      process.stderr.write(`error [${error.code}]: ${error.message}\n`);
      return 2;
    }
    const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
    process.stderr.write(`error [INTERNAL]: ${file}: could not be processed (${reason})\n`);
    return 1;
  }
}

process.exitCode = await main(process.argv.slice(2));
