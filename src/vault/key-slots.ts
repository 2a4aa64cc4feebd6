// Key slots: the master key wrapped under a key-encryption key, once per user passphrase
// (Argon2id with parameters stored beside the slot) and once under the recovery key.
import type { Database } from 'better-sqlite3';
import {
  aeadDecrypt,
  aeadEncrypt,
  ARGON2_SALT_BYTES,
  CryptoError,
  deriveKeyFromPassphrase,
  deriveSubkey,
  randomBytes,
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
}

const userSlotId = (username: string) => `user:${username}`;
const RECOVERY_SLOT = 'recovery';

function slotAd(
  vaultId: Uint8Array,
  slotId: string,
  params?: Argon2Params,
  salt?: Uint8Array,
): Uint8Array {
  return canonicalTuple(
    'hearth.slot.v1',
    toHex(vaultId),
    slotId,
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
  masterKey: Uint8Array,
  params: Argon2Params,
): void {
  const salt = randomBytes(ARGON2_SALT_BYTES);
  const kek = deriveKeyFromPassphrase(passphrase, salt, params);
  try {
    const slotId = userSlotId(username);
    const { nonce, ciphertext } = aeadEncrypt(
      kek,
      masterKey,
      slotAd(vaultId, slotId, params, salt),
    );
    db.prepare(
      `INSERT INTO key_slots (slot_id, kind, username, kdf_ops, kdf_mem, kdf_salt, nonce, wrapped_key)
       VALUES (?, 'user', ?, ?, ?, ?, ?, ?)
       ON CONFLICT(slot_id) DO UPDATE SET kdf_ops = excluded.kdf_ops, kdf_mem = excluded.kdf_mem,
         kdf_salt = excluded.kdf_salt, nonce = excluded.nonce, wrapped_key = excluded.wrapped_key`,
    ).run(slotId, username, params.opsLimit, params.memLimitBytes, salt, nonce, ciphertext);
  } finally {
    wipe(kek);
  }
}

export function writeRecoverySlot(
  db: Database,
  vaultId: Uint8Array,
  recoveryKey: Uint8Array,
  masterKey: Uint8Array,
): void {
  const kek = recoveryKek(recoveryKey);
  try {
    const { nonce, ciphertext } = aeadEncrypt(kek, masterKey, slotAd(vaultId, RECOVERY_SLOT));
    db.prepare(
      `INSERT INTO key_slots (slot_id, kind, username, nonce, wrapped_key) VALUES (?, 'recovery', NULL, ?, ?)
       ON CONFLICT(slot_id) DO UPDATE SET nonce = excluded.nonce, wrapped_key = excluded.wrapped_key`,
    ).run(RECOVERY_SLOT, nonce, ciphertext);
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
 * Unwraps the master key with a user's passphrase. The stored KDF parameters are checked
 * against the floor and ceiling before deriving (TAMPERED if outside). Wrong passphrase or
 * unknown user: BAD_PASSPHRASE.
 */
export function openUserSlot(
  db: Database,
  vaultId: Uint8Array,
  username: string,
  passphrase: string,
): Uint8Array {
  const row = db.prepare('SELECT * FROM key_slots WHERE slot_id = ?').get(userSlotId(username)) as
    SlotRow | undefined;
  if (!row || row.kdf_ops === null || row.kdf_mem === null || row.kdf_salt === null) {
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
    return aeadDecrypt(
      kek,
      blob(row.nonce),
      blob(row.wrapped_key),
      slotAd(vaultId, row.slot_id, params, salt),
    );
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
): Uint8Array {
  const row = db.prepare('SELECT * FROM key_slots WHERE slot_id = ?').get(RECOVERY_SLOT) as
    SlotRow | undefined;
  if (!row) throw new HearthError('BAD_RECOVERY_KEY', 'This vault has no recovery slot.');
  const kek = recoveryKek(recoveryKey);
  try {
    return aeadDecrypt(kek, blob(row.nonce), blob(row.wrapped_key), slotAd(vaultId, RECOVERY_SLOT));
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

/** Runs one derivation with throwaway inputs so that an unknown user name costs as much time as a known one. */
export function spendEquivalentKdfTime(params: Argon2Params): void {
  wipe(deriveKeyFromPassphrase('not-a-user', new Uint8Array(ARGON2_SALT_BYTES), params));
}
