// Red team 16, R16-2 residual (sec41): an interviewer (ivan) appended a signed entry of his own
// claiming to create a colleague's blind case, bound a certificate of his own allegation key to
// it, deleted the genuine key's wraps, wrapped his key for the case key and wrote a forged
// allegation under it. Sign-in used his key (telling his entry from the real creation needed a
// walk of the audit log) until a `vault check` named it. A case id now commits to the staff key
// that signed its creation (src/vault/case-id.ts), so every sign-in refuses his certificate by
// one case record read: the forged allegation is never shown, reading it says which case and key
// and what to do, and the check still names him. A genuine vault signs in and reads as before.
import { randomBytes } from 'node:crypto';
import { signDetached } from '../../../src/crypto';
import { isCreatorBoundCaseId } from '../../../src/vault/case-id';
import { certRefId, commitmentOf } from '../../../src/vault/key-certs';
import { readSigningKey } from '../../../src/vault/users';
import type { Vault } from '../../../src/vault/vault';
import { ADMIN, call, removeDir } from '../../helpers/core';
import {
  checkAsAdmin,
  makeCase,
  signInAs,
  vaultWithStaff,
  type Core,
} from '../../helpers/red-team';

jest.setTimeout(300_000);

/**
 * ivan's modified client: his own "creation" entry for `caseId`, a certificate of his own
 * version-1 allegation key bound to it, the genuine version's wraps deleted, his key wrapped for
 * the case key, the case record set to "not blind" and a forged allegation (QFORGEDQ) under his
 * key. Returns his entry's sequence number and the key id.
 */
function rebindAndForge(ivan: Vault, caseId: string): { claim: number; keyId: string } {
  const keys = ivan.keys;
  const keyId = `allegation:${caseId}@1`;
  const k = new Uint8Array(randomBytes(32));
  const sk = readSigningKey(ivan.records, 'ivan');
  const signer = { publicKey: sk.slice(32), sign: (m: Uint8Array) => signDetached(m, sk) };
  const vaultIdHex = (keys as unknown as { vaultIdHex: string }).vaultIdHex;
  const commitment = {
    kind: 'secret' as const,
    value: commitmentOf(vaultIdHex, keyId, k, 'secret'),
  };
  const claim = ivan.transact(() => {
    const seq = ivan.audit.append({
      at: ivan.nowIso(),
      actor: 'ivan',
      action: 'cases.create',
      target: caseId,
      records: [{ id: caseId, seq: 1, hash: ivan.records.hashOf(caseId)! }],
    });
    keys.certBook!.certify(keyId, commitment, signer, true);
    ivan.audit.pointAt(certRefId(keyId), seq);
    return seq;
  });
  const db = (
    keys as unknown as { db: { prepare: (sql: string) => { run: (...a: unknown[]) => void } } }
  ).db;
  db.prepare('DELETE FROM key_wraps WHERE logical = ? AND version = 1').run(`allegation:${caseId}`);
  keys.forgetLookups();
  keys.hold(keyId, k);
  keys.wrap(keyId, keys.currentId('class:case')!);
  const found = ivan.records.get<{ version: number; reference: string }>(caseId)!;
  const next = { ...found.value, allegationBlind: false, version: found.value.version + 1 };
  ivan.write('cases.update', caseId, (put) => {
    put({ ...found.address, seq: next.version }, next, ivan.blindIndex('case-reference', 'CAC-BL'));
    put(
      {
        recordId: `allegation:${caseId}`,
        containerId: caseId,
        kind: 'allegation',
        seq: next.version,
        keyRef: `allegation:${caseId}`,
      },
      { caseId, text: 'QFORGEDQ' },
    );
  });
  return { claim, keyId };
}

// Only admins make blind cases (the staff key); an interviewer's case is open to every case reader,
// and ivan's forgery then replaces its allegation for everyone.
describe.each([
  ['a blind case created by the admin', ADMIN.username, true],
  ['an open case created by ola (an interviewer)', 'ola', false],
])('%s', (_label, creator, blind) => {
  test("ivan's certificate rebound to his own 'creation' entry is refused at every sign-in; the check names him", async () => {
    const core: Core = await vaultWithStaff([
      ['ola', 'interviewer'],
      ['ivan', 'interviewer'],
    ]);
    try {
      await signInAs(core, creator);
      const caseId = await makeCase(core, 'CAC-BL', blind);
      expect(isCreatorBoundCaseId(caseId)).toBe(true);
      const ivan = await signInAs(core, 'ivan');
      // His client's own writes may be refused part-way: what matters is what others read.
      let claim: number | undefined;
      let keyId = `allegation:${caseId}@1`;
      try {
        ({ claim, keyId } = rebindAndForge(ivan, caseId));
      } catch {
        // nothing to do: the reads below decide
      }
      expect(claim).toEqual(expect.any(Number));

      for (const reader of ['ola', ADMIN.username, 'ivan']) {
        await signInAs(core, reader);
        const read = await core.invoke('cases.get', { caseId, revealAllegation: true });
        expect(JSON.stringify(read)).not.toContain('QFORGEDQ');
        if (!read.ok) {
          // Refused with ids, not content, and a next step.
          expect(read.error.message).not.toContain('QALLEGQ');
          expect(read.error.message).toMatch(/vault check|backup/i);
        }
      }
      // The refusal names the case's key and the next step, and only this case is denied: ola's
      // sign-in and her other cases are not.
      await signInAs(core, 'ola');
      const refused = await core.invoke('cases.get', { caseId, revealAllegation: true });
      expect(refused.ok).toBe(false);
      if (!refused.ok) {
        expect(refused.error.code).toBe('TAMPERED');
        expect(refused.error.message).toContain(keyId);
        expect(refused.error.message).toMatch(/vault check/);
      }
      const other = await makeCase(core, 'CAC-OTHER');
      expect(
        (await call(core, 'cases.get', { caseId: other, revealAllegation: true }))
          .allegationSummary,
      ).toBe('QALLEGQ');

      const problems = await checkAsAdmin(core);
      const named = problems.filter((p) => p.code === 'ALLEGATION_CERT_REBOUND');
      expect(named).toEqual([
        expect.objectContaining({
          id: keyId,
          values: expect.objectContaining({ bound: claim, signer: 'ivan', epochAuthor: 'ivan' }),
        }),
      ]);
      expect(JSON.stringify(problems)).not.toContain('QALLEGQ');
      expect(JSON.stringify(problems)).not.toContain('QFORGEDQ');
    } finally {
      core.close();
      removeDir(core.vaultDir);
    }
  });
});

test('a genuine vault signs in and reads its allegations: blind and open cases, after updates, by creator, colleague and admin', async () => {
  const core: Core = await vaultWithStaff([
    ['ola', 'interviewer'],
    ['ivan', 'interviewer'],
  ]);
  try {
    await signInAs(core, 'ola');
    const open = await makeCase(core, 'CAC-OPEN');
    await call(core, 'cases.update', { caseId: open, patch: { childAlias: 'B' } });
    await signInAs(core, ADMIN.username);
    const blind = await makeCase(core, 'CAC-BLIND', true);
    await call(core, 'cases.update', { caseId: blind, patch: { childAlias: 'C' } });
    await call(core, 'cases.revealAllegationTo', { caseId: blind, username: 'ola' });
    const adminMade = await makeCase(core, 'CAC-ADMIN');
    for (const id of [open, blind, adminMade]) expect(isCreatorBoundCaseId(id)).toBe(true);
    // The id salt is kept in the record and never shown.
    const shown = await call(core, 'cases.get', { caseId: open });
    expect(Object.keys(shown)).not.toContain('idSalt');

    await signInAs(core, 'ola');
    for (const caseId of [open, blind, adminMade]) {
      const read = await call(core, 'cases.get', { caseId, revealAllegation: true });
      expect(read.allegationSummary).toBe('QALLEGQ');
    }
    await signInAs(core, 'ivan');
    expect(
      (await call(core, 'cases.get', { caseId: open, revealAllegation: true })).allegationSummary,
    ).toBe('QALLEGQ');
    await signInAs(core, ADMIN.username);
    for (const caseId of [open, blind, adminMade]) {
      const read = await call(core, 'cases.get', { caseId, revealAllegation: true });
      expect(read.allegationSummary).toBe('QALLEGQ');
    }
    const problems = (await call(core, 'vault.check', {})).problems as Array<{ code?: string }>;
    expect(problems.filter((p) => /^ALLEGATION_|^KEY_/.test(p.code ?? ''))).toEqual([]);
  } finally {
    core.close();
    removeDir(core.vaultDir);
  }
});

test("a case record rewritten without its id salt: the genuine certificate cannot be matched, the key is not used, and the check says so (not 'rebound')", async () => {
  const core: Core = await vaultWithStaff([
    ['ola', 'interviewer'],
    ['ivan', 'interviewer'],
  ]);
  try {
    await signInAs(core, 'ola');
    const caseId = await makeCase(core, 'CAC-SALT');
    // ivan's client rewrites the case record (he holds the case key) without the salt.
    const ivan = await signInAs(core, 'ivan');
    const found = ivan.records.get<Record<string, unknown>>(caseId)!;
    const { idSalt: _gone, ...rest } = found.value;
    ivan.write('cases.update', caseId, (put) =>
      put(
        { ...found.address, seq: found.address.seq + 1 },
        { ...rest, version: found.address.seq + 1 },
        ivan.blindIndex('case-reference', 'CAC-SALT'),
      ),
    );
    await signInAs(core, 'ola');
    const read = await core.invoke('cases.get', { caseId, revealAllegation: true });
    expect(read.ok).toBe(false);
    if (!read.ok) {
      expect(read.error.code).toBe('TAMPERED');
      expect(read.error.message).toContain(`allegation:${caseId}@1`);
      expect(read.error.message).not.toContain('QALLEGQ');
    }
    const problems = await checkAsAdmin(core);
    expect(problems.filter((p) => p.code === 'CASE_ID_SALT_MISMATCH')).toEqual([
      expect.objectContaining({
        id: `allegation:${caseId}@1`,
        values: expect.objectContaining({ case: caseId }),
      }),
    ]);
    expect(problems.filter((p) => p.code === 'ALLEGATION_CERT_REBOUND')).toEqual([]);
  } finally {
    core.close();
    removeDir(core.vaultDir);
  }
});
