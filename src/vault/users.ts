// User records: profile and role sealed under the directory key (every user reads names, roles
// and public keys), and each user's Ed25519 signing key, generated at account creation, its
// secret half sealed under that user's personal key, which only their own key slot reaches (not
// even an admin can sign as someone else). A role edited in the file is caught at unlock: the
// keys a slot reaches must be exactly the keys of the role its profile names (vault.ts).
//
// A profile is written from named fields only, checked against a strict schema (sec46): the
// first admin's profile was once written from the whole vault.create input, passphrase included,
// and every role reads the directory class. Nothing but the fields below can reach the record.
import { z } from 'zod';
import { generateSignKeyPair, wipe } from '../crypto';
import type { RecordAddress, RecordStore } from './records';
import type { AuditRecordRef } from './audit';
import { ROLES, type Role } from './roles';
import { HearthError } from './errors';
import { toHex } from './encoding';

export interface UserProfile {
  username: string;
  displayName: string;
  role: Role;
  /** Ed25519 public key, hex. */
  signPublicKey: string;
  createdAt: string;
  createdBy: string;
  /** Set when the user was removed: the profile stays so their past seals still verify. */
  removedAt?: string;
  removedBy?: string;
  /**
   * Set when an admin's sign-in removed a secret this profile held (sec46: the first admin's
   * passphrase, written by vault.create before the fix): the time of that repair. Older copies
   * of the file still hold the secret, so the user is told to change her passphrase; a
   * passphrase change or recovery by that user clears it.
   */
  secretRemovedAt?: string;
}

/** Every field a stored profile may hold; anything else is refused on write (strict). */
const profileSchema = z.strictObject({
  username: z.string().min(1).max(64),
  displayName: z.string().min(1).max(200),
  role: z.enum(ROLES),
  signPublicKey: z.string().regex(/^[0-9a-f]{64}$/),
  createdAt: z.string().min(1).max(64),
  createdBy: z.string().min(1).max(64),
  removedAt: z.string().min(1).max(64).optional(),
  removedBy: z.string().min(1).max(64).optional(),
  secretRemovedAt: z.string().min(1).max(64).optional(),
});

const PROFILE_FIELDS = Object.keys(profileSchema.shape) as Array<keyof UserProfile>;

/**
 * The profile fields of `value`, picked by name (a field not in the schema is dropped): what
 * every reader of a profile gets, so a field written outside the schema never travels further.
 */
export function pickProfile(value: UserProfile): UserProfile {
  const out: Record<string, unknown> = {};
  for (const field of PROFILE_FIELDS) if (value[field] !== undefined) out[field] = value[field];
  return out as unknown as UserProfile;
}

/**
 * The names (never the values) of the fields a stored profile holds beyond its schema: the
 * first admin's `passphrase` in a vault made before sec46. Empty when none.
 */
export function extraProfileFields(value: unknown): string[] {
  if (typeof value !== 'object' || value === null) return [];
  return Object.keys(value).filter((k) => !(PROFILE_FIELDS as string[]).includes(k));
}

/**
 * Checks a profile against the strict schema before it is sealed: INTERNAL (naming the fields,
 * never values) for any field outside it, so no caller can store what it was handed in bulk.
 */
function sealable(profile: UserProfile): UserProfile {
  const extra = extraProfileFields(profile);
  const parsed = profileSchema.safeParse(profile);
  if (extra.length > 0 || !parsed.success)
    throw new HearthError(
      'INTERNAL',
      `A user profile was about to be written with fields outside its schema${extra.length ? ` (${extra.join(', ')})` : ''}: nothing was saved. Report it.`,
    );
  return parsed.data;
}

export const USERS_CONTAINER = 'users';

const profileAddress = (username: string, seq: number): RecordAddress => ({
  recordId: `user:${username}`,
  containerId: USERS_CONTAINER,
  kind: 'user',
  seq,
  keyRef: 'class:directory',
});

/** The logical key of a user's own secrets (their signing key). */
export const personalKey = (username: string): string => `personal:${username}`;

const signingAddress = (username: string): RecordAddress => ({
  recordId: `signing-key:${username}`,
  containerId: USERS_CONTAINER,
  kind: 'signing-key',
  seq: 1,
  keyRef: personalKey(username),
});

export const signingRecordId = (username: string): string => `signing-key:${username}`;

/**
 * Writes a new user's profile and signing key (the caller has created their personal key);
 * returns the audit references of both records.
 */
export function createUserRecords(
  put: (address: RecordAddress, value: unknown) => AuditRecordRef,
  profile: Pick<UserProfile, 'username' | 'displayName' | 'role' | 'createdAt' | 'createdBy'>,
): { profile: UserProfile; refs: AuditRecordRef[] } {
  const pair = generateSignKeyPair();
  try {
    // Named fields only: callers hold objects (a new user's input) that carry a passphrase.
    const full = sealable({
      username: profile.username,
      displayName: profile.displayName,
      role: profile.role,
      signPublicKey: toHex(pair.publicKey),
      createdAt: profile.createdAt,
      createdBy: profile.createdBy,
    });
    const refs = [
      put(profileAddress(profile.username, 1), full),
      put(signingAddress(profile.username), { secretKey: toHex(pair.secretKey) }),
    ];
    return { profile: full, refs };
  } finally {
    wipe(pair.secretKey);
  }
}

/** The user's profile (schema fields only); TAMPERED when missing or not theirs. */
export function readUserProfile(records: RecordStore, username: string): UserProfile {
  const found = records.get<UserProfile>(`user:${username}`);
  if (!found || found.value.username !== username) {
    throw new HearthError(
      'TAMPERED',
      "This user's profile is missing or does not match its key slot.",
    );
  }
  return pickProfile(found.value);
}

/**
 * The refusal of a removal that cannot be done safely (red team 25, R25-7): the user's profile is
 * missing or does not open AND no current certificate names them (removal-subject.ts rebuilds
 * the profile from the certificate otherwise), so nothing certified says who they are. TAMPERED,
 * reason PROFILE_UNREADABLE, saying that their keys stay valid until then and what brings the
 * profile back (the check names it; the newest backup that has it; then remove again).
 */
export function profileUnreadableError(username: string): HearthError {
  return new HearthError(
    'TAMPERED',
    `Hearth cannot remove ${username} yet: their staff profile is missing or was changed outside Hearth, and no current certificate from the centre key names them, so who they are cannot be read. Nothing was changed, and their key slot and keys stay valid until the removal is done. Next: run a vault check (hearth vault check; it names the profile), restore the newest backup that still has it (hearth vault restore), then remove ${username} again at once.`,
    { reason: 'PROFILE_UNREADABLE' },
  );
}

/**
 * Current users (removed users' profiles are kept for verifying their past seals, not listed),
 * read along the primary key ('user:' ids), never through records_by_kind: an index rebuilt
 * outside Hearth to leave a user out hid him from the admin's Users screen while he still signed
 * in (red team 24, R24-10; sec55).
 */
export function listUserProfiles(records: RecordStore): UserProfile[] {
  return records
    .listKindByIdPrefix<UserProfile>('user', 'user:', USERS_CONTAINER)
    .records.filter((r) => r.address.recordId === `user:${r.value.username}`)
    .map((r) => pickProfile(r.value))
    .filter((p) => p.removedAt === undefined);
}

/** Marks a profile removed (a new version); returns its audit reference. */
export function writeRemovedProfile(
  put: (address: RecordAddress, value: unknown) => AuditRecordRef,
  records: RecordStore,
  username: string,
  removal: { removedAt: string; removedBy: string },
): AuditRecordRef {
  const found = records.get<UserProfile>(`user:${username}`);
  if (!found) throw new HearthError('NOT_FOUND', 'There is no user with this user name.');
  return put(
    profileAddress(username, found.address.seq + 1),
    sealable({ ...pickProfile(found.value), ...removal }),
  );
}

/**
 * Writes a removed user's profile rebuilt from their certificate (red team 25, R25-7: the stored
 * one was deleted or does not open) as version `seq`, past any version the file or the audit log
 * names. Returns the audit reference.
 */
export function writeRebuiltRemovedProfile(
  put: (address: RecordAddress, value: unknown) => AuditRecordRef,
  profile: UserProfile,
  seq: number,
): AuditRecordRef {
  return put(profileAddress(profile.username, seq), sealable(profile));
}

/**
 * Writes a new version of a user's profile: `change` applied to its schema fields (a field
 * stored outside the schema is dropped; `secretRemovedAt: undefined` clears the mark).
 * Returns the audit reference.
 */
export function rewriteProfile(
  put: (address: RecordAddress, value: unknown) => AuditRecordRef,
  records: RecordStore,
  username: string,
  change: Partial<Pick<UserProfile, 'secretRemovedAt'>>,
): AuditRecordRef {
  const found = records.get<UserProfile>(`user:${username}`);
  if (!found) throw new HearthError('NOT_FOUND', 'There is no user with this user name.');
  const next: UserProfile = { ...pickProfile(found.value), ...change };
  if (next.secretRemovedAt === undefined) delete next.secretRemovedAt;
  return put(profileAddress(username, found.address.seq + 1), sealable(next));
}

/** The stored profile as written (with any field outside the schema), for the repair and check. */
export function storedProfile(records: RecordStore, username: string): unknown {
  return records.get<unknown>(`user:${username}`)?.value;
}

/** The user's Ed25519 secret key (64 bytes). Callers wipe it after use. */
export function readSigningKey(records: RecordStore, username: string): Uint8Array {
  const found = records.get<{ secretKey: string }>(signingRecordId(username));
  if (!found)
    throw new HearthError('TAMPERED', "This user's signing key is missing from the vault.");
  return Uint8Array.from(Buffer.from(found.value.secretKey, 'hex'));
}
