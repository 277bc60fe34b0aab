import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Account administration and the audit trail's reading side.
 *
 * - `app_user.must_change_password`: set when an admin resets a password to a one-time one; the
 *   API refuses every other request of the user until the password is changed.
 * - `user_session.address` / `user_agent`: where a session was opened, so an admin listing a
 *   user's sessions can tell them apart before revoking one.
 * - Indexes for the admin audit page: newest first, and by actor.
 */
export class AccountSecurity1764700000000 implements MigrationInterface {
  name = 'AccountSecurity1764700000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE app_user ADD COLUMN must_change_password boolean NOT NULL DEFAULT false`);
    await q.query(`ALTER TABLE user_session ADD COLUMN address text`);
    await q.query(`ALTER TABLE user_session ADD COLUMN user_agent text`);
    await q.query(`CREATE INDEX audit_event_occurred_idx ON audit_event (occurred_at DESC, id DESC)`);
    await q.query(`CREATE INDEX audit_event_actor_idx ON audit_event (actor_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX audit_event_actor_idx`);
    await q.query(`DROP INDEX audit_event_occurred_idx`);
    await q.query(`ALTER TABLE user_session DROP COLUMN user_agent`);
    await q.query(`ALTER TABLE user_session DROP COLUMN address`);
    await q.query(`ALTER TABLE app_user DROP COLUMN must_change_password`);
  }
}
