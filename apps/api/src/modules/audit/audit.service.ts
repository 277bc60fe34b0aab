import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';

export interface AuditInput {
  actorId: string | null;
  action: string;
  entityType: string;
  entityId?: string | null;
  field?: string | null;
  oldValue?: unknown;
  newValue?: unknown;
  reason?: string | null;
  requestId?: string | null;
}

const json = (value: unknown): string | null => (value === undefined ? null : JSON.stringify(value));

/** Appends to audit_event; pass the transaction's manager so the event commits with the change. */
@Injectable()
export class AuditService {
  constructor(private readonly db: DataSource) {}

  /**
   * `alongside`: another write of the same change (its placeholders $1…), run as a CTE of the same
   * statement, so the event and that write cost one round trip.
   */
  async record(event: AuditInput, manager: EntityManager = this.db.manager, alongside?: { sql: string; params: unknown[] }): Promise<void> {
    const k = alongside?.params.length ?? 0;
    const $ = (i: number) => `$${k + i}`;
    await manager.query(
      `${alongside ? `WITH alongside AS (${alongside.sql}) ` : ''}
       INSERT INTO audit_event (actor_id, action, entity_type, entity_id, field, old_value, new_value, reason, request_id)
       VALUES (${$(1)}::uuid, ${$(2)}, ${$(3)}, ${$(4)}, ${$(5)}, ${$(6)}::jsonb, ${$(7)}::jsonb, ${$(8)}, ${$(9)})`,
      [
        ...(alongside?.params ?? []),
        event.actorId, event.action, event.entityType, event.entityId ?? null, event.field ?? null,
        json(event.oldValue), json(event.newValue), event.reason ?? null, event.requestId ?? null,
      ],
    );
  }
}
