// Key slots: each user's key wrapped under a key-encryption key from their passphrase (Argon2id,
// parameters stored beside the slot and bound into its associated data), and the recovery key
// pair's secret wrapped under the recovery kit. A slot opens one key; what that key reaches is
// the key hierarchy's business (key-store.ts).
import type { Database } from 'better-sqlite3';
import {
  aeadDecrypt,
  aeadEncrypt,
  ARGON2_SALT_BYTES,
  CryptoError,
  deriveKeyFromPassphrase,
  deriveSubkey,
  randomBytes,
  sha256,
  wipe,
  type Argon2Params,
} from '../crypto';
import { blob, canonicalTuple, toHex } from './encoding';
import { HearthError } from './errors';

interface SlotRow {
  slot_id: string;
  kdf_ops: number | null;
  kdf_mem: number | null;
  kdf_salt: Buffer | null;
  nonce: Buffer;
  wrapped_key: Buffer;
  key_id: string | null;
}

/** What a slot opens: the id of the key it wraps ('user:<name>@<v>' or 'recovery@<v>') and the key. */
export interface OpenedSlot {
  keyId: string;
  key: Uint8Array;
}

const userSlotId = (username: string) => `user:${username}`;
const RECOVERY_SLOT = 'recovery';

/** The id under which a slot appears in `slotDigests` and the audit refs: 'slot:<slot id>'. */
export const slotRefId = {
  user: (username: string): string => `slot:${userSlotId(username)}`,
  recovery: `slot:${RECOVERY_SLOT}`,
} as const;

function slotAd(
  vaultId: Uint8Array,
  slotId: string,
  keyId: string,
  params?: Argon2Params,
  salt?: Uint8Array,
): Uint8Array {
  return canonicalTuple(
    'hearth.slot.v2',
    toHex(vaultId),
    slotId,
    keyId,
    params?.opsLimit ?? 0,
    params?.memLimitBytes ?? 0,
    salt ? toHex(salt) : '',
  );
}

function recoveryKek(recoveryKey: Uint8Array): Uint8Array {
  // The recovery key is 256 random bits, so a fast KDF is enough; no passphrase stretching.
  return deriveSubkey(recoveryKey, 1, 'hearthrk');
}

export function writeUserSlot(
  db: Database,
  vaultId: Uint8Array,
  username: string,
  passphrase: string,
  wrapped: OpenedSlot,
  params: Argon2Params,
): void {
  const salt = randomBytes(ARGON2_SALT_BYTES);
  const kek = deriveKeyFromPassphrase(passphrase, salt, params);
  try {
    const slotId = userSlotId(username);
    const { nonce, ciphertext } = aeadEncrypt(
      kek,
      wrapped.key,
      slotAd(vaultId, slotId, wrapped.keyId, params, salt),
    );
    db.prepare(
      `INSERT INTO key_slots (slot_id, kind, username, kdf_ops, kdf_mem, kdf_salt, nonce, wrapped_key, key_id)
       VALUES (?, 'user', ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT(slot_id) DO UPDATE SET kdf_ops = excluded.kdf_ops, kdf_mem = excluded.kdf_mem,
         kdf_salt = excluded.kdf_salt, nonce = excluded.nonce, wrapped_key = excluded.wrapped_key,
         key_id = excluded.key_id`,
    ).run(
      slotId,
      username,
      params.opsLimit,
      params.memLimitBytes,
      salt,
      nonce,
      ciphertext,
      wrapped.keyId,
    );
  } finally {
    wipe(kek);
  }
}

export function writeRecoverySlot(
  db: Database,
  vaultId: Uint8Array,
  recoveryKey: Uint8Array,
  wrapped: OpenedSlot,
): void {
  const kek = recoveryKek(recoveryKey);
  try {
    const { nonce, ciphertext } = aeadEncrypt(
      kek,
      wrapped.key,
      slotAd(vaultId, RECOVERY_SLOT, wrapped.keyId),
    );
    db.prepare(
      `INSERT INTO key_slots (slot_id, kind, username, nonce, wrapped_key, key_id) VALUES (?, 'recovery', NULL, ?, ?, ?)
       ON CONFLICT(slot_id) DO UPDATE SET nonce = excluded.nonce, wrapped_key = excluded.wrapped_key,
         key_id = excluded.key_id`,
    ).run(RECOVERY_SLOT, nonce, ciphertext, wrapped.keyId);
  } finally {
    wipe(kek);
  }
}

export function userSlotExists(db: Database, username: string): boolean {
  return (
    db.prepare('SELECT 1 FROM key_slots WHERE slot_id = ?').get(userSlotId(username)) !== undefined
  );
}

export function userSlotParams(db: Database, username: string): Argon2Params | undefined {
  const row = db
    .prepare('SELECT kdf_ops, kdf_mem FROM key_slots WHERE slot_id = ?')
    .get(userSlotId(username)) as Pick<SlotRow, 'kdf_ops' | 'kdf_mem'> | undefined;
  if (!row || row.kdf_ops === null || row.kdf_mem === null) return undefined;
  return { opsLimit: row.kdf_ops, memLimitBytes: row.kdf_mem };
}

export function listSlotUsernames(db: Database): string[] {
  return (
    db
      .prepare("SELECT username FROM key_slots WHERE kind = 'user' ORDER BY username")
      .all() as Array<{ username: string }>
  ).map((r) => r.username);
}

/**
 * Unwraps a user's key with their passphrase. The stored KDF parameters are checked
 * against the floor and ceiling before deriving (TAMPERED if outside). Wrong passphrase or
 * unknown user: BAD_PASSPHRASE.
 */
export function openUserSlot(
  db: Database,
  vaultId: Uint8Array,
  username: string,
  passphrase: string,
): OpenedSlot {
  const row = db.prepare('SELECT * FROM key_slots WHERE slot_id = ?').get(userSlotId(username)) as
    SlotRow | undefined;
  if (
    !row ||
    row.kdf_ops === null ||
    row.kdf_mem === null ||
    row.kdf_salt === null ||
    !row.key_id
  ) {
    throw new HearthError('BAD_PASSPHRASE', 'The user name or passphrase is not correct.');
  }
  const params = { opsLimit: row.kdf_ops, memLimitBytes: row.kdf_mem };
  const salt = blob(row.kdf_salt);
  let kek: Uint8Array;
  try {
    kek = deriveKeyFromPassphrase(passphrase, salt, params);
  } catch (error) {
    if (error instanceof CryptoError && error.code === 'KDF_PARAMS_OUT_OF_RANGE') {
      throw new HearthError(
        'TAMPERED',
        `${error.message}; this key slot was altered and was not used.`,
      );
    }
    if (error instanceof CryptoError)
      throw new HearthError('TAMPERED', 'This key slot is malformed and was not used.');
    throw error;
  }
  try {
    const key = aeadDecrypt(
      kek,
      blob(row.nonce),
      blob(row.wrapped_key),
      slotAd(vaultId, row.slot_id, row.key_id, params, salt),
    );
    return { keyId: row.key_id, key };
  } catch (error) {
    if (error instanceof CryptoError)
      throw new HearthError('BAD_PASSPHRASE', 'The user name or passphrase is not correct.');
    throw error;
  } finally {
    wipe(kek);
  }
}

export function openRecoverySlot(
  db: Database,
  vaultId: Uint8Array,
  recoveryKey: Uint8Array,
): OpenedSlot {
  const row = db.prepare('SELECT * FROM key_slots WHERE slot_id = ?').get(RECOVERY_SLOT) as
    SlotRow | undefined;
  if (!row || !row.key_id)
    throw new HearthError(
      'TAMPERED',
      'This vault has no recovery slot: it was deleted outside Hearth. An admin can run a vault check and print a new recovery kit.',
    );
  const kek = recoveryKek(recoveryKey);
  try {
    const key = aeadDecrypt(
      kek,
      blob(row.nonce),
      blob(row.wrapped_key),
      slotAd(vaultId, RECOVERY_SLOT, row.key_id),
    );
    return { keyId: row.key_id, key };
  } catch (error) {
    if (error instanceof CryptoError) {
      throw new HearthError(
        'BAD_RECOVERY_KEY',
        'That recovery key does not open this vault. Check it against the printed recovery kit.',
      );
    }
    throw error;
  } finally {
    wipe(kek);
  }
}

/** Deletes a user's key slot (users.remove). */
export function deleteUserSlot(db: Database, username: string): void {
  db.prepare('DELETE FROM key_slots WHERE slot_id = ?').run(userSlotId(username));
}

/**
 * A digest of every stored field of a slot, committed to by the audit entry that wrote it, so
 * that `vault check` names a slot that was edited (KDF parameters, salt, wrapped key) or deleted.
 */
export function slotDigests(db: Database): Map<string, string> {
  const out = new Map<string, string>();
  for (const row of db.prepare('SELECT * FROM key_slots ORDER BY slot_id').all() as SlotRow[]) {
    out.set(
      `slot:${row.slot_id}`,
      toHex(
        sha256(
          canonicalTuple(
            row.slot_id,
            row.kdf_ops ?? 0,
            row.kdf_mem ?? 0,
            row.kdf_salt ? toHex(blob(row.kdf_salt)) : '',
            toHex(blob(row.nonce)),
            toHex(blob(row.wrapped_key)),
            row.key_id ?? '',
          ),
        ),
      ),
    );
  }
  return out;
}

/** Runs one derivation with throwaway inputs so that an unknown user name costs as much time as a known one. */
export function spendEquivalentKdfTime(params: Argon2Params): void {
  wipe(deriveKeyFromPassphrase('not-a-user', new Uint8Array(ARGON2_SALT_BYTES), params));
}
