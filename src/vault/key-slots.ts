// Key slots: each user's key wrapped under a key-encryption key from their passphrase (Argon2id,
// parameters stored beside the slot and bound into its associated data), and the recovery key
// pair's secret wrapped under the recovery kit. A slot opens one key; what that key reaches is
// the key hierarchy's business (key-store.ts).
import type { Database } from 'better-sqlite3';
import {
  aeadDecrypt,
  aeadEncrypt,
  AEAD_KEY_BYTES,
  AEAD_NONCE_BYTES,
  ARGON2_MEMORY_CHOICES,
  ARGON2_OPS,
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
  kind?: string;
  username?: string | null;
  kdf_ops: number | null;
  kdf_mem: number | null;
  kdf_salt: Buffer | null;
  nonce: Buffer;
  wrapped_key: Buffer;
  key_id: string | null;
}

/** A wrapped 32-byte key: the key and the AEAD tag. */
const WRAPPED_KEY_BYTES = AEAD_KEY_BYTES + 16;
const KEY_ID_VERSION = /^[1-9][0-9]{0,8}$/;

/**
 * What is wrong with the shape of a stored slot row (red team 17, R17-4), or undefined when
 * every field has the type and length Hearth writes: integer KDF parameters, a 16-byte salt, a
 * 24-byte nonce, a 48-byte wrapped key, and a key id `<slot's logical key>@<version>`
 * (`user:<name>@<n>` for a user slot, `recovery@<n>` for the recovery slot). Nothing about the
 * passphrase is learnt from it. Columns may hold any SQLite type (an edit can put text where
 * a blob belongs), so every value is inspected, never assumed.
 */
export function slotShapeProblem(row: Record<string, unknown>): string | undefined {
  const slotId = row.slot_id;
  if (typeof slotId !== 'string') return 'its slot id is not text';
  const user = slotId.startsWith('user:');
  const isBytes = (v: unknown, n: number) => v instanceof Uint8Array && v.byteLength === n;
  if (user) {
    if (typeof row.kdf_ops !== 'number' || !Number.isInteger(row.kdf_ops))
      return 'its KDF operations count is not an integer';
    if (typeof row.kdf_mem !== 'number' || !Number.isInteger(row.kdf_mem))
      return 'its KDF memory size is not an integer';
    if (!isBytes(row.kdf_salt, ARGON2_SALT_BYTES))
      return `its salt is not ${ARGON2_SALT_BYTES} bytes`;
  }
  if (!isBytes(row.nonce, AEAD_NONCE_BYTES)) return `its nonce is not ${AEAD_NONCE_BYTES} bytes`;
  if (!isBytes(row.wrapped_key, WRAPPED_KEY_BYTES))
    return `its wrapped key is not ${WRAPPED_KEY_BYTES} bytes`;
  const keyIdValue = row.key_id;
  const at = typeof keyIdValue === 'string' ? keyIdValue.lastIndexOf('@') : -1;
  if (
    typeof keyIdValue !== 'string' ||
    at < 0 ||
    keyIdValue.slice(0, at) !== slotId ||
    !KEY_ID_VERSION.test(keyIdValue.slice(at + 1))
  )
    return `its key id is not "${slotId}@<version>"`;
  return undefined;
}

/**
 * Every slot row whose shape is wrong (slotShapeProblem), as `{ id: 'slot:<slot id>', slotId,
 * username (undefined for the recovery slot), problem }`, in slot id order. Reads every row
 * whatever its column types; for `vault check`. `currentKeyId(slotId)`, when given, is the key
 * id the slot must hold (the current version of its logical key): a well-formed key id naming
 * another version is named too.
 */
export function malformedSlots(
  db: Database,
  currentKeyId?: (slotId: string) => string | undefined,
): Array<{ id: string; slotId: string; username: string | undefined; problem: string }> {
  const out: Array<{ id: string; slotId: string; username: string | undefined; problem: string }> =
    [];
  for (const row of db.prepare('SELECT * FROM key_slots ORDER BY slot_id').all() as Array<
    Record<string, unknown>
  >) {
    const slotId = String(row.slot_id);
    let problem = slotShapeProblem(row);
    const current = problem === undefined ? currentKeyId?.(slotId) : undefined;
    if (current !== undefined && row.key_id !== current)
      problem = `its key id is not the current version, ${current}`;
    if (!problem) continue;
    const username = slotId.startsWith('user:') ? slotUser(slotId) : undefined;
    out.push({ id: `slot:${slotId}`, slotId, username, problem });
  }
  return out;
}

/** The slot's user name, for messages (the slot id without its `user:` prefix). */
const slotUser = (slotId: string): string => slotId.replace(/^user:/, '');

/**
 * TAMPERED with reason SLOT_MALFORMED: the slot row is damaged (not a wrong passphrase), named
 * with the next steps. `what` says which field (no secret: types and lengths only).
 */
function slotMalformed(slotId: string, what: string): HearthError {
  const name = slotUser(slotId);
  return new HearthError(
    'TAMPERED',
    `Key slot "${slotId}" of user ${name} is damaged (${what}): it was changed outside Hearth and cannot be opened with any passphrase. Restore the newest backup (hearth vault restore), or ask an admin to set a new passphrase for ${name} with the recovery kit (hearth vault recover --user ${name}).`,
    { reason: 'SLOT_MALFORMED' },
  );
}

/**
 * Whether a user slot's KDF parameters are ones Hearth writes (red team 24, R24-7): every slot is
 * written with ARGON2_OPS passes and one of ARGON2_MEMORY_CHOICES (vault create, users.add, a
 * passphrase change, recovery; the CLI's --kdf-memory-mib offers the same three). The slot's
 * parameters and salt are also committed in the audit entry that wrote it (vault check compares
 * them: SLOT_EDITED), but that entry opens only with a key, which a failed sign-in does not have.
 */
export function isHearthKdf(params: Argon2Params): boolean {
  return (
    params.opsLimit === ARGON2_OPS &&
    (ARGON2_MEMORY_CHOICES as readonly number[]).includes(params.memLimitBytes)
  );
}

/**
 * TAMPERED with reason SLOT_KDF_EDITED: a passphrase did not open a slot whose KDF parameters
 * Hearth never writes (in range, so derived with; R24-7). The parameters are bound into the
 * slot's associated data, so no passphrase opens it: telling the user "passphrase not correct"
 * (and counting it toward her lockout) blamed her for an edit of the file.
 */
function slotKdfEdited(slotId: string, params: Argon2Params): HearthError {
  const name = slotUser(slotId);
  return new HearthError(
    'TAMPERED',
    `Key slot "${slotId}" of user ${name} is damaged: its key-derivation settings (${params.opsLimit} passes, ${Math.round(params.memLimitBytes / 2 ** 20)} MiB) are not ones Hearth writes, so it was changed outside Hearth and no passphrase opens it. This attempt was not counted against ${name}. Restore the newest backup (hearth vault restore), or ask an admin to set a new passphrase for ${name} with the recovery kit (hearth vault recover --user ${name}).`,
    { reason: 'SLOT_KDF_EDITED' },
  );
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
  if (!row || !Number.isInteger(row.kdf_ops) || !Number.isInteger(row.kdf_mem)) return undefined;
  return { opsLimit: row.kdf_ops as number, memLimitBytes: row.kdf_mem as number };
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
 * unknown user: BAD_PASSPHRASE. A damaged slot row (a field of the wrong type or length, a key
 * id that is not this slot's, or a key id edited to another version of this user's key that the
 * passphrase opens) is TAMPERED with reason SLOT_MALFORMED, naming the slot and the next step
 * (red team 17, R17-4), never BAD_PASSPHRASE.
 */
export function openUserSlot(
  db: Database,
  vaultId: Uint8Array,
  username: string,
  passphrase: string,
): OpenedSlot {
  const row = db.prepare('SELECT * FROM key_slots WHERE slot_id = ?').get(userSlotId(username)) as
    SlotRow | undefined;
  if (!row) throw new HearthError('BAD_PASSPHRASE', 'The user name or passphrase is not correct.');
  const shape = slotShapeProblem(row as unknown as Record<string, unknown>);
  if (shape) throw slotMalformed(row.slot_id, shape);
  const keyIdValue = row.key_id as string;
  const params = { opsLimit: row.kdf_ops as number, memLimitBytes: row.kdf_mem as number };
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
    // Cryptography not loaded is the caller's fault, never a damaged slot (newcomer 17, N17-1).
    if (error instanceof CryptoError && error.code !== 'NOT_READY')
      throw slotMalformed(row.slot_id, 'its KDF input');
    throw error;
  }
  try {
    const open = (id: string) =>
      aeadDecrypt(
        kek,
        blob(row.nonce),
        blob(row.wrapped_key),
        slotAd(vaultId, row.slot_id, id, params, salt),
      );
    try {
      return { keyId: keyIdValue, key: open(keyIdValue) };
    } catch (error) {
      if (!(error instanceof CryptoError)) throw error;
    }
    // The key id is bound into the slot's associated data: one edited to another version of
    // this user's key fails like a wrong passphrase. Try the other versions the clear key
    // tables name (a handful, no KDF): if one opens, the passphrase was right and the slot's
    // key id was edited.
    for (const other of otherUserKeyIds(db, row.slot_id, keyIdValue)) {
      try {
        wipe(open(other));
      } catch (error) {
        if (error instanceof CryptoError) continue;
        throw error;
      }
      throw slotMalformed(row.slot_id, 'its key id was changed');
    }
    // Not opened, with parameters Hearth never writes: the slot was edited (R24-7), whatever
    // the passphrase; not BAD_PASSPHRASE, so not counted toward the user's lockout. A slot with
    // Hearth's parameters that does not open is a wrong passphrase, as before.
    if (!isHearthKdf(params)) throw slotKdfEdited(row.slot_id, params);
    throw new HearthError('BAD_PASSPHRASE', 'The user name or passphrase is not correct.');
  } finally {
    wipe(kek);
  }
}

/** Well-formed key ids `<slotId>@<n>` in the clear key tables other than `except` (at most 64). */
function otherUserKeyIds(db: Database, slotId: string, except: string): string[] {
  const rows = db
    .prepare(
      `SELECT key_id AS id FROM public_keys WHERE key_id > ? AND key_id < ?
       UNION SELECT holder AS id FROM key_wraps WHERE holder > ? AND holder < ? LIMIT 64`,
    )
    .all(`${slotId}@`, `${slotId}A`, `${slotId}@`, `${slotId}A`) as Array<{ id: unknown }>;
  return rows
    .map((r) => r.id)
    .filter(
      (id): id is string =>
        typeof id === 'string' && id !== except && KEY_ID_VERSION.test(id.slice(slotId.length + 1)),
    );
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
  const shape = slotShapeProblem(row as unknown as Record<string, unknown>);
  if (shape)
    throw new HearthError(
      'TAMPERED',
      `The vault's recovery slot is damaged (${shape}): it was changed outside Hearth and no recovery kit opens it. Restore the newest backup (hearth vault restore); an admin can then print a new recovery kit.`,
      { reason: 'SLOT_MALFORMED' },
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
 * Any stored type is digested (text where a blob belongs, say, is digested as its type and
 * value, so it differs from every well-formed row and never throws); a well-formed row's digest
 * is the one Hearth has always written.
 */
export function slotDigests(db: Database): Map<string, string> {
  const out = new Map<string, string>();
  for (const row of db.prepare('SELECT * FROM key_slots ORDER BY slot_id').all() as Array<
    Record<string, unknown>
  >) {
    const slotId = String(row.slot_id);
    out.set(
      `slot:${slotId}`,
      toHex(
        sha256(
          canonicalTuple(
            slotId,
            digestScalar(row.kdf_ops, 0),
            digestScalar(row.kdf_mem, 0),
            digestBytes(row.kdf_salt),
            digestBytes(row.nonce),
            digestBytes(row.wrapped_key),
            digestScalar(row.key_id, ''),
          ),
        ),
      ),
    );
  }
  return out;
}

/** A blob as hex (NULL as ''); any other stored type as `<type>:<value>`. */
function digestBytes(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Uint8Array) return toHex(blob(value));
  return `${typeof value}:${typeof value === 'bigint' ? value.toString() : JSON.stringify(value)}`;
}

/** A number or text as stored (NULL as `empty`); a blob as `blob:<hex>`. */
function digestScalar(value: unknown, empty: string | number): string | number {
  if (value === null || value === undefined) return empty;
  if (typeof value === 'number' || typeof value === 'string') return value;
  if (value instanceof Uint8Array) return `blob:${toHex(blob(value))}`;
  return `${typeof value}:${typeof value === 'bigint' ? value.toString() : JSON.stringify(value)}`;
}

/** Runs one derivation with throwaway inputs so that an unknown user name costs as much time as a known one. */
export function spendEquivalentKdfTime(params: Argon2Params): void {
  wipe(deriveKeyFromPassphrase('not-a-user', new Uint8Array(ARGON2_SALT_BYTES), params));
}
