import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Role } from '../users/app-user.entity.js';

export interface SessionRow {
  sessionId: string;
  userId: string;
  username: string;
  displayName: string | null;
  role: Role;
  regionCode: string | null;
  expiresAt: Date;
  lastSeenAt: Date;
}

@Injectable()
export class SessionRepository {
  constructor(private readonly db: DataSource) {}

  async create(userId: string, tokenHash: string, expiresAt: Date): Promise<string> {
    const rows: { id: string }[] = await this.db.query(
      `INSERT INTO user_session (user_id, token_hash, expires_at) VALUES ($1, $2, $3) RETURNING id`,
      [userId, tokenHash, expiresAt],
    );
    return rows[0]!.id;
  }

  /** A live session of an enabled user, or null. */
  async findActive(tokenHash: string): Promise<SessionRow | null> {
    const rows: SessionRow[] = await this.db.query(
      `SELECT s.id AS "sessionId", u.id AS "userId", u.username, u.display_name AS "displayName", u.role,
              u.region_code AS "regionCode", s.expires_at AS "expiresAt", s.last_seen_at AS "lastSeenAt"
         FROM user_session s JOIN app_user u ON u.id = s.user_id
        WHERE s.token_hash = $1 AND s.revoked_at IS NULL AND s.expires_at > now() AND u.disabled_at IS NULL`,
      [tokenHash],
    );
    return rows[0] ?? null;
  }

  async touch(sessionId: string): Promise<void> {
    await this.db.query(`UPDATE user_session SET last_seen_at = now() WHERE id = $1`, [sessionId]);
  }

  async revoke(sessionId: string): Promise<void> {
    await this.db.query(`UPDATE user_session SET revoked_at = now() WHERE id = $1 AND revoked_at IS NULL`, [sessionId]);
  }

  async revokeOthers(userId: string, keepSessionId: string): Promise<void> {
    await this.db.query(
      `UPDATE user_session SET revoked_at = now() WHERE user_id = $1 AND id <> $2 AND revoked_at IS NULL`,
      [userId, keepSessionId],
    );
  }
}
