// Allegation certificates from sec28/sec29 builds (sec33). Those builds certified version 1 of a
// case's allegation key with the creating interviewer's staff key, signer in the clear and no
// `keycert:` pointer. sec30 refused every such certificate, so the allegation of every case an
// interviewer created became unreadable on upgrade. Now one whose signer is the author of the
// signed audit entry that created the case is accepted, and bound at an admin's sign-in like a
// new one; one signed by anyone else (R15-8: another interviewer) stays refused.
import Database from 'better-sqlite3';
import { SessionContext } from '../../../src/interview/session-context';
import { signDetached } from '../../../src/crypto';
import { vaultFile } from '../../../src/vault';
import { AuditLog } from '../../../src/vault/audit';
import { readCentreSecretKey } from '../../../src/vault/centre-key';
import { certRefId } from '../../../src/vault/key-certs';
import { readSigningKey } from '../../../src/vault/users';
import type { Vault } from '../../../src/vault/vault';
import { ADMIN, call, makeCore, makeVault, removeDir } from '../../helpers/core';
import { PASS } from '../../helpers/insider';

jest.setTimeout(300_000);

type Core = ReturnType<typeof makeCore>;
let ctx: SessionContext | undefined;
const proto = SessionContext.prototype as unknown as { load: (id: string) => { plan: unknown } };
const realLoad = proto.load;
beforeAll(() => {
  proto.load = function (this: SessionContext, id: string) {
    // eslint-disable-next-line @typescript-eslint/no-this-alias -- the test reads the live vault
    ctx = this;
    return realLoad.call(this, id);
  };
});
afterAll(() => {
  proto.load = realLoad;
});

async function as(core: Core, who: string, pass = PASS) {
  await call(core, 'vault.lock', {});
  await call(core, 'vault.unlock', { username: who, passphrase: pass });
}

/** The signed-in user's live vault (through a session's context). */
async function liveVault(core: Core, caseId: string): Promise<Vault> {
  const { sessionId } = await call(core, 'sessions.start', {
    caseId,
    protocolId: 'nichd',
    mode: 'live',
    language: 'en',
  });
  await call(core, 'sessions.get', { sessionId });
  return ctx!.vault;
}

/**
 * Rewrites version 1 of a case's allegation key certificate the way sec28/sec29 wrote it
 * (fa43dda key-certs.ts `certify`): the same statement signed by `who`'s staff key, that key in
 * the signer column, no `keycert:` pointer in the audit index.
 */
function asSec28Certificate(vault: Vault, caseId: string, who: string): string {
  const id = `allegation:${caseId}@1`;
  const keys = vault.keys;
  const db = (keys as unknown as { db: Database.Database }).db;
  const row = db.prepare('SELECT kind, commitment FROM key_certs WHERE key_id = ?').get(id) as {
    kind: 'secret';
    commitment: Buffer;
  };
  const sk = readSigningKey(vault.records, who);
  const signer = { publicKey: sk.slice(32), sign: (m: Uint8Array) => signDetached(m, sk) };
  keys.certBook!.certify(id, { kind: row.kind, value: new Uint8Array(row.commitment) }, signer);
  db.prepare('DELETE FROM audit_index WHERE record_id = ?').run(certRefId(id));
  return id;
}

async function allegationOf(core: Core, caseId: string): Promise<string> {
  const r = await core.invoke('cases.get', { caseId });
  if (!r.ok) return `refused ${r.error.code}`;
  return (r.value as { allegationSummary?: string }).allegationSummary ?? 'none';
}

function certRow(dir: string, id: string) {
  const db = new Database(vaultFile(dir), { readonly: true });
  try {
    const row = db.prepare('SELECT signer FROM key_certs WHERE key_id = ?').get(id) as {
      signer: Buffer;
    };
    const pointer = db.prepare('SELECT 1 FROM audit_index WHERE record_id = ?').get(certRefId(id));
    return { clearSigner: row.signer.some((b) => b !== 0), pointer: pointer !== undefined };
  } finally {
    db.close();
  }
}

test.each([
  ['ola (the case creator)', 'ola'],
  ['ivan (another interviewer, R15-8)', 'ivan'],
])('a sec28 allegation certificate signed by %s, after the upgrade', async (_label, signerName) => {
  let core: Core = await makeVault();
  const dir = core.vaultDir;
  try {
    for (const username of ['ola', 'ivan'])
      await call(core, 'users.add', {
        username,
        displayName: username.toUpperCase(),
        role: 'interviewer',
        passphrase: PASS,
      });
    await as(core, 'ola');
    const { caseId } = await call(core, 'cases.create', {
      reference: 'CAC-OLD',
      childAlias: 'A',
      childAgeYears: 7,
      language: 'en',
      allegationSummary: 'QALLEGQ',
    });
    // The vault as a sec28/sec29 build left it (the certificate writer needs the signer's key).
    if (signerName !== 'ola') await as(core, signerName);
    const id = asSec28Certificate(await liveVault(core, caseId), caseId, signerName);
    core.close();
    expect(certRow(dir, id)).toEqual({ clearSigner: true, pointer: false });

    // The upgrade: this build opens the file.
    core = makeCore(dir);
    await call(core, 'vault.unlock', { username: 'ola', passphrase: PASS });
    const olaBefore = await allegationOf(core, caseId);
    await as(core, ADMIN.username, ADMIN.passphrase);
    const adminReads = await allegationOf(core, caseId);
    const check = await call(core, 'vault.check', {});
    const named = check.problems.find((p) => p.code === 'ALLEGATION_CERT_NOT_CREATOR');
    await as(core, 'ola');
    const olaAfter = await allegationOf(core, caseId);
    core.close();
    if (signerName === 'ola') {
      expect([olaBefore, adminReads, olaAfter]).toEqual(['QALLEGQ', 'QALLEGQ', 'QALLEGQ']);
      expect(named).toBeUndefined();
      // Bound at the admin's sign-in like a new certificate: no signer in the clear.
      expect(certRow(dir, id)).toEqual({ clearSigner: false, pointer: true });
    } else {
      for (const read of [olaBefore, adminReads, olaAfter]) expect(read).not.toBe('QALLEGQ');
      expect(named?.values).toMatchObject({ key: id, signer: 'ivan' });
      expect(certRow(dir, id)).toEqual({ clearSigner: true, pointer: false });
    }
  } finally {
    core.close();
    removeDir(dir);
  }
});

// An admin's sec28/sec29 allegation certificate is signed by the centre key in the clear: it is
// vouched for as it stands, so the admin sign-in's binding must not look up its case's creation
// entry. Looking it up (one signature check per row, and a whole-log walk when the case was
// edited after creation) at every admin sign-in made unlock take 14.6 s at 1,250 cases (speed31).
test("an admin's centre-signed sec28 certificates add no work to later admin sign-ins", async () => {
  const core: Core = await makeVault();
  const dir = core.vaultDir;
  const proto = AuditLog.prototype as unknown as Record<
    'claimAt' | 'list',
    (...a: unknown[]) => unknown
  >;
  const counts = { claimAt: 0, list: 0 };
  const real = { claimAt: proto.claimAt, list: proto.list };
  for (const name of ['claimAt', 'list'] as const)
    proto[name] = function (this: unknown, ...args: unknown[]) {
      counts[name] += 1;
      return real[name].apply(this, args);
    };
  /** What one admin sign-in costs in signed-entry reads, once `n` such certificates exist. */
  const signInCost = async () => {
    await call(core, 'vault.lock', {});
    counts.claimAt = 0;
    counts.list = 0;
    await call(core, 'vault.unlock', { username: ADMIN.username, passphrase: ADMIN.passphrase });
    return { ...counts };
  };
  try {
    const caseIds: string[] = [];
    const costs: Array<{ claimAt: number; list: number }> = [];
    for (let n = 1; n <= 3; n += 1) {
      const { caseId } = await call(core, 'cases.create', {
        reference: `CAC-OLD-${n}`,
        childAlias: 'A',
        childAgeYears: 7,
        language: 'en',
        allegationSummary: 'QALLEGQ',
      });
      // Edited after creation: the index then points at the edit, not at the creating entry.
      await call(core, 'cases.update', { caseId, patch: { childAlias: `B${n}` } });
      caseIds.push(caseId);
      const vault = await liveVault(core, caseId);
      for (const id of caseIds) {
        const keyId = `allegation:${id}@1`;
        const db = (vault.keys as unknown as { db: Database.Database }).db;
        const row = db
          .prepare('SELECT kind, commitment FROM key_certs WHERE key_id = ?')
          .get(keyId) as {
          kind: 'secret';
          commitment: Buffer;
        };
        const sk = readCentreSecretKey(vault.records);
        const signer = { publicKey: sk.slice(32), sign: (m: Uint8Array) => signDetached(m, sk) };
        vault.keys.certBook!.certify(
          keyId,
          { kind: row.kind, value: new Uint8Array(row.commitment) },
          signer,
        );
        db.prepare('DELETE FROM audit_index WHERE record_id = ?').run(certRefId(keyId));
      }
      costs.push(await signInCost());
      // Still read through the centre's signature.
      for (const id of caseIds) expect(await allegationOf(core, id)).toBe('QALLEGQ');
    }
    // One, two and three such certificates: the same sign-in work.
    expect(costs[1]).toEqual(costs[0]);
    expect(costs[2]).toEqual(costs[0]);
    core.close();
    // Left as they were (centre-signed in the clear), not bound.
    for (const id of caseIds) expect(certRow(dir, `allegation:${id}@1`).clearSigner).toBe(true);
  } finally {
    proto.claimAt = real.claimAt;
    proto.list = real.list;
    core.close();
    removeDir(dir);
  }
});
