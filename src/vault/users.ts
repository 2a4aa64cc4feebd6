// User records: profile and role sealed in the vault (so a role cannot be edited on disk), and
// each user's Ed25519 signing key, generated at account creation, its secret half sealed under
// the signing-wrap subkey.
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
}

export const USERS_CONTAINER = 'users';

const profileAddress = (username: string, seq: number): RecordAddress => ({
  recordId: `user:${username}`,
  containerId: USERS_CONTAINER,
  kind: 'user',
  seq,
  keyRef: 'records',
});

const signingAddress = (username: string): RecordAddress => ({
  recordId: `signing-key:${username}`,
  containerId: USERS_CONTAINER,
  kind: 'signing-key',
  seq: 1,
  keyRef: 'signing',
});

/** Writes a new user's profile and signing key; returns the audit references of both records. */
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

export function listUserProfiles(records: RecordStore): UserProfile[] {
  return records.list<UserProfile>('user', USERS_CONTAINER).records.map((r) => r.value);
}

/** The user's Ed25519 secret key (64 bytes). Callers wipe it after use. */
export function readSigningKey(records: RecordStore, username: string): Uint8Array {
  const found = records.get<{ secretKey: string }>(`signing-key:${username}`);
  if (!found)
    throw new HearthError('TAMPERED', "This user's signing key is missing from the vault.");
  return Uint8Array.from(Buffer.from(found.value.secretKey, 'hex'));
}
