export interface ExtractOptions {
  /** Largest accepted input in bytes (default 20 MB). */
  maxBytes?: number;
  /** Largest total uncompressed size of a .docx/.xlsx archive (default 200 MB). */
  maxUncompressedBytes?: number;
  /** Largest compression ratio of an archive before it is treated as a zip bomb (default 200). */
  maxCompressionRatio?: number;
}

export interface ResolvedOptions {
  maxBytes: number;
  maxUncompressedBytes: number;
  maxCompressionRatio: number;
}

export const DEFAULT_MAX_BYTES = 20 * 1024 * 1024;

export function resolveOptions(options: ExtractOptions = {}): ResolvedOptions {
  return {
    maxBytes: options.maxBytes ?? DEFAULT_MAX_BYTES,
    maxUncompressedBytes: options.maxUncompressedBytes ?? 200 * 1024 * 1024,
    maxCompressionRatio: options.maxCompressionRatio ?? 200,
  };
}
