import { ValidationPipe, type ValidationError } from '@nestjs/common';
import { AppError, type ErrorDetail } from './app-error.js';

function flatten(errors: ValidationError[], prefix = ''): ErrorDetail[] {
  return errors.flatMap((error) => {
    const field = prefix ? `${prefix}.${error.property}` : error.property;
    const own = Object.values(error.constraints ?? {}).map((message) => ({ field, message: localise(field, message) }));
    return [...own, ...flatten(error.children ?? [], field)];
  });
}

function localise(field: string, message: string): string {
  if (message.includes('should not exist')) return `不允许的字段 ${field}`;
  if (message.includes('must be a string')) return `${field} 必须是文本`;
  if (message.includes('should not be empty')) return `${field} 不能为空`;
  return message;
}

/** whitelist + forbidNonWhitelisted + transform; errors name every bad field in plain words. */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    exceptionFactory: (errors) => {
      const details = flatten(errors);
      return new AppError(400, 'VALIDATION_FAILED', `请求内容不符合要求：${details.map((d) => d.message).join('；')}`, details);
    },
  });
}
