import { Injectable } from '@nestjs/common';
import {
  REPORT_STATUSES, REPORT_TRANSITIONS, REVIEW_EVENTS, type ReportStatus, reviewAuditAction, reviewEventLabel, type ReviewEvent,
} from '@hunan-perf/contracts';
import { DataSource } from 'typeorm';
import type { ReviewEventDto } from './dto/report-transition.dto.js';

const AUDIT_ACTIONS = REVIEW_EVENTS.map(reviewAuditAction);

const isStatus = (s: string | null): s is ReportStatus => s !== null && (REPORT_STATUSES as readonly string[]).includes(s);

/** Where an event recorded before it carried its statuses came from and went (a resolve_unit of the first release). */
function defaults(event: ReviewEvent): { from: ReportStatus | null; to: ReportStatus } {
  if (event === 'supersede') return { from: 'confirmed', to: 'superseded' };
  const t = REPORT_TRANSITIONS.find((x) => x.event === event)!;
  return { from: t.from.length === 1 ? t.from[0]! : null, to: t.to };
}

/** One report version's review history, oldest first: the review steps of the audit trail on it. */
@Injectable()
export class ReportHistoryRepository {
  constructor(private readonly db: DataSource) {}

  async history(reportId: string): Promise<ReviewEventDto[]> {
    const rows: { action: string; from: string | null; to: string | null; username: string | null; displayName: string | null; comment: string | null; at: Date }[] =
      await this.db.query(
        `SELECT e.action, e.old_value ->> 'status' AS "from", e.new_value ->> 'status' AS "to", u.username, u.display_name AS "displayName",
                e.reason AS comment, e.occurred_at AS at
           FROM audit_event e LEFT JOIN app_user u ON u.id = e.actor_id
          WHERE e.entity_type = 'report' AND e.entity_id = $1 AND e.action = ANY($2)
          ORDER BY e.id`,
        [reportId, AUDIT_ACTIONS],
      );
    return rows.map((r) => {
      const event = r.action.slice('report.'.length) as ReviewEvent;
      const fallback = defaults(event);
      return {
        event, label: reviewEventLabel(event),
        fromStatus: isStatus(r.from) ? r.from : fallback.from, toStatus: isStatus(r.to) ? r.to : fallback.to,
        actor: r.username, actorName: r.displayName, comment: r.comment, at: r.at.toISOString(),
      };
    });
  }
}
