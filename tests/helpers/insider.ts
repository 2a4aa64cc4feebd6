// The insider of the security red teams, shared by the vault tamper tests (audit start, insider
// rewrites, certificate history): a vault with an interviewer, the closed file opened offline
// with one staff passphrase through Hearth's own primitives, the audit chain re-MACed and the
// anchor moved as someone holding the chain key can, and the admin's return (sign-in + check).
import { readFileSync, writeFileSync } from 'node:fs';
import Database from 'better-sqlite3';
import { defaultAnchorFile, vaultFile } from '../../src/vault';
import { AuditLog } from '../../src/vault/audit';
import { blob, toHex } from '../../src/vault/encoding';
import { openUserSlot } from '../../src/vault/key-slots';
import { KeyStore } from '../../src/vault/key-store';
import { RecordStore } from '../../src/vault/records';
import { ADMIN, call, makeCore, makeVault } from './core';

/** The interviewer's (and any extra staff member's) passphrase in these tests. */
export const PASS = 'a long enough staff passphrase';

export interface Ref {
  id: string;
  seq: number;
  hash: string;
}
export interface AuditRow {
  seq: number;
  epoch: number | null;
  mac: Buffer;
}
/** The audit log's own (private) primitives, as an insider running Hearth's code would call them. */
export interface AuditInternals {
  chainFor(epoch: number | null): { refs: Uint8Array };
  openRefs(row: AuditRow, chain: unknown): Ref[];
  entryAd(seq: number, epoch: number): Uint8Array;
  refsAd(seq: number): Uint8Array;
  chainMac(chain: unknown, row: AuditRow, prev: Uint8Array): Uint8Array;
}

/** A vault made by ADMIN with interviewer 'ivan' (PASS); locked and closed unless `keepOpen`. */
export async function vaultWithIvan(keepOpen = false) {
  const core = await makeVault();
  await call(core, 'users.add', {
    username: 'ivan',
    displayName: 'Ivan',
    role: 'interviewer',
    passphrase: PASS,
  });
  if (!keepOpen) {
    await call(core, 'vault.lock', {});
    core.close();
  }
  return core;
}

export interface Insider {
  db: Database.Database;
  keys: KeyStore;
  vaultId: Uint8Array;
  audit: AuditInternals;
  records: RecordStore;
}

/** Opens the closed vault file with `username`'s passphrase, as the insider does offline. */
export function openAsInsider(dir: string, username: string, passphrase = PASS): Insider {
  const db = new Database(vaultFile(dir));
  const vaultId = blob(
    (db.prepare('SELECT vault_id FROM vault_meta').get() as { vault_id: Buffer }).vault_id,
  );
  const keys = new KeyStore(db, vaultId);
  const slot = openUserSlot(db, vaultId, username, passphrase);
  keys.hold(slot.keyId, slot.key);
  const audit = new AuditLog(db, keys, vaultId) as unknown as AuditInternals;
  return { db, keys, vaultId, audit, records: new RecordStore(db, keys, vaultId) };
}

/** Re-MACs every entry from `first` on, as the insider can (they hold the chain key). */
export function rechainFrom(insider: Pick<Insider, 'db' | 'audit'>, first: number): void {
  const { db, audit } = insider;
  const before = db.prepare('SELECT mac FROM audit_log WHERE seq = ?').get(first - 1) as
    AuditRow | undefined;
  let prev: Uint8Array = before ? blob(before.mac) : new Uint8Array(32);
  for (const row of db
    .prepare('SELECT * FROM audit_log WHERE seq >= ? ORDER BY seq')
    .all(first) as AuditRow[]) {
    const mac = audit.chainMac(audit.chainFor(row.epoch), row, prev);
    db.prepare('UPDATE audit_log SET mac = ? WHERE seq = ?').run(Buffer.from(mac), row.seq);
    prev = mac;
  }
}

/** The file's audit head. */
export function auditHead(db: Database.Database): AuditRow {
  return db.prepare('SELECT seq, mac FROM audit_log ORDER BY seq DESC LIMIT 1').get() as AuditRow;
}

/**
 * Moves the anchor to the file's head, keeping its other fields unless `replace` gives the whole
 * new anchor (without seq and mac).
 */
export function moveAnchor(
  dir: string,
  db: Database.Database,
  replace?: (anchor: Record<string, unknown>) => Record<string, unknown>,
): void {
  const head = auditHead(db);
  const anchorFile = defaultAnchorFile(dir);
  const anchor = JSON.parse(readFileSync(anchorFile, 'utf8')) as Record<string, unknown>;
  writeFileSync(
    anchorFile,
    JSON.stringify({
      ...(replace ? replace(anchor) : anchor),
      seq: head.seq,
      mac: toHex(blob(head.mac)),
    }),
  );
}

/** Runs `fn` on the closed vault file, without any key. */
export function raw<T>(dir: string, fn: (db: Database.Database) => T): T {
  const db = new Database(vaultFile(dir));
  try {
    return fn(db);
  } finally {
    db.close();
  }
}

/** The admin signs in in a fresh core and runs a vault check. */
export async function adminComesBack(dir: string) {
  const core = makeCore(dir);
  try {
    const unlock = await call(core, 'vault.unlock', {
      username: ADMIN.username,
      passphrase: ADMIN.passphrase,
    });
    const check = await call(core, 'vault.check', {});
    return { unlock, check };
  } finally {
    core.close();
  }
}

/** Every problem's detail, one a line. */
export const problemDetails = (check: { problems: Array<{ detail: string }> }): string =>
  check.problems.map((p) => p.detail).join('\n');
