// R13-1: a removed user keeps writing into the current vault with what her old copy of the file
// gave her: the old case, chain and allegation key versions (rotation wraps them under the new
// ones, so they still open) and her signing key (its certificate withdrawn at her removal). She
// writes a new version of the case record and of its allegation under the old versions, opens
// an audit epoch under the old chain key and appends one entry, backdated, signed by her
// withdrawn key. `vault check` names the entry's withdrawn signer (by the log's order, not its
// claimed time), the stale chain key and both records' superseded key versions. A colleague's
// genuine write after the removal is not named.
import { cpSync } from 'node:fs';
import Database from 'better-sqlite3';
import { signDetached, signKeyPairFromSeed } from '../../../src/crypto/sign';
import { vaultFile } from '../../../src/vault';
import { AuditLog } from '../../../src/vault/audit';
import { blob } from '../../../src/vault/encoding';
import { KeyStore } from '../../../src/vault/key-store';
import { RecordStore } from '../../../src/vault/records';
import { readSigningKey } from '../../../src/vault/users';
import { ADMIN, call, makeCore, makeVault, removeDir, tempDir } from '../../helpers/core';
import { openAsInsider, PASS } from '../../helpers/insider';

/** libsodium's Ed25519 secret key is seed || public key. */
const publicOf = (secret: Uint8Array): Uint8Array =>
  secret.length === 64 ? secret.slice(32) : signKeyPairFromSeed(secret).publicKey;

type Problem = { kind: string; id: string; code?: string; detail: string; values?: Record<string, unknown> };

test('a removed user grafts a backdated entry with her old keys: vault check names the withdrawn signer, the stale chain key and the superseded key versions', async () => {
  const core0 = await makeVault();
  const dir = core0.vaultDir;
  const old = tempDir();
  try {
    for (const [username, role] of [['ola', 'interviewer'], ['ivan', 'interviewer']] as const)
      await call(core0, 'users.add', { username, displayName: username.toUpperCase(), role, passphrase: PASS });
    const { caseId } = await call(core0, 'cases.create', {
      reference: 'CAC-9', childAlias: 'A', childAgeYears: 7, language: 'en', allegationSummary: 'QALLEGQ',
    });
    const other = await call(core0, 'cases.create', {
      reference: 'CAC-10', childAlias: 'C', childAgeYears: 9, language: 'en', allegationSummary: 'QALLEG2Q',
    });
    await call(core0, 'vault.lock', {});
    core0.close();
    cpSync(dir, old, { recursive: true }); // ola's old copy
    let core = makeCore(dir);
    await call(core, 'vault.unlock', { username: ADMIN.username, passphrase: ADMIN.passphrase });
    await call(core, 'users.remove', { username: 'ola' });
    await call(core, 'vault.lock', {});
    // A genuine write after the removal (under the new versions) is not named.
    await call(core, 'vault.unlock', { username: 'ivan', passphrase: PASS });
    await call(core, 'cases.update', { caseId: other.caseId, patch: { childAlias: 'D', allegationSummary: 'QALLEG3Q' } });
    await call(core, 'vault.lock', {});
    await call(core, 'vault.unlock', { username: ADMIN.username, passphrase: ADMIN.passphrase });
    const clean = await call(core, 'vault.check', {});
    expect(clean.problems).toEqual([]);
    // A record written before the removal, under the version it replaced, still reads.
    const before = await core.invoke('cases.get', { caseId });
    expect(before.ok ? (before.value as { childAgeYears: number }).childAgeYears : before.error.code).toBe(7);
    await call(core, 'vault.lock', {});
    core.close();

    // Offline: her old copy gives her the old key versions and her signing key.
    const ins = openAsInsider(old, 'ola');
    const caseKey = ins.keys.key('class:case@1');
    const chainKey = ins.keys.key('class:chain@1');
    const allegKey = ins.keys.key(`allegation:${caseId}@1`);
    const signSecret = readSigningKey(ins.records, 'ola');
    ins.db.close();
    const db = new Database(vaultFile(dir));
    const vaultId = blob((db.prepare('SELECT vault_id FROM vault_meta').get() as { vault_id: Buffer }).vault_id);
    const keys = new KeyStore(db, vaultId);
    keys.hold('class:case@1', caseKey);
    keys.hold('class:chain@1', chainKey);
    keys.hold(`allegation:${caseId}@1`, allegKey);
    const realCurrent = keys.requireCurrentId.bind(keys);
    (keys as unknown as { requireCurrentId: (l: string) => string }).requireCurrentId = (l) =>
      l === 'class:case' || l.startsWith('allegation:') ? `${l}@1` : realCurrent(l);
    const records = new RecordStore(db, keys, vaultId);
    const pub = publicOf(signSecret);
    const audit = new AuditLog(db, keys, vaultId, () => ({ publicKey: pub, sign: (m: Uint8Array) => signDetached(m, signSecret) }));
    const n = ((db.prepare('SELECT max(epoch) AS n FROM audit_epochs').get() as { n: number }).n ?? 0) + 1;
    const epochKeyId = keys.create(`epoch:${n}`, [realCurrent('class:audit')]);
    db.prepare('INSERT INTO audit_epochs (epoch, chain_key_id) VALUES (?, ?)').run(n, 'class:chain@1');
    const internals = audit as unknown as { epoch: unknown; chainKeysFor: (id: string) => unknown };
    internals.epoch = { n, key: keys.key(epochKeyId), chain: internals.chainKeysFor('class:chain@1'), chainKeyId: 'class:chain@1' };
    const found = records.get<{ version: number; childAgeYears: number }>(caseId)!;
    const index = (db.prepare('SELECT blind_index FROM records WHERE record_id = ?').get(caseId) as { blind_index: Buffer }).blind_index;
    let graft = 0;
    db.transaction(() => {
      const caseAddress = { ...found.address, keyRef: 'class:case@1', seq: found.value.version + 1 };
      const ref = records.put(caseAddress, { ...found.value, childAgeYears: 16, version: found.value.version + 1 }, blob(index));
      const a = records.get<{ text: string }>(`allegation:${caseId}`)!;
      const ref2 = records.put({ ...a.address, keyRef: `allegation:${caseId}@1`, seq: a.address.seq + 1 }, { ...a.value, text: 'QFORGEDQ' });
      graft = audit.append({ at: '2026-01-01T00:00:00.000Z', actor: 'ola', action: 'cases.update', target: caseId, detail: { fields: 'childAgeYears' }, records: [ref, ref2] });
    })();
    db.close();

    core = makeCore(dir);
    // Reads refuse the grafted case (and never show its age or allegation); the other case reads.
    for (const [who, pass] of [['ivan', PASS], [ADMIN.username, ADMIN.passphrase]] as const) {
      await call(core, 'vault.unlock', { username: who, passphrase: pass });
      const got = await core.invoke('cases.get', { caseId });
      expect(got.ok ? 'ok' : [got.error.code, (got.error as { reason?: string }).reason]).toEqual(['TAMPERED', 'STALE_KEY_VERSION']);
      expect(JSON.stringify(got)).not.toContain('QFORGEDQ');
      const fine = await core.invoke('cases.get', { caseId: other.caseId });
      expect(fine.ok).toBe(true);
      await call(core, 'vault.lock', {});
    }
    await call(core, 'vault.unlock', { username: ADMIN.username, passphrase: ADMIN.passphrase });
    const check = await call(core, 'vault.check', {});
    const text = JSON.stringify(check);
    for (const marker of ['QFORGEDQ', 'QALLEGQ', 'QALLEG2Q', 'QALLEG3Q']) expect(text).not.toContain(marker);
    const problems = check.problems as Problem[];
    const byCode = (code: string) => problems.filter((p) => p.code === code);
    const withdrawn = byCode('SIGNER_WITHDRAWN');
    expect(withdrawn.map((p) => [p.values?.entry, p.values?.signer])).toEqual([[graft, 'ola']]);
    expect(Number(withdrawn[0]!.values?.withdrawnAt)).toBeLessThan(Number(withdrawn[0]!.values?.entry));
    const chain = byCode('AUDIT_STALE_CHAIN_KEY');
    expect(chain.map((p) => [p.values?.chainKey, p.values?.newer, p.values?.signer])).toEqual([['class:chain@1', 'class:chain@2', 'ola']]);
    expect(chain[0]!.values?.entry).toBe(graft);
    const stale = byCode('STALE_KEY_VERSION');
    expect(stale.map((p) => [p.id, p.values?.key]).sort()).toEqual(
      [[caseId, 'class:case@1'], [`allegation:${caseId}`, `allegation:${caseId}@1`]].sort(),
    );
    await call(core, 'vault.lock', {});
    core.close();
  } finally {
    removeDir(dir);
    removeDir(old);
  }
});
