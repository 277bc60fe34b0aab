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

  async record(event: AuditInput, manager: EntityManager = this.db.manager): Promise<void> {
    await manager.query(
      `INSERT INTO audit_event (actor_id, action, entity_type, entity_id, field, old_value, new_value, reason, request_id)
       VALUES ($1, $2, $3, $4, $5, $6::jsonb, $7::jsonb, $8, $9)`,
      [
        event.actorId, event.action, event.entityType, event.entityId ?? null, event.field ?? null,
        json(event.oldValue), json(event.newValue), event.reason ?? null, event.requestId ?? null,
      ],
    );
  }
}
