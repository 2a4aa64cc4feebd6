// User records: profile and role sealed under the directory key (every user reads names, roles
// and public keys), and each user's Ed25519 signing key, generated at account creation, its
// secret half sealed under that user's personal key, which only their own key slot reaches (not
// even an admin can sign as someone else). A role edited in the file is caught at unlock: the
// keys a slot reaches must be exactly the keys of the role its profile names (vault.ts).
import { generateSignKeyPair, wipe } from '../crypto';
import type { RecordAddress, RecordStore } from './records';
import type { AuditRecordRef } from './audit';
import type { Role } from './roles';
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
  profile: Omit<UserProfile, 'signPublicKey'>,
): { profile: UserProfile; refs: AuditRecordRef[] } {
  const pair = generateSignKeyPair();
  try {
    const full: UserProfile = { ...profile, signPublicKey: toHex(pair.publicKey) };
    const refs = [
      put(profileAddress(profile.username, 1), full),
      put(signingAddress(profile.username), { secretKey: toHex(pair.secretKey) }),
    ];
    return { profile: full, refs };
  } finally {
    wipe(pair.secretKey);
  }
}

export function readUserProfile(records: RecordStore, username: string): UserProfile {
  const found = records.get<UserProfile>(`user:${username}`);
  if (!found || found.value.username !== username) {
    throw new HearthError(
      'TAMPERED',
      "This user's profile is missing or does not match its key slot.",
    );
  }
  return found.value;
}

/** Current users (removed users' profiles are kept for verifying their past seals, not listed). */
export function listUserProfiles(records: RecordStore): UserProfile[] {
  return records
    .list<UserProfile>('user', USERS_CONTAINER)
    .records.map((r) => r.value)
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
  return put(profileAddress(username, found.address.seq + 1), { ...found.value, ...removal });
}

/** The user's Ed25519 secret key (64 bytes). Callers wipe it after use. */
export function readSigningKey(records: RecordStore, username: string): Uint8Array {
  const found = records.get<{ secretKey: string }>(signingRecordId(username));
  if (!found)
    throw new HearthError('TAMPERED', "This user's signing key is missing from the vault.");
  return Uint8Array.from(Buffer.from(found.value.secretKey, 'hex'));
}
