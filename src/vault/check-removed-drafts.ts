// vault check: a removed user's drafts (red team 21, R21-5). Unsent note drafts and their index
// are sealed under the user's personal key (interview/drafts.ts, R19-6), which users.remove
// shreds: afterwards nobody can open them, by design, and vault check called each one
// RECORD_UNREADABLE, as if damaged. They are named as a notice instead, but only when every
// condition of that case holds, so a damaged or planted record is never hidden: the record is a
// draft or draft index of that user (kind and id), its row is the version the audit log last
// committed to (hash and version), the user's profile says they were removed, and no version of
// their personal key is left in the file.
import { statement } from './db';
import type { RecordAddress } from './records';
import { tryParseKeyId } from './key-store';
import type { Database } from 'better-sqlite3';

/** Draft record kinds, as interview/drafts.ts writes them (the vault layer does not import it). */
const DRAFT_KINDS = new Set(['draft', 'draft-index']);

/**
 * The username whose shredded personal key a row names, when the row is one of that user's
 * drafts (`<session>~draft~<user>`, kind 'draft') or their draft index (`drafts:<user>`, kind
 * 'draft-index'); else undefined. No key is opened.
 */
export function draftOwner(address: RecordAddress): string | undefined {
  if (!DRAFT_KINDS.has(address.kind)) return undefined;
  const key = tryParseKeyId(address.keyRef);
  if (!key || !key.logical.startsWith('personal:')) return undefined;
  const owner = key.logical.slice('personal:'.length);
  const id = address.recordId;
  const matches =
    address.kind === 'draft' ? id.endsWith(`~draft~${owner}`) : id === `drafts:${owner}`;
  return matches ? owner : undefined;
}

/**
 * Whether `username` was removed (`removed`: usernames whose profile says so) and no version of
 * their personal key is left (users.remove shreds it). One indexed read.
 */
export function draftsShredded(db: Database, removed: Set<string>, username: string): boolean {
  if (!removed.has(username)) return false;
  return (
    statement(db, 'SELECT 1 FROM key_wraps WHERE logical = ? LIMIT 1').get(
      `personal:${username}`,
    ) === undefined
  );
}
