import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { lockAll } from '../reports/reports.repository.js';

export interface NewSourceDocument {
  sha256: string;
  fileName: string;
  mediaType: string;
  format: string;
  content: Buffer;
  text: string | null;
  uploadedBy: string | null;
}

export interface SourceDocumentInfo {
  id: string;
  sha256: string;
  fileName: string;
  mediaType: string;
  format: string;
  sizeBytes: number;
  uploadedAt: Date;
  uploadedBy: string | null;
}

const INFO = `id, sha256, file_name AS "fileName", media_type AS "mediaType", format, size_bytes AS "sizeBytes",
              uploaded_at AS "uploadedAt", uploaded_by AS "uploadedBy"`;

/** The original bytes, kept whole: sha256 is the identity, so the same bytes are stored once. */
@Injectable()
export class SourceDocumentsRepository {
  constructor(private readonly db: DataSource) {}

  findBySha(sha256: string, m: EntityManager = this.db.manager): Promise<SourceDocumentInfo | null> {
    return m.query(`SELECT ${INFO} FROM source_document WHERE sha256 = $1`, [sha256]).then((r: SourceDocumentInfo[]) => r[0] ?? null);
  }

  find(id: string): Promise<SourceDocumentInfo | null> {
    return this.db.query(`SELECT ${INFO} FROM source_document WHERE id = $1`, [id]).then((r: SourceDocumentInfo[]) => r[0] ?? null);
  }

  /**
   * Inserts unless the same bytes are already stored (or being stored by a concurrent upload); null then.
   * First takes the series locks (seriesLockKey) of the reports about to be stored, in the same round trip.
   */
  async insertIfNew(m: EntityManager, doc: NewSourceDocument, seriesLocks: string[] = []): Promise<string | null> {
    const rows: { id: string }[] = await m.query(
      `INSERT INTO source_document (sha256, file_name, media_type, format, size_bytes, content, text, uploaded_by)
       SELECT $1::text, $2::text, $3::text, $4::text, $5::int, $6::bytea, $7::text, $8::uuid FROM ${lockAll('$9')} WHERE series_locks.n >= 0
       ON CONFLICT (sha256) DO NOTHING RETURNING id`,
      // The decoded text is stored only when it differs from the bytes read as UTF-8.
      [doc.sha256, doc.fileName, doc.mediaType, doc.format, doc.content.length, doc.content, doc.text === doc.content.toString('utf8') ? null : doc.text, doc.uploadedBy, seriesLocks],
    );
    return rows[0]?.id ?? null;
  }

  /** Holds the document's row until the transaction ends (storing its reports again after a withdrawal). */
  async lock(m: EntityManager, id: string): Promise<void> {
    await m.query(`SELECT 1 FROM source_document WHERE id = $1 FOR UPDATE`, [id]);
  }

  /** The decoded text the provenance line numbers refer to. */
  async text(id: string): Promise<string | null> {
    const rows: { text: string | null }[] = await this.db.query(
      `SELECT COALESCE(text, convert_from(content, 'UTF8')) AS text FROM source_document WHERE id = $1`,
      [id],
    );
    return rows[0]?.text ?? null;
  }

  async content(id: string): Promise<Buffer | null> {
    const rows: { content: Buffer }[] = await this.db.query(`SELECT content FROM source_document WHERE id = $1`, [id]);
    return rows[0]?.content ?? null;
  }
}
