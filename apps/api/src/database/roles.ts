import path from 'node:path';
import pg from 'pg';
import { storedPassword } from './stored-password.js';

/**
 * Least-privilege roles. The owner role runs the migrations and owns every table; the app role
 * (what the API connects as) may read and write rows, only read and append to audit_event, and
 * can neither alter a table, drop or disable a trigger, nor switch session_replication_role.
 */
export const OWNER_ROLE = 'hp_owner';
export const APP_ROLE = 'hp_app';

/** Something that runs SQL: a pg.Client, a TypeORM DataSource or EntityManager. */
export interface Sql {
  query(sql: string, parameters?: unknown[]): Promise<unknown>;
}

/** Rows of a result, whether from pg (an object with rows) or TypeORM (the rows themselves). */
async function rows<T>(sql: Sql, text: string, parameters?: unknown[]): Promise<T[]> {
  const result = (await sql.query(text, parameters)) as T[] | { rows: T[] };
  return Array.isArray(result) ? result : result.rows;
}

export function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

function quoteLiteral(value: string): string {
  return `'${value.replace(/'/g, "''")}'`;
}

/** The user name a postgres:// URL signs in as. */
export function urlUser(url: string): string {
  return decodeURIComponent(new URL(url).username || 'postgres');
}

/** The same URL signed in as another role. */
export function urlAs(url: string, user: string, password: string | null): string {
  const u = new URL(url);
  u.username = encodeURIComponent(user);
  u.password = password === null ? '' : encodeURIComponent(password);
  return u.toString();
}

/**
 * Run as the owner after migrating: what the app role may do on the tables, sequences and
 * functions that exist now, and (ALTER DEFAULT PRIVILEGES) on those later migrations create.
 * audit_event is re-restricted last, so a later broad grant never widens it.
 */
export async function grantAppRole(owner: Sql, appRole: string): Promise<void> {
  const app = quoteIdent(appRole);
  const statements = [
    `GRANT USAGE ON SCHEMA public TO ${app}`,
    `GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO ${app}`,
    `GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO ${app}`,
    `ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO ${app}`,
    `ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO ${app}`,
    `REVOKE TRUNCATE, REFERENCES, TRIGGER ON ALL TABLES IN SCHEMA public FROM ${app}`,
  ];
  for (const sql of statements) await owner.query(sql);
  const [audit] = await rows<{ present: boolean }>(owner, `SELECT to_regclass('public.audit_event') IS NOT NULL AS present`);
  if (audit?.present) {
    await owner.query(`REVOKE UPDATE, DELETE ON TABLE audit_event FROM ${app}`);
  }
}

export interface RoleCheck {
  role: string;
  superuser: boolean;
  ownedTables: number;
}

/** Whether the connected role is a superuser, or owns (directly or through a role it belongs to) any table. */
export async function checkAppRole(app: Sql): Promise<RoleCheck> {
  const found = await rows<RoleCheck>(
    app,
    `SELECT current_user AS role, r.rolsuper AS superuser,
            (SELECT count(*)::int FROM pg_tables t WHERE t.schemaname = 'public' AND pg_has_role(current_user, t.tableowner, 'USAGE')) AS "ownedTables"
       FROM pg_roles r WHERE r.rolname = current_user`,
  );
  return found[0]!;
}

/** One line for the start-up log when the app connects with more power than it needs, else null. */
export function roleWarning(check: RoleCheck): string | null {
  if (check.superuser) {
    return `the app connects to PostgreSQL as "${check.role}", a superuser: it could rewrite the append-only audit trail; connect DATABASE_URL as a role without ownership and set MIGRATION_DATABASE_URL to the owner (README, Security)`;
  }
  if (check.ownedTables > 0) {
    return `the app connects to PostgreSQL as "${check.role}", which owns ${check.ownedTables} table(s): it could alter them or disable the audit trigger; connect DATABASE_URL as a role without ownership and set MIGRATION_DATABASE_URL to the owner (README, Security)`;
  }
  return null;
}

/**
 * Creates (or updates) a login role that is neither superuser nor able to create roles or
 * databases. Safe when another process does the same at the same moment.
 */
export async function ensureLoginRole(admin: Sql, role: string, password: string | null): Promise<void> {
  const found = (await rows(admin, `SELECT 1 FROM pg_roles WHERE rolname = $1`, [role])).length > 0;
  const attributes = `LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS${password === null ? '' : ` PASSWORD ${quoteLiteral(password)}`}`;
  if (!found) {
    try {
      await admin.query(`CREATE ROLE ${quoteIdent(role)} ${attributes}`);
      return;
    } catch (error) {
      // 42710 duplicate_object / 23505: created by a concurrent process just now.
      const code = (error as { code?: string }).code;
      if (code !== '42710' && code !== '23505') throw error;
    }
  }
  await admin.query(`ALTER ROLE ${quoteIdent(role)} ${attributes}`);
}

/**
 * Embedded PostgreSQL: the superuser (used for nothing else) creates the owner and app roles
 * with generated passwords kept beside the cluster (pg-owner-password, pg-app-password, mode
 * 0600), hands the owner every object of the public schema (a cluster created before the roles
 * existed had them owned by postgres) and lets it create there. Returns both URLs.
 */
export async function prepareEmbeddedRoles(superUrl: string, dataDir: string): Promise<{ ownerUrl: string; appUrl: string }> {
  const ownerPassword = await storedPassword(path.join(dataDir, 'pg-owner-password'));
  const appPassword = await storedPassword(path.join(dataDir, 'pg-app-password'));
  const client = new pg.Client({ connectionString: superUrl });
  await client.connect();
  try {
    await client.query(`SELECT pg_advisory_lock(7302)`);
    await ensureLoginRole(client, OWNER_ROLE, ownerPassword);
    await ensureLoginRole(client, APP_ROLE, appPassword);
    const owner = quoteIdent(OWNER_ROLE);
    await client.query(`GRANT USAGE, CREATE ON SCHEMA public TO ${owner}`);
    await client.query(`REVOKE CREATE ON SCHEMA public FROM PUBLIC`);
    await transferOwnership(client, OWNER_ROLE);
    await client.query(`SELECT pg_advisory_unlock(7302)`);
  } finally {
    await client.end();
  }
  return { ownerUrl: urlAs(superUrl, OWNER_ROLE, ownerPassword), appUrl: urlAs(superUrl, APP_ROLE, appPassword) };
}

/** Every table, sequence, view and function of the public schema not yet owned by the owner role. */
async function transferOwnership(client: pg.Client, ownerRole: string): Promise<void> {
  const owner = quoteIdent(ownerRole);
  const { rows: relations } = await client.query<{ name: string; kind: string }>(
    `SELECT c.relname AS name, c.relkind AS kind FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p', 'v', 'm', 'S') AND pg_get_userbyid(c.relowner) <> $1
        -- sequences owned by a column move with their table
        AND NOT (c.relkind = 'S' AND EXISTS (SELECT 1 FROM pg_depend d WHERE d.objid = c.oid AND d.deptype IN ('a', 'i')))`,
    [ownerRole],
  );
  const kinds: Record<string, string> = { r: 'TABLE', p: 'TABLE', v: 'VIEW', m: 'MATERIALIZED VIEW', S: 'SEQUENCE' };
  for (const r of relations) await client.query(`ALTER ${kinds[r.kind]} public.${quoteIdent(r.name)} OWNER TO ${owner}`);
  const { rows: functions } = await client.query<{ signature: string }>(
    `SELECT p.oid::regprocedure::text AS signature FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
      WHERE n.nspname = 'public' AND pg_get_userbyid(p.proowner) <> $1`,
    [ownerRole],
  );
  for (const f of functions) await client.query(`ALTER ROUTINE ${f.signature} OWNER TO ${owner}`);
}

