import { type ArgumentsHost, Catch, type ExceptionFilter, HttpException, HttpStatus } from '@nestjs/common';
import type { Response } from 'express';
import type { Logger } from 'pino';
import { QueryFailedError } from 'typeorm';
import { AppError, type ErrorDetail } from './app-error.js';
import type { ErrorBody } from './error-body.js';
import type { RequestWithId } from './request-id.js';

const STATUS_CODES: Record<number, string> = {
  400: 'BAD_REQUEST', 401: 'UNAUTHENTICATED', 403: 'FORBIDDEN', 404: 'NOT_FOUND', 405: 'METHOD_NOT_ALLOWED',
  409: 'CONFLICT', 413: 'PAYLOAD_TOO_LARGE', 415: 'UNSUPPORTED_MEDIA_TYPE', 422: 'UNPROCESSABLE', 429: 'TOO_MANY_REQUESTS',
};

const PLAIN_MESSAGES: Record<number, string> = {
  400: '请求格式不正确', 401: '请先登录', 403: '没有权限执行此操作', 404: '请求的资源不存在', 405: '不支持该请求方法',
  409: '与现有数据冲突', 413: '请求内容过大', 415: '不支持的内容类型', 429: '请求过于频繁，请稍后再试',
};

const CHINESE = /[\u4e00-\u9fa5]/;

/** Connection-level failures mean the database is away: answer 503 so clients retry. */
const UNAVAILABLE = /ECONNREFUSED|ECONNRESET|ETIMEDOUT|Connection terminated|not queryable|terminating connection|the database system is (starting up|shutting down)|timeout exceeded when trying to connect/i;

const CONNECTION_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', '57P01', '57P02', '57P03']);

/** Duck-typed: errors raised inside Node's own modules are not instances of this realm's Error. */
function isConnectionFailure(exception: unknown): boolean {
  if (typeof exception !== 'object' || exception === null) return false;
  const { code, message } = exception as { code?: unknown; message?: unknown };
  return (typeof code === 'string' && CONNECTION_CODES.has(code)) || (typeof message === 'string' && UNAVAILABLE.test(message));
}

/** One body shape for every error; 500s hide internals but keep the request id for the logs. */
@Catch()
export class GlobalExceptionFilter implements ExceptionFilter {
  constructor(private readonly logger: Logger) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    const ctx = host.switchToHttp();
    const req = ctx.getRequest<RequestWithId>();
    const res = ctx.getResponse<Response>();
    if (res.headersSent) {
      // The answer (a 304 among them) already left: a second send after it is not a failure of
      // the request, and writing again would only raise "headers already sent". Anything else
      // is logged, and a response still streaming is cut so the client sees it incomplete.
      if ((exception as { code?: unknown } | null)?.code === 'ERR_HTTP_HEADERS_SENT') return;
      this.logger.error({ err: errorForLog(exception), requestId: req.requestId, path: req.path }, 'request failed after the response started');
      if (!res.writableEnded) res.destroy();
      return;
    }
    const body = this.toBody(exception);
    body.requestId = req.requestId;
    if (body.statusCode >= 500) {
      this.logger.error({ err: errorForLog(exception), requestId: req.requestId, path: req.path }, 'request failed');
    }
    res.status(body.statusCode).json(body);
  }

  private toBody(exception: unknown): ErrorBody {
    if (exception instanceof AppError) {
      return { statusCode: exception.getStatus(), error: exception.code, message: exception.message, details: exception.details };
    }
    if (exception instanceof HttpException) return fromHttpException(exception);
    if (exception instanceof QueryFailedError) {
      // A connection that died mid-query reaches us wrapped, without a SQLSTATE code.
      if (isConnectionFailure(exception.driverError)) return unavailable();
      return fromQueryFailed(exception);
    }
    if (isConnectionFailure(exception)) return unavailable();
    return { statusCode: 500, error: 'INTERNAL_ERROR', message: '服务器内部错误，请稍后重试；如仍失败请提供请求编号联系管理员' };
  }
}

/** Upload-layer (multer/busboy) messages in plain words. */
const UPLOAD_MESSAGES: Array<[RegExp, string]> = [
  [/^Multipart: /, '上传内容格式错误：multipart 数据损坏，或文件名含有控制字符'],
  [/^Unexpected end of form/, '上传内容不完整：请求在文件传完之前结束了'],
  [/^File too large/, '单个文件超过 50 MB 的上传上限'],
  [/^Too many files/, '一次最多上传 100 个文件'],
  [/^Unexpected (file )?field/, '文件须放在 multipart 的 files 字段中'],
  [/^Field value too long|^Too many (fields|parts)/, '上传请求的表单字段过多或过长'],
];

function fromHttpException(exception: HttpException): ErrorBody {
  const status = exception.getStatus();
  const response = exception.getResponse();
  const error = STATUS_CODES[status] ?? (status >= 500 ? 'INTERNAL_ERROR' : 'ERROR');
  if (typeof response === 'object' && response !== null && Array.isArray((response as { message?: unknown }).message)) {
    const messages = (response as { message: string[] }).message;
    const details: ErrorDetail[] = messages.map((m) => ({ field: m.split(' ')[0], message: m }));
    return { statusCode: status, error: 'VALIDATION_FAILED', message: `请求内容不符合要求：${messages.join('; ')}`, details };
  }
  const raw = typeof response === 'string' ? response : ((response as { message?: string }).message ?? exception.message);
  const upload = UPLOAD_MESSAGES.find(([pattern]) => pattern.test(raw));
  if (upload) return { statusCode: status, error: status === 413 ? 'PAYLOAD_TOO_LARGE' : 'UPLOAD_INVALID', message: upload[1] };
  // Framework messages are English ("Not Found", "request entity too large"): answer in plain Chinese.
  const message = CHINESE.test(raw) ? raw : (PLAIN_MESSAGES[status] ?? (status >= 500 ? '服务器内部错误，请稍后重试' : '请求无法处理'));
  return { statusCode: status, error, message };
}

function fromQueryFailed(exception: QueryFailedError): ErrorBody {
  const code = (exception.driverError as { code?: string } | undefined)?.code;
  if (code === '23505') return { statusCode: 409, error: 'CONFLICT', message: '记录已存在，与现有数据冲突' };
  if (code === '23503') return { statusCode: 409, error: 'CONFLICT', message: '引用的记录不存在或仍被引用' };
  if (code === '22021' || code === '22P05') {
    return { statusCode: 400, error: 'BAD_REQUEST', message: '请求中含有不允许的字符（如空字符 \\0）' };
  }
  if (code === '23514' || code === '22P02' || code === '22003') {
    return { statusCode: 400, error: 'BAD_REQUEST', message: '数据不符合约束（取值超出范围或格式错误）' };
  }
  if (code?.startsWith('08') || (code && CONNECTION_CODES.has(code))) return unavailable();
  return { statusCode: 500, error: 'INTERNAL_ERROR', message: '服务器内部错误，请稍后重试' };
}

function unavailable(): ErrorBody {
  return { statusCode: HttpStatus.SERVICE_UNAVAILABLE, error: 'DATABASE_UNAVAILABLE', message: '数据库暂时不可用，请稍后重试' };
}

/**
 * What the log keeps of an error: its kind, message, code and stack — never the SQL
 * parameters (a query string, a name, a password) a QueryFailedError carries.
 */
function errorForLog(exception: unknown): unknown {
  if (!(exception instanceof Error)) return exception;
  const { code } = exception as { code?: unknown };
  const driverCode = (exception as { driverError?: { code?: unknown } }).driverError?.code;
  return { type: exception.constructor.name, message: exception.message, code: code ?? driverCode, stack: exception.stack };
}
