// R14-5 (red team round 14), the user's side: cases.get and export refused a case whose
// allegation an interviewer had deleted (one signed entry of his claiming the removal) as
// TAMPERED, "Run a vault check", and the check then found nothing. Rule tested here: every
// refusal (or failed verify) that tells the user to run a vault check, after a record was removed
// with a signed claim, is followed by a check that names that record (RECORD_REMOVED with the
// entry's signer, and RECORD_MISSING). One vault, one removal per target, each read that reaches
// the damaged record; every scenario must produce at least one such advice, so the rule is
// exercised, not assumed.
import { Vault } from '../../../src/vault/vault';
import { ADMIN, call, makeVault, removeDir, tempDir } from '../../helpers/core';
import { PASS } from '../../helpers/insider';

jest.setTimeout(600_000);

type Core = Awaited<ReturnType<typeof makeVault>>;
interface Problem {
  code?: string;
  id: string;
  detail: string;
  values?: Record<string, unknown>;
}

let captured: Vault | undefined;
const proto = Vault.prototype as unknown as { require: (p: string) => unknown };
const realRequire = proto.require;
proto.require = function (this: Vault, permission: string) {
  // eslint-disable-next-line @typescript-eslint/no-this-alias -- the captured client (threat model)
  captured = this;
  return realRequire.call(this, permission);
};

async function as(core: Core, who: string): Promise<Vault> {
  await call(core, 'vault.lock', {});
  const passphrase = who === ADMIN.username ? ADMIN.passphrase : PASS;
  await call(core, 'vault.unlock', { username: who, passphrase });
  await core.invoke('users.list', {});
  return captured!;
}

interface Scenario {
  name: string;
  /** Who signs the removal claim. */
  signer: string;
  /** The records removed (resolved once the vault holds them). */
  ids: (vault: Vault) => string[];
  /** Who reads afterwards, and what. */
  reader: string;
  reads: Array<[channel: string, payload: () => unknown]>;
  /** False where the reads cope without sending the user to a check. */
  advises?: boolean;
  /** True where a read writes the record again (so it is no longer missing). */
  rebuilt?: boolean;
}

test('every "run a vault check" after a removed record is followed by a check that names it', async () => {
  const core = await makeVault();
  const out = tempDir();
  try {
    for (const username of ['ola', 'ivan'])
      await call(core, 'users.add', { username, displayName: username.toUpperCase(), role: 'interviewer', passphrase: PASS });
    const caseOf = async (reference: string) =>
      (await call(core, 'cases.create', { reference, childAlias: 'A', childAgeYears: 7, language: 'en', allegationSummary: 'QALLEGQ' })).caseId;
    const cases = { alleg: await caseOf('CAC-1'), seal: await caseOf('CAC-2'), names: await caseOf('CAC-3'), live: await caseOf('CAC-4') };
    await as(core, 'ola');
    const start = async (caseId: string, observers: unknown[] = []) =>
      (await call(core, 'sessions.start', { caseId, protocolId: 'nichd', mode: 'live', language: 'en', observers })).sessionId;
    const s = {
      alleg: await start(cases.alleg),
      seal: await start(cases.seal),
      names: await start(cases.names, [{ role: 'interpreter', name: 'QNAMEQ' }]),
      live: await start(cases.live),
    };
    for (const sessionId of Object.values(s)) await call(core, 'sessions.addNote', { sessionId, kind: 'child', text: 'QNOTEQ' });
    for (const sessionId of [s.alleg, s.seal, s.names]) await call(core, 'sessions.finalize', { sessionId });
    const exportOf = (sessionId: string, names = false) => () => ({ sessionId, outDir: out, ...(names ? { choices: { includeObserverNames: true } } : {}) });
    const scenarios: Scenario[] = [
      {
        name: "an open case's allegation, by a colleague",
        signer: 'ivan',
        ids: () => [`allegation:${cases.alleg}`],
        reader: 'ola',
        reads: [['cases.get', () => ({ caseId: cases.alleg })], ['export.sealed', exportOf(s.alleg)]],
      },
      {
        name: 'the seal of an interview, by its own interviewer',
        signer: 'ola',
        // Event 1 starts, 2 is the note, 3 the seal.
        ids: () => [`${s.seal}:0000000003`],
        reader: 'ola',
        // The tail event gone: verify fails (event 3 missing) without sending the user to a check.
        advises: false,
        reads: [['sessions.get', () => ({ sessionId: s.seal })], ['sessions.verify', () => ({ sessionId: s.seal })], ['export.sealed', exportOf(s.seal)]],
      },
      {
        name: 'an interpreter name record, by the interviewer',
        signer: 'ola',
        ids: (vault) => vault.records.listIds('name-disclosure').filter((id) => id.startsWith(`names:${s.names}:`)),
        reader: 'ola',
        reads: [['export.sealed', exportOf(s.names, true)]],
      },
      {
        name: 'a note of a running interview, by an administrator',
        signer: ADMIN.username,
        ids: () => [`${s.live}:0000000002`],
        reader: 'ola',
        reads: [['sessions.get', () => ({ sessionId: s.live })], ['sessions.verify', () => ({ sessionId: s.live })]],
      },
      {
        name: 'the case order index, by a colleague',
        signer: 'ivan',
        ids: (vault) => vault.records.listIds('case-order'),
        reader: ADMIN.username,
        // Hearth rebuilds the listing from the case records: no advice, but the check still names it.
        advises: false,
        rebuilt: true,
        reads: [['cases.list', () => ({})]],
      },
    ];
    const removed = new Map<string, { ids: string[]; entry: number }>();
    for (const sc of scenarios) {
      const vault = await as(core, sc.signer);
      const ids = sc.ids(vault);
      expect(ids.length).toBeGreaterThan(0);
      for (const id of ids) expect({ id, stands: vault.records.hashOf(id) !== undefined }).toEqual({ id, stands: true });
      const entry = vault.db.transaction(() =>
        vault.audit.append({ at: vault.nowIso(), actor: sc.signer, action: 'cases.update', records: ids.map((id) => vault.records.remove(id)) }),
      )();
      removed.set(sc.name, { ids, entry });
    }
    // What each read told the user.
    const advice = new Map<string, string[]>();
    for (const sc of scenarios) {
      await as(core, sc.reader);
      const said: string[] = [];
      for (const [channel, payload] of sc.reads) {
        const result = (await core.invoke(channel, payload())) as { ok: boolean; error?: { message: string }; value?: { ok?: boolean; reason?: string } };
        const text = result.ok ? (result.value?.ok === false ? (result.value.reason ?? '') : '') : (result.error?.message ?? '');
        if (/vault check/i.test(text)) said.push(`${channel}: ${text}`);
      }
      advice.set(sc.name, said);
    }
    await as(core, ADMIN.username);
    const problems = (await call(core, 'vault.check', {})).problems as Problem[];
    for (const sc of scenarios) {
      // The rule is exercised: this damage does send the user to a check.
      const advised = advice.get(sc.name)!.length > 0;
      expect({ scenario: sc.name, advised }).toEqual({ scenario: sc.name, advised: sc.advises ?? true });
      const { ids, entry } = removed.get(sc.name)!;
      for (const id of ids) {
        const named = problems.filter(
          (p) => p.code === 'RECORD_REMOVED' && p.values?.record === id && p.values.signer === sc.signer && p.values.entry === entry,
        );
        expect({ scenario: sc.name, id, named: named.length }).toEqual({ scenario: sc.name, id, named: 1 });
        if (!sc.rebuilt) expect(problems).toContainEqual(expect.objectContaining({ code: 'RECORD_MISSING', id }));
      }
    }
    expect(JSON.stringify({ problems, advice: [...advice] })).not.toMatch(/QALLEGQ|QNOTEQ|QNAMEQ/);
  } finally {
    core.close();
    removeDir(core.vaultDir);
    removeDir(out);
  }
});
