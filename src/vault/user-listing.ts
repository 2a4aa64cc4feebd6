// The Users screen against what cannot be narrowed (red team 24, R24-10; sec55). Profiles were
// listed through records_by_kind, which anyone with the file can rebuild (no key) to leave one
// user out while his key slot and certificate stay valid: an admin no longer saw, and so could not
// remove, a staff member who still signed in. Profiles are now read along the primary key
// ('user:<name>', users.ts listUserProfiles), and the key slots (one row per user, read by a scan
// of key_slots with the unary `+` keeping SQLite off its username index) name every user who
// holds a slot: one whose profile is missing or does not open is returned as unreadable, so the
// screen says so instead of leaving them out.
import type { Database } from 'better-sqlite3';
import { HearthError } from './errors';
import type { RecordStore } from './records';

/** Usernames of every user key slot, read from the table itself (no index), in name order. */
export function slotUsernamesByScan(db: Database): string[] {
  return (
    db.prepare("SELECT username FROM key_slots WHERE +kind = 'user'").all() as Array<{
      username: unknown;
    }>
  )
    .map((r) => r.username)
    .filter((u): u is string => typeof u === 'string')
    .sort();
}

/**
 * The users who hold a key slot but whose profile (`user:<name>`) is missing, does not open, or
 * names someone else: what the Users screen lists as unreadable. `listed`: the usernames of the
 * profiles that opened (removed ones included: a removed user keeps no slot).
 */
export function usersWithoutProfile(
  db: Database,
  records: RecordStore,
  listed: ReadonlySet<string>,
): string[] {
  return slotUsernamesByScan(db).filter((username) => {
    if (listed.has(username)) return false;
    try {
      const found = records.get<{ username?: unknown }>(`user:${username}`);
      return found?.value.username !== username;
    } catch (error) {
      if (error instanceof HearthError && error.code === 'TAMPERED') return true;
      throw error;
    }
  });
}
