import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Failed sign-ins, kept in PostgreSQL instead of one process's memory: a restart does not lift a
 * lock, and every API process behind a load balancer counts the same failures. One row per failed
 * attempt per counter key (`u:<username>` per account, `a:<address>` per address); rows older than
 * the 15-minute window are deleted as new failures arrive.
 */
export class LoginFailures1764920000000 implements MigrationInterface {
  name = 'LoginFailures1764920000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE login_failure (key text NOT NULL, failed_at timestamptz NOT NULL)`);
    await q.query(`CREATE INDEX login_failure_key_time ON login_failure (key, failed_at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE login_failure`);
  }
}
