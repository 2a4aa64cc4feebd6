// vault.check verifies each sealed session from the events its record pass already decrypted
// (issue #22, seal-stream.ts): no event of an intact sealed session is decrypted a second time,
// and a session whose events were tampered with is still named, by the same finding as before.
import Database from 'better-sqlite3';
import { vaultFile } from '../../../src/vault';
import { RecordStore } from '../../../src/vault/records';
import { ADMIN, call, makeCore, removeDir } from '../../helpers/core';

async function sealedVault() {
  const core = makeCore();
  await call(core, 'vault.create', ADMIN);
  const { caseId } = await call(core, 'cases.create', {
    reference: 'SS-1',
    childAlias: 'Sam',
    childAgeYears: 9,
    language: 'en',
  });
  const { sessionId } = await call(core, 'sessions.start', {
    caseId,
    protocolId: 'nichd',
    mode: 'live',
    language: 'en',
  });
  for (const text of ['Tell me everything.', 'What happened next?'])
    await call(core, 'sessions.addNote', { sessionId, kind: 'question', text });
  await call(core, 'sessions.finalize', { sessionId });
  return { core, sessionId };
}

test('an intact sealed session is verified from the record pass: its events are not read again', async () => {
  const { core, sessionId } = await sealedVault();
  const reads = jest.spyOn(RecordStore.prototype, 'listByIdPrefix');
  try {
    expect(await call(core, 'vault.check', {})).toEqual({ ok: true, problems: [] });
    expect(reads.mock.calls.filter(([prefix]) => prefix === sessionId)).toEqual([]);
  } finally {
    reads.mockRestore();
    core.close();
    removeDir(core.vaultDir);
  }
});

test('a sealed session with an event deleted outside Hearth is still named as a broken seal', async () => {
  const { core, sessionId } = await sealedVault();
  try {
    await call(core, 'vault.lock', {});
    core.close();
    const db = new Database(vaultFile(core.vaultDir));
    const gone = db
      .prepare(`DELETE FROM records WHERE record_id > ? AND record_id < ? AND seq = 2`)
      .run(`${sessionId}:`, `${sessionId};`);
    db.close();
    expect(gone.changes).toBe(1);
    const again = makeCore(core.vaultDir);
    try {
      await call(again, 'vault.unlock', { username: ADMIN.username, passphrase: ADMIN.passphrase });
      const result = (await call(again, 'vault.check', {})) as {
        ok: boolean;
        problems: Array<{ kind: string; id: string; detail: string }>;
      };
      expect(result.ok).toBe(false);
      expect(result.problems).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ kind: 'record', code: 'RECORD_MISSING' }),
          expect.objectContaining({
            kind: 'seal',
            id: sessionId,
            // sec61: coded, with the event, for the screen's own words.
            code: 'SEAL_UNVERIFIED',
            values: { event: 2 },
            detail: expect.stringContaining('does not verify at event 2'),
          }),
        ]),
      );
    } finally {
      again.close();
    }
  } finally {
    removeDir(core.vaultDir);
  }
});
