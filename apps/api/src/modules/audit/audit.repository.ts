import { Injectable } from '@nestjs/common';
import type { PoolClient } from 'pg';
import QueryStream from 'pg-query-stream';
import { DataSource } from 'typeorm';
import type { AuditQueryDto } from './dto/audit.dto.js';

export interface AuditRow {
  id: string;
  occurredAt: Date;
  occurredLocal: string;
  actorId: string | null;
  actorName: string | null;
  action: string;
  entityType: string;
  entityId: string | null;
  field: string | null;
  oldValue: unknown;
  newValue: unknown;
  reason: string | null;
  address: string | null;
  requestId: string | null;
}

/**
 * Dates are calendar days in Asia/Shanghai: `from` starts at its 00:00 北京时间 and `to` ends
 * at the next day's 00:00. The actor matches the account's username or, for an event without a
 * signed-in actor (a failed sign-in), the username as typed.
 */
const WHERE = `
  FROM audit_event e LEFT JOIN app_user u ON u.id = e.actor_id
 WHERE ($1::date IS NULL OR e.occurred_at >= ($1::date)::timestamp AT TIME ZONE 'Asia/Shanghai')
   AND ($2::date IS NULL OR e.occurred_at < ($2::date + 1)::timestamp AT TIME ZONE 'Asia/Shanghai')
   AND ($3::text IS NULL OR strpos(lower(coalesce(u.username, e.new_value->>'username', '')), lower($3)) > 0)
   AND ($4::text IS NULL OR e.action = $4)
   AND ($5::text IS NULL OR e.entity_type = $5)
   AND ($6::text IS NULL OR e.entity_id = $6)`;

const SELECT = `
SELECT e.id::text AS id, e.occurred_at AS "occurredAt",
       to_char(e.occurred_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD HH24:MI:SS') AS "occurredLocal",
       e.actor_id AS "actorId", coalesce(u.username, e.new_value->>'username') AS "actorName",
       e.action, e.entity_type AS "entityType", e.entity_id AS "entityId", e.field,
       e.old_value AS "oldValue", e.new_value AS "newValue", e.reason,
       e.new_value->>'address' AS address, e.request_id AS "requestId"`;

@Injectable()
export class AuditRepository {
  constructor(private readonly db: DataSource) {}

  private params(q: AuditQueryDto): (string | null)[] {
    return [q.from ?? null, q.to ?? null, q.actor ?? null, q.action ?? null, q.entityType ?? null, q.entityId ?? null];
  }

  async count(q: AuditQueryDto): Promise<number> {
    const rows: { n: number }[] = await this.db.query(`SELECT count(*)::int AS n ${WHERE}`, this.params(q));
    return rows[0]!.n;
  }

  /** Newest first; `limit` rows from `offset`. */
  page(q: AuditQueryDto, limit: number, offset: number): Promise<AuditRow[]> {
    return this.db.query(`${SELECT} ${WHERE} ORDER BY e.occurred_at DESC, e.id DESC LIMIT $7 OFFSET $8`, [...this.params(q), limit, offset]);
  }

  /**
   * Every matching row, newest first, streamed from a cursor into `use` (an export has no row
   * cap and memory stays flat); the count is taken first for the file's 说明.
   */
  async stream<T>(q: AuditQueryDto, use: (rows: AsyncIterable<AuditRow>, total: number) => Promise<T>): Promise<T> {
    const runner = this.db.createQueryRunner('slave');
    try {
      const client = (await runner.connect()) as PoolClient;
      const [{ n }] = (await client.query(`SELECT count(*)::int AS n ${WHERE}`, this.params(q))).rows;
      const rows = client.query(new QueryStream(`${SELECT} ${WHERE} ORDER BY e.occurred_at DESC, e.id DESC`, this.params(q), { batchSize: 2_000 }));
      return await use(rows as AsyncIterable<AuditRow>, n as number);
    } finally {
      await runner.release();
    }
  }

  /** The actions that occur in the trail, for the filter. */
  async actions(): Promise<string[]> {
    const rows: { action: string }[] = await this.db.query(`SELECT DISTINCT action FROM audit_event ORDER BY action`);
    return rows.map((r) => r.action);
  }
}
