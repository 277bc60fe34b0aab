import { Transform, type TransformCallback, type Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { CSV_BOM, csvLine } from '@hunan-perf/contracts';
import type { PoolClient } from 'pg';
import { to as copyTo } from 'pg-copy-streams';

const QUOTE = 0x22;
const LF = 0x0a;
const CR = 0x0d;

/**
 * PostgreSQL ends each COPY row with LF; the CSV writer ends rows with CRLF (RFC 4180) and keeps a
 * line break inside a quoted field as it is. A quote only ever stands in a quoted field (opening,
 * closing or doubled), so an LF after an even number of quotes ends the row. One pass per chunk.
 */
export class CrlfRows extends Transform {
  private quoted = false;

  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    const ends: number[] = [];
    let quoted = this.quoted;
    for (let i = 0; i < chunk.length; i++) {
      const b = chunk[i];
      if (b === QUOTE) quoted = !quoted;
      else if (b === LF && !quoted) ends.push(i);
    }
    this.quoted = quoted;
    if (!ends.length) return done(null, chunk);
    const out = Buffer.allocUnsafe(chunk.length + ends.length);
    let from = 0;
    let to = 0;
    for (const end of ends) {
      to += chunk.copy(out, to, from, end);
      out[to++] = CR;
      out[to++] = LF;
      from = end + 1;
    }
    chunk.copy(out, to, from);
    done(null, out);
  }
}

/**
 * Writes the BOM, the header line and then the rows of `sql` as PostgreSQL's COPY makes them
 * (cells already formatted by sqlCell), piped with backpressure; out stays open. Resolves with the
 * number of rows; rejects when the query fails or out closes first (the client went away), and
 * then the connection is mid-COPY: the caller must not give it back to the pool as it is.
 */
export async function copyCsv(client: PoolClient, sql: string, headers: string[], out: Writable): Promise<number> {
  const copy = client.query(copyTo(`COPY (${sql}) TO STDOUT WITH (FORMAT csv, HEADER false)`));
  out.write(CSV_BOM + csvLine(headers));
  await pipeline(copy, new CrlfRows(), out, { end: false });
  return copy.rowCount;
}
