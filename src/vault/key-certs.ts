// Key certificates (red team 14, R14-1, R14-3, R14-4; sec28). `key_wraps` and `public_keys` are
// clear tables, and every user key, the recovery key and the audit key are X25519: anyone with
// write access to the file can seal a new version of a class key to the real holders, or put in
// the public half of a "newer" recovery key, and "the newest version" used to be max(version).
// Now each key version of a vouched logical key has a commitment signed by the centre key (or,
// for a user's own key after a passphrase change, by that user's certified staff key), in
// `key_certs`. KeyStore uses only versions with a valid certificate, and refuses an unwrapped key
// that does not match its commitment. The commitment of a symmetric key is a keyed BLAKE2b (with
// the key itself as the BLAKE2b key), which says nothing about the key; of an X25519 key, its
// public half.
import type { Database } from 'better-sqlite3';
import {
  blake2b,
  boxKeyPairFromSecret,
  constantTimeEqual,
  CryptoError,
  verifyDetached,
} from '../crypto';
import { statement } from './db';
import { canonicalTuple, toHex } from './encoding';
import { certRowFaults, type CertRowFault } from './cert-row-shape';

export type CommitmentKind = 'secret' | 'public';

/** What a key version must be: its kind and 32-byte commitment. */
export interface KeyCommitment {
  kind: CommitmentKind;
  value: Uint8Array;
}

/** One stored certificate row, as read (not yet verified). */
export interface KeyCertRow {
  keyId: string;
  kind: CommitmentKind;
  commitment: Uint8Array;
  signer: Uint8Array;
  signature: Uint8Array;
}

/**
 * The signer column of a certificate bound to an audit entry (sec30, R15-7, R15-8): all zeros.
 * The signer is not stored in the clear (it grouped cases by creator); it is the certified author
 * of the audit entry the certificate's sealed index pointer names (`keycert:<key id>`), or the
 * centre key when that author is an admin. See key-vouching.ts `keyCertBook`.
 */
export const BOUND_SIGNER = new Uint8Array(32);

/** Whether a certificate row is bound to an audit entry (its signer column is all zeros). */
export function isBound(row: KeyCertRow): boolean {
  return row.signer.length === 32 && row.signer.every((b) => b === 0);
}

/** The audit index id under which a bound certificate's entry is named. */
export function certRefId(id: string): string {
  return `keycert:${id}`;
}

/** Signs a key certificate statement: the centre key, or a staff signing key. */
export interface KeyCertSigner {
  publicKey: Uint8Array;
  sign(message: Uint8Array): Uint8Array;
}

/**
 * Whether a logical key's versions must carry a certificate: the class keys, the recovery key,
 * every user's key and every case's allegation key. Per-session, personal and audit-epoch keys
 * are reached only through these (a forged one is sealed under a vouched key by someone who holds
 * it).
 */
export function isVouchedLogical(logical: string): boolean {
  return (
    logical.startsWith('class:') ||
    logical.startsWith('user:') ||
    logical === 'recovery' ||
    logical.startsWith('allegation:')
  );
}

/**
 * Per-user, per-session and per-review data keys (`personal:`, `session:`, `review:`): not
 * certified, but Hearth writes only under a version it can show it made (KeyStore
 * `newestProvenWritten`, red team 20, R20-1). `review:` since red team 21, R21-4: one row
 * `review:<session>@9007199254740991`, no key needed, made every later review save of that
 * interview fail TAMPERED (the next version past it does not exist); a review key is wrapped
 * under the training class key, so its versions are proved as a session key's are.
 */
export function isWrittenLogical(logical: string): boolean {
  return (
    logical.startsWith('personal:') ||
    logical.startsWith('session:') ||
    logical.startsWith('review:')
  );
}

/**
 * Keys whose every newer version must hold a wrap of the version before it (R14-1): only someone
 * who holds an allegation key may make its next version (making a case blind, or a rotation), so
 * an interviewer cannot make one of his own for a blind case he was never shown.
 */
export function needsCustody(logical: string): boolean {
  return logical.startsWith('allegation:');
}

/** The commitment of a key version, from the key (the X25519 secret for a public kind). */
export function commitmentOf(
  vaultIdHex: string,
  id: string,
  key: Uint8Array,
  kind: CommitmentKind,
): Uint8Array {
  if (kind === 'public') return boxKeyPairFromSecret(key).publicKey;
  return blake2b(canonicalTuple('hearth.keycommit.v1', vaultIdHex, id), 32, key);
}

/** Whether a key (as unwrapped) is the one its commitment names. */
export function keyMatches(
  vaultIdHex: string,
  id: string,
  key: Uint8Array,
  expected: KeyCommitment,
): boolean {
  const actual = commitmentOf(vaultIdHex, id, key, expected.kind);
  return actual.length === expected.value.length && constantTimeEqual(actual, expected.value);
}

function statementBytes(vaultIdHex: string, id: string, c: KeyCommitment): Uint8Array {
  return canonicalTuple('hearth.keycert.v1', vaultIdHex, id, c.kind, toHex(c.value));
}

/**
 * The key certificates of one vault, verified on first use. `mayVouch(signerHex, keyId)` says
 * whether a signer may vouch for that key version (the vault's policy: the centre key for any,
 * a user's certified staff key for that user's own key). `boundSigner(keyId)`: for a bound row
 * (BOUND_SIGNER), the public key its signature must verify under, taken from the audit entry it
 * is bound to, or undefined when that entry does not vouch for it (never valid then).
 */
export class KeyCertBook {
  private readonly verified = new Map<string, KeyCommitment | null>();
  /**
   * How many certificates `commitment` found invalid (each a signature check, or a row that
   * cannot be checked): junk someone put in. KeyStore stops checking newest-first past a small
   * budget of these per sign-in (red team 20, R20-4).
   */
  private invalidSeen = 0;

  /** How many invalid certificates this book has looked at (see `invalidSeen`). */
  get invalidChecks(): number {
    return this.invalidSeen;
  }

  constructor(
    private readonly db: Database,
    private readonly vaultIdHex: string,
    private readonly mayVouch: (signerHex: string, id: string) => boolean,
    private readonly boundSigner: (id: string) => Uint8Array | undefined = () => undefined,
  ) {}

  /** Whether the vault has any key certificate (a vault from before sec28 has none). */
  isEmpty(): boolean {
    return statement(this.db, 'SELECT 1 FROM key_certs LIMIT 1').get() === undefined;
  }

  /** The certified commitment of a key version, or undefined when it has no valid certificate. */
  commitment(id: string): KeyCommitment | undefined {
    if (!this.verified.has(id)) {
      const row = this.row(id);
      // A row with a value of the wrong type or length (red team 25, R25-3/R25-4) is a
      // certificate that does not hold, like one whose signature fails: never read further.
      const sound = row !== undefined && !isMalformed(row) ? row : undefined;
      const ok = sound !== undefined && this.valid(sound);
      if (row && !ok) this.invalidSeen++;
      this.verified.set(id, ok && sound ? { kind: sound.kind, value: sound.commitment } : null);
    }
    return this.verified.get(id) ?? undefined;
  }

  /**
   * What is wrong with the stored row of one key version (a value of the wrong type or length),
   * or undefined when it has no row or a well-formed one (which may still fail its signature).
   */
  malformation(id: string): MalformedCertRow | undefined {
    const row = this.row(id);
    return row && isMalformed(row) ? row : undefined;
  }

  /** Whether a certificate row is well signed by a signer allowed to vouch for its key. */
  valid(row: KeyCertRow): boolean {
    const signer = this.signerKeyOf(row);
    if (!signer) return false;
    if (!isBound(row) && !this.mayVouch(toHex(row.signer), row.keyId)) return false;
    try {
      verifyDetached(
        row.signature,
        statementBytes(this.vaultIdHex, row.keyId, { kind: row.kind, value: row.commitment }),
        signer,
      );
      return true;
    } catch (error) {
      if (error instanceof CryptoError) return false;
      throw error;
    }
  }

  /**
   * The public key a row's signature is checked against: its signer column, or for a bound row
   * the key its audit entry names (undefined: that entry does not vouch for it).
   */
  signerKeyOf(row: KeyCertRow): Uint8Array | undefined {
    return isBound(row) ? this.boundSigner(row.keyId) : row.signer;
  }

  /**
   * Signs and stores the certificate of a key version (replacing an older one of that id).
   * `bound`: the signer column is left all zeros; the caller names the audit entry that vouches
   * for the certificate in the audit index (`certRefId`).
   */
  certify(id: string, c: KeyCommitment, signer: KeyCertSigner, bound = false): void {
    const signature = signer.sign(statementBytes(this.vaultIdHex, id, c));
    statement(
      this.db,
      `INSERT INTO key_certs (key_id, kind, commitment, signer, signature) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT(key_id) DO UPDATE SET kind = excluded.kind, commitment = excluded.commitment,
         signer = excluded.signer, signature = excluded.signature`,
    ).run(id, c.kind, c.value, bound ? Buffer.from(BOUND_SIGNER) : signer.publicKey, signature);
    this.verified.delete(id);
  }

  /**
   * The stored row of one key version, if any and well-formed (not verified). A malformed row is
   * `malformation`'s: callers that read a row's signer or commitment never see one.
   */
  rowOf(id: string): KeyCertRow | undefined {
    const row = this.row(id);
    return row && !isMalformed(row) ? row : undefined;
  }

  private row(id: string): KeyCertRow | MalformedCertRow | undefined {
    const r = statement(
      this.db,
      'SELECT key_id, kind, commitment, signer, signature FROM key_certs WHERE key_id = ?',
    ).get(id) as StoredCertRow | undefined;
    return r ? toRow(r) : undefined;
  }

  /** Forgets verified results (after a certificate or the policy changed). */
  forget(): void {
    this.verified.clear();
  }
}

/** A key_certs row as better-sqlite3 returns it: any column may hold any type (not STRICT). */
interface StoredCertRow {
  key_id: unknown;
  kind: unknown;
  commitment: unknown;
  signer: unknown;
  signature: unknown;
}

/** A certificate row with a value of the wrong type or length: what is wrong, per column. */
export interface MalformedCertRow {
  keyId: string;
  faults: CertRowFault[];
}

function isMalformed(row: KeyCertRow | MalformedCertRow): row is MalformedCertRow {
  return 'faults' in row;
}

function toRow(r: StoredCertRow): KeyCertRow | MalformedCertRow {
  const faults = certRowFaults(r);
  if (faults.length > 0) return { keyId: String(r.key_id), faults };
  const bytes = (v: unknown) => {
    const b = v as Buffer;
    return new Uint8Array(b.buffer, b.byteOffset, b.byteLength);
  };
  return {
    keyId: r.key_id as string,
    kind: r.kind as CommitmentKind,
    commitment: bytes(r.commitment),
    signer: bytes(r.signer),
    signature: bytes(r.signature),
  };
}
