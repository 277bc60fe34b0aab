import { EventEmitter } from 'node:events';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { MessageChannel } from 'node:worker_threads';
import type { SourceFormat, ReportDocument } from '@hunan-perf/contracts';
import { type ExtractOptions, ReportParseError, TemplateError } from '@hunan-perf/report-parser';
import { Piscina } from 'piscina';
import type { ExtractionLimits } from './extraction-limits.js';
import type { ExtractionReply, ExtractionTask, SerializedParseError } from './extraction-task.js';

export interface ExtractedDocument {
  format: SourceFormat;
  /** Decoded text the provenance line numbers refer to. */
  text: string;
  /** The department report first. */
  reports: ReportDocument[];
}

/** A file that cost more than one file may: its time budget or its worker's memory. */
export class ExtractionLimitError extends Error {
  constructor(
    readonly code: 'EXTRACTION_TIMEOUT' | 'EXTRACTION_MEMORY',
    readonly fileName: string,
    message: string,
  ) {
    super(message);
    this.name = 'ExtractionLimitError';
  }
}

/** The compiled worker next to this file; under ts-jest (sources) the one in apps/api/dist. */
function workerFile(): string {
  const here = fileURLToPath(import.meta.url);
  const file = here.endsWith('.ts')
    ? path.resolve(path.dirname(here), '../../dist/extraction/extraction-worker.js')
    : path.join(path.dirname(here), 'extraction-worker.js');
  if (!existsSync(file)) throw new Error(`extraction worker not built (${file}): run npx tsc -b apps/api`);
  return file;
}

const seconds = (ms: number) => (ms >= 1000 ? `${+(ms / 1000).toFixed(1)} 秒` : `${ms} 毫秒`);

function rethrown(error: SerializedParseError): ReportParseError {
  const prefix = `${error.fileName}：`;
  const problem = error.message.startsWith(prefix) ? error.message.slice(prefix.length) : error.message;
  if (error.name === 'TemplateError') return new TemplateError(error.fileName, problem);
  return new ReportParseError(error.code as ReportParseError['code'], error.fileName, problem);
}

/**
 * Extraction off the event loop: a pool of worker threads (piscina) sized to the cores. Each file has
 * a time budget, counted from the moment a worker starts it; a worker over it is terminated and
 * replaced. Each worker's V8 heap is capped (resourceLimits); a worker over it dies and is replaced.
 * Both come back as an ExtractionLimitError naming the file and the limit. A ReportParseError from
 * the engine crosses the thread boundary as code + message and is thrown again as one.
 *
 * Emits 'start' and 'end' (file name) as a worker begins and finishes a file.
 */
export class ExtractionPool extends EventEmitter {
  private readonly pool: Piscina<ExtractionTask, ExtractionReply>;

  constructor(readonly limits: ExtractionLimits) {
    super();
    this.pool = new Piscina({
      filename: workerFile(),
      // No worker while nothing is being read: an idle dashboard server does not hold a parser's
      // heap (about 40–55 MB of RSS each); the first file after a quiet minute waits for one to start.
      minThreads: 0,
      maxThreads: limits.threads,
      idleTimeout: 60_000,
      resourceLimits: { maxOldGenerationSizeMb: limits.memoryLimitMb, maxYoungGenerationSizeMb: Math.min(64, Math.max(4, limits.memoryLimitMb / 8)) },
    });
  }

  /** Bytes → reports, in a worker. Throws ReportParseError (the file), ExtractionLimitError (its cost). */
  async extract(bytes: Uint8Array, fileName: string, options: ExtractOptions = {}): Promise<ExtractedDocument> {
    // The worker gets its own copy, transferred: the caller keeps its bytes to store them.
    const copy = new Uint8Array(bytes.byteLength);
    copy.set(bytes);
    const { port1, port2 } = new MessageChannel();
    const abort = new AbortController();
    let timer: NodeJS.Timeout | undefined;
    let timedOut = false;
    let started = false;
    port1.once('message', () => {
      started = true;
      this.emit('start', fileName);
      timer = setTimeout(() => {
        timedOut = true;
        abort.abort();
      }, this.limits.timeLimitMs);
    });
    try {
      const reply = await this.pool.run({ bytes: copy, fileName, options, started: port2 }, { transferList: [copy.buffer, port2], signal: abort.signal });
      if (!reply.ok) throw rethrown(reply.error);
      return { format: reply.format, text: reply.text, reports: reply.reports };
    } catch (error) {
      if (timedOut) {
        throw new ExtractionLimitError('EXTRACTION_TIMEOUT', fileName, `${fileName}：读取超时，超过每个文件 ${seconds(this.limits.timeLimitMs)} 的处理时限（EXTRACTION_TIME_LIMIT_MS），已停止读取，未导入`);
      }
      if ((error as { code?: unknown } | null)?.code === 'ERR_WORKER_OUT_OF_MEMORY') {
        throw new ExtractionLimitError('EXTRACTION_MEMORY', fileName, `${fileName}：读取时占用的内存超过每个文件 ${this.limits.memoryLimitMb} MB 的上限（EXTRACTION_MEMORY_LIMIT_MB），已停止读取，未导入`);
      }
      throw error;
    } finally {
      clearTimeout(timer);
      port1.close();
      if (started) this.emit('end', fileName);
    }
  }

  /** Ends every worker (a file being read is abandoned). */
  async close(): Promise<void> {
    await this.pool.destroy();
  }
}
