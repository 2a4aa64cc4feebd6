// vault_meta.audit_signed_from, read by its shape (red team 25, R25-5). The column is clear and
// unvouched (the centre's commitment and signed statement are what count, audit-start.ts); it is
// read while neither exists, compared with the anchor, and written into every anchor. Set to 'x'
// (no key needed; the table is not STRICT), it went into the next anchor as text, which no reader
// accepts: every later sign-in saw a damaged anchor, and non-admins stayed refused
// (ANCHOR_ADMIN_FIRST) however often an admin signed in. A value that is not a whole number from
// 1 is now read as 1, the strict start (every entry must carry its author's signature, so it
// excuses nothing), the anchor records 1, and `vault check` names the value
// (AUDIT_START_COLUMN_MALFORMED). After the admin's sign-in records the change (the anchor saw
// another start), non-admins sign in again.
import type { Database } from 'better-sqlite3';
import { statement } from './db';

/** The column as Hearth uses it, and what was stored when that is not a whole number from 1. */
export interface SignedFromColumn {
  value: number;
  /** In words ("text", "a real number", "0", ...): only when the stored value is malformed. */
  malformed?: string;
}

/** Reads vault_meta.audit_signed_from (1 when there is no row, as before). */
export function readSignedFromColumn(db: Database): SignedFromColumn {
  const row = statement(db, 'SELECT audit_signed_from AS n FROM vault_meta').get() as
    { n: unknown } | undefined;
  if (row === undefined) return { value: 1 };
  const n = row.n;
  if (typeof n === 'number' && Number.isSafeInteger(n) && n >= 1) return { value: n };
  return { value: 1, malformed: describeStored(n) };
}

function describeStored(n: unknown): string {
  if (n === null) return 'NULL';
  if (n instanceof Uint8Array) return `bytes (${n.byteLength})`;
  if (typeof n === 'string') return 'text';
  if (typeof n === 'bigint') return 'a whole number out of range';
  if (typeof n === 'number')
    return Number.isInteger(n) ? (n < 1 ? String(n) : 'a whole number out of range') : 'a real number';
  return 'a value of another type';
}
