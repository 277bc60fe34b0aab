export interface ExtractOptions {
  /** Largest accepted input in bytes (default 20 MB). */
  maxBytes?: number;
  /** Largest total uncompressed size of a .docx/.xlsx archive (default 200 MB). */
  maxUncompressedBytes?: number;
  /** Largest compression ratio of an archive before it is treated as a zip bomb (default 200). */
  maxCompressionRatio?: number;
  /** Most pages a PDF may have (default 500). */
  maxPdfPages?: number;
  /** Most text items (runs of text from text-showing operators) read from a PDF, all pages together (default 300,000). */
  maxPdfTextItems?: number;
  /** Most text-showing operators (Tj, TJ, ', ") in a PDF's content streams, all pages together (default 500,000). */
  maxPdfTextOperators?: number;
  /** Largest total size of a PDF's Flate-compressed streams once inflated, images aside (default 100 MB). */
  maxPdfDecompressedBytes?: number;
}

export interface ResolvedOptions {
  maxBytes: number;
  maxUncompressedBytes: number;
  maxCompressionRatio: number;
  maxPdfPages: number;
  maxPdfTextItems: number;
  maxPdfTextOperators: number;
  maxPdfDecompressedBytes: number;
}

export const DEFAULT_MAX_BYTES = 20 * 1024 * 1024;
export const DEFAULT_MAX_PDF_PAGES = 500;
export const DEFAULT_MAX_PDF_TEXT_ITEMS = 300_000;
export const DEFAULT_MAX_PDF_TEXT_OPERATORS = 500_000;
export const DEFAULT_MAX_PDF_DECOMPRESSED_BYTES = 100 * 1024 * 1024;

export function resolveOptions(options: ExtractOptions = {}): ResolvedOptions {
  return {
    maxBytes: options.maxBytes ?? DEFAULT_MAX_BYTES,
    maxUncompressedBytes: options.maxUncompressedBytes ?? 200 * 1024 * 1024,
    maxCompressionRatio: options.maxCompressionRatio ?? 200,
    maxPdfPages: options.maxPdfPages ?? DEFAULT_MAX_PDF_PAGES,
    maxPdfTextItems: options.maxPdfTextItems ?? DEFAULT_MAX_PDF_TEXT_ITEMS,
    maxPdfTextOperators: options.maxPdfTextOperators ?? DEFAULT_MAX_PDF_TEXT_OPERATORS,
    maxPdfDecompressedBytes: options.maxPdfDecompressedBytes ?? DEFAULT_MAX_PDF_DECOMPRESSED_BYTES,
  };
}
