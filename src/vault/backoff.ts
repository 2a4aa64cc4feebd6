// Unlock backoff, stored in the vault file so a restart does not reset it: after 5 failures,
// each further attempt waits 30 s, doubling per failure up to 15 minutes. (Whoever can edit the
// file can reset this; against an offline attacker the protection is Argon2id, not this table.)
import type { Database } from 'better-sqlite3';
import { HearthError } from './errors';

export const BACKOFF = { freeFailures: 5, firstDelayMs: 30_000, maxDelayMs: 15 * 60_000 } as const;

export function delayAfterFailures(failures: number): number {
  if (failures < BACKOFF.freeFailures) return 0;
  const doublings = failures - BACKOFF.freeFailures;
  return Math.min(BACKOFF.firstDelayMs * 2 ** Math.min(doublings, 20), BACKOFF.maxDelayMs);
}

/**
 * Brings a far-future lock back to the longest delay the rules can produce, counted from now,
 * so that it expires like any other. The table is in the file: such a value is an edit. Call in
 * its own transaction before assertUnlockAllowed (whose refusal must not undo this).
 */
export function capFarFutureBackoff(db: Database, bucket: string, nowMs: number): void {
  db.prepare(
    'UPDATE unlock_attempts SET locked_until_ms = ? WHERE bucket = ? AND locked_until_ms > ?',
  ).run(nowMs + BACKOFF.maxDelayMs, bucket, nowMs + BACKOFF.maxDelayMs);
}

/** RATE_LIMITED (with retryAfterMs) while the bucket is locked; otherwise nothing. */
export function assertUnlockAllowed(db: Database, bucket: string, nowMs: number): void {
  const row = db
    .prepare('SELECT locked_until_ms FROM unlock_attempts WHERE bucket = ?')
    .get(bucket) as { locked_until_ms: number } | undefined;
  if (row && row.locked_until_ms > nowMs) {
    const retryAfterMs = Math.min(row.locked_until_ms - nowMs, BACKOFF.maxDelayMs);
    throw new HearthError(
      'RATE_LIMITED',
      `Too many failed attempts. Try again in ${Math.ceil(retryAfterMs / 1000)} seconds.`,
      { retryAfterMs },
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
