import type { LoggerService } from '@nestjs/common';
import { pino, type Logger } from 'pino';

/** Never log a password, token or cookie, whatever the object they sit in. */
const REDACT = [
  'password', '*.password', 'req.headers.cookie', 'req.headers.authorization', 'headers.cookie',
  'headers.authorization', '*.token', 'token', 'accessToken', '*.accessToken', 'res.headers["set-cookie"]',
];

export function createLogger(level: string, destination?: NodeJS.WritableStream): Logger {
  const options = { level, base: { service: 'hunan-perf-api' }, redact: { paths: REDACT, censor: '[redacted]' } };
  return destination ? pino(options, destination) : pino(options);
}

/** Nest's LoggerService on top of pino, so framework messages come out as the same structured lines. */
export class PinoNestLogger implements LoggerService {
  constructor(private readonly logger: Logger) {}

  log(message: unknown, context?: string): void {
    this.logger.info({ context }, String(message));
  }
  error(message: unknown, trace?: string, context?: string): void {
    this.logger.error({ context, trace }, String(message));
  }
  warn(message: unknown, context?: string): void {
    this.logger.warn({ context }, String(message));
  }
  debug(message: unknown, context?: string): void {
    this.logger.debug({ context }, String(message));
  }
  verbose(message: unknown, context?: string): void {
    this.logger.trace({ context }, String(message));
  }
}
