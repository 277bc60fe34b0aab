import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The whole schema of the first release. Money is numeric(16,2) in 万元, rates
 * numeric(10,2) in percent; NULL means "not stated", never 0.
 */
export class InitialSchema1763800000000 implements MigrationInterface {
  name = 'InitialSchema1763800000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE region (
        code        varchar(6) PRIMARY KEY CHECK (code ~ '^[0-9]{6}$'),
        name        text NOT NULL,
        level       text NOT NULL CHECK (level IN ('province', 'city', 'county')),
        parent_code varchar(6) REFERENCES region (code),
        CHECK ((level = 'province') = (parent_code IS NULL))
      )`);
    await q.query(`CREATE INDEX region_parent_idx ON region (parent_code)`);

    await q.query(`
      CREATE TABLE app_user (
        id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        username      text NOT NULL,
        display_name  text,
        password_hash text NOT NULL,
        role          text NOT NULL CHECK (role IN ('admin', 'analyst', 'viewer', 'submitter')),
        region_code   varchar(6) REFERENCES region (code),
        created_at    timestamptz NOT NULL DEFAULT now(),
        disabled_at   timestamptz,
        CHECK (role <> 'submitter' OR region_code IS NOT NULL)
      )`);
    await q.query(`CREATE UNIQUE INDEX app_user_username_key ON app_user (lower(username))`);

    await q.query(`
      CREATE TABLE user_session (
        id           uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id      uuid NOT NULL REFERENCES app_user (id),
        token_hash   char(64) NOT NULL UNIQUE,
        created_at   timestamptz NOT NULL DEFAULT now(),
        last_seen_at timestamptz NOT NULL DEFAULT now(),
        expires_at   timestamptz NOT NULL,
        revoked_at   timestamptz
      )`);
    await q.query(`CREATE INDEX user_session_user_idx ON user_session (user_id)`);

    await q.query(`
      CREATE TABLE unit (
        id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name        text NOT NULL CHECK (length(btrim(name)) > 0),
        region_code varchar(6) NOT NULL REFERENCES region (code),
        created_at  timestamptz NOT NULL DEFAULT now(),
        created_by  uuid REFERENCES app_user (id),
        UNIQUE (region_code, name)
      )`);
    await q.query(`
      CREATE TABLE unit_alias (
        id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        unit_id    uuid NOT NULL REFERENCES unit (id),
        alias      text NOT NULL CHECK (length(btrim(alias)) > 0),
        created_at timestamptz NOT NULL DEFAULT now(),
        created_by uuid REFERENCES app_user (id),
        UNIQUE (unit_id, alias)
      )`);
    await q.query(`CREATE INDEX unit_alias_alias_idx ON unit_alias (alias)`);

    await q.query(`
      CREATE TABLE source_document (
        id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        sha256      char(64) NOT NULL UNIQUE CHECK (sha256 ~ '^[0-9a-f]{64}$'),
        file_name   text NOT NULL,
        media_type  text NOT NULL,
        size_bytes  integer NOT NULL CHECK (size_bytes >= 0),
        content     bytea NOT NULL,
        uploaded_by uuid REFERENCES app_user (id),
        uploaded_at timestamptz NOT NULL DEFAULT now(),
        CHECK (octet_length(content) = size_bytes)
      )`);

    await q.query(`
      CREATE TABLE report (
        id                 uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        source_document_id uuid REFERENCES source_document (id),
        position           integer NOT NULL DEFAULT 0 CHECK (position >= 0),
        unit_id            uuid REFERENCES unit (id),
        fiscal_year        integer CHECK (fiscal_year BETWEEN 2000 AND 2100),
        kind               text NOT NULL CHECK (kind IN ('department_overall', 'project')),
        version            integer NOT NULL DEFAULT 1 CHECK (version >= 1),
        status             text NOT NULL CHECK (status IN ('draft', 'unresolved', 'confirmed', 'superseded')),
        document           jsonb NOT NULL,
        extracted_document jsonb NOT NULL,
        score_total        numeric(6,2),
        grade              text CHECK (grade IN ('优', '良', '中', '差')),
        staff_quota        integer,
        staff_actual       integer,
        is_synthetic       boolean NOT NULL DEFAULT false,
        created_at         timestamptz NOT NULL DEFAULT now(),
        created_by         uuid REFERENCES app_user (id),
        updated_at         timestamptz NOT NULL DEFAULT now(),
        confirmed_at       timestamptz,
        confirmed_by       uuid REFERENCES app_user (id),
        CHECK (status = 'unresolved' OR unit_id IS NOT NULL),
        CHECK (status NOT IN ('confirmed', 'superseded') OR fiscal_year IS NOT NULL)
      )`);
    await q.query(`
      CREATE UNIQUE INDEX report_one_current_confirmed
        ON report (unit_id, fiscal_year, kind) WHERE status = 'confirmed'`);
    await q.query(`
      CREATE UNIQUE INDEX report_version_key
        ON report (unit_id, fiscal_year, kind, version) WHERE unit_id IS NOT NULL`);
    await q.query(`CREATE INDEX report_year_status_idx ON report (fiscal_year, status)`);
    await q.query(`CREATE INDEX report_source_idx ON report (source_document_id)`);

    await q.query(`
      CREATE TABLE report_budget (
        report_id             uuid NOT NULL REFERENCES report (id) ON DELETE CASCADE,
        line                  text NOT NULL CHECK (line IN ('total', 'basic', 'project')),
        initial_amount        numeric(16,2),
        adjusted_amount       numeric(16,2),
        actual_amount         numeric(16,2),
        execution_rate_stated numeric(10,2),
        PRIMARY KEY (report_id, line)
      )`);
    await q.query(`
      CREATE TABLE report_three_public (
        report_id          uuid PRIMARY KEY REFERENCES report (id) ON DELETE CASCADE,
        budget             numeric(16,2),
        actual             numeric(16,2),
        prior_year_actual  numeric(16,2),
        reception          numeric(16,2),
        vehicle_purchase   numeric(16,2),
        vehicle_operation  numeric(16,2),
        overseas           numeric(16,2)
      )`);
    await q.query(`
      CREATE TABLE report_indicator (
        id        bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        report_id uuid NOT NULL REFERENCES report (id) ON DELETE CASCADE,
        position  integer NOT NULL,
        level1    text,
        level2    text,
        name      text,
        target    text,
        actual    text,
        weight    numeric(8,2),
        score     numeric(8,2),
        note      text,
        UNIQUE (report_id, position)
      )`);
    await q.query(`
      CREATE TABLE report_score_breakdown (
        id        bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        report_id uuid NOT NULL REFERENCES report (id) ON DELETE CASCADE,
        position  integer NOT NULL,
        level1    text,
        level2    text,
        weight    numeric(8,2),
        score     numeric(8,2),
        UNIQUE (report_id, position)
      )`);
    await q.query(`
      CREATE TABLE report_finding (
        id        bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        report_id uuid NOT NULL REFERENCES report (id) ON DELETE CASCADE,
        kind      text NOT NULL CHECK (kind IN ('problem', 'measure')),
        position  integer NOT NULL,
        text      text NOT NULL,
        UNIQUE (report_id, kind, position)
      )`);
    await q.query(`
      CREATE TABLE report_warning (
        id        bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        report_id uuid NOT NULL REFERENCES report (id) ON DELETE CASCADE,
        code      text NOT NULL,
        message   text NOT NULL,
        path      text
      )`);
    await q.query(`CREATE INDEX report_warning_report_idx ON report_warning (report_id)`);

    await q.query(`
      CREATE TABLE setting (
        key        text PRIMARY KEY,
        value      jsonb NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now(),
        updated_by uuid REFERENCES app_user (id)
      )`);

    await q.query(`
      CREATE TABLE audit_event (
        id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        occurred_at timestamptz NOT NULL DEFAULT now(),
        actor_id    uuid REFERENCES app_user (id),
        action      text NOT NULL,
        entity_type text NOT NULL,
        entity_id   text,
        field       text,
        old_value   jsonb,
        new_value   jsonb,
        reason      text,
        request_id  text
      )`);
    await q.query(`CREATE INDEX audit_event_entity_idx ON audit_event (entity_type, entity_id)`);
    await q.query(`
      CREATE FUNCTION audit_event_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'audit_event is append-only: % is not allowed', TG_OP
          USING ERRCODE = 'insufficient_privilege';
      END $$`);
    await q.query(`
      CREATE TRIGGER audit_event_no_change
        BEFORE UPDATE OR DELETE ON audit_event
        FOR EACH ROW EXECUTE FUNCTION audit_event_append_only()`);
    await q.query(`
      CREATE TRIGGER audit_event_no_truncate
        BEFORE TRUNCATE ON audit_event
        FOR EACH STATEMENT EXECUTE FUNCTION audit_event_append_only()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE audit_event`);
    await q.query(`DROP FUNCTION audit_event_append_only()`);
    for (const table of [
      'setting', 'report_warning', 'report_finding', 'report_score_breakdown', 'report_indicator',
      'report_three_public', 'report_budget', 'report', 'source_document', 'unit_alias', 'unit',
      'user_session', 'app_user', 'region',
    ]) {
      await q.query(`DROP TABLE ${table}`);
    }
  }
}
