import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { NextBatch } from '../../database/next-batch.js';
import type { Role } from '../users/app-user.entity.js';

export interface SessionRow {
  sessionId: string;
  userId: string;
  username: string;
  displayName: string | null;
  role: Role;
  regionCode: string | null;
  mustChangePassword: boolean;
  expiresAt: Date;
  lastSeenAt: Date;
}

/** A live session as an admin sees it (never the token). */
export interface SessionListRow {
  id: string;
  createdAt: Date;
  lastSeenAt: Date;
  expiresAt: Date;
  address: string | null;
  userAgent: string | null;
}

/** node-postgres through TypeORM answers an UPDATE as [rows, rowCount]. */
const affected = (result: unknown): number => (result as [unknown[], number])[1];

@Injectable()
export class SessionRepository {
  /**
   * Concurrent requests' session lookups go in one query, each started after its request asked:
   * a session revoked or a user disabled before the request is never seen as live.
   */
  private readonly live = new NextBatch<string, SessionRow>(async (hashes) => {
    const rows: (SessionRow & { tokenHash: string })[] = await this.db.query(
      `SELECT s.token_hash AS "tokenHash", s.id AS "sessionId", u.id AS "userId", u.username, u.display_name AS "displayName", u.role,
              u.region_code AS "regionCode", u.must_change_password AS "mustChangePassword",
              s.expires_at AS "expiresAt", s.last_seen_at AS "lastSeenAt"
         FROM user_session s JOIN app_user u ON u.id = s.user_id
        WHERE s.token_hash = ANY($1) AND s.revoked_at IS NULL AND s.expires_at > now() AND u.disabled_at IS NULL`,
      [hashes],
    );
    return new Map(rows.map(({ tokenHash, ...row }) => [tokenHash, row]));
  });

  constructor(private readonly db: DataSource) {}

  async create(userId: string, tokenHash: string, expiresAt: Date, address: string | null = null, userAgent: string | null = null): Promise<string> {
    const rows: { id: string }[] = await this.db.query(
      `INSERT INTO user_session (user_id, token_hash, expires_at, address, user_agent) VALUES ($1, $2, $3, $4, $5) RETURNING id`,
      [userId, tokenHash, expiresAt, address, userAgent?.slice(0, 300) ?? null],
    );
    return rows[0]!.id;
  }

  /** A live session of an enabled user, or null. */
  async findActive(tokenHash: string): Promise<SessionRow | null> {
    return (await this.live.load(tokenHash)) ?? null;
  }

  /** The user's live sessions, the most recently used first. */
  listActive(userId: string): Promise<SessionListRow[]> {
    return this.db.query(
      `SELECT id, created_at AS "createdAt", last_seen_at AS "lastSeenAt", expires_at AS "expiresAt", address, user_agent AS "userAgent"
         FROM user_session WHERE user_id = $1 AND revoked_at IS NULL AND expires_at > now()
        ORDER BY last_seen_at DESC, id`,
      [userId],
    );
  }

  async touch(sessionId: string): Promise<void> {
    await this.db.query(`UPDATE user_session SET last_seen_at = now() WHERE id = $1`, [sessionId]);
  }

  async revoke(sessionId: string): Promise<void> {
    await this.db.query(`UPDATE user_session SET revoked_at = now() WHERE id = $1 AND revoked_at IS NULL`, [sessionId]);
  }

  /** Revokes one live session of the user; false when there is none by that id. */
  async revokeOf(userId: string, sessionId: string, manager: EntityManager = this.db.manager): Promise<boolean> {
    const result: unknown = await manager.query(
      `UPDATE user_session SET revoked_at = now()
        WHERE id = $1 AND user_id = $2 AND revoked_at IS NULL AND expires_at > now()`,
      [sessionId, userId],
    );
    return affected(result) > 0;
  }

  /** Revokes every live session of the user; the number revoked. */
  async revokeAll(userId: string, manager: EntityManager = this.db.manager): Promise<number> {
    const result: unknown = await manager.query(
      `UPDATE user_session SET revoked_at = now() WHERE user_id = $1 AND revoked_at IS NULL AND expires_at > now()`,
      [userId],
    );
    return affected(result);
  }

  async revokeOthers(userId: string, keepSessionId: string, manager: EntityManager = this.db.manager): Promise<void> {
    await manager.query(
      `UPDATE user_session SET revoked_at = now() WHERE user_id = $1 AND id <> $2 AND revoked_at IS NULL`,
      [userId, keepSessionId],
    );
  }
}
