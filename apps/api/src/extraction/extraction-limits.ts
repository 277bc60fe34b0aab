import { availableParallelism } from 'node:os';

/** How many files are read at once, and what one file may cost. */
export interface ExtractionLimits {
  /** Worker threads in the pool (EXTRACTION_THREADS, default: the number of cores). */
  threads: number;
  /** Time one file may take in its worker, from the moment the worker starts it (EXTRACTION_TIME_LIMIT_MS). */
  timeLimitMs: number;
  /** V8 heap of one worker thread in MB (EXTRACTION_MEMORY_LIMIT_MB); a worker over it is ended and replaced. */
  memoryLimitMb: number;
}

export const EXTRACTION_TIME_LIMIT_MS = 20_000;
export const EXTRACTION_MEMORY_LIMIT_MB = 512;

const VARIABLES = {
  EXTRACTION_THREADS: { min: 1, max: 64 },
  EXTRACTION_TIME_LIMIT_MS: { min: 1, max: 600_000 },
  EXTRACTION_MEMORY_LIMIT_MB: { min: 16, max: 16_384 },
} as const;

export class ExtractionConfigError extends Error {}

/** Reads the three variables; throws one line naming every bad one. */
export function extractionLimitsFromEnv(env: NodeJS.ProcessEnv = process.env): ExtractionLimits {
  const problems: string[] = [];
  const read = (name: keyof typeof VARIABLES, fallback: number): number => {
    const raw = env[name];
    if (raw === undefined || raw === '') return fallback;
    const value = Number(raw);
    const { min, max } = VARIABLES[name];
    if (!/^\d+$/.test(raw.trim()) || value < min || value > max) {
      problems.push(`${name} must be an integer from ${min} to ${max} (got "${raw}")`);
      return fallback;
    }
    return value;
  };
  const limits = {
    threads: read('EXTRACTION_THREADS', availableParallelism()),
    timeLimitMs: read('EXTRACTION_TIME_LIMIT_MS', EXTRACTION_TIME_LIMIT_MS),
    memoryLimitMb: read('EXTRACTION_MEMORY_LIMIT_MB', EXTRACTION_MEMORY_LIMIT_MB),
  };
  if (problems.length) throw new ExtractionConfigError(`Invalid environment: ${problems.join('; ')}`);
  return limits;
}
