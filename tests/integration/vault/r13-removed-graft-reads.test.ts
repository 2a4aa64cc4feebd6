// R13-1 residual (sec27): reads covered only case and allegation records. A removed user, with
// her old copy of the file (old key versions, old chain key, her withdrawn signing key), grafts a
// child note into a colleague's interview that was running before her removal, and rewrites a
// colleague's staff profile. Every read now refuses such a record (TAMPERED, STALE_KEY_VERSION):
// the timeline never shows her note, `sessions.verify` names the event with its entry, her name
// and her withdrawn certificate (SIGNER_WITHDRAWN), and the staff listing never shows her text.
// The colleague's genuine notes before and after the removal still read.
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

jest.setTimeout(300_000);

const publicOf = (secret: Uint8Array): Uint8Array =>
  secret.length === 64 ? secret.slice(32) : signKeyPairFromSeed(secret).publicKey;
const eventId = (sessionId: string, seq: number) => `${sessionId}:${String(seq).padStart(10, '0')}`;

test('a removed user grafts a note into a running interview and rewrites a staff profile with her old keys: every read refuses them, sessions.verify names her withdrawn signer', async () => {
  const core0 = await makeVault();
  const dir = core0.vaultDir;
  const old = tempDir();
  try {
    for (const [username, role] of [['ola', 'interviewer'], ['ivan', 'interviewer']] as const)
      await call(core0, 'users.add', { username, displayName: username.toUpperCase(), role, passphrase: PASS });
    const { caseId } = await call(core0, 'cases.create', { reference: 'CAC-9', childAlias: 'A', childAgeYears: 7, language: 'en' });
    await call(core0, 'vault.lock', {});
    await call(core0, 'vault.unlock', { username: 'ivan', passphrase: PASS });
    const { sessionId } = await call(core0, 'sessions.start', { caseId, protocolId: 'nichd', mode: 'live', language: 'en' });
    await call(core0, 'sessions.addNote', { sessionId, kind: 'child', text: 'QGENUINE1Q' });
    await call(core0, 'vault.lock', {});
    core0.close();
    cpSync(dir, old, { recursive: true }); // ola's copy, taken before her removal
    let core = makeCore(dir);
    await call(core, 'vault.unlock', { username: ADMIN.username, passphrase: ADMIN.passphrase });
    await call(core, 'users.remove', { username: 'ola' });
    await call(core, 'vault.lock', {});
    await call(core, 'vault.unlock', { username: 'ivan', passphrase: PASS });
    await call(core, 'sessions.addNote', { sessionId, kind: 'child', text: 'QGENUINE2Q' });
    await call(core, 'vault.lock', {});
    core.close();

    // Offline, with what her old copy gave her.
    const ins = openAsInsider(old, 'ola');
    const keyBytes = new Map(['class:case@1', 'class:chain@1', 'class:directory@1', `session:${sessionId}@1`].map((id) => [id, ins.keys.key(id)]));
    const signSecret = readSigningKey(ins.records, 'ola');
    ins.db.close();
    const db = new Database(vaultFile(dir));
    const vaultId = blob((db.prepare('SELECT vault_id FROM vault_meta').get() as { vault_id: Buffer }).vault_id);
    const keys = new KeyStore(db, vaultId);
    for (const [id, key] of keyBytes) keys.hold(id, key);
    const realCurrent = keys.requireCurrentId.bind(keys);
    // Her client writes under the versions she holds (Hearth's would use the current ones).
    (keys as unknown as { requireCurrentId: (l: string) => string }).requireCurrentId = (l) =>
      keyBytes.has(`${l}@1`) && l !== 'class:chain' ? `${l}@1` : realCurrent(l);
    const records = new RecordStore(db, keys, vaultId);
    const pub = publicOf(signSecret);
    const audit = new AuditLog(db, keys, vaultId, () => ({ publicKey: pub, sign: (m: Uint8Array) => signDetached(m, signSecret) }));
    const n = ((db.prepare('SELECT max(epoch) AS n FROM audit_epochs').get() as { n: number }).n ?? 0) + 1;
    const epochKeyId = keys.create(`epoch:${n}`, [realCurrent('class:audit')]);
    db.prepare('INSERT INTO audit_epochs (epoch, chain_key_id) VALUES (?, ?)').run(n, 'class:chain@1');
    const internals = audit as unknown as { epoch: unknown; chainKeysFor: (id: string) => unknown };
    internals.epoch = { n, key: keys.key(epochKeyId), chain: internals.chainKeysFor('class:chain@1'), chainKeyId: 'class:chain@1' };
    // The note: a copy of the colleague's first note's shape, next in the chain, her text.
    const first = records.get<Record<string, unknown>>(eventId(sessionId, 2))!;
    expect(first.address.keyRef).toBe(`session:${sessionId}@1`);
    const seq = (db.prepare("SELECT count(*) AS n FROM records WHERE kind = 'event' AND record_id LIKE ?").get(`${sessionId}:%`) as { n: number }).n + 1;
    const profile = records.get<Record<string, unknown>>('user:ivan')!;
    const forged = { ...first.value, seq, text: 'QFORGEDQ' };
    let graft = 0;
    db.transaction(() => {
      const ref = records.put({ ...first.address, recordId: eventId(sessionId, seq), seq }, forged);
      const ref2 = records.put({ ...profile.address, seq: profile.address.seq + 1 }, { ...profile.value, displayName: 'QFORGEDQ' });
      graft = audit.append({ at: '2026-01-01T00:00:00.000Z', actor: 'ola', action: 'sessions.addNote', target: sessionId, records: [ref, ref2] });
    })();
    db.close();

    core = makeCore(dir);
    await call(core, 'vault.unlock', { username: 'ivan', passphrase: PASS });
    const timeline = await core.invoke('sessions.timeline', { sessionId });
    expect(JSON.stringify(timeline)).not.toContain('QFORGEDQ');
    expect(timeline.ok ? 'shown' : [timeline.error.code]).toEqual(['TAMPERED']);
    const verdict = await call(core, 'sessions.verify', { sessionId });
    expect(verdict.ok).toBe(false);
    expect(verdict.firstBadEvent).toBe(seq);
    const reason = String(verdict.reason);
    for (const named of ['STALE_KEY_VERSION', 'SIGNER_WITHDRAWN', 'signed by ola', `audit entry ${graft}`]) expect(reason).toContain(named);
    expect(reason).not.toContain('QFORGEDQ');
    await call(core, 'vault.lock', {});
    await call(core, 'vault.unlock', { username: ADMIN.username, passphrase: ADMIN.passphrase });
    const profileRead = await core.invoke('users.list', {});
    expect(JSON.stringify(profileRead)).not.toContain('QFORGEDQ');
    const check = await call(core, 'vault.check', {});
    expect(JSON.stringify(check)).not.toContain('QFORGEDQ');
    const codes = (check.problems as Array<{ code?: string }>).map((p) => p.code);
    expect(codes).toEqual(expect.arrayContaining(['SIGNER_WITHDRAWN', 'AUDIT_STALE_CHAIN_KEY', 'STALE_KEY_VERSION']));
    await call(core, 'vault.lock', {});
    core.close();
  } finally {
    removeDir(dir);
    removeDir(old);
  }
});
