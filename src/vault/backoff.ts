// Unlock backoff, stored in the vault file so a restart does not reset it: after 5 failures,
// each further attempt waits 30 s, doubling per failure up to 15 minutes. (Whoever can edit the
// file can reset this; against an offline attacker the protection is Argon2id, not this table.)
// A row whose lock ends later than its failure count allows, or of the wrong type, is cut back to
// the rules at the next attempt and named (red team 25: one row edited to lock a user out).
import type { Database } from 'better-sqlite3';
import type { VaultProblem } from './check';
import { HearthError } from './errors';

export const BACKOFF = { freeFailures: 5, firstDelayMs: 30_000, maxDelayMs: 15 * 60_000 } as const;

export function delayAfterFailures(failures: number): number {
  if (failures < BACKOFF.freeFailures) return 0;
  const doublings = failures - BACKOFF.freeFailures;
  return Math.min(BACKOFF.firstDelayMs * 2 ** Math.min(doublings, 20), BACKOFF.maxDelayMs);
}

/** A backoff row as stored: any column may hold any type (the table is not STRICT). */
interface StoredBackoff {
  bucket: unknown;
  failures: unknown;
  locked_until_ms: unknown;
}

const isCount = (v: unknown): v is number => typeof v === 'number' && Number.isSafeInteger(v) && v >= 0;

/**
 * What is wrong with a backoff row at `nowMs` (undefined: sound): a value of the wrong type, or a
 * lock that ends later than its failure count allows from now (red team 25: one row edited to
 * lock a user out for 900 s). In words, no values but counts and seconds.
 */
export function backoffProblem(row: StoredBackoff, nowMs: number): string | undefined {
  if (!isCount(row.failures)) return 'its failure count is not a whole number';
  if (!isCount(row.locked_until_ms)) return 'its lock time is not a whole number';
  const allowed = delayAfterFailures(row.failures);
  if (row.locked_until_ms > nowMs + allowed)
    return `it locks sign-in for ${Math.ceil((row.locked_until_ms - nowMs) / 1000)} s, more than ${row.failures} failed attempts allow (${allowed / 1000} s)`;
  return undefined;
}

/**
 * Brings a bucket's row to what the rules allow, counted from now: a lock longer than its failure
 * count gives is cut to that (none below 5 failures), and a malformed row is replaced by a sound
 * one (its count when that is a whole number, else 0). The table is in the file and written before
 * anyone has signed in, so no key can vouch for it (ARCHITECTURE, "Backoff is not MAC'd"): a row
 * that breaks the rules is an edit (or a clock set back), capped here and named by the caller.
 * Returns what was wrong, or undefined. Call in its own transaction before assertUnlockAllowed.
 */
export function settleBackoff(db: Database, bucket: string, nowMs: number): string | undefined {
  const row = db
    .prepare('SELECT bucket, failures, locked_until_ms FROM unlock_attempts WHERE bucket = ?')
    .get(bucket) as StoredBackoff | undefined;
  if (!row) return undefined;
  const problem = backoffProblem(row, nowMs);
  if (problem === undefined) return undefined;
  const failures = isCount(row.failures) ? row.failures : 0;
  const limit = nowMs + delayAfterFailures(failures);
  const lockedUntil = isCount(row.locked_until_ms) ? Math.min(row.locked_until_ms, limit) : limit;
  db.prepare('UPDATE unlock_attempts SET failures = ?, locked_until_ms = ? WHERE bucket = ?').run(
    failures,
    lockedUntil,
    bucket,
  );
  return problem;
}

/**
 * vault check: every backoff row that breaks the rules now (BACKOFF_EDITED, naming the bucket:
 * `user:<name>`, `recovery` or `unknown-user`). No key needed; the next attempt cuts it.
 */
export function backoffFindings(db: Database, nowMs: number): VaultProblem[] {
  const rows = db
    .prepare('SELECT bucket, failures, locked_until_ms FROM unlock_attempts')
    .all() as StoredBackoff[];
  const found: VaultProblem[] = [];
  for (const row of rows) {
    const problem = backoffProblem(row, nowMs);
    if (problem === undefined) continue;
    const bucket = String(row.bucket).slice(0, 80);
    found.push({
      kind: 'slot',
      id: `unlock_attempts:${bucket}`,
      code: 'BACKOFF_EDITED',
      values: { bucket },
      detail: `the sign-in backoff of ${bucket} breaks Hearth's rules: ${problem}. It was changed outside Hearth (no key is needed), or the clock was set back. The next sign-in attempt cuts it to what the failed attempts allow and records that; nothing else is needed.`,
    });
  }
  return found;
}

/**
 * RATE_LIMITED (with retryAfterMs) while the bucket is locked; otherwise nothing. `edited`: what
 * `settleBackoff` just cut (the message says so, and the reason is BACKOFF_EDITED).
 */
export function assertUnlockAllowed(
  db: Database,
  bucket: string,
  nowMs: number,
  edited?: string,
): void {
  const row = db
    .prepare('SELECT locked_until_ms FROM unlock_attempts WHERE bucket = ?')
    .get(bucket) as { locked_until_ms: number } | undefined;
  if (row && row.locked_until_ms > nowMs) {
    const retryAfterMs = Math.min(row.locked_until_ms - nowMs, BACKOFF.maxDelayMs);
    const note =
      edited === undefined
        ? ''
        : ` The vault file held a longer lock (${edited}): it was changed outside Hearth, or the clock was set back, and has been cut to what the failed attempts allow. An admin's vault check names such rows.`;
    throw new HearthError(
      'RATE_LIMITED',
      `Too many failed attempts. Try again in ${Math.ceil(retryAfterMs / 1000)} seconds.${note}`,
      edited === undefined ? { retryAfterMs } : { retryAfterMs, reason: 'BACKOFF_EDITED' },
    );
  }
}

export function recordUnlockFailure(db: Database, bucket: string, nowMs: number): void {
  const row = db.prepare('SELECT failures FROM unlock_attempts WHERE bucket = ?').get(bucket) as
    { failures: number } | undefined;
  const failures = (row?.failures ?? 0) + 1;
  db.prepare(
    `INSERT INTO unlock_attempts (bucket, failures, locked_until_ms) VALUES (?, ?, ?)
     ON CONFLICT(bucket) DO UPDATE SET failures = excluded.failures, locked_until_ms = excluded.locked_until_ms`,
  ).run(bucket, failures, nowMs + delayAfterFailures(failures));
}

/** Returns how many failures preceded this success (reported in the audit log), and resets. */
export function recordUnlockSuccess(db: Database, bucket: string): number {
  const row = db.prepare('SELECT failures FROM unlock_attempts WHERE bucket = ?').get(bucket) as
    { failures: number } | undefined;
  db.prepare('DELETE FROM unlock_attempts WHERE bucket = ?').run(bucket);
  return row?.failures ?? 0;
}
