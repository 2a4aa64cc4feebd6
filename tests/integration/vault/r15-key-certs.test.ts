// Red team 15 on key certificates (sec30).
// R15-1 / R15-3: deleting every key_certs row made the next admin sign-in run the pre-sec28
// migration again, which certified an interviewer's (or an outsider's) own allegation key version
// and even made up its custody wrap: a blind case un-blinded, a forged allegation shown, edits
// sealed under the outsider's key, `vault check` clean. Now a vault whose signed audit log shows
// it had certificates is never migrated again (KEY_CERTS_REMOVED), the migration of a genuine old
// vault never makes up a custody wrap, and an allegation version wrapped only for users is named.
// R15-8: an interviewer replaced version 1 of a blind case's allegation key certificate with one
// signed by his own staff key. An allegation key's certificate is now bound to the signed audit
// entry that made the key (version 1: the case's creation). R15-7: the signer column no longer
// names the case's creator.
import { randomBytes } from 'node:crypto';
import { cpSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { SessionContext } from '../../../src/interview/session-context';
import { signDetached } from '../../../src/crypto';
import { vaultFile } from '../../../src/vault';
import { blob } from '../../../src/vault/encoding';
import { certRefId, commitmentOf } from '../../../src/vault/key-certs';
import { KeyStore } from '../../../src/vault/key-store';
import { RecordStore } from '../../../src/vault/records';
import { readSigningKey } from '../../../src/vault/users';
import type { Vault } from '../../../src/vault/vault';
import { ADMIN, call, makeCore, makeVault, removeDir, tempDir } from '../../helpers/core';
import { PASS } from '../../helpers/insider';

type Core = ReturnType<typeof makeCore>;
let ctx: SessionContext | undefined;
const proto = SessionContext.prototype as unknown as { load: (id: string) => { plan: unknown } };
const realLoad = proto.load;
beforeAll(() => {
  proto.load = function (this: SessionContext, id: string) {
    // eslint-disable-next-line @typescript-eslint/no-this-alias -- the test reads the live context
    ctx = this;
    return realLoad.call(this, id);
  };
});
afterAll(() => {
  proto.load = realLoad;
});

const LED = ['transition.talkedTo', 'transition.marks', 'transition.worried'];

async function as(core: Core, who: string, pass = PASS) {
  await call(core, 'vault.lock', {});
  return core.invoke('vault.unlock', { username: who, passphrase: pass });
}

function openRaw(dir: string) {
  const db = new Database(vaultFile(dir));
  const vaultId = blob(
    (db.prepare('SELECT vault_id FROM vault_meta').get() as { vault_id: Buffer }).vault_id,
  );
  return { db, vaultId, keys: new KeyStore(db, vaultId) };
}

/** ola and ivan (interviewers); the admin creates a blind case; ola starts a live interview on it. */
async function blindCase(core: Core) {
  for (const [username, role] of [
    ['ola', 'interviewer'],
    ['ivan', 'interviewer'],
  ] as const)
    await call(core, 'users.add', {
      username,
      displayName: username.toUpperCase(),
      role,
      passphrase: PASS,
    });
  const c = await call(core, 'cases.create', {
    reference: 'CAC-BL',
    childAlias: 'A',
    childAgeYears: 7,
    language: 'en',
    allegationSummary: 'QALLEGQ',
    allegationBlind: true,
  });
  await as(core, 'ola');
  const { sessionId } = await call(core, 'sessions.start', {
    caseId: c.caseId,
    protocolId: 'nichd',
    mode: 'live',
    language: 'en',
  });
  await call(core, 'sessions.get', { sessionId });
  return { caseId: c.caseId, sessionId };
}

/** ivan's modified client: the case record says "not blind", then a forged allegation under `keyRef`. */
function unblindAndForge(vault: Vault, caseId: string) {
  const logical = `allegation:${caseId}`;
  const found = vault.records.get<{ version: number }>(caseId)!;
  const next = { ...found.value, allegationBlind: false, version: found.value.version + 1 };
  vault.write(
    'cases.update',
    caseId,
    (put) => {
      put(
        { ...found.address, seq: next.version },
        next,
        vault.blindIndex('case-reference', 'CAC-BL'),
      );
    },
    { fields: 'allegationBlind' },
  );
  const seq = vault.records.seqOf(logical) ?? 0;
  try {
    vault.write(
      'cases.update',
      caseId,
      (put) =>
        put(
          {
            recordId: logical,
            containerId: caseId,
            kind: 'allegation',
            seq: seq + 1,
            keyRef: logical,
          },
          { caseId, text: 'QFORGEDQ' },
        ),
      { fields: 'allegationSummary' },
    );
  } catch {
    // Refused outright is fine too: what matters is what everyone reads afterwards.
  }
}

async function olaPlanLed(core: Core, sessionId: string): Promise<string[] | string> {
  const unlocked = await as(core, 'ola');
  if (!unlocked.ok) return `refused ${unlocked.error.code}`;
  await call(core, 'sessions.get', { sessionId });
  const plan = JSON.stringify(ctx!.load(sessionId).plan);
  return LED.filter((k) => plan.includes(k));
}

describe('R15-1: deleting the key certificates does not bring the migration back', () => {
  test.each([
    ['index kept'],
    ['index rows deleted too'],
    // Red team 16, R16-1: the signed marks hidden from a reader that skips what does not open.
    ['index rows deleted, junk rows after the head'],
    ['index rows deleted, the admin-signed entries flipped'],
    // Red team 17, R17-1: the log cut after its third entry (it verifies, and holds no mark);
    // the anchor outside the file sees the rollback. Signed in twice: at the second sign-in the
    // anchor agrees with the file again, and only the signed rollback record remembers.
    ['index rows deleted, the log cut after entry 3'],
  ])(
    "an interviewer's own allegation version is never certified or used (%s); check names KEY_CERTS_REMOVED",
    async (variant) => {
      const first = await makeVault();
      const dir = first.vaultDir;
      let core: Core = first;
      try {
        const { caseId, sessionId } = await blindCase(core);
        await as(core, 'ivan');
        await core.invoke('sessions.get', { sessionId });
        const keys = ctx!.vault.keys;
        const forged = keys.create(`allegation:${caseId}`, [keys.currentId('class:case')!]);
        unblindAndForge(ctx!.vault, caseId);
        await call(core, 'vault.lock', {});
        core.close();
        const db = new Database(vaultFile(dir));
        db.prepare('DELETE FROM key_certs').run();
        // Without the bound certificates' index rows, only the signed audit log remembers.
        if (variant !== 'index kept')
          db.prepare("DELETE FROM audit_index WHERE record_id LIKE 'keycert:%'").run();
        if (variant.includes('junk rows')) hideMarksWithJunkRows(db);
        if (variant.includes('flipped')) expect(flipEntriesOfFirstSigner(db)).toBeGreaterThan(0);
        if (variant.includes('cut'))
          expect(db.prepare('DELETE FROM audit_log WHERE seq > 3').run().changes).toBeGreaterThan(
            5,
          );
        db.close();
        core = makeCore(dir);
        const ola = await core.invoke('vault.unlock', { username: 'ola', passphrase: PASS });
        expect(ola.ok).toBe(false);
        const signIns = variant.includes('cut') ? 2 : 1;
        for (let i = 0; i < signIns; i += 1) {
          if (i > 0) await call(core, 'vault.lock', {});
          await call(core, 'vault.unlock', {
            username: ADMIN.username,
            passphrase: ADMIN.passphrase,
          });
        }
        const adminCase = await core.invoke('cases.get', { caseId, revealAllegation: true });
        expect(JSON.stringify(adminCase)).not.toContain('QFORGEDQ');
        expect(adminCase.ok).toBe(false);
        const check = await call(core, 'vault.check', {});
        expect(check.problems.map((p) => p.code)).toContain('KEY_CERTS_REMOVED');
        expect(
          check.problems.find((p) => p.code === 'KEY_VERSION_UNCERTIFIED' && p.id === forged),
        ).toBeDefined();
        await call(core, 'vault.lock', {});
        core.close();
        // Nothing was certified, and no custody wrap was made up for his version.
        const after = new Database(vaultFile(dir), { readonly: true });
        expect(
          (after.prepare('SELECT count(*) AS n FROM key_certs').get() as { n: number }).n,
        ).toBe(0);
        expect(
          after
            .prepare('SELECT 1 FROM key_wraps WHERE logical = ? AND version = 1 AND holder = ?')
            .get(`allegation:${caseId}`, forged),
        ).toBeUndefined();
        after.close();
        core = makeCore(dir);
        // Refused either way: TAMPERED from the index, or (index rows gone too) "an admin first".
        expect(await olaPlanLed(core, sessionId)).toMatch(/^refused (TAMPERED|FORBIDDEN)$/);
      } finally {
        core.close();
        removeDir(dir);
      }
    },
  );
});

describe("R15-3: an outsider's allegation version sealed to the users' public keys", () => {
  test('in a current vault: never used, named ALLEGATION_KEY_OFF_POLICY', async () => {
    const first = await makeVault();
    const dir = first.vaultDir;
    let core: Core = first;
    let attackerKey: Uint8Array | undefined;
    try {
      for (const [username, role] of [['ola', 'interviewer']] as const)
        await call(core, 'users.add', { username, displayName: 'OLA', role, passphrase: PASS });
      const c = await call(core, 'cases.create', {
        reference: 'CAC-OP',
        childAlias: 'A',
        childAgeYears: 7,
        language: 'en',
        allegationSummary: 'QALLEGQ',
      });
      const logical = `allegation:${c.caseId}`;
      await call(core, 'vault.lock', {});
      core.close();
      const raw = openRaw(dir);
      const users = (
        raw.db.prepare("SELECT key_id FROM public_keys WHERE key_id LIKE 'user:%'").all() as Array<{
          key_id: string;
        }>
      ).map((r) => r.key_id);
      const id = raw.keys.create(logical, users);
      attackerKey = raw.keys.key(id).slice();
      raw.db.close();
      core = makeCore(dir);
      await call(core, 'vault.unlock', { username: 'ola', passphrase: PASS });
      await call(core, 'cases.update', {
        caseId: c.caseId,
        patch: { allegationSummary: 'QEDITQ' },
      }).catch(() => undefined);
      await as(core, ADMIN.username, ADMIN.passphrase);
      const check = await call(core, 'vault.check', {});
      const off = check.problems.find((p) => p.code === 'ALLEGATION_KEY_OFF_POLICY');
      expect(off?.values).toEqual({ key: `${logical}@2`, holders: 'user:admin, user:ola' });
      await call(core, 'vault.lock', {});
      core.close();
      const raw2 = openRaw(dir);
      raw2.keys.hold(`${logical}@2`, attackerKey);
      const rs = new RecordStore(raw2.db, raw2.keys, raw2.vaultId);
      let readByAttacker = false;
      try {
        readByAttacker = JSON.stringify(rs.get(logical)).includes('QEDITQ');
      } catch {
        readByAttacker = false;
      }
      raw2.db.close();
      expect(readByAttacker).toBe(false);
      core = makeCore(dir);
    } finally {
      core.close();
      removeDir(dir);
    }
  });

  test('in a vault from before certificates: the migration leaves it out, makes up no custody wrap, and it is never used', async () => {
    const dir = tempDir();
    cpSync(join(__dirname, '../../fixtures/vault-schema-2/vault'), dir, { recursive: true });
    let core = makeCore(dir);
    let attackerKey: Uint8Array | undefined;
    let logical = '';
    let caseId = '';
    try {
      // Opened once so the schema is current (migrations run at open).
      core.close();
      const raw = openRaw(dir);
      caseId = (
        raw.db
          .prepare("SELECT logical FROM key_wraps WHERE logical LIKE 'allegation:%' LIMIT 1")
          .get() as { logical: string }
      ).logical.slice('allegation:'.length);
      logical = `allegation:${caseId}`;
      const users = (
        raw.db.prepare("SELECT key_id FROM public_keys WHERE key_id LIKE 'user:%'").all() as Array<{
          key_id: string;
        }>
      ).map((r) => r.key_id);
      const version = (
        raw.db
          .prepare('SELECT max(version) AS v FROM key_wraps WHERE logical = ?')
          .get(logical) as { v: number }
      ).v;
      const id = raw.keys.create(logical, users);
      expect(id).toBe(`${logical}@${version + 1}`);
      attackerKey = raw.keys.key(id).slice();
      raw.db.close();
      core = makeCore(dir);
      await call(core, 'vault.unlock', { username: ADMIN.username, passphrase: ADMIN.passphrase });
      await core.invoke('cases.update', { caseId, patch: { allegationSummary: 'QEDITQ' } });
      const check = await call(core, 'vault.check', {});
      const codes = check.problems.filter((p) => p.id === id).map((p) => p.code);
      expect(codes).toEqual(
        expect.arrayContaining(['ALLEGATION_KEY_OFF_POLICY', 'KEY_VERSION_UNCERTIFIED']),
      );
      await call(core, 'vault.lock', {});
      core.close();
      const raw2 = openRaw(dir);
      expect(raw2.db.prepare('SELECT 1 FROM key_certs WHERE key_id = ?').get(id)).toBeUndefined();
      expect(
        raw2.db
          .prepare('SELECT 1 FROM key_wraps WHERE logical = ? AND holder = ?')
          .get(logical, id),
      ).toBeUndefined();
      raw2.keys.hold(id, attackerKey);
      const rs = new RecordStore(raw2.db, raw2.keys, raw2.vaultId);
      let readByAttacker = false;
      try {
        readByAttacker = JSON.stringify(rs.get(logical)).includes('QEDITQ');
      } catch {
        readByAttacker = false;
      }
      raw2.db.close();
      expect(readByAttacker).toBe(false);
      core = makeCore(dir);
    } finally {
      core.close();
      removeDir(dir);
    }
  });
});

describe("R15-8: version 1 of an allegation key is bound to the case's creation", () => {
  test.each([['plain'], ['with his own entry claiming the case']])(
    "an interviewer's replaced version-1 certificate (%s) is named; the plain one is never used",
    async (variant) => {
      const core = await makeVault();
      try {
        const { caseId, sessionId } = await blindCase(core);
        await as(core, 'ivan');
        await core.invoke('sessions.get', { sessionId });
        const vault = ctx!.vault;
        const keys = vault.keys;
        const fakeId = `allegation:${caseId}@1`;
        const k = new Uint8Array(randomBytes(32));
        const sk = readSigningKey(vault.records, 'ivan');
        const vaultIdHex = (keys as unknown as { vaultIdHex: string }).vaultIdHex;
        const signer = { publicKey: sk.slice(32), sign: (m: Uint8Array) => signDetached(m, sk) };
        const commitment = {
          kind: 'secret' as const,
          value: commitmentOf(vaultIdHex, fakeId, k, 'secret'),
        };
        const db = (keys as unknown as { db: Database.Database }).db;
        if (variant === 'plain') keys.certBook!.certify(fakeId, commitment, signer);
        else
          vault.transact(() => {
            // His own signed entry claiming to write the case's first version, and a bound certificate.
            const seq = vault.audit.append({
              at: vault.nowIso(),
              actor: 'ivan',
              action: 'cases.create',
              target: caseId,
              records: [{ id: caseId, seq: 1, hash: 'ab'.repeat(32) }],
            });
            keys.certBook!.certify(fakeId, commitment, signer, true);
            vault.audit.pointAt(certRefId(fakeId), seq);
          });
        db.prepare('DELETE FROM key_wraps WHERE logical = ? AND version = 1').run(
          `allegation:${caseId}`,
        );
        keys.forgetLookups();
        keys.hold(fakeId, k);
        keys.wrap(fakeId, keys.currentId('class:case')!);
        unblindAndForge(vault, caseId);
        const led = await olaPlanLed(core, sessionId);
        const olaCase = await core.invoke('cases.get', { caseId, revealAllegation: true });
        await as(core, ADMIN.username, ADMIN.passphrase);
        const adminCase = await core.invoke('cases.get', { caseId, revealAllegation: true });
        const check = await call(core, 'vault.check', {});
        // A certificate signed in the clear is NOT_CREATOR; one bound to his own entry is
        // REBOUND, naming him and his sign-in (R16-2).
        const named = check.problems.find(
          (p) =>
            p.code ===
            (variant === 'plain' ? 'ALLEGATION_CERT_NOT_CREATOR' : 'ALLEGATION_CERT_REBOUND'),
        );
        expect(named?.values).toMatchObject({ key: fakeId, signer: 'ivan' });
        if (variant === 'plain') {
          expect(named?.values).toMatchObject({ signer: 'ivan' });
          expect(led).toEqual([]);
          expect(JSON.stringify(olaCase)).not.toContain('QFORGEDQ');
          expect(JSON.stringify(adminCase)).not.toContain('QFORGEDQ');
        }
      } finally {
        core.close();
        removeDir(core.vaultDir);
      }
    },
  );
});

test('R15-7: the file does not tell which staff member created which case', async () => {
  const core = await makeVault();
  const dir = core.vaultDir;
  try {
    for (const username of ['ola', 'ivan'])
      await call(core, 'users.add', {
        username,
        displayName: username,
        role: 'interviewer',
        passphrase: PASS,
      });
    for (const who of ['ola', 'ivan', 'ola']) {
      await as(core, who);
      await call(core, 'cases.create', {
        reference: `CAC-${who}-${Math.random()}`,
        childAlias: 'A',
        childAgeYears: 7,
        language: 'en',
        allegationSummary: 'x',
      });
    }
    await call(core, 'vault.lock', {});
    core.close();
    const db = new Database(vaultFile(dir), { readonly: true });
    const signers = db
      .prepare("SELECT DISTINCT hex(signer) AS s FROM key_certs WHERE key_id LIKE 'allegation:%'")
      .all() as Array<{ s: string }>;
    db.close();
    expect(signers).toEqual([{ s: '00'.repeat(32) }]);
  } finally {
    removeDir(dir);
  }
});

/** Appends rows after the audit head that no key opens (R16-1 "tail"): a newest-first reader that stops at an unreadable page saw no mark. */
function hideMarksWithJunkRows(db: Database.Database): void {
  const head = (db.prepare('SELECT max(seq) AS s FROM audit_log').get() as { s: number }).s;
  const insert = db.prepare(
    'INSERT INTO audit_log (seq, epoch, nonce, ciphertext, refs_nonce, refs_ciphertext, mac, signer, signature) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
  );
  for (let i = 1; i <= 600; i++)
    insert.run(
      head + i,
      999999,
      randomBytes(24),
      randomBytes(272),
      randomBytes(24),
      randomBytes(528),
      randomBytes(32),
      randomBytes(32),
      randomBytes(64),
    );
}

/** Flips one byte of every entry signed by the vault creator's (the admin's) staff key (R16-1 "flipadmin"): a reader that skips them saw no checkpoint. */
function flipEntriesOfFirstSigner(db: Database.Database): number {
  const first = db
    .prepare('SELECT signer FROM audit_log WHERE signer IS NOT NULL ORDER BY seq LIMIT 1')
    .get() as { signer: Buffer };
  const rows = db
    .prepare('SELECT seq, ciphertext FROM audit_log WHERE signer = ?')
    .all(first.signer) as Array<{ seq: number; ciphertext: Buffer }>;
  for (const row of rows) {
    const flipped = Buffer.from(row.ciphertext);
    flipped[flipped.length - 1]! ^= 1;
    db.prepare('UPDATE audit_log SET ciphertext = ? WHERE seq = ?').run(flipped, row.seq);
  }
  return rows.length;
}
