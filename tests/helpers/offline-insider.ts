// The offline insider of the security review: a copy of the vault file and one passphrase (or
// keys kept from an older copy), and the project's own crypto (key slots, key hierarchy, record
// store, audit log), without the app's permission checks. What it decrypts is what that person
// can read with the file, whatever roles the app enforces.
import { copyFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { AuditLog } from '../../src/vault/audit';
import { blob } from '../../src/vault/encoding';
import { openUserSlot } from '../../src/vault/key-slots';
import { keyId, KeyStore } from '../../src/vault/key-store';
import { RecordStore } from '../../src/vault/records';
import { vaultFile } from '../../src/vault';

export interface InsiderView {
  /** Record ids whose plaintext came out. */
  readable: Set<string>;
  /** Kinds of readable records, with how many. */
  kinds: Map<string, number>;
  /** Plaintext of every readable record (JSON), to look for planted strings. */
  plaintext: string;
  /** Audit entries whose content (who did what) came out. */
  auditEntries: number;
  /** Those entries as JSON, to look for planted strings. */
  auditText: string;
  /** Every key this person reached, to carry to a later copy of the file. */
  keys: Map<string, Uint8Array>;
}

/**
 * A private copy of the vault file and its write-ahead log, as they are on disk (the insider
 * works on a copy, never on the app's file).
 */
export function copyVault(vaultDir: string, into: string, name: string): string {
  const file = join(into, `${name}.db`);
  copyFileSync(vaultFile(vaultDir), file);
  if (existsSync(`${vaultFile(vaultDir)}-wal`))
    copyFileSync(`${vaultFile(vaultDir)}-wal`, `${file}-wal`);
  return file;
}

/**
 * Opens `file` with a passphrase (or with keys kept from an earlier copy) and decrypts every
 * record and audit entry it can.
 */
export function offlineRead(
  file: string,
  who: { username: string; passphrase: string } | { keys: Map<string, Uint8Array> },
): InsiderView {
  const db = new Database(file);
  try {
    const vaultId = blob(
      (db.prepare('SELECT vault_id FROM vault_meta').get() as { vault_id: Buffer }).vault_id,
    );
    const keys = new KeyStore(db, vaultId);
    if ('passphrase' in who) {
      const slot = openUserSlot(db, vaultId, who.username, who.passphrase);
      keys.hold(slot.keyId, slot.key);
    } else {
      for (const [id, key] of who.keys) keys.hold(id, key.slice());
    }
    const records = new RecordStore(db, keys, vaultId);
    const readable = new Set<string>();
    const kinds = new Map<string, number>();
    const texts: string[] = [];
    for (const row of records.allRows()) {
      if (row.readable !== 'yes') continue;
      readable.add(row.address.recordId);
      kinds.set(row.address.kind, (kinds.get(row.address.kind) ?? 0) + 1);
      texts.push(JSON.stringify(row.value));
    }
    const entries = new AuditLog(db, keys, vaultId).verify().entries;
    const auditEntries = entries.length;
    const auditText = JSON.stringify(entries);
    const reached = new Map<string, Uint8Array>();
    const all = db.prepare('SELECT DISTINCT logical, version FROM key_wraps').all() as Array<{
      logical: string;
      version: number;
    }>;
    for (const { logical, version } of all) {
      const id = keyId(logical, version);
      if (keys.canOpen(id)) reached.set(id, keys.key(id).slice());
    }
    if ('keys' in who) for (const [id, key] of who.keys) reached.set(id, key);
    else {
      const slot = openUserSlot(db, vaultId, who.username, who.passphrase);
      reached.set(slot.keyId, slot.key);
    }
    return {
      readable,
      kinds,
      plaintext: texts.join('\n'),
      auditEntries,
      auditText,
      keys: reached,
    };
  } finally {
    db.close();
  }
}
