// Admin checkpoints (src/vault/checkpoint.ts). Red team round 8, R8-T: an interviewer re-authors
// every audit entry after the newest admin-only write as his own and signs the anchor; round 7,
// R7-11: a removed user puts back his pre-removal copy and signs the anchor with his old key.
// Both must be named at the admin's unlock and by vault check; an honest day with sign-ins of
// every role, a user removal and the remaining staff's work must raise nothing.
// Adapted from /work/wt-red8/attacks8/tail-reauthor.test.ts and removed-user-rollback.test.ts.
/* eslint-disable @typescript-eslint/no-explicit-any, @typescript-eslint/no-unsafe-call, @typescript-eslint/no-unsafe-argument, @typescript-eslint/no-unsafe-return */
import Database from 'better-sqlite3';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { initCrypto, aeadEncrypt, signDetached } from '../../../src/crypto';
import { AuditLog } from '../../../src/vault/audit';
import { blob, toHex, utf8 } from '../../../src/vault/encoding';
import { openUserSlot } from '../../../src/vault/key-slots';
import { KeyStore } from '../../../src/vault/key-store';
import { restoreVault, Vault, vaultFile } from '../../../src/vault';
import { anchorMessage, defaultAnchorFile, readAnchor } from '../../../src/vault/anchor';
import { checkpointFinding } from '../../../src/vault/checkpoint';
import { readSigningKey } from '../../../src/vault/users';
import { ADMIN, call, FAST_ARGON2, makeCore, makeVault } from '../../helpers/core';

const PASS = 'a long enough staff passphrase';

function codes(check: any): string[] {
  return check.problems.map((p: any) => p.code ?? 'uncoded');
}

function signingKey(vaultDir: string, who: string): Uint8Array {
  const v: any = Vault.open(vaultDir, { argon2: FAST_ARGON2 });
  v.unlock(who, PASS);
  const sk = readSigningKey(v.records, who);
  v.lock();
  v.close();
  return sk;
}

/** Writes an anchor for the file's head signed by `sk`, with `checkpoint` carried (or not). */
function signAnchor(vaultDir: string, sk: Uint8Array, checkpoint?: unknown): void {
  const db = new Database(vaultFile(vaultDir), { readonly: true });
  const head = db.prepare('SELECT seq, mac FROM audit_log ORDER BY seq DESC LIMIT 1').get() as any;
  const meta = db.prepare('SELECT vault_id, audit_signed_from n FROM vault_meta').get() as any;
  db.close();
  const pk = toHex(sk.slice(32));
  const anchor: any = {
    vaultId: toHex(blob(meta.vault_id)),
    seq: head.seq,
    mac: toHex(blob(head.mac)),
    writtenAt: new Date().toISOString(),
    auditSignedFrom: meta.n,
  };
  const signature = toHex(signDetached(anchorMessage(anchor, pk), sk));
  writeFileSync(
    defaultAnchorFile(vaultDir),
    JSON.stringify({ format: 'hearth-audit-anchor-v1', ...anchor, signer: pk, signature, ...(checkpoint ? { checkpoint } : {}) }),
  );
}

/** R8-T: `who` re-authors every entry after `from` as his own vault.unlock, re-MACed and re-signed. */
function reauthorTail(vaultDir: string, who: string, sk: Uint8Array, from: number): void {
  const pk = sk.slice(32);
  const db = new Database(vaultFile(vaultDir));
  const vaultId = blob((db.prepare('SELECT vault_id FROM vault_meta').get() as any).vault_id);
  const keys = new KeyStore(db, vaultId);
  const slot = openUserSlot(db, vaultId, who, PASS);
  keys.hold(slot.keyId, slot.key);
  const audit: any = new AuditLog(db, keys, vaultId);
  const ep = audit.currentEpoch();
  for (const { seq } of db.prepare('SELECT seq FROM audit_log WHERE seq > ? ORDER BY seq').all(from) as any[]) {
    const body = { at: new Date().toISOString(), actor: who, action: 'vault.unlock', detail: { failedAttempts: 0 } };
    const e = aeadEncrypt(ep.key, utf8(JSON.stringify(body)), audit.entryAd(seq, ep.n));
    db.prepare('UPDATE audit_log SET epoch=?, nonce=?, ciphertext=? WHERE seq=?').run(ep.n, Buffer.from(e.nonce), Buffer.from(e.ciphertext), seq);
  }
  let prev = toHex(blob((db.prepare('SELECT mac FROM audit_log WHERE seq=?').get(from) as any).mac));
  for (const r0 of db.prepare('SELECT * FROM audit_log WHERE seq > ? ORDER BY seq').all(from) as any[]) {
    const mac = audit.chainMac(audit.chainFor(r0.epoch), r0, prev);
    const sig = signDetached(audit.signatureMessage(r0, prev, toHex(pk)), sk);
    db.prepare('UPDATE audit_log SET mac=?, signer=?, signature=? WHERE seq=?').run(Buffer.from(mac), Buffer.from(pk), Buffer.from(sig), r0.seq);
    prev = toHex(mac);
  }
  db.close();
}

/** The newest staff-list write (the barrier before this change): the entry ivan may rewrite after. */
function lastStaffListEntry(vaultDir: string): number {
  const v: any = Vault.open(vaultDir, { argon2: FAST_ARGON2 });
  v.unlock('admin', ADMIN.passphrase);
  let barrier = 0;
  v.audit.walk((seq: number, refs: any) => {
    if ((refs ?? []).some((r: any) => r.id === 'staff-keys')) barrier = seq;
  });
  v.lock();
  v.close();
  return barrier;
}

async function dayWithStaff() {
  await initCrypto();
  const core = await makeVault();
  await call(core, 'users.add', { username: 'ivan', displayName: 'Ivan', role: 'interviewer', passphrase: PASS });
  await call(core, 'users.add', { username: 'tara', displayName: 'Tara', role: 'trainer', passphrase: PASS });
  await call(core, 'cases.create', { reference: 'B-1', childAlias: 'X', childAgeYears: 8, language: 'en' });
  await call(core, 'vault.unlock', { username: 'ivan', passphrase: PASS } as any);
  await call(core, 'cases.list', {} as any);
  await call(core, 'vault.unlock', { username: 'admin', passphrase: ADMIN.passphrase } as any);
  await call(core, 'cases.create', { reference: 'B-2', childAlias: 'Y', childAgeYears: 7, language: 'en' });
  await call(core, 'vault.lock', {});
  core.close();
  return core;
}

describe('R8-T: re-authoring before the newest admin checkpoint', () => {
  test('stripping the anchor checkpoint: ANCHOR_CHECKPOINT_MISSING at unlock, author finding in check', async () => {
    const core = await dayWithStaff();
    const barrier = lastStaffListEntry(core.vaultDir);
    const sk = signingKey(core.vaultDir, 'ivan');
    reauthorTail(core.vaultDir, 'ivan', sk, barrier);
    signAnchor(core.vaultDir, sk);
    const c2 = makeCore(core.vaultDir);
    // A non-admin is refused over an anchor without its checkpoint (the insider himself too).
    const tara = await c2.invoke('vault.unlock', { username: 'tara', passphrase: PASS });
    expect(tara).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    const admin: any = await call(c2, 'vault.unlock', { username: ADMIN.username, passphrase: ADMIN.passphrase });
    expect(admin.anchorMissing.status).toBe('checkpoint-missing');
    const check = await call(c2, 'vault.check', {});
    expect(check.ok).toBe(false);
    expect(codes(check)).toEqual(expect.arrayContaining(['AUDIT_AUTHOR_NOT_ALLOWED', 'ANCHOR_CHECKPOINT_MISSING']));
    expect(check.problems.find((p: any) => p.code === 'AUDIT_AUTHOR_NOT_ALLOWED')?.values?.record).toBe('audit-checkpoint');
    c2.close();
  });

  test('carrying the genuine checkpoint: CHECKPOINT_REWRITTEN at unlock and in check', async () => {
    const core = await dayWithStaff();
    const barrier = lastStaffListEntry(core.vaultDir);
    const genuine = readAnchor(defaultAnchorFile(core.vaultDir)) as any;
    expect(genuine.checkpoint.seq).toBeGreaterThan(barrier);
    const sk = signingKey(core.vaultDir, 'ivan');
    const carried = (readAnchor(defaultAnchorFile(core.vaultDir)) as any).checkpoint;
    reauthorTail(core.vaultDir, 'ivan', sk, barrier);
    signAnchor(core.vaultDir, sk, carried);
    const c2 = makeCore(core.vaultDir);
    const admin: any = await call(c2, 'vault.unlock', { username: ADMIN.username, passphrase: ADMIN.passphrase });
    expect(admin.rolledBack.message).toMatch(/^CHECKPOINT_REWRITTEN/);
    const check = await call(c2, 'vault.check', {});
    expect(check.ok).toBe(false);
    expect(codes(check)).toEqual(expect.arrayContaining(['CHECKPOINT_REWRITTEN', 'AUDIT_AUTHOR_NOT_ALLOWED']));
    const rewritten = check.problems.find((p: any) => p.code === 'CHECKPOINT_REWRITTEN');
    expect(rewritten?.values?.entry).toBe(carried.seq);
    c2.close();
  });
});

describe('R7-11: a removed user puts back his pre-removal copy', () => {
  async function removedUserRollback(carry: boolean) {
    await initCrypto();
    const core = await makeVault();
    await call(core, 'users.add', { username: 'ivan', displayName: 'Ivan', role: 'interviewer', passphrase: PASS });
    await call(core, 'vault.lock', {});
    core.close();
    const keep = join(mkdtempSync(join(tmpdir(), 'hearth-old-')), 'old.db');
    copyFileSync(vaultFile(core.vaultDir), keep);
    const sk = signingKey(core.vaultDir, 'ivan');
    const c2 = makeCore(core.vaultDir);
    await call(c2, 'vault.unlock', { username: ADMIN.username, passphrase: ADMIN.passphrase });
    await call(c2, 'users.remove', { username: 'ivan' } as any);
    await call(c2, 'cases.create', { reference: 'NEW-2', childAlias: 'Y', childAgeYears: 7, language: 'en' } as any);
    await call(c2, 'vault.lock', {});
    c2.close();
    const current = (readAnchor(defaultAnchorFile(core.vaultDir)) as any).checkpoint;
    // The checkpoint after the removal no longer lists ivan's key.
    expect(current.staffKeys).not.toContain(toHex(sk.slice(32)));
    copyFileSync(keep, vaultFile(core.vaultDir));
    for (const s of ['-wal', '-shm']) if (existsSync(vaultFile(core.vaultDir) + s)) rmSync(vaultFile(core.vaultDir) + s);
    signAnchor(core.vaultDir, sk, carry ? current : undefined);
    return core;
  }

  test('anchor without checkpoint: ivan refused, admin told, check names ANCHOR_CHECKPOINT_MISSING', async () => {
    const core = await removedUserRollback(false);
    const c3 = makeCore(core.vaultDir);
    const ivan = await c3.invoke('vault.unlock', { username: 'ivan', passphrase: PASS });
    expect(ivan).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    const admin: any = await call(c3, 'vault.unlock', { username: ADMIN.username, passphrase: ADMIN.passphrase });
    expect(admin.anchorMissing.status).toBe('checkpoint-missing');
    const check = await call(c3, 'vault.check', {});
    expect(check.ok).toBe(false);
    expect(codes(check)).toContain('ANCHOR_CHECKPOINT_MISSING');
    c3.close();
  });

  test('anchor carrying the newest checkpoint: ivan refused until an admin signs in, then ROLLED_BACK with the count', async () => {
    const core = await removedUserRollback(true);
    const anchorBefore = readFileSync(defaultAnchorFile(core.vaultDir), 'utf8');
    const c3 = makeCore(core.vaultDir);
    // The removed user, valid in his old copy, may not sign in before an admin has seen it.
    const ivan = await c3.invoke('vault.unlock', { username: 'ivan', passphrase: PASS });
    expect(ivan).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', reason: 'ROLLBACK_ADMIN_FIRST' } });
    // Nothing was recorded and the anchor is untouched: the finding waits for the admin.
    expect(readFileSync(defaultAnchorFile(core.vaultDir), 'utf8')).toBe(anchorBefore);
    const admin: any = await call(c3, 'vault.unlock', { username: ADMIN.username, passphrase: ADMIN.passphrase });
    expect(admin.rolledBack.missing).toBeGreaterThan(0);
    expect(admin.rolledBack.message).toMatch(/^ROLLED_BACK/);
    const check = await call(c3, 'vault.check', {});
    expect(check.ok).toBe(false);
    expect(check.problems.filter((p: any) => p.kind === 'rollback')).toHaveLength(1);
    await call(c3, 'vault.lock', {});
    // Once an admin has signed in (and the finding is on record), staff sign in again.
    const after: any = await call(c3, 'vault.unlock', { username: 'ivan', passphrase: PASS });
    expect(after.rolledBack).toBeUndefined();
    c3.close();
  });

  test('a signer not on the checkpoint staff list is named (the comparison itself)', () => {
    const checkpoint: any = { seq: 5, mac: 'a'.repeat(64), at: 'now', signer: 'b'.repeat(64), staffKeys: ['b'.repeat(64), 'c'.repeat(64)], signature: '' };
    const macAt = () => 'a'.repeat(64);
    expect(checkpointFinding(checkpoint, 9, macAt, 'd'.repeat(64))).toEqual({ status: 'signer-removed', signer: 'd'.repeat(64), checkpointSeq: 5 });
    expect(checkpointFinding(checkpoint, 9, macAt, 'c'.repeat(64))).toBeUndefined();
    expect(checkpointFinding(checkpoint, 4, macAt, 'c'.repeat(64))).toMatchObject({ status: 'rolled-back', missing: 1 });
    expect(checkpointFinding(checkpoint, 9, () => 'e'.repeat(64), 'c'.repeat(64))).toMatchObject({ status: 'checkpoint-rewritten' });
  });
});

test('honest use: every role signs in, a user is removed, the rest work on: no finding', async () => {
  await initCrypto();
  const core = await makeVault();
  await call(core, 'users.add', { username: 'ivan', displayName: 'Ivan', role: 'interviewer', passphrase: PASS });
  await call(core, 'users.add', { username: 'ola', displayName: 'Ola', role: 'interviewer', passphrase: PASS });
  await call(core, 'users.add', { username: 'tara', displayName: 'Tara', role: 'trainer', passphrase: PASS });
  await call(core, 'users.add', { username: 'rita', displayName: 'Rita', role: 'reviewer', passphrase: PASS });
  await call(core, 'vault.lock', {});
  for (const who of ['ivan', 'ola', 'tara', 'rita']) {
    await call(core, 'vault.unlock', { username: who, passphrase: PASS } as any);
    await call(core, 'vault.lock', {});
  }
  await call(core, 'vault.unlock', { username: ADMIN.username, passphrase: ADMIN.passphrase });
  await call(core, 'users.remove', { username: 'ivan' } as any);
  await call(core, 'vault.lock', {});
  await call(core, 'vault.unlock', { username: 'ola', passphrase: PASS } as any);
  await call(core, 'cases.create', { reference: 'H-1', childAlias: 'Z', childAgeYears: 9, language: 'en' } as any);
  await call(core, 'vault.lock', {});
  // The non-admin's anchor carries the admin's checkpoint forward, signed by ola.
  const anchor: any = readAnchor(defaultAnchorFile(core.vaultDir));
  expect(anchor.checkpoint).toBeDefined();
  expect(anchor.signer).not.toBe(anchor.checkpoint.signer);
  expect(readFileSync(defaultAnchorFile(core.vaultDir), 'utf8')).not.toContain('H-1');
  const user: any = await call(core, 'vault.unlock', { username: ADMIN.username, passphrase: ADMIN.passphrase });
  expect(user.rolledBack).toBeUndefined();
  expect(user.anchorMissing).toBeUndefined();
  const check = await call(core, 'vault.check', {});
  expect(check).toMatchObject({ ok: true, problems: [] });
  core.close();
});

describe('R7-9: a genuine restore without the second anchor copy', () => {
  async function restoredWithoutCopy() {
    await initCrypto();
    const copy = join(mkdtempSync(join(tmpdir(), 'hearth-copy-')), 'anchor.json');
    const core = await makeVault({ anchorCopy: copy });
    const backup = join(mkdtempSync(join(tmpdir(), 'hearth-bk-')), 'backup.db');
    await call(core, 'vault.backup', { path: backup });
    await call(core, 'cases.create', { reference: 'AFTER-1', childAlias: 'Y', childAgeYears: 7, language: 'en' } as any);
    await call(core, 'vault.lock', {});
    core.close();
    const staleCopy = readFileSync(copy, 'utf8');
    // What `hearth vault restore` does without HEARTH_ANCHOR_COPY: the copy is not given.
    restoreVault(backup, core.vaultDir, { replace: true, admin: { username: ADMIN.username, passphrase: ADMIN.passphrase } });
    expect(readFileSync(copy, 'utf8')).toBe(staleCopy);
    return { core, copy };
  }

  test('the stale copy is set aside: no ROLLED_BACK, check clean but for the restore notice', async () => {
    const { core, copy } = await restoredWithoutCopy();
    const c2 = makeCore(core.vaultDir, { anchorCopy: copy });
    const admin: any = await call(c2, 'vault.unlock', { username: ADMIN.username, passphrase: ADMIN.passphrase });
    expect(admin.rolledBack).toBeUndefined();
    expect(admin.anchorMissing).toBeUndefined();
    const check = await call(c2, 'vault.check', {});
    expect(check).toMatchObject({ ok: true, problems: [] });
    // The sign-in rewrote the stale copy.
    expect((readAnchor(copy) as any).seq).toBe((readAnchor(defaultAnchorFile(core.vaultDir)) as any).seq);
    c2.close();
  });

  test('replaying the restore anchor over a newer copy is still ROLLED_BACK', async () => {
    const { core, copy } = await restoredWithoutCopy();
    const restoreAnchor = readFileSync(defaultAnchorFile(core.vaultDir));
    const keep = join(mkdtempSync(join(tmpdir(), 'hearth-old-')), 'old.db');
    copyFileSync(vaultFile(core.vaultDir), keep);
    const c2 = makeCore(core.vaultDir, { anchorCopy: copy });
    await call(c2, 'vault.unlock', { username: ADMIN.username, passphrase: ADMIN.passphrase });
    await call(c2, 'cases.create', { reference: 'AFTER-2', childAlias: 'Z', childAgeYears: 6, language: 'en' } as any);
    await call(c2, 'vault.lock', {});
    c2.close();
    // Keyless: the file and the vault-folder anchor of right after the restore put back.
    copyFileSync(keep, vaultFile(core.vaultDir));
    for (const s of ['-wal', '-shm']) if (existsSync(vaultFile(core.vaultDir) + s)) rmSync(vaultFile(core.vaultDir) + s);
    writeFileSync(defaultAnchorFile(core.vaultDir), restoreAnchor);
    const c3 = makeCore(core.vaultDir, { anchorCopy: copy });
    const admin: any = await call(c3, 'vault.unlock', { username: ADMIN.username, passphrase: ADMIN.passphrase });
    expect(admin.rolledBack.missing).toBeGreaterThan(0);
    const check = await call(c3, 'vault.check', {});
    expect(check.ok).toBe(false);
    c3.close();
  });
});
