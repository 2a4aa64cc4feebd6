// Red team 14, R14-4 (an outsider with write access to the file and no passphrase) and R14-3 (a
// user without a class key): a new version of a class key sealed to the real holders' public
// user keys, or the public half of a "newer" recovery key, used to become current, so everything
// written afterwards opened with the attacker's key. Key versions now need a commitment signed by
// the centre key (src/vault/key-certs.ts): Hearth ignores the forged version, writes under the
// certified one, and vault check names the forged one.
import Database from 'better-sqlite3';
import { boxKeyPairFromSecret, randomBytes } from '../../../src/crypto';
import { vaultFile } from '../../../src/vault';
import { blob } from '../../../src/vault/encoding';
import { KeyStore } from '../../../src/vault/key-store';
import { RecordStore } from '../../../src/vault/records';
import { Vault } from '../../../src/vault/vault';
import { ADMIN, call, makeCore, makeVault, removeDir } from '../../helpers/core';
import { PASS } from '../../helpers/insider';

type Core = ReturnType<typeof makeCore>;

async function as(core: Core, who: string, pass = PASS) {
  await call(core, 'vault.lock', {});
  const result = await core.invoke('vault.unlock', { username: who, passphrase: pass });
  expect(result.ok).toBe(true);
}

function openRaw(dir: string) {
  const db = new Database(vaultFile(dir));
  const vaultId = blob((db.prepare('SELECT vault_id FROM vault_meta').get() as { vault_id: Buffer }).vault_id);
  return { db, vaultId, keys: new KeyStore(db, vaultId) };
}

/** What the attacker reads offline with only the key he kept. */
function readWith(dir: string, forged: string, secret: Uint8Array, ids: { caseId: string; sessionId: string }) {
  const { db, vaultId, keys } = openRaw(dir);
  try {
    keys.hold(forged, secret);
    const rs = new RecordStore(db, keys, vaultId);
    const read = (id: string) => {
      try {
        return JSON.stringify(rs.get(id)?.value ?? null);
      } catch {
        return 'unreadable';
      }
    };
    const sessionIds = (
      db.prepare('SELECT record_id FROM records WHERE container_id = ?').all(ids.sessionId) as Array<{ record_id: string }>
    ).map((r) => r.record_id);
    return {
      caseAlias: read(ids.caseId).includes('QNEWCHILDQ'),
      allegation: read(`allegation:${ids.caseId}`).includes('QALLEGQ'),
      note: sessionIds.map(read).join('|').includes('QSECRETNOTEQ'),
      sessionRecords: sessionIds.length,
      userKeys: ['user:nina', 'user:ola'].map((l) => {
        const id = keys.currentId(l);
        return id !== undefined && keys.canOpen(id);
      }),
    };
  } finally {
    db.close();
  }
}

async function dailyWork(core: Core) {
  await as(core, 'ola');
  const c = await call(core, 'cases.create', {
    reference: 'CAC-NEW',
    childAlias: 'QNEWCHILDQ',
    childAgeYears: 6,
    language: 'en',
    allegationSummary: 'QALLEGQ',
  });
  const { sessionId } = await call(core, 'sessions.start', { caseId: c.caseId, protocolId: 'nichd', mode: 'live', language: 'en' });
  await call(core, 'sessions.addNote', { sessionId, kind: 'child', text: 'QSECRETNOTEQ' });
  return { caseId: c.caseId, sessionId };
}

async function addStaff(core: Core) {
  for (const [username, role] of [['ola', 'interviewer'], ['rita', 'reviewer'], ['tara', 'trainer']] as const)
    await call(core, 'users.add', { username, displayName: username.toUpperCase(), role, passphrase: PASS });
}

test.each([['case'], ['recovery']])(
  'r14-4 an outsider without a passphrase forges a %s key version: never used, named by vault check',
  async (variant) => {
    let core: Core = await makeVault();
    const dir = core.vaultDir;
    try {
      await addStaff(core);
      await call(core, 'vault.lock', {});
      core.close();
      // The outsider: the file, an empty key store, no passphrase.
      const a = openRaw(dir);
      let forged: string;
      let secret: Uint8Array;
      if (variant === 'case') {
        const holders = a.keys.holdersOf(a.keys.currentId('class:case')!);
        forged = a.keys.create('class:case', holders);
        secret = a.keys.key(forged).slice();
      } else {
        forged = 'recovery@2';
        secret = randomBytes(32);
        a.db
          .prepare('INSERT INTO public_keys (key_id, public_key) VALUES (?, ?)')
          .run(forged, Buffer.from(boxKeyPairFromSecret(secret).publicKey));
      }
      a.db.close();
      core = makeCore(dir);
      const admin = await core.invoke('vault.unlock', { username: ADMIN.username, passphrase: ADMIN.passphrase });
      expect(admin.ok).toBe(true);
      if (variant === 'recovery')
        await call(core, 'users.add', { username: 'nina', displayName: 'NINA', role: 'interviewer', passphrase: PASS });
      for (const who of ['rita', 'tara']) await as(core, who);
      const ids = await dailyWork(core);
      if (variant === 'recovery')
        await call(core, 'vault.changePassphrase', { currentPassphrase: PASS, newPassphrase: 'another long enough staff passphrase' });
      await as(core, ADMIN.username, ADMIN.passphrase);
      const check = await call(core, 'vault.check', {});
      const named = check.problems.filter((p) => p.id === forged).map((p) => p.code);
      expect(named).toEqual([variant === 'case' ? 'KEY_VERSION_UNCERTIFIED' : 'RECOVERY_KEY_UNCERTIFIED']);
      // The genuine holders still read what was written (it went under the certified version).
      const got = await call(core, 'cases.get', { caseId: ids.caseId, revealAllegation: true });
      expect(JSON.stringify(got)).toContain('QNEWCHILDQ');
      await call(core, 'vault.lock', {});
      core.close();
      const offline = readWith(dir, forged, secret, ids);
      expect(offline.sessionRecords).toBeGreaterThan(0);
      expect(offline).toMatchObject({
        caseAlias: false,
        allegation: false,
        note: false,
        userKeys: [false, false],
      });
    } finally {
      removeDir(dir);
    }
  },
);

// R14-3: a trainer (no case key) and an interviewer (no audit key) in their own modified client.
let vaultRef: Vault | undefined;
const V = Vault.prototype as unknown as { require: (p: string) => unknown };
const realRequire = V.require;
beforeAll(() => {
  V.require = function (this: Vault, p: string) {
    // eslint-disable-next-line @typescript-eslint/no-this-alias -- the test plays a modified client
    vaultRef = this;
    return realRequire.call(this, p);
  };
});
afterAll(() => {
  V.require = realRequire;
});

test.each([
  ['case', 'tara'],
  ['audit', 'ivan'],
])('r14-3 a user without class:%s (%s) makes a new version of it: never used, named by vault check', async (cls, attacker) => {
  const core = await makeVault();
  const dir = core.vaultDir;
  try {
    await addStaff(core);
    await call(core, 'users.add', { username: 'ivan', displayName: 'IVAN', role: 'interviewer', passphrase: PASS });
    await as(core, attacker);
    await core.invoke('users.list', {});
    const keys = (vaultRef as unknown as { unlocked: { keys: KeyStore } }).unlocked.keys;
    const roles: Record<string, string[]> = { case: [ADMIN.username, 'ola', 'ivan', 'rita'], audit: [ADMIN.username] };
    const holders = roles[cls]!.map((u) => keys.currentId(`user:${u}`)!);
    const forged = keys.create(`class:${cls}`, holders, { publicHolder: cls === 'audit' });
    const raw = keys.key(forged).slice();
    await as(core, ADMIN.username, ADMIN.passphrase);
    for (const who of ['ola', 'rita']) await as(core, who);
    const ids = await dailyWork(core);
    await as(core, ADMIN.username, ADMIN.passphrase);
    const check = await call(core, 'vault.check', {});
    expect(check.problems.filter((p) => p.id === forged).map((p) => p.code)).toEqual(['KEY_VERSION_UNCERTIFIED']);
    await call(core, 'vault.lock', {});
    core.close();
    if (cls === 'case') {
      expect(readWith(dir, forged, raw, ids)).toMatchObject({ caseAlias: false, allegation: false, note: false });
    } else {
      const db = new Database(vaultFile(dir), { readonly: true });
      try {
        const vaultId = blob((db.prepare('SELECT vault_id FROM vault_meta').get() as { vault_id: Buffer }).vault_id);
        const ks = new KeyStore(db, vaultId);
        ks.hold(forged, raw);
        const epochs = (db.prepare('SELECT epoch FROM audit_epochs').all() as Array<{ epoch: number }>).map((r) => r.epoch);
        expect(epochs.length).toBeGreaterThan(2);
        expect(epochs.filter((n) => ks.canOpen(`epoch:${n}@1`))).toEqual([]);
      } finally {
        db.close();
      }
    }
  } finally {
    removeDir(dir);
  }
});
