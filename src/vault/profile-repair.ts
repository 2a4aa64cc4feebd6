// Profiles that hold a secret (sec46, issue #15). Before sec46, vault.create wrote the first
// admin's profile from the whole create input, passphrase included; profiles are sealed under
// the directory class, which every role holds, so anyone with a copy of the file and any staff
// passphrase could read it offline. New profiles are written from named fields (users.ts). For
// vaults made before, an admin's sign-in rewrites such a profile without the extra fields and
// marks it (secretRemovedAt); the affected user is told at every sign-in to change her
// passphrase, because older copies of the file (backups, exports of the file) still hold it, and
// vault check names the profile (PROFILE_HOLDS_SECRET) until she does.
import type { AuditLog, AuditRecordRef } from './audit';
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
 * Rewrites every profile that vault.create wrote with the passphrase field (its first version)
 * without it (a new version each, audited as PROFILE_REPAIR_ACTION by `actor` with the field
 * names only). A current user's profile is also marked `secretRemovedAt: at`. Run inside a transaction at an
 * admin's sign-in (only admins write other users' profiles). Returns the repaired usernames.
 */
export function repairProfileSecrets(
  records: RecordStore,
  audit: AuditLog,
  at: string,
  actor: string,
): string[] {
  const repaired: string[] = [];
  for (const row of records.list<UserProfile>('user', USERS_CONTAINER).records) {
    const extra = extraProfileFields(row.value);
    if (extra.length === 0) continue;
    const { username } = row.value;
    // Only what vault.create wrote: the first version, holding the passphrase field. A later
    // version with extra fields was written by someone else; re-signing it as an admin's repair
    // would vouch for whatever else it changed, so it is left for vault check to name.
    if (
      row.address.seq !== 1 ||
      row.address.recordId !== `user:${username}` ||
      extra.some((field) => field !== 'passphrase')
    )
      continue;
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
 * What the affected user is told at sign-in, in English and Latin American Spanish (the CLI
 * prints both; the app words it from locales/{en,es}/ui.json lockGuard.passphraseExposed, the
 * same text).
 */
export const PASSPHRASE_EXPOSED = {
  en: 'Your passphrase was stored inside your staff profile by an earlier version of Hearth, where colleagues with a copy of the vault file could read it. Hearth has removed it from this vault, but older copies of the file (backups, copied files) still contain it. Change your passphrase now (Settings, "Change my passphrase"). If a copy of the file may have left the centre, also ask another admin to make you a new account and then remove this one: removing an account gives every key it could reach a new version.',
  es: 'Una versi\u00f3n anterior de Hearth guard\u00f3 su frase de contrase\u00f1a dentro de su perfil de personal, donde colegas con una copia del archivo de la b\u00f3veda pod\u00edan leerla. Hearth ya la quit\u00f3 de esta b\u00f3veda, pero las copias anteriores del archivo (copias de seguridad, archivos copiados) todav\u00eda la contienen. Cambie su frase de contrase\u00f1a ahora (Configuraci\u00f3n, "Cambiar mi frase de contrase\u00f1a"). Si una copia del archivo pudo haber salido del centro, pida tambi\u00e9n a otra persona administradora que le cree una cuenta nueva y luego elimine esta: al eliminar una cuenta, cada clave que pod\u00eda alcanzar recibe una versi\u00f3n nueva.',
} as const;

/** The English notice (SignedInUser.passphraseExposed.message). */
export function passphraseExposedMessage(): string {
  return PASSPHRASE_EXPOSED.en;
}

/** A vault check finding: PROFILE_HOLDS_SECRET, naming the user and field names (never values). */
export interface ProfileSecretFinding {
  username: string;
  /** Field names outside the schema still stored, or empty when only the mark remains. */
  fields: string[];
  /** When an admin's sign-in removed it (absent: not yet removed). */
  removedAt?: string;
}

/**
 * Current profiles that hold a secret (fields outside the schema) or whose user has not changed
 * her passphrase since it was removed (secretRemovedAt).
 */
export function profileSecretFindings(records: RecordStore): ProfileSecretFinding[] {
  const out: ProfileSecretFinding[] = [];
  for (const row of records.list<UserProfile>('user', USERS_CONTAINER).records) {
    const value = row.value;
    if (value.removedAt !== undefined) continue;
    const fields = extraProfileFields(value);
    const removedAt = typeof value.secretRemovedAt === 'string' ? value.secretRemovedAt : undefined;
    if (fields.length === 0 && removedAt === undefined) continue;
    out.push({ username: value.username, fields, ...(removedAt ? { removedAt } : {}) });
  }
  return out;
}
