// R15-6 (red team round 15): sec29 made every removal claim Hearth never makes RECORD_REMOVED,
// naming the entry's signer. An interviewer (ivan) then signed his removal entry with a RANDOM
// Ed25519 key instead of his own certified one: an entry without a certified signer was taken as
// "legacy, cannot be judged", so his deletion of a whole case (record, allegation, case-order
// entry) counted again, and `vault check` only said "an audit entry is signed by a staff key the
// centre has not certified", with no entry number and not what it did. "Legacy" now means only
// "before the log's signed-audit start"; an entry after it without a certified signer counts for
// nothing: its removals are RECORD_REMOVED, what it alone vouches is missing or not audited, the
// author-role rule applies, and its own finding (AUDIT_SIGNER_UNCERTIFIED) gives the entry number
// and the records it touched.
import { randomBytes } from 'node:crypto';
import { signDetached, signKeyPairFromSeed } from '../../../src/crypto';
import type { AuditSigner } from '../../../src/vault/audit';
import type { Vault } from '../../../src/vault/vault';
import { removeDir } from '../../helpers/core';
import {
  checkAsAdmin as check,
  coded,
  makeCase,
  signInAs as as,
  vaultWithStaff,
  type Core,
} from '../../helpers/red-team';

jest.setTimeout(300_000);

/**
 * Ivan's modified client changes the vault (`change` returns the refs) and appends ONE entry
 * claiming it, signed with a fresh key the centre never certified. Returns the entry number.
 */
async function actUncertified(
  core: Core,
  change: (vault: Vault) => Array<{ id: string; seq: number; hash: string }>,
): Promise<number> {
  const vault = await as(core, 'ivan');
  const audit = vault.audit as unknown as { signer: () => AuditSigner };
  const own = audit.signer;
  const pair = signKeyPairFromSeed(new Uint8Array(randomBytes(32)));
  audit.signer = () => ({ publicKey: pair.publicKey, sign: (m) => signDetached(m, pair.secretKey) });
  try {
    return vault.transact(() =>
      vault.audit.append({ at: vault.nowIso(), actor: 'ivan', action: 'cases.update', records: change(vault) }),
    );
  } finally {
    audit.signer = own;
  }
}

async function setUp() {
  const core = await vaultWithStaff([
    ['ola', 'interviewer'],
    ['ivan', 'interviewer'],
  ]);
  const open = await makeCase(core, 'CAC-O');
  const quiet = await makeCase(core, 'CAC-Q');
  const blind = await makeCase(core, 'CAC-B', true);
  return { core, open, quiet, blind };
}

test('a whole case deleted under an uncertified key: the removal does not count, and the entry is named with what it touched', async () => {
  const { core, quiet } = await setUp();
  try {
    const entry = await actUncertified(core, (vault) => {
      const refs = [vault.records.remove(quiet), vault.records.remove(`allegation:${quiet}`)];
      const chunk = vault.records.get<{ entries: Array<{ caseId: string }>; totals?: { cases: number } }>('case-order:000000')!;
      const entries = chunk.value.entries.filter((e) => e.caseId !== quiet);
      const value = { ...chunk.value, entries, ...(chunk.value.totals ? { totals: { ...chunk.value.totals, cases: entries.length } } : {}) };
      return [...refs, vault.records.put({ ...chunk.address, seq: chunk.address.seq + 1 }, value)];
    });
    const problems = await check(core);
    // The entry's own finding: its number, the staff key, and each record it removes and writes.
    const [uncertified, ...more] = coded(problems, 'AUDIT_SIGNER_UNCERTIFIED', entry);
    expect(more).toEqual([]);
    expect(uncertified!.values).toMatchObject({ action: 'cases.update', removed: 2, written: 1 });
    expect(uncertified!.detail).toContain(`Audit entry ${entry} (cases.update`);
    expect(uncertified!.detail).toContain(`removes ${quiet}, allegation:${quiet}; writes case-order:000000`);
    // Its removals are Hearth's never, and they do not count: what the log vouched for is missing.
    for (const id of [quiet, `allegation:${quiet}`]) {
      expect(coded(problems, 'RECORD_REMOVED', entry).map((p) => p.values?.record)).toContain(id);
      expect(problems).toContainEqual(expect.objectContaining({ code: 'RECORD_MISSING', id }));
    }
    // The case order it rewrote is not vouched for either.
    expect(problems).toContainEqual(expect.objectContaining({ code: 'RECORD_NOT_LATEST', id: 'case-order:000000' }));
    // The author-role rule applies: no certified author may write a case record.
    expect(coded(problems, 'AUDIT_AUTHOR_NOT_ALLOWED', entry)).toHaveLength(1);
    // The cosmetic repetition is gone: a coded detail does not start with its own code.
    for (const p of problems) if (p.code) expect(p.detail.startsWith(`${p.code}:`)).toBe(false);
    expect(JSON.stringify(problems)).not.toContain('QALLEGQ');
  } finally {
    core.close();
    removeDir(core.vaultDir);
  }
});

test("a blind case's allegation deleted under an uncertified key: AUDIT_AUTHOR_NOT_ALLOWED, RECORD_REMOVED and RECORD_MISSING", async () => {
  const { core, blind } = await setUp();
  try {
    const entry = await actUncertified(core, (vault) => [vault.records.remove(`allegation:${blind}`)]);
    const problems = await check(core);
    expect(coded(problems, 'AUDIT_AUTHOR_NOT_ALLOWED', entry)).toEqual([
      expect.objectContaining({ values: expect.objectContaining({ record: `allegation:${blind}` }) }),
    ]);
    expect(coded(problems, 'RECORD_REMOVED', entry)).toHaveLength(1);
    expect(problems).toContainEqual(expect.objectContaining({ code: 'RECORD_MISSING', id: `allegation:${blind}` }));
    expect(coded(problems, 'AUDIT_SIGNER_UNCERTIFIED', entry)[0]!.detail).toContain(`removes allegation:${blind}`);
  } finally {
    core.close();
    removeDir(core.vaultDir);
  }
});

test('a case record rewritten under an uncertified key is not vouched for: the check names the record', async () => {
  const { core, open } = await setUp();
  try {
    const entry = await actUncertified(core, (vault) => {
      const record = vault.records.get<Record<string, unknown>>(open)!;
      return [vault.records.put({ ...record.address, seq: record.address.seq + 1 }, { ...record.value, childAlias: 'Z' })];
    });
    const problems = await check(core);
    expect(coded(problems, 'AUDIT_SIGNER_UNCERTIFIED', entry)[0]!.detail).toContain(`writes ${open}`);
    expect(problems).toContainEqual(expect.objectContaining({ code: 'RECORD_NOT_LATEST', id: open }));
  } finally {
    core.close();
    removeDir(core.vaultDir);
  }
});
