import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * 抽查复核 (issue 14 item 2): stored samples, their sampled reports, and the 复核 scores.
 *
 * - `spot_check_sample`: one version of a year's sample with its parameters (size, seed,
 *   must-include units), the strata it allocated and the population snapshot it drew from, so the
 *   draw can be repeated. A redraw inserts version + 1 and marks the previous one superseded.
 * - `spot_check_item`: a sampled report, its stratum, its reviewer and the review's state
 *   (assigned → submitted; an admin may reopen), with the overall 复核 score and its reason.
 * - `spot_check_score`: a 复核 score per indicator or score-breakdown row, keyed by the row's
 *   position (rows are rewritten on re-extraction, their ids are not stable), with the self-score
 *   copied at review time. The database refuses a differing score without a reason.
 * New tables get the app role's grants through the schema's default privileges (database/roles.ts).
 */
export class SpotCheck1764820000000 implements MigrationInterface {
  name = 'SpotCheck1764820000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE spot_check_sample (
        id               uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        fiscal_year      integer NOT NULL CHECK (fiscal_year BETWEEN 2000 AND 2100),
        version          integer NOT NULL CHECK (version >= 1),
        status           text NOT NULL DEFAULT 'current' CHECK (status IN ('current', 'superseded')),
        size_kind        text NOT NULL CHECK (size_kind IN ('count', 'percent')),
        size_value       numeric(8,2) NOT NULL CHECK (size_value > 0),
        seed             text NOT NULL CHECK (btrim(seed) <> ''),
        must_include     uuid[] NOT NULL DEFAULT '{}',
        target           integer NOT NULL CHECK (target >= 0),
        strata           jsonb NOT NULL,
        population       jsonb NOT NULL,
        created_by       uuid REFERENCES app_user (id),
        created_at       timestamptz NOT NULL DEFAULT now(),
        UNIQUE (fiscal_year, version)
      )`);
    await q.query(`CREATE UNIQUE INDEX spot_check_sample_current_idx ON spot_check_sample (fiscal_year) WHERE status = 'current'`);
    await q.query(`
      CREATE TABLE spot_check_item (
        id             uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        sample_id      uuid NOT NULL REFERENCES spot_check_sample (id) ON DELETE CASCADE,
        report_id      uuid NOT NULL REFERENCES report (id),
        unit_id        uuid NOT NULL REFERENCES unit (id),
        region_code    text NOT NULL,
        level          text NOT NULL,
        must_include   boolean NOT NULL DEFAULT false,
        reviewer_id    uuid REFERENCES app_user (id),
        review_status  text NOT NULL DEFAULT 'unassigned' CHECK (review_status IN ('unassigned', 'assigned', 'submitted')),
        self_total     numeric(8,2),
        review_total   numeric(8,2),
        total_reason   text,
        submitted_at   timestamptz,
        updated_at     timestamptz NOT NULL DEFAULT now(),
        UNIQUE (sample_id, report_id),
        CHECK (review_total IS NULL OR self_total IS NULL OR review_total = self_total OR btrim(coalesce(total_reason, '')) <> '')
      )`);
    await q.query(`CREATE INDEX spot_check_item_reviewer_idx ON spot_check_item (reviewer_id)`);
    await q.query(`
      CREATE TABLE spot_check_score (
        id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        item_id       uuid NOT NULL REFERENCES spot_check_item (id) ON DELETE CASCADE,
        row_kind      text NOT NULL CHECK (row_kind IN ('indicator', 'breakdown')),
        position      integer NOT NULL,
        self_score    numeric(8,2),
        review_score  numeric(8,2) NOT NULL,
        reason        text,
        UNIQUE (item_id, row_kind, position),
        CHECK (review_score = self_score OR btrim(coalesce(reason, '')) <> '')
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE spot_check_score`);
    await q.query(`DROP TABLE spot_check_item`);
    await q.query(`DROP TABLE spot_check_sample`);
  }
}
