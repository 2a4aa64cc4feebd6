// Red team 16, R16-5 and R16-2: who wrote an entry the check refuses. An interviewer (ivan)
// signed a write with a random key, or put his colleague ola's staff key in the clear signer
// column with a signature that does not verify: `vault check` named the entry but not him, and
// for the second printed "staff key <ola's key prefix>", as if ola had written it. Or he wrote
// his own "creation" entry for a case and bound a certificate of his own allegation key to it:
// the finding named no one. Each finding now names the sign-in (audit epoch) the entry was
// written in and that sign-in's certified author (its first signed, verified entry: the
// `vault.unlock` of the user who signed in), and says "claims ola's staff key; ola did not sign
// it" instead of her key prefix.
import { randomBytes } from 'node:crypto';
import { signDetached, signKeyPairFromSeed } from '../../../src/crypto';
import type { AuditSigner } from '../../../src/vault/audit';
import { certRefId, commitmentOf } from '../../../src/vault/key-certs';
import { readSigningKey } from '../../../src/vault/users';
import type { Vault } from '../../../src/vault/vault';
import { removeDir } from '../../helpers/core';
import {
  checkAsAdmin,
  coded,
  makeCase,
  signInAs,
  vaultWithStaff,
  type Core,
} from '../../helpers/red-team';

jest.setTimeout(300_000);

/** ivan's client appends one entry rewriting the open case's alias, signed by `signer`. */
function rewriteAlias(vault: Vault, caseId: string, signer: AuditSigner): number {
  const audit = vault.audit as unknown as { signer: () => AuditSigner };
  const own = audit.signer;
  audit.signer = () => signer;
  try {
    return vault.transact(() => {
      const record = vault.records.get<Record<string, unknown>>(caseId)!;
      const ref = vault.records.put(
        { ...record.address, seq: record.address.seq + 1 },
        { ...record.value, childAlias: 'Z' },
      );
      return vault.audit.append({ at: vault.nowIso(), actor: 'ivan', action: 'cases.update', records: [ref] });
    });
  } finally {
    audit.signer = own;
  }
}

async function setUp(): Promise<{ core: Core; open: string }> {
  const core = await vaultWithStaff([
    ['ola', 'interviewer'],
    ['ivan', 'interviewer'],
  ]);
  return { core, open: await makeCase(core, 'CAC-O') };
}

test("R16-5: an entry under a random key names the sign-in it was written in and that sign-in's certified author", async () => {
  const { core, open } = await setUp();
  try {
    const ivan = await signInAs(core, 'ivan');
    const pair = signKeyPairFromSeed(new Uint8Array(randomBytes(32)));
    const entry = rewriteAlias(ivan, open, {
      publicKey: pair.publicKey,
      sign: (m) => signDetached(m, pair.secretKey),
    });
    const problems = await checkAsAdmin(core);
    const [finding, ...more] = coded(problems, 'AUDIT_SIGNER_UNCERTIFIED', entry);
    expect(more).toEqual([]);
    expect(finding!.values).toMatchObject({ entry, epochAuthor: 'ivan', written: 1 });
    expect(finding!.values!.epoch).toEqual(expect.any(Number));
    expect(finding!.values!.epochEntry).toBeLessThan(entry);
    expect(finding!.detail).toContain(`whose certified author is ivan`);
    expect(JSON.stringify(problems)).not.toContain('QALLEGQ');
  } finally {
    core.close();
    removeDir(core.vaultDir);
  }
});

test("R16-5: an entry claiming ola's key with a signature she did not make says so, and names ivan's sign-in, not her key", async () => {
  const { core, open } = await setUp();
  try {
    const ola = await signInAs(core, 'ola');
    const olaKey = readSigningKey(ola.records, 'ola').slice(32);
    const olaHex = Buffer.from(olaKey).toString('hex');
    const ivan = await signInAs(core, 'ivan');
    // Her public key in the clear signer column; a random signature.
    const entry = rewriteAlias(ivan, open, {
      publicKey: olaKey,
      sign: () => new Uint8Array(randomBytes(64)),
    });
    const problems = await checkAsAdmin(core);
    expect(coded(problems, 'AUDIT_SIGNER_UNCERTIFIED', entry)).toEqual([]);
    const [finding, ...more] = coded(problems, 'AUDIT_SIGNATURE_NOT_OWNER', entry);
    expect(more).toEqual([]);
    expect(finding!.values).toMatchObject({ entry, claimed: 'ola', epochAuthor: 'ivan' });
    expect(finding!.detail).toContain("claims ola's staff key, but ola did not sign it");
    expect(finding!.detail).toContain('whose certified author is ivan');
    // Her key prefix is not printed as if she were the author (the blame shift).
    expect(finding!.detail).not.toContain(olaHex.slice(0, 16));
    expect(JSON.stringify(finding!.values)).not.toContain(olaHex.slice(0, 16));
  } finally {
    core.close();
    removeDir(core.vaultDir);
  }
});

test("R16-2: a certificate bound to an interviewer's own 'creation' entry names him and his sign-in", async () => {
  const core = await vaultWithStaff([
    ['ola', 'interviewer'],
    ['ivan', 'interviewer'],
  ]);
  try {
    const caseId = await makeCase(core, 'CAC-BL', true);
    const ivan = await signInAs(core, 'ivan');
    const keys = ivan.keys;
    const fakeId = `allegation:${caseId}@1`;
    const k = new Uint8Array(randomBytes(32));
    const sk = readSigningKey(ivan.records, 'ivan');
    const signer = { publicKey: sk.slice(32), sign: (m: Uint8Array) => signDetached(m, sk) };
    const vaultIdHex = (keys as unknown as { vaultIdHex: string }).vaultIdHex;
    const commitment = { kind: 'secret' as const, value: commitmentOf(vaultIdHex, fakeId, k, 'secret') };
    const claim = ivan.transact(() => {
      const seq = ivan.audit.append({
        at: ivan.nowIso(),
        actor: 'ivan',
        action: 'cases.create',
        target: caseId,
        records: [{ id: caseId, seq: 1, hash: ivan.records.hashOf(caseId)! }],
      });
      keys.certBook!.certify(fakeId, commitment, signer, true);
      ivan.audit.pointAt(certRefId(fakeId), seq);
      return seq;
    });
    const problems = await checkAsAdmin(core);
    const found = problems.filter((p) => p.code === 'ALLEGATION_CERT_REBOUND');
    expect(found).toEqual([
      expect.objectContaining({
        id: fakeId,
        values: expect.objectContaining({ bound: claim, signer: 'ivan', epochAuthor: 'ivan' }),
      }),
    ]);
    expect(found[0]!.detail).toContain(`bound to audit entry ${claim}, signed by ivan in sign-in`);
    expect(JSON.stringify(problems)).not.toContain('QALLEGQ');
  } finally {
    core.close();
    removeDir(core.vaultDir);
  }
});
