// R12-6 (red team round 12): a colleague interviewer (ivan) deletes the export counter of ola's
// sealed interview (`exports:<session>`, whose version is the number of bundles exported) inside
// an entry of his own; ola's next bundle then says "export #1" although two were made, and
// `vault check` was clean. Now only an export's commit writes the counter, one version up
// (EXPORT_COUNT_REWRITTEN names any other write with its entry and signer), and the check
// compares the counter with the audit log's export commits for the session
// (EXPORT_COUNT_MISMATCH). The bundle's export number stays the vault's count (README: not proven).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SessionContext } from '../../../src/interview/session-context';
import { ADMIN, call, makeVault, removeDir, tempDir } from '../../helpers/core';
import { PASS } from '../../helpers/insider';

type Core = Awaited<ReturnType<typeof makeVault>>;
let ctx: SessionContext | undefined;
// Each test makes three sealed exports and runs vault check twice: on a loaded 2-core machine one
// test took over 60 s (sec26's run), so the limit is sized for the slowest honest run.
jest.setTimeout(300_000);

const proto = SessionContext.prototype as unknown as { load: (id: string) => unknown };
const realLoad = proto.load;
proto.load = function (this: SessionContext, id: string) {
  // eslint-disable-next-line @typescript-eslint/no-this-alias -- the captured client (threat model)
  ctx = this;
  return realLoad.call(this, id);
};
async function as(core: Core, who: string, pass = PASS): Promise<void> {
  await call(core, 'vault.lock', {});
  await call(core, 'vault.unlock', { username: who, passphrase: pass });
}

async function exportedTwice(): Promise<{ core: Core; sessionId: string; outs: string[] }> {
  const core = await makeVault();
  for (const username of ['ola', 'ivan'])
    await call(core, 'users.add', { username, displayName: username.toUpperCase(), role: 'interviewer', passphrase: PASS });
  const { caseId } = await call(core, 'cases.create', { reference: 'CAC-1', childAlias: 'A', childAgeYears: 7, language: 'en' });
  await as(core, 'ola');
  const { sessionId } = await call(core, 'sessions.start', { caseId, protocolId: 'nichd', mode: 'live', language: 'en' });
  await call(core, 'sessions.addNote', { sessionId, kind: 'child', text: 'QNOTEQ' });
  await call(core, 'sessions.finalize', { sessionId });
  const outs = [tempDir(), tempDir(), tempDir()];
  await call(core, 'export.sealed', { sessionId, outDir: outs[0]! });
  await call(core, 'export.sealed', { sessionId, outDir: outs[1]! });
  return { core, sessionId, outs };
}

const exportNumber = (path: string) =>
  Number(/"exportNumber":\s*(\d+)/.exec(readFileSync(join(path, 'manifest.json'), 'utf8'))?.[1]);

test.each(['silently', 'in his entry'])(
  'ivan deletes the export counter %s: the next bundle says #1, and vault check names the counter (and the entry that removed it)',
  async (how) => {
    const { core, sessionId, outs } = await exportedTwice();
    try {
      await as(core, 'ivan');
      await core.invoke('sessions.get', { sessionId });
      const c = ctx!;
      const id = `exports:${sessionId}`;
      if (how === 'silently') {
        // Deleted in the transaction of an entry of his own that does not say so.
        const found = c.vault.records.get<unknown>(id)!;
        c.vault.write('export.sealed', `session:${sessionId}`, (put) => {
          c.vault.records.remove(id);
          put({ ...found.address, recordId: `exports-x:${sessionId}`, seq: 1 }, found.value);
        });
      } else {
        c.vault.transact(() =>
          c.vault.audit.append({ at: c.vault.nowIso(), actor: 'ivan', action: 'cases.update', records: [c.vault.records.remove(id)] }),
        );
      }
      await as(core, 'ola');
      const third = await call(core, 'export.sealed', { sessionId, outDir: outs[2]! });
      // The vault's count, as the README says: not a proof.
      expect(exportNumber(third.path)).toBe(1);

      await as(core, ADMIN.username, ADMIN.passphrase);
      const check = await call(core, 'vault.check', {});
      const problems = check.problems as Array<{ code?: string; id: string; detail: string; values?: Record<string, unknown> }>;
      expect(problems.filter((p) => p.code === 'EXPORT_COUNT_MISMATCH')).toEqual([
        expect.objectContaining({ id, values: { counter: 1, commits: 3 } }),
      ]);
      const rewrites = problems.filter((p) => p.code === 'EXPORT_COUNT_REWRITTEN');
      if (how === 'silently') {
        // No entry says who deleted it: the restart is named, ola's honest export is not blamed.
        expect(rewrites).toEqual([]);
        expect(problems.find((p) => p.code === 'EXPORT_COUNT_MISMATCH')?.detail).toMatch(/restarted at 1 in audit entry \d+ \(signed by ola\)/);
      } else {
        expect(rewrites).toEqual([expect.objectContaining({ id, values: expect.objectContaining({ signer: 'ivan' }) })]);
        expect(rewrites[0]?.detail).toMatch(/\(cases\.update, signed by ivan\)/);
      }
      expect(JSON.stringify(check)).not.toContain('QNOTEQ');
    } finally {
      core.close();
      removeDir(core.vaultDir);
      for (const out of outs) removeDir(out);
    }
  },
);

test('honest exports: the counter equals the export commits, no finding', async () => {
  const { core, sessionId, outs } = await exportedTwice();
  try {
    const third = await call(core, 'export.sealed', { sessionId, outDir: outs[2]! });
    expect(exportNumber(third.path)).toBe(3);
    await as(core, ADMIN.username, ADMIN.passphrase);
    expect((await call(core, 'vault.check', {})).problems).toEqual([]);
  } finally {
    core.close();
    removeDir(core.vaultDir);
    for (const out of outs) removeDir(out);
  }
});
