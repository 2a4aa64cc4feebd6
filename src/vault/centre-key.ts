// The centre key: one Ed25519 key per vault (minisign format), the root a prosecutor's office
// pins. It signs staff certificates and the staff key list, nothing else. Its secret half is a
// sealed record; where it is sealed is decided by centreSecretAddress() alone, so that moving it
// under an admin-only key is a one-line change. Only admins may use it (callers check).
// The same sealed record carries the centre's commitment to where signed audit starts
// (`auditSignedFrom`, red team round 4 N1): it is sealed under the staff-administration key, so
// no other role can write or edit it, and without it the centre key itself is gone, which is
// refused and named (vault check CENTRE_KEY_MISSING), never quietly re-created.
// Committing that start opens a new epoch of the staff-administration key (red team round 6,
// R6-1 (c)): the committed record is sealed under a new version of class:staff, whose number is
// in every record's associated data, and every older version is destroyed. An older, uncommitted
// copy of the row put back from an old file no longer opens (its key is gone), so it reads as
// CENTRE_KEY_MISSING, never as a vault still waiting for its commitment.
import {
  deriveKeyId,
  encodePublicKey,
  generateSignKeyPair,
  keyFingerprint,
  keyIdText,
  wipe,
} from '../crypto';
import type { AuditRecordRef } from './audit';
import { toHex } from './encoding';
import { HearthError } from './errors';
import { keyId, parseKeyId, type KeyId, type KeyStore } from './key-store';
import type { OpenedRecord, RecordAddress, RecordStore } from './records';

export const CENTRE_CONTAINER = 'centre';

export interface CentreKeyInfo {
  /** Ed25519 public key, hex (32 bytes). */
  publicKey: string;
  /** minisign key id text (16 upper-case hex), derived from the public key. */
  keyId: string;
  /** SHA-256 of the raw public key, first 160 bits, in groups of four (for reading aloud). */
  fingerprint: string;
  createdAt: string;
  createdBy: string;
}

const PUBLIC_ADDRESS: RecordAddress = {
  recordId: 'centre-key:public',
  containerId: CENTRE_CONTAINER,
  kind: 'centre-key',
  seq: 1,
  keyRef: 'class:directory',
};

/**
 * Where the centre's secret key is sealed: under the staff-administration key, which only
 * admins' key slots (and the recovery kit) reach, so no other passphrase opens it offline.
 */
export function centreSecretAddress(): RecordAddress {
  return {
    recordId: 'centre-key:secret',
    containerId: CENTRE_CONTAINER,
    kind: 'centre-key-secret',
    seq: 1,
    keyRef: 'class:staff',
  };
}

export function centreKeyInfo(
  publicKey: Uint8Array,
  createdAt: string,
  createdBy: string,
): CentreKeyInfo {
  return {
    publicKey: toHex(publicKey),
    keyId: keyIdText(deriveKeyId(publicKey)),
    fingerprint: keyFingerprint(publicKey),
    createdAt,
    createdBy,
  };
}

/** The sealed secret record: the key, and (from red team round 4) the audit-start commitment. */
interface CentreSecretRecord {
  secretKey: string;
  /** The first audit sequence number that must carry an author signature, as committed. */
  auditSignedFrom?: number;
}

/**
 * Generates the centre key and seals both halves through `put`; the secret record commits to
 * `auditSignedFrom` (1 for a new vault). Returns its public description and the 64-byte secret
 * key, which the caller uses (to certify the first users) and wipes.
 */
export function createCentreKey(
  put: (address: RecordAddress, value: unknown) => AuditRecordRef,
  createdAt: string,
  createdBy: string,
  auditSignedFrom: number,
): { info: CentreKeyInfo; secretKey: Uint8Array; refs: AuditRecordRef[] } {
  const pair = generateSignKeyPair();
  const info = centreKeyInfo(pair.publicKey, createdAt, createdBy);
  const secret: CentreSecretRecord = { secretKey: toHex(pair.secretKey), auditSignedFrom };
  const refs = [put(PUBLIC_ADDRESS, info), put(centreSecretAddress(), secret)];
  return { info, secretKey: pair.secretKey, refs };
}

/**
 * What the centre's sealed record says, for an admin's sign-in (class:staff key held):
 * - `committed`: the centre committed to where signed audit starts; nothing may move it;
 * - `uncommitted`: a vault from before the commitment (red team round 4): the next admin sign-in
 *   commits the signed statement's value once;
 * - `missing`: the public or the secret half is gone (deleted outside Hearth);
 * - `mismatch`: the public key is not the secret key's (replaced outside Hearth).
 * Throws FORBIDDEN (from the record store) when this sign-in cannot read class:staff.
 */
export type CentreCommitment =
  | { status: 'committed'; auditSignedFrom: number }
  | { status: 'uncommitted' }
  | { status: 'missing' }
  | { status: 'mismatch' };

export function readCentreCommitment(records: RecordStore): CentreCommitment {
  const info = readCentreKey(records);
  let found: OpenedRecord<CentreSecretRecord> | undefined;
  try {
    found = records.get<CentreSecretRecord>(centreSecretAddress().recordId);
  } catch (error) {
    // A row zeroed or swapped in from another vault fails authentication: that is the centre
    // key gone, not a reason to refuse the admin who must run the check (red team 5, F4).
    if (error instanceof HearthError && error.code === 'TAMPERED') return { status: 'missing' };
    throw error;
  }
  if (!info || !found) return { status: 'missing' };
  const publicHalf = found.value.secretKey.slice(64);
  if (found.value.secretKey.length !== 128 || publicHalf !== info.publicKey)
    return { status: 'mismatch' };
  const n = found.value.auditSignedFrom;
  if (Number.isSafeInteger(n) && (n as number) >= 1)
    return { status: 'committed', auditSignedFrom: n as number };
  // An uncommitted row is genuine only in the staff key's current epoch. One sealed under an
  // older version whose key was put back from an old file too (red team round 6, R6-1 (c)) is
  // not wrapped under the current version, which only an admin could have done.
  return reachesCurrentEpoch(records.keyStore, found.address.keyRef)
    ? { status: 'uncommitted' }
    : { status: 'missing' };
}

/**
 * Whether a class:staff version is the current one or is wrapped, through newer versions, under
 * it, as a rotation (rotation.ts) leaves it. A version put back from an old file is not: a wrap
 * under the current version can only be made by someone holding it.
 */
function reachesCurrentEpoch(keys: KeyStore, sealedUnder: KeyId): boolean {
  const current = keys.currentId(STAFF_KEY);
  let id = sealedUnder;
  for (;;) {
    if (id === current) return true;
    const version = parseKeyId(id).version;
    const newer = keys
      .holdersOf(id)
      .map(parseKeyId)
      .filter((h) => h.logical === STAFF_KEY && h.version > version)
      .map((h) => h.version);
    if (newer.length === 0) return false;
    id = keyId(STAFF_KEY, Math.max(...newer));
  }
}

/**
 * Records the commitment in a vault from before it: one newer version of the secret record,
 * through the audited `put`, sealed under a new epoch of the staff-administration key
 * (`newStaffKeyEpoch`), so that no earlier, uncommitted version of the row opens again.
 * Refuses (CONFLICT) when a commitment already exists: a committed start is never moved.
 * TAMPERED when the record is missing. Admins only (callers check), inside the caller's
 * transaction: a failure leaves the old epoch and the old row in place.
 */
export function commitAuditStart(
  records: RecordStore,
  keys: KeyStore,
  put: (address: RecordAddress, value: unknown) => AuditRecordRef,
  auditSignedFrom: number,
): AuditRecordRef {
  const found = records.get<CentreSecretRecord>(centreSecretAddress().recordId);
  if (!found)
    throw new HearthError(
      'TAMPERED',
      'The centre key is missing from the vault. Run a vault check.',
    );
  if (found.value.auditSignedFrom !== undefined)
    throw new HearthError('CONFLICT', 'The centre already committed where signed audit starts.');
  newStaffKeyEpoch(keys);
  return put(
    { ...centreSecretAddress(), seq: found.address.seq + 1 },
    { secretKey: found.value.secretKey, auditSignedFrom },
  );
}

const STAFF_KEY = centreSecretAddress().keyRef;

/**
 * Starts a new version of the staff-administration key (class:staff) for the same holders (the
 * admins' user keys and the recovery key) and destroys every older version, after moving what
 * they wrap (blind cases' allegation keys, from roles.ts) directly under the new one. Records
 * sealed under an older version (the centre secret record, and the admin checkpoint, which the
 * caller writes anew: checkpoint.ts) can never be opened again: the version number is in the record's associated data (records.ts) and its key
 * is gone. Returns the new version's id. Requires this sign-in to hold class:staff (an admin).
 */
export function newStaffKeyEpoch(keys: KeyStore): KeyId {
  const older = keys.versionsOf(STAFF_KEY);
  const current = keys.requireCurrentId(STAFF_KEY);
  const next = keys.create(STAFF_KEY, keys.holdersOf(current));
  // Newest first: each older version is still reachable (through a newer one, or directly)
  // when its own children are moved.
  for (const id of older.reverse()) keys.rehome(id, next);
  keys.forgetLookups();
  return next;
}

/**
 * The centre's public description, or undefined when it is missing. A row that fails
 * authentication (zeroed, or swapped in from another vault) counts as missing too (red team
 * round 6, R6-4): otherwise anyone with write access to the file could lock every user out
 * with one edit and no key, and no check could run to name it. Callers refuse what needs the
 * centre key; `vault check` names CENTRE_KEY_MISSING.
 */
export function readCentreKey(records: RecordStore): CentreKeyInfo | undefined {
  try {
    return records.get<CentreKeyInfo>(PUBLIC_ADDRESS.recordId)?.value;
  } catch (error) {
    if (error instanceof HearthError && error.code === 'TAMPERED') return undefined;
    throw error;
  }
}

/**
 * The centre's public record with the address it was read from (its key version), or undefined
 * when missing or failing authentication (as readCentreKey). For key certificates
 * (key-vouching.ts), which trust it only when sealed under the oldest directory key version.
 */
export function readCentreKeyRecord(records: RecordStore): OpenedRecord<CentreKeyInfo> | undefined {
  try {
    return records.get<CentreKeyInfo>(PUBLIC_ADDRESS.recordId);
  } catch (error) {
    if (error instanceof HearthError && error.code === 'TAMPERED') return undefined;
    throw error;
  }
}

/** The centre's Ed25519 secret key (64 bytes). Callers check the admin role first and wipe it. */
export function readCentreSecretKey(records: RecordStore): Uint8Array {
  const found = records.get<CentreSecretRecord>(centreSecretAddress().recordId);
  const info = readCentreKey(records);
  if (!found || !info)
    throw new HearthError(
      'TAMPERED',
      'The centre key is missing from the vault. Run a vault check.',
    );
  const secretKey = Uint8Array.from(Buffer.from(found.value.secretKey, 'hex'));
  if (secretKey.length !== 64 || toHex(secretKey.subarray(32)) !== info.publicKey) {
    wipe(secretKey);
    throw new HearthError('TAMPERED', 'The centre key in the vault does not match its public key.');
  }
  return secretKey;
}

/** The centre public key as a minisign public key file (accepted as-is by `minisign -p`). */
export function centrePublicKeyFile(info: CentreKeyInfo): string {
  const publicKey = Uint8Array.from(Buffer.from(info.publicKey, 'hex'));
  return encodePublicKey({ keyId: deriveKeyId(publicKey), publicKey });
}
