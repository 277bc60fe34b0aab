import { createWriteStream, type WriteStream } from 'node:fs';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import type { IncomingMessage } from 'node:http';
import path from 'node:path';
import busboy from 'busboy';
import { AppError } from '../../common/app-error.js';
import { cleanFileName } from './file-name.js';
import { MB, type UploadLimits } from './upload-limits.js';

/** One file of the request, on disk (path) unless it was over the per-file limit (tooLarge). */
export interface UploadedPart {
  fileName: string;
  mediaType: string;
  path: string | null;
  /** Bytes received for this part (all of them, also when it was not kept). */
  size: number;
  tooLarge: boolean;
}

export interface ReceivedUpload {
  parts: UploadedPart[];
  /** Removes the request's temporary folder. */
  cleanup(): Promise<void>;
}

const mbText = (bytes: number) => `${+(bytes / MB).toFixed(1)} MB`;
const invalid = (message: string) => new AppError(400, 'UPLOAD_INVALID', message);
const tooLarge = (message: string) => new AppError(413, 'PAYLOAD_TOO_LARGE', message);

function fromBusboy(error: Error): AppError {
  if (/Unexpected end of form/i.test(error.message)) return invalid('上传内容不完整：请求在文件传完之前结束了');
  if (/Boundary not found/i.test(error.message)) return invalid('上传内容格式错误：multipart/form-data 缺少 boundary');
  return invalid('上传内容格式错误：multipart 数据损坏，或文件名含有控制字符');
}

/**
 * Streams a multipart request's `files` to a temporary folder (one per request), enforcing every
 * limit while the bytes arrive: a file over maxFileBytes is no longer written (its bytes are counted
 * and discarded, it gets a per-file error later); a part over maxPartBytes or a body over
 * maxRequestBytes ends the request at once with 413, the folder removed before the answer. After a
 * refusal at most maxDrainBytes more are read (so the client sees the answer), then the connection
 * is closed. Resolves when every kept file is on disk. Files come in the multipart field `field`.
 */
export async function receiveUpload(req: IncomingMessage, limits: UploadLimits, field = 'files'): Promise<ReceivedUpload> {
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > limits.maxRequestBytes) {
    discard(req, limits.maxDrainBytes);
    throw tooLarge(`上传请求过大：请求体 ${mbText(declared)}，超过一次上传 ${mbText(limits.maxRequestBytes)} 的上限（UPLOAD_MAX_REQUEST_MB），未接收，未导入任何文件`);
  }
  await mkdir(limits.tmpDir, { recursive: true });
  const dir = await mkdtemp(path.join(limits.tmpDir, 'upload-'));
  const streams: WriteStream[] = [];
  const cleanup = async () => {
    for (const s of streams) if (!s.closed) s.destroy();
    await Promise.all(streams.map((s) => (s.closed ? null : new Promise<void>((resolve) => s.once('close', () => resolve())))));
    await rm(dir, { recursive: true, force: true, maxRetries: 3 });
  };
  try {
    return { parts: await receiveParts(req, limits, dir, streams, field), cleanup };
  } catch (error) {
    await cleanup();
    throw error;
  }
}

function receiveParts(req: IncomingMessage, limits: UploadLimits, dir: string, streams: WriteStream[], fileField: string): Promise<UploadedPart[]> {
  return new Promise((resolve, reject) => {
    let parser: busboy.Busboy;
    try {
      parser = busboy({
        headers: req.headers,
        defParamCharset: 'utf8',
        limits: {
          files: limits.maxFiles, fields: limits.maxFields, fieldSize: limits.maxFieldBytes, parts: limits.maxFiles + limits.maxFields,
          fileSize: limits.maxPartBytes + 1, headerPairs: 20,
        },
      });
    } catch (error) {
      reject(fromBusboy(error as Error));
      return;
    }
    const parts: UploadedPart[] = [];
    const written: Promise<void>[] = [];
    let total = 0;
    let settled = false;

    const fail = (error: Error) => {
      if (settled) return;
      settled = true;
      req.unpipe(parser);
      parser.removeAllListeners();
      parser.on('error', () => {});
      discard(req, limits.maxDrainBytes);
      reject(error);
    };

    req.on('data', (chunk: Buffer) => {
      total += chunk.length;
      if (total > limits.maxRequestBytes) {
        fail(tooLarge(`上传请求过大：一次上传超过 ${mbText(limits.maxRequestBytes)} 的上限（UPLOAD_MAX_REQUEST_MB），已停止接收，未导入任何文件`));
      }
    });
    req.on('aborted', () => fail(invalid('上传中断：客户端在文件传完之前断开了连接')));
    req.on('close', () => {
      if (!req.readableEnded) fail(invalid('上传中断：客户端在文件传完之前断开了连接'));
    });

    parser.on('file', (field, stream, info) => {
      // busboy ends a part it cannot finish with an error on the part's own stream.
      stream.on('error', (error: Error) => fail(fromBusboy(error)));
      if (settled) return void stream.resume();
      if (field !== fileField) return fail(invalid(`文件须放在 multipart 的 ${fileField} 字段中`));
      // eslint-disable-next-line no-control-regex
      if (/[\u0000-\u001f\u007f]/.test(info.filename ?? '')) return fail(invalid('上传内容格式错误：multipart 数据损坏，或文件名含有控制字符'));
      if (!info.filename) return void stream.resume();
      const part: UploadedPart = { fileName: cleanFileName(info.filename), mediaType: info.mimeType, path: path.join(dir, String(parts.length)), size: 0, tooLarge: false };
      parts.push(part);
      const out = createWriteStream(part.path!, { flags: 'wx' });
      streams.push(out);
      written.push(
        new Promise<void>((done, error) => {
          // A file dropped for its size has its pending writes cut short: not an error of the upload.
          out.on('error', (e) => (settled || part.tooLarge ? done() : error(e)));
          out.on('close', () => done());
        }),
      );
      stream.on('data', (chunk: Buffer) => {
        part.size += chunk.length;
        if (part.size > limits.maxPartBytes) {
          return fail(tooLarge(`${part.fileName}：超过单个文件 ${mbText(limits.maxPartBytes)} 的上传上限（UPLOAD_MAX_PART_MB），已停止接收，未导入任何文件`));
        }
        if (part.size > limits.maxFileBytes) {
          // Over the per-file limit: keep counting, stop writing, drop what was written.
          if (!part.tooLarge) {
            part.tooLarge = true;
            const dropped = part.path!;
            part.path = null;
            out.destroy();
            out.once('close', () => void rm(dropped, { force: true }));
          }
          return;
        }
        if (!out.write(chunk)) {
          stream.pause();
          out.once('drain', () => stream.resume());
        }
      });
      stream.on('limit', () => fail(tooLarge(`${part.fileName}：超过单个文件 ${mbText(limits.maxPartBytes)} 的上传上限（UPLOAD_MAX_PART_MB），已停止接收，未导入任何文件`)));
      stream.on('end', () => {
        if (!out.destroyed) out.end();
      });
    });
    parser.on('field', () => {});
    parser.on('filesLimit', () => fail(invalid(`一次最多上传 ${limits.maxFiles} 个文件`)));
    parser.on('fieldsLimit', () => fail(invalid('上传请求的表单字段过多或过长')));
    parser.on('partsLimit', () => fail(invalid('上传请求的表单字段过多或过长')));
    parser.on('error', (error: Error) => fail(fromBusboy(error)));
    parser.on('close', () => {
      if (settled) return;
      Promise.all(written).then(
        () => {
          if (settled) return;
          settled = true;
          resolve(parts);
        },
        (error: Error) => fail(error),
      );
    });
    req.pipe(parser);
  });
}

/** After the last byte a refused request may send, the client's moment to read the answer. */
const LINGER_MS = 1000;

/**
 * Reads and drops what is left of a refused request, up to max bytes; then stops reading and
 * closes the connection a moment later. Closing at once, with the client's bytes unread, resets
 * the connection, and a reset can discard the answer before the client has read it.
 */
function discard(req: IncomingMessage, max: number): void {
  let drained = 0;
  const drop = (chunk: Buffer) => {
    drained += chunk.length;
    if (drained <= max) return;
    req.off('data', drop);
    req.pause();
    setTimeout(() => req.destroy(), LINGER_MS).unref();
  };
  req.on('data', drop);
  req.resume();
}
