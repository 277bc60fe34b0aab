import { createHash } from 'node:crypto';
import type { DataSource } from 'typeorm';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/**
 * Every row an ingest writes — source_document, report, every table keyed by report or source
 * document, audit_event — as plain JSON that does not depend on the run: timestamps and serial ids
 * left out, uuids replaced by what they name (file and position, unit name), rows sorted.
 */
export async function storedRows(ds: DataSource): Promise<Record<string, unknown[]>> {
  const labels = new Map<string, string>();
  for (const r of await ds.query(`SELECT r.id, d.file_name, r.position FROM report r JOIN source_document d ON d.id = r.source_document_id`)) {
    labels.set(r.id, `report:${r.file_name}:${r.position}`);
  }
  for (const r of await ds.query(`SELECT id, file_name FROM source_document`)) labels.set(r.id, `document:${r.file_name}`);
  for (const r of await ds.query(`SELECT id, name FROM unit`)) labels.set(r.id, `unit:${r.name}`);
  const columns: { table_name: string; column_name: string; data_type: string }[] = await ds.query(
    `SELECT c.table_name, c.column_name, c.data_type FROM information_schema.columns c
       JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name AND t.table_type = 'BASE TABLE'
      WHERE c.table_schema = 'public' ORDER BY c.table_name, c.ordinal_position`,
  );
  const tables = new Map<string, { names: string[]; keyed: boolean }>();
  for (const c of columns) {
    const t = tables.get(c.table_name) ?? { names: [], keyed: false };
    if (['report_id', 'source_document_id'].includes(c.column_name)) t.keyed = true;
    // Times and serial ids differ from run to run; the bytes are large and covered by sha256.
    const skip = c.data_type.startsWith('timestamp') || (c.column_name === 'id' && c.data_type !== 'uuid') || c.column_name === 'content';
    if (!skip) t.names.push(c.column_name);
    tables.set(c.table_name, t);
  }
  const dump: Record<string, unknown[]> = {};
  for (const [table, t] of [...tables].sort(([a], [b]) => a.localeCompare(b))) {
    if (!t.keyed && !['report', 'source_document', 'audit_event'].includes(table)) continue;
    const rows: { row: unknown }[] = await ds.query(`SELECT to_jsonb(x) AS row FROM (SELECT ${t.names.map((n) => `"${n}"`).join(', ')} FROM "${table}") x`);
    dump[table] = rows.map((r) => JSON.stringify(digestLarge(relabel(r.row, labels) as Record<string, unknown>))).sort().map((s) => JSON.parse(s) as unknown);
  }
  return dump;
}

/** Large values (the documents, the text) as a digest, to keep the fixture readable. */
function digestLarge(row: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(row).map(([k, v]) => {
    const json = JSON.stringify(v) ?? 'null';
    return [k, json.length > 400 ? `sha256:${createHash('sha256').update(json).digest('hex')}` : v];
  }));
}

function relabel(value: unknown, labels: Map<string, string>): unknown {
  if (typeof value === 'string') return UUID.test(value) ? (labels.get(value) ?? 'uuid') : value;
  if (Array.isArray(value)) return value.map((v) => relabel(v, labels));
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, relabel(v, labels)]));
  return value;
}
