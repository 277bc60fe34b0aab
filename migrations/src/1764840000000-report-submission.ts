import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Return and resubmit (libs/contracts report-workflow.ts): a report version may also be submitted
 * (waiting for the reviewers), returned (waiting for its unit, with the reviewer's comment) or
 * withdrawn (a wrong upload: kept with its source bytes, never counted). An unresolved report can
 * be withdrawn before its unit is known, so a withdrawn version may have no unit.
 *
 * The review history is the audit trail itself (`report.submit`, `report.return`, … on the report,
 * each with the status before and after and the comment as its reason): one append-only record,
 * no second copy to keep in step, read per report through audit_event_entity_idx. The analytics
 * rollup and data_version triggers count status = 'confirmed' only, so the new statuses stay out
 * of them as drafts do.
 */
export class ReportSubmission1764840000000 implements MigrationInterface {
  name = 'ReportSubmission1764840000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE report DROP CONSTRAINT report_status_check`);
    await q.query(`ALTER TABLE report ADD CONSTRAINT report_status_check
                     CHECK (status IN ('draft', 'unresolved', 'submitted', 'returned', 'confirmed', 'superseded', 'withdrawn'))`);
    await q.query(`ALTER TABLE report DROP CONSTRAINT report_check`);
    await q.query(`ALTER TABLE report ADD CONSTRAINT report_unit_known_check CHECK (status IN ('unresolved', 'withdrawn') OR unit_id IS NOT NULL)`);
  }

  async down(q: QueryRunner): Promise<void> {
    // The statuses of the first release: what is open or withdrawn goes back to a draft (no unit: unresolved).
    await q.query(`UPDATE report SET status = CASE WHEN unit_id IS NULL THEN 'unresolved' ELSE 'draft' END
                    WHERE status IN ('submitted', 'returned', 'withdrawn')`);
    await q.query(`ALTER TABLE report DROP CONSTRAINT report_unit_known_check`);
    await q.query(`ALTER TABLE report ADD CONSTRAINT report_check CHECK (status = 'unresolved' OR unit_id IS NOT NULL)`);
    await q.query(`ALTER TABLE report DROP CONSTRAINT report_status_check`);
    await q.query(`ALTER TABLE report ADD CONSTRAINT report_status_check CHECK (status IN ('draft', 'unresolved', 'confirmed', 'superseded'))`);
  }
}
