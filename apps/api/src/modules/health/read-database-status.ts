import type { DataSource } from 'typeorm';

export interface ReadDatabaseStatus {
  /** The connection analytics and exports read from: the primary itself, or DATABASE_READ_URL's. */
  connection: 'primary' | 'replica';
  database: 'up' | 'down';
  /** pg_is_in_recovery() there: true for a hot standby; null when it did not answer. */
  standby: boolean | null;
  /** WAL bytes the standby has yet to replay: the primary's current position minus its replay position. */
  lagBytes: number | null;
  /** Seconds since the last transaction it replayed was committed on the primary; 0 when nothing is left to replay. */
  lagSeconds: number | null;
}

/**
 * The read connection's state. Lag is measured from both ends (the primary's WAL position is
 * read first, so a standby that replays meanwhile shows 0, never a negative lag); replay time
 * alone would grow while the primary is idle although nothing is behind.
 */
export async function readDatabaseStatus(primary: DataSource, read: DataSource): Promise<ReadDatabaseStatus> {
  const connection = read === primary ? 'primary' : 'replica';
  let primaryLsn: string | null = null;
  if (connection === 'replica') {
    primaryLsn = await primary
      .query(`SELECT pg_current_wal_lsn()::text AS lsn`)
      .then((rows: { lsn: string }[]) => rows[0]!.lsn, () => null);
  }
  try {
    const [row]: { standby: boolean; bytes: string | null; seconds: number | null }[] = await read.query(
      `WITH behind AS (
         SELECT CASE WHEN pg_is_in_recovery() AND $1::pg_lsn IS NOT NULL
                     THEN GREATEST(0, pg_wal_lsn_diff($1::pg_lsn, pg_last_wal_replay_lsn())) END AS bytes)
       SELECT pg_is_in_recovery() AS standby, bytes::text AS bytes,
              CASE WHEN bytes = 0 THEN 0
                   WHEN bytes > 0 THEN round(extract(epoch FROM now() - pg_last_xact_replay_timestamp()), 1)::float8 END AS seconds
         FROM behind`,
      [primaryLsn],
    );
    return { connection, database: 'up', standby: row!.standby, lagBytes: row!.bytes === null ? null : Number(row!.bytes), lagSeconds: row!.seconds };
  } catch {
    return { connection, database: 'down', standby: null, lagBytes: null, lagSeconds: null };
  }
}
