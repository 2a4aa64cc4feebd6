// Profiles that hold a secret (sec46, issue #15). Before sec46, vault.create wrote the first
// admin's profile from the whole create input, passphrase included; profiles are sealed under
// the directory class, which every role holds, so anyone with a copy of the file and any staff
// passphrase could read it offline. New profiles are written from named fields (users.ts). For
// vaults made before, an admin's sign-in rewrites such a profile without the extra fields and
// marks it (secretRemovedAt); the affected user is told at every sign-in to change her
// passphrase, because older copies of the file (backups, exports of the file) still hold it, and
// vault check names the profile (PROFILE_HOLDS_SECRET) until she does.
import type { AuditLog, AuditRecordRef, SignerLookup } from './audit';
import { HearthError } from './errors';
import type { RecordStore } from './records';
import {
  extraProfileFields,
  readUserProfile,
  rewriteProfile,
  storedProfile,
  USERS_CONTAINER,
  type UserProfile,
} from './users';

/** The audit action of the repair; its detail names the removed fields, never their values. */
export const PROFILE_REPAIR_ACTION = 'users.repairProfile';

/**
 * Whether a stored profile holding `passphrase` is the very record Hearth wrote (red team 21,
 * R21-2): the only profiles the repair may rewrite and sign. Every role holds the directory key,
 * so an interviewer can re-seal any profile in place (his own or the admin's) with his own
 * content and the field kept; re-signing that as an admin's repair would vouch for whatever
 * else he changed. So the record's current hash must be the one its own audit entry committed
 * to (chained, signature verified: AuditLog.entryForRecord), and that entry must be one that
 * wrote such a profile:
 * - version 1: `vault.create`, the first entry of the log, by the user herself (the first admin);
 * - a later version: `users.remove` of that user by an admin (before sec46, a removal kept every
 *   stored field, so a first admin removed before her repair kept her passphrase in it).
 * Unsigned (legacy) entries count as their writer's: a vault from before signed audit.
 */
export function writtenByHearth(
  records: RecordStore,
  audit: AuditLog,
  lookup: SignerLookup,
  username: string,
): boolean {
  const id = `user:${username}`;
  const seq = records.seqOf(id);
  const hash = records.hashOf(id);
  if (seq === undefined || hash === undefined) return false;
  const found = audit.entryForRecord(id, hash, lookup);
  if (!found.ok) return false;
  const entry = audit.list(1, found.auditSeq + 1)[0];
  if (!entry || entry.seq !== found.auditSeq) return false;
  if (!entry.records?.some((r) => r.id === id && r.seq === seq && r.hash === hash)) return false;
  if (seq === 1)
    return (
      entry.action === 'vault.create' &&
      entry.seq === 1 &&
      entry.actor === username &&
      (found.signer === undefined || found.signer === username)
    );
  if (entry.action !== 'users.remove' || entry.target !== id) return false;
  if (found.signer === undefined) return true;
  return audit.claimAt(entry.seq, lookup)?.role === 'admin';
}

/** A stored profile's fields outside the schema, when they are only the old `passphrase`. */
function heldPassphrase(value: unknown): string[] {
  const extra = extraProfileFields(value);
  return extra.length > 0 && extra.every((field) => field === 'passphrase') ? extra : [];
}

/**
 * Rewrites every profile that holds the passphrase field and that Hearth itself wrote that way
 * (`writtenByHearth`: vault.create's first version, or an old removal's) without it: a new
 * version each, audited as PROFILE_REPAIR_ACTION by `actor` with the field names only. A current
 * user's profile is also marked `secretRemovedAt: at`. A profile rewritten outside Hearth is
 * never repaired (that would sign its content): vault check names it (RECORD_NOT_LATEST and
 * PROFILE_SECRET_NOT_REPAIRED). Run inside a transaction at an admin's sign-in (only admins
 * write other users' profiles). Returns the repaired usernames.
 */
export function repairProfileSecrets(
  records: RecordStore,
  audit: AuditLog,
  lookup: SignerLookup,
  at: string,
  actor: string,
): string[] {
  const repaired: string[] = [];
  for (const row of records.listKindByIdPrefix<UserProfile>('user', 'user:', USERS_CONTAINER)
    .records) {
    const extra = heldPassphrase(row.value);
    if (extra.length === 0) continue;
    const { username } = row.value;
    if (row.address.recordId !== `user:${username}`) continue;
    if (!writtenByHearth(records, audit, lookup, username)) continue;
    const current = row.value.removedAt === undefined;
    const ref = rewriteProfile((a, v) => records.put(a, v), records, username, {
      ...(current ? { secretRemovedAt: at } : {}),
    });
    audit.append({
      at,
      actor,
      action: PROFILE_REPAIR_ACTION,
      target: `user:${username}`,
      detail: { removedFields: extra.join(',') },
      records: [ref],
    });
    repaired.push(username);
  }
  return repaired;
}

/**
 * After `username` chose a new passphrase (change or recovery): clears her profile's
 * secretRemovedAt mark with a new version. Returns its audit reference, or none when unmarked.
 */
export function clearSecretMark(records: RecordStore, username: string): AuditRecordRef[] {
  let marked: boolean;
  try {
    marked =
      readUserProfile(records, username).secretRemovedAt !== undefined ||
      extraProfileFields(storedProfile(records, username)).length > 0;
  } catch (error) {
    // A profile that does not read (edited outside Hearth) is vault check's to name; the
    // passphrase change itself goes ahead.
    if (error instanceof HearthError) return [];
    throw error;
  }
  if (!marked) return [];
  return [
    rewriteProfile((a, v) => records.put(a, v), records, username, { secretRemovedAt: undefined }),
  ];
}

/**
 * What the affected user is told at sign-in, in English and Latin American Spanish: the same
 * text as locales/{en,es}/ui.json lockGuard.passphraseExposed, which the app and the CLI (in the
 * one language chosen, sec47) word it from.
 */
export const PASSPHRASE_EXPOSED = {
  en: 'Your passphrase was stored inside your staff profile by an earlier version of Hearth, where colleagues with a copy of the vault file could read it. Hearth has removed it from this vault, but older copies of the file (backups, copied files) still contain it. Change your passphrase now (Settings, "Change my passphrase"). If a copy of the file may have left the centre, also ask another admin to make you a new account and then remove this one: removing an account gives every key it could reach a new version.',
  es: 'Una versi\u00f3n anterior de Hearth guard\u00f3 su frase de contrase\u00f1a dentro de su perfil de personal, donde colegas con una copia del archivo de la b\u00f3veda pod\u00edan leerla. Hearth ya la quit\u00f3 de esta b\u00f3veda, pero las copias anteriores del archivo (copias de seguridad, archivos copiados) todav\u00eda la contienen. Cambie su frase de contrase\u00f1a ahora (Configuraci\u00f3n, "Cambiar mi frase de contrase\u00f1a"). Si una copia del archivo pudo haber salido del centro, pida tambi\u00e9n a otra persona administradora que le cree una cuenta nueva y luego elimine esta: al eliminar una cuenta, cada clave que pod\u00eda alcanzar recibe una versi\u00f3n nueva.',
} as const;

/** The English notice (SignedInUser.passphraseExposed.message). */
export function passphraseExposedMessage(): string {
  return PASSPHRASE_EXPOSED.en;
}

/**
 * A vault check finding about a profile's secret (field names and dates, never values):
 * - `holds`: the profile still holds fields outside its schema and Hearth wrote it that way: an
 *   admin's sign-in removes them (PROFILE_HOLDS_SECRET);
 * - `not-repaired`: it holds such fields in a version Hearth cannot show it wrote (rewritten
 *   outside Hearth, R21-2): no sign-in touches it (PROFILE_SECRET_NOT_REPAIRED);
 * - `held`: a sign-in removed it (`removedAt`, absent when the stored date is unusable) and the
 *   user has not chosen a new passphrase since (PROFILE_HELD_SECRET).
 */
export interface ProfileSecretFinding {
  username: string;
  state: 'holds' | 'not-repaired' | 'held';
  /** Field names outside the schema still stored (empty for `held`). */
  fields: string[];
  /** The user was removed: her slot is gone, but her old passphrase is still readable. */
  removed: boolean;
  /** When an admin's sign-in removed it (`held` only; absent when not recorded). */
  removedAt?: string;
}

/**
 * Profiles that hold a secret (fields outside the schema), current users' and removed users'
 * alike (their profile is kept for their past seals, readable by every role), and current users
 * who have not changed their passphrase since an admin's sign-in removed it (secretRemovedAt).
 */
export function profileSecretFindings(
  records: RecordStore,
  audit: AuditLog,
  lookup: SignerLookup,
): ProfileSecretFinding[] {
  const out: ProfileSecretFinding[] = [];
  for (const row of records.listKindByIdPrefix<UserProfile>('user', 'user:', USERS_CONTAINER)
    .records) {
    const value = row.value;
    const removed = value.removedAt !== undefined;
    const fields = extraProfileFields(value);
    if (fields.length > 0) {
      const repairable =
        heldPassphrase(value).length > 0 &&
        row.address.recordId === `user:${value.username}` &&
        writtenByHearth(records, audit, lookup, value.username);
      out.push({
        username: value.username,
        state: repairable ? 'holds' : 'not-repaired',
        fields,
        removed,
      });
      continue;
    }
    if (removed || value.secretRemovedAt === undefined) continue;
    const at = value.secretRemovedAt;
    out.push({
      username: value.username,
      state: 'held',
      fields: [],
      removed,
      ...(typeof at === 'string' && at.trim() !== '' ? { removedAt: at } : {}),
    });
  }
  return out;
}
