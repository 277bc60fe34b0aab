import 'reflect-metadata';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { plainToInstance, Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Matches, Max, Min, MinLength, validateSync } from 'class-validator';

/** Environment variables, validated once at start-up. */
class EnvironmentVariables {
  @IsOptional()
  @Matches(/^postgres(ql)?:\/\/.+/, { message: 'DATABASE_URL must look like postgres://user@host:5432/database' })
  DATABASE_URL?: string;

  /** The role that owns the tables and runs the migrations; DATABASE_URL is then the app's own, lesser role. */
  @IsOptional()
  @Matches(/^postgres(ql)?:\/\/.+/, { message: 'MIGRATION_DATABASE_URL must look like postgres://owner@host:5432/database' })
  MIGRATION_DATABASE_URL?: string;

  /** A hot standby of DATABASE_URL's database: analytics and exports read from it, writes stay on the primary. */
  @IsOptional()
  @Matches(/^postgres(ql)?:\/\/.+/, { message: 'DATABASE_READ_URL must look like postgres://user@standby-host:5432/database' })
  DATABASE_READ_URL?: string;

  @IsOptional() @Type(() => Number) @IsInt() @Min(0) @Max(65535)
  PORT = 3000;

  @IsOptional() @IsString()
  HOST = '0.0.0.0';

  @IsOptional() @IsString()
  DATA_DIR = '.data';

  @IsOptional() @Type(() => Number) @IsInt() @Min(1024) @Max(65535)
  EMBEDDED_PG_PORT = 54329;

  @IsOptional() @IsString() @MinLength(8, { message: 'ADMIN_PASSWORD must be at least 8 characters' })
  ADMIN_PASSWORD?: string;

  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(720)
  SESSION_TTL_HOURS = 12;

  @IsOptional() @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
  LOG_LEVEL = 'info';

  @IsOptional() @IsString()
  WEB_DIST_DIR?: string;

  @IsOptional() @IsIn(['true', 'false'])
  SECURE_COOKIES = 'false';

  @IsOptional() @IsIn(['true', 'false'])
  LOAD_SAMPLE_DATA = 'true';
}

export interface AppConfig {
  databaseUrl: string | null;
  /** MIGRATION_DATABASE_URL: migrations (and the app role's grants) run as this owner; null = DATABASE_URL. */
  migrationDatabaseUrl: string | null;
  /** DATABASE_READ_URL: the dashboard's read connection (a hot standby, read-only); null = the primary. */
  databaseReadUrl: string | null;
  port: number;
  host: string;
  dataDir: string;
  embeddedPgPort: number;
  adminPassword: string | null;
  sessionTtlHours: number;
  logLevel: string;
  webDistDir: string;
  secureCookies: boolean;
  /** Ingest and confirm data/reports when the database holds no report. */
  loadSampleData: boolean;
  sampleReportsDir: string;
  unitRegistryFile: string;
}

export class ConfigError extends Error {}

/** Reads and validates the environment; throws ConfigError with one line naming every bad variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): AppConfig {
  const raw = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = plainToInstance(EnvironmentVariables, raw, { enableImplicitConversion: false });
  const errors = validateSync(parsed, { whitelist: false });
  if (errors.length > 0) {
    const messages = errors.flatMap((e) => Object.values(e.constraints ?? { invalid: `${e.property} is invalid` }));
    throw new ConfigError(`Invalid environment: ${messages.join('; ')}`);
  }
  if (parsed.DATABASE_READ_URL && !parsed.DATABASE_URL) {
    throw new ConfigError('Invalid environment: DATABASE_READ_URL needs DATABASE_URL (the primary it is a standby of); set both, or unset DATABASE_READ_URL');
  }
  const repoRoot = findRepoRoot(cwd);
  return {
    databaseUrl: parsed.DATABASE_URL ?? null,
    migrationDatabaseUrl: parsed.DATABASE_URL ? (parsed.MIGRATION_DATABASE_URL ?? null) : null,
    databaseReadUrl: parsed.DATABASE_READ_URL ?? null,
    port: parsed.PORT,
    host: parsed.HOST,
    dataDir: path.resolve(repoRoot, parsed.DATA_DIR),
    embeddedPgPort: parsed.EMBEDDED_PG_PORT,
    adminPassword: parsed.ADMIN_PASSWORD ?? null,
    sessionTtlHours: parsed.SESSION_TTL_HOURS,
    logLevel: parsed.LOG_LEVEL,
    webDistDir: path.resolve(repoRoot, parsed.WEB_DIST_DIR ?? 'apps/web/dist'),
    secureCookies: parsed.SECURE_COOKIES === 'true',
    loadSampleData: parsed.LOAD_SAMPLE_DATA === 'true',
    sampleReportsDir: path.resolve(repoRoot, 'data/reports'),
    unitRegistryFile: path.resolve(repoRoot, 'data/units.json'),
  };
}

/** The folder of the workspace root package.json, so paths work from any working directory inside the repo. */
function findRepoRoot(start: string): string {
  const here = path.dirname(fileURLToPath(import.meta.url));
  for (const candidate of [start, here]) {
    for (let dir = candidate; ; dir = path.dirname(dir)) {
      if (isWorkspaceRoot(dir)) return dir;
      if (path.dirname(dir) === dir) break;
    }
  }
  return start;
}

function isWorkspaceRoot(dir: string): boolean {
  try {
    const pkg = JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')) as { workspaces?: unknown };
    return Array.isArray(pkg.workspaces);
  } catch {
    return false;
  }
}
