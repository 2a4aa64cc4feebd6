// Keyless damage to one audit entry's author signature, as red team 24 / verify24 (R25-A) did it:
// no key of the vault is used. The entry's sealed body, references, MAC and the anchor are left
// as they are; only the two clear columns `signer` and `signature` change.
// - 'flipped': one byte of the signature flipped (does not verify);
// - 'null': signer and signature set to NULL (looks like an entry from before signed audit);
// - 'uncertified': re-signed with a fresh Ed25519 key of the attacker's own (a valid signature
//   over the exact message Hearth signs, which needs no key to rebuild, by a key the centre never
//   certified).
import type { Database } from 'better-sqlite3';
import { generateSignKeyPair, signDetached } from '../../src/crypto';
import { AuditLog } from '../../src/vault/audit';
import { blob, toHex } from '../../src/vault/encoding';
import { KeyStore } from '../../src/vault/key-store';

export type SignatureDamage = 'flipped' | 'null' | 'uncertified';

interface SignedRow {
  seq: number;
  epoch: number | null;
  nonce: Buffer;
  ciphertext: Buffer;
  refs_nonce: Buffer;
  refs_ciphertext: Buffer;
  mac: Buffer;
  signer: Buffer | null;
  signature: Buffer | null;
}

/** Applies `damage` to audit entry `seq` of the open vault file `db` (plain SQL, no key). */
export function damageSignature(db: Database, seq: number, damage: SignatureDamage): void {
  const row = db.prepare('SELECT * FROM audit_log WHERE seq = ?').get(seq) as SignedRow | undefined;
  if (!row?.signature) throw new Error(`fixture: audit entry ${seq} is not signed`);
  if (damage === 'null') {
    db.prepare('UPDATE audit_log SET signer = NULL, signature = NULL WHERE seq = ?').run(seq);
    return;
  }
  if (damage === 'flipped') {
    const g = Buffer.from(row.signature);
    g[10]! ^= 1;
    db.prepare('UPDATE audit_log SET signature = ? WHERE seq = ?').run(g, seq);
    return;
  }
  const vaultId = blob((db.prepare('SELECT vault_id FROM vault_meta').get() as { vault_id: Buffer }).vault_id);
  // The message is built from clear columns only (AuditLog.signatureMessage); no key is held.
  const audit = new AuditLog(db, new KeyStore(db, vaultId), vaultId) as unknown as {
    signatureMessage(row: SignedRow, prevMacHex: string, signerHex: string): Uint8Array;
  };
  const prev = db.prepare('SELECT mac FROM audit_log WHERE seq = ?').get(seq - 1) as { mac: Buffer } | undefined;
  const prevMacHex = prev ? toHex(blob(prev.mac)) : '0'.repeat(64);
  const pair = generateSignKeyPair();
  const signerHex = toHex(pair.publicKey);
  const signature = signDetached(audit.signatureMessage(row, prevMacHex, signerHex), pair.secretKey);
  db.prepare('UPDATE audit_log SET signer = ?, signature = ? WHERE seq = ?').run(
    Buffer.from(pair.publicKey),
    Buffer.from(signature),
    seq,
  );
}
