// R14-5 (red team round 14): R12-4 named only FALSE removal claims (the record still stands). An
// interviewer (ivan) really deleted a whole case (its record, its allegation and its entry in the
// case order) or an open case's allegation, and appended ONE entry of his own whose refs claimed
// the removals ({id, seq, hash: ''}). `vault check` found 0 problems, `cases.list` showed 2 of 3
// cases, and cases.get/export refused the damaged case as TAMPERED telling the user to run a
// vault check that then found nothing. Hearth itself removes one kind of record only: a removed
// user's signing key, in an admin's `users.remove` (session-claims.ts HEARTH_REMOVES). Any other
// removal claim, whoever signs it, is now RECORD_REMOVED naming the entry and its signer, and does
// not count: the record the log vouched for is also RECORD_MISSING.
import { Vault } from '../../../src/vault/vault';
import { ADMIN, call, makeVault, removeDir, tempDir } from '../../helpers/core';
import { PASS } from '../../helpers/insider';

jest.setTimeout(300_000);

type Core = Awaited<ReturnType<typeof makeVault>>;
interface Problem {
  code?: string;
  id: string;
  detail: string;
  values?: Record<string, unknown>;
}

// The signed-in user's own client (the threat model): the vault object it drives.
let captured: Vault | undefined;
const proto = Vault.prototype as unknown as { require: (p: string) => unknown };
const realRequire = proto.require;
proto.require = function (this: Vault, permission: string) {
  // eslint-disable-next-line @typescript-eslint/no-this-alias -- the captured client (threat model)
  captured = this;
  return realRequire.call(this, permission);
};

async function as(core: Core, who: string, pass = PASS): Promise<Vault> {
  await call(core, 'vault.lock', {});
  await call(core, 'vault.unlock', { username: who, passphrase: pass });
  await core.invoke('users.list', {});
  return captured!;
}

/** `who`'s modified client deletes `ids` and signs ONE entry claiming the removals; `also` may put more. */
async function removeAs(
  core: Core,
  who: string,
  ids: string[],
  also: (vault: Vault) => Array<{ id: string; seq: number; hash: string }> = () => [],
): Promise<number> {
  const vault = await as(core, who, who === ADMIN.username ? ADMIN.passphrase : PASS);
  return vault.transact(() => {
    const refs = [...ids.map((id) => vault.records.remove(id)), ...also(vault)];
    return vault.audit.append({ at: vault.nowIso(), actor: who, action: 'cases.update', records: refs });
  });
}

async function check(core: Core): Promise<Problem[]> {
  await as(core, ADMIN.username, ADMIN.passphrase);
  return (await call(core, 'vault.check', {})).problems;
}

const removedBy = (problems: Problem[], id: string, signer: string, entry: number) =>
  problems.filter(
    (p) =>
      p.code === 'RECORD_REMOVED' &&
      p.values?.record === id &&
      p.values.signer === signer &&
      p.values.entry === entry,
  );

async function setUp() {
  const core = await makeVault();
  for (const username of ['ola', 'ivan'])
    await call(core, 'users.add', { username, displayName: username.toUpperCase(), role: 'interviewer', passphrase: PASS });
  const make = (reference: string) =>
    call(core, 'cases.create', { reference, childAlias: 'A', childAgeYears: 7, language: 'en', allegationSummary: 'QALLEGQ' });
  const open = await make('CAC-O');
  const quiet = await make('CAC-Q');
  await make('CAC-R');
  await as(core, 'ola');
  const { sessionId } = await call(core, 'sessions.start', { caseId: open.caseId, protocolId: 'nichd', mode: 'live', language: 'en' });
  await call(core, 'sessions.addNote', { sessionId, kind: 'child', text: 'QNOTEQ' });
  await call(core, 'sessions.finalize', { sessionId });
  return { core, open: open.caseId, quiet: quiet.caseId, sessionId };
}

test('an interviewer really deletes a whole case (record, allegation, case-order entry): RECORD_REMOVED names his entry', async () => {
  const { core, quiet } = await setUp();
  try {
    const entry = await removeAs(core, 'ivan', [quiet, `allegation:${quiet}`], (vault) => {
      const chunk = vault.records.get<{ entries: Array<{ caseId: string }>; totals?: { cases: number } }>('case-order:000000')!;
      const entries = chunk.value.entries.filter((e) => e.caseId !== quiet);
      const value = { ...chunk.value, entries, ...(chunk.value.totals ? { totals: { ...chunk.value.totals, cases: entries.length } } : {}) };
      return [vault.records.put({ ...chunk.address, seq: chunk.address.seq + 1 }, value)];
    });
    await as(core, ADMIN.username, ADMIN.passphrase);
    expect((await call(core, 'cases.list', {})).cases).toHaveLength(2);
    const problems = await check(core);
    for (const id of [quiet, `allegation:${quiet}`]) {
      expect(removedBy(problems, id, 'ivan', entry)).toHaveLength(1);
      // The claim does not count: the version the log vouched for is missing.
      expect(problems).toContainEqual(expect.objectContaining({ code: 'RECORD_MISSING', id }));
    }
    const [named] = removedBy(problems, quiet, 'ivan', entry);
    expect(named!.detail).toMatch(/Hearth never removes .*[Rr]estore/);
    expect(JSON.stringify(problems)).not.toMatch(/QALLEGQ|QNOTEQ/);
  } finally {
    core.close();
    removeDir(core.vaultDir);
  }
});

test('an interviewer deletes an open case\'s allegation: the refusals send the user to a check that names it', async () => {
  const { core, open, sessionId } = await setUp();
  try {
    const entry = await removeAs(core, 'ivan', [`allegation:${open}`]);
    await as(core, 'ola');
    const refused = await core.invoke('cases.get', { caseId: open });
    expect(refused).toMatchObject({ ok: false, error: { code: 'TAMPERED', message: expect.stringMatching(/vault check/) } });
    const dir = tempDir();
    try {
      const exported = await core.invoke('export.sealed', { sessionId, outDir: dir });
      expect(exported).toMatchObject({ ok: false, error: { code: 'TAMPERED', message: expect.stringMatching(/vault check/) } });
    } finally {
      removeDir(dir);
    }
    const problems = await check(core);
    expect(removedBy(problems, `allegation:${open}`, 'ivan', entry)).toHaveLength(1);
    expect(problems).toContainEqual(expect.objectContaining({ code: 'RECORD_MISSING', id: `allegation:${open}` }));
  } finally {
    core.close();
    removeDir(core.vaultDir);
  }
});

test('an admin\'s removal claim is Hearth\'s only for a signing key in users.remove; the interviewer\'s own claim on her event is not', async () => {
  const { core, open, sessionId } = await setUp();
  try {
    // Hearth's own removal: no finding.
    await as(core, ADMIN.username, ADMIN.passphrase);
    await call(core, 'users.remove', { username: 'ivan' });
    expect(await check(core)).toEqual([]);
    // An admin's entry removing a case record: not Hearth's either.
    const byAdmin = await removeAs(core, ADMIN.username, [`allegation:${open}`]);
    // The interviewer removes an event of her own sealed interview (Hearth never removes one).
    const byOla = await removeAs(core, 'ola', [`${sessionId}:0000000002`]);
    const problems = await check(core);
    expect(removedBy(problems, `allegation:${open}`, ADMIN.username, byAdmin)).toHaveLength(1);
    expect(removedBy(problems, `${sessionId}:0000000002`, 'ola', byOla)).toHaveLength(1);
  } finally {
    core.close();
    removeDir(core.vaultDir);
  }
});
