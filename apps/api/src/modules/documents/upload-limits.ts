import { tmpdir } from 'node:os';
import path from 'node:path';
import { DEFAULT_MAX_BYTES } from '@hunan-perf/report-parser';

export const MB = 1024 * 1024;

/** What one upload request may hold; every limit is enforced while the request is read, not after. */
export interface UploadLimits {
  /** A file above this is not kept: its remaining bytes are discarded and it gets a per-file TOO_LARGE error. */
  maxFileBytes: number;
  /** A part above this ends the whole request with 413 (UPLOAD_MAX_PART_MB). */
  maxPartBytes: number;
  /** The request body above this ends the request with 413 (UPLOAD_MAX_REQUEST_MB); a larger Content-Length is refused before reading. */
  maxRequestBytes: number;
  /** Files per request (more → 400). */
  maxFiles: number;
  /** Non-file form fields per request, and the bytes of one (more → 400). */
  maxFields: number;
  maxFieldBytes: number;
  /** After a refusal, at most this much more of the body is read and discarded before the connection is closed. */
  maxDrainBytes: number;
  /** Where parts are streamed to (UPLOAD_TMP_DIR); one folder per request, removed when it is answered. */
  tmpDir: string;
}

export const UPLOAD_LIMITS = Symbol('UPLOAD_LIMITS');

export const UPLOAD_DEFAULTS = { maxPartMb: 50, maxRequestMb: 200, maxFiles: 100, maxFields: 20, maxFieldBytes: 1024, maxDrainMb: 8 };

/** The limits, with UPLOAD_MAX_PART_MB, UPLOAD_MAX_REQUEST_MB and UPLOAD_TMP_DIR from the environment. */
export function uploadLimitsFromEnv(env: NodeJS.ProcessEnv = process.env): UploadLimits {
  const mb = (name: string, fallback: number): number => {
    const raw = env[name];
    if (raw === undefined || raw === '') return fallback;
    if (!/^\d+$/.test(raw.trim()) || Number(raw) < 1 || Number(raw) > 10_240) throw new Error(`Invalid environment: ${name} must be an integer from 1 to 10240 (MB), got "${raw}"`);
    return Number(raw);
  };
  const maxPartBytes = mb('UPLOAD_MAX_PART_MB', UPLOAD_DEFAULTS.maxPartMb) * MB;
  return {
    maxFileBytes: Math.min(DEFAULT_MAX_BYTES, maxPartBytes),
    maxPartBytes,
    maxRequestBytes: mb('UPLOAD_MAX_REQUEST_MB', UPLOAD_DEFAULTS.maxRequestMb) * MB,
    maxFiles: UPLOAD_DEFAULTS.maxFiles,
    maxFields: UPLOAD_DEFAULTS.maxFields,
    maxFieldBytes: UPLOAD_DEFAULTS.maxFieldBytes,
    maxDrainBytes: UPLOAD_DEFAULTS.maxDrainMb * MB,
    tmpDir: env.UPLOAD_TMP_DIR ? path.resolve(env.UPLOAD_TMP_DIR) : path.join(tmpdir(), 'hunan-perf-uploads'),
  };
}
