import { ReportParseError } from '../errors.js';
import type { ResolvedOptions } from '../options.js';

/**
 * Reads a zip's central directory (without inflating anything) and refuses archives that are
 * truncated, or that would expand beyond the configured size or compression ratio.
 */
export function checkZip(bytes: Uint8Array, fileName: string, options: ResolvedOptions): void {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (bytes.length < 22 || view.getUint32(0, true) !== 0x04034b50) {
    throw new ReportParseError('CORRUPT_FILE', fileName, '不是有效的 Office 文件（zip 容器缺失或损坏）');
  }
  let eocd = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 65557); i--) {
    if (view.getUint32(i, true) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new ReportParseError('CORRUPT_FILE', fileName, '不完整或已损坏（文件末尾的 zip 目录缺失）');
  const entries = view.getUint16(eocd + 10, true);
  const cdSize = view.getUint32(eocd + 12, true);
  const cdOffset = view.getUint32(eocd + 16, true);
  if (cdOffset + cdSize > eocd || cdOffset === 0xffffffff) {
    throw new ReportParseError('CORRUPT_FILE', fileName, '不完整或已损坏（zip 目录指向文件之外）');
  }
  let total = 0;
  let pos = cdOffset;
  for (let n = 0; n < entries; n++) {
    if (pos + 46 > bytes.length || view.getUint32(pos, true) !== 0x02014b50) {
      throw new ReportParseError('CORRUPT_FILE', fileName, '已损坏（zip 目录项无法读取）');
    }
    const uncompressed = view.getUint32(pos + 24, true);
    if (uncompressed === 0xffffffff) {
      throw new ReportParseError('ZIP_BOMB', fileName, '解压后有 4 GB 以上的内容，疑似压缩炸弹，已拒绝');
    }
    total += uncompressed;
    pos += 46 + view.getUint16(pos + 28, true) + view.getUint16(pos + 30, true) + view.getUint16(pos + 32, true);
  }
  const ratio = total / Math.max(1, bytes.length);
  if (total > options.maxUncompressedBytes || (total > 10 * 1024 * 1024 && ratio > options.maxCompressionRatio)) {
    const mb = (total / 1024 / 1024).toFixed(0);
    throw new ReportParseError('ZIP_BOMB', fileName, `将从 ${(bytes.length / 1024).toFixed(0)} KB 解压为 ${mb} MB，疑似压缩炸弹，已拒绝`);
  }
}
