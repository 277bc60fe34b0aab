import { ValidationPipe, type ValidationError } from '@nestjs/common';
import { AppError, type ErrorDetail } from './app-error.js';
import { paramLabel } from './param-labels.js';

const CHINESE = /[\u4e00-\u9fa5]/;
/** The English field name a hand-written message starts with ("regionCode 必须是…"). */
const LEADING_NAME = /^[A-Za-z][A-Za-z0-9]*(?:\.[A-Za-z0-9]+)*\s*/;

/** class-validator's constraint names → plain words; `args` are the numbers or values its message carries. */
const CONSTRAINT_WORDS: Record<string, (args: string) => string> = {
  whitelistValidation: () => '不是允许的字段',
  isString: () => '必须是文本',
  isNotEmpty: () => '不能为空',
  isDefined: () => '必须填写',
  isInt: () => '必须是整数',
  isNumber: () => '必须是数字',
  isBoolean: () => '必须是 是/否（true 或 false）',
  isArray: () => '必须是列表',
  isObject: () => '必须是对象',
  isUuid: () => '格式不正确',
  isEnum: (a) => `必须是以下之一：${a}`,
  isIn: (a) => `必须是以下之一：${a}`,
  min: (a) => `不能小于 ${a}`,
  max: (a) => `不能大于 ${a}`,
  minLength: (a) => `至少 ${a} 个字符`,
  maxLength: (a) => `最多 ${a} 个字符`,
  isLength: () => '长度不符合要求',
  arrayMinSize: (a) => `至少包含 ${a} 项`,
  arrayMaxSize: (a) => `最多包含 ${a} 项`,
  matches: () => '格式不正确',
  isDateString: () => '必须是日期（如 2024-03-31）',
  isIso8601: () => '必须是日期（如 2024-03-31）',
  nestedValidation: () => '必须是对象或列表',
};

/** The figures class-validator writes after its English words: "must not be less than 2000" → "2000". */
function argumentsOf(message: string): string {
  const values = /following values: (.+)$/.exec(message);
  if (values) return values[1]!.split(', ').join('、');
  const number = /(-?\d+(?:\.\d+)?)(?: characters| elements)?$/.exec(message);
  return number ? number[1]! : '';
}

/** One message in Chinese, naming the field by its Chinese name. */
export function localise(field: string, constraint: string, message: string): string {
  const label = paramLabel(field);
  if (constraint === 'whitelistValidation') return `不允许的字段 ${field}`;
  if (CHINESE.test(message)) return `${label}${message.replace(LEADING_NAME, '')}`;
  const words = CONSTRAINT_WORDS[constraint];
  return words ? `${label}${words(argumentsOf(message))}` : `${label}不符合要求`;
}

function flatten(errors: ValidationError[], prefix = ''): ErrorDetail[] {
  return errors.flatMap((error) => {
    const field = prefix ? `${prefix}.${error.property}` : error.property;
    const own = Object.entries(error.constraints ?? {}).map(([constraint, message]) => ({ field, message: localise(field, constraint, message) }));
    return [...own, ...flatten(error.children ?? [], field)];
  });
}

/** whitelist + forbidNonWhitelisted + transform; errors name every bad field, in Chinese, in plain words. */
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
