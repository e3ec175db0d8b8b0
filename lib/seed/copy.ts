import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type pg from 'pg';
import pgCopy from 'pg-copy-streams';

/**
 * Bulk loading with COPY ... FROM STDIN (text format). Rows are produced lazily
 * by a generator and pushed in chunks, so memory stays flat however many rows
 * there are, and PostgreSQL parses one chunk while Node builds the next.
 */

const ROWS_PER_CHUNK = 2_000;

/** NULL in COPY text format. */
export const NULL = '\\N';

/** Escapes a value for COPY text format (backslash, tab, newline, carriage return). */
export function copyText(value: string): string {
  return /[\\\t\n\r]/.test(value)
    ? value.replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n').replace(/\r/g, '\\r')
    : value;
}

export function copyNullable(value: string | number | null | undefined): string {
  return value === null || value === undefined ? NULL : copyText(String(value));
}

export function copyTimestamp(ms: number): string {
  return new Date(ms).toISOString();
}

export function copyDate(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

export function copyBool(value: boolean): string {
  return value ? 't' : 'f';
}

function* chunks(lines: Iterable<string>): Generator<string> {
  let buffer: string[] = [];
  for (const line of lines) {
    buffer.push(line);
    if (buffer.length === ROWS_PER_CHUNK) {
      yield buffer.join('\n') + '\n';
      buffer = [];
    }
  }
  if (buffer.length) yield buffer.join('\n') + '\n';
}

/**
 * COPY `lines` (each one row: tab-separated, already escaped, no trailing
 * newline) into `table` (`columns` in that order). Returns the row count.
 */
export async function copyRows(
  client: pg.ClientBase,
  table: string,
  columns: readonly string[],
  lines: Iterable<string>,
): Promise<number> {
  const stream = client.query(pgCopy.from(`COPY ${table} (${columns.join(', ')}) FROM STDIN`));
  await pipeline(Readable.from(chunks(lines)), stream);
  return stream.rowCount;
}
