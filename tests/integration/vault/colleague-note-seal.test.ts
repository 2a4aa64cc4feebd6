// Red team round 7, R7-6 (regression): a colleague's modified client (the owner check is app code,
// so it is mocked away here exactly while "his" client writes) adds a child note to another
// interviewer's LIVE interview under his own valid signature. The owner's sessions.verify, the
// seal and the export must refuse it, naming FOREIGN_WRITER, not only the admin's vault check.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type * as SessionAccess from '../../../src/interview/session-access';
import { call, callError, makeVault, removeDir } from '../../helpers/core';

let FORGE = false;
jest.mock('../../../src/interview/session-access', () => {
  const real = jest.requireActual<typeof SessionAccess>(
    '../../../src/interview/session-access',
  );
  return {
    ...real,
    assertCanWrite: (...args: Parameters<typeof real.assertCanWrite>) =>
      FORGE ? undefined : real.assertCanWrite(...args),
  };
});

const PASS = 'a long enough staff passphrase';

test('R7-6: a note forged into a colleague live interview is refused at verify, seal and export', async () => {
  const core = await makeVault();
  const dir = core.vaultDir;
  const out = mkdtempSync(join(tmpdir(), 'hearth-r76-'));
  try {
    for (const username of ['ola', 'ivan'])
      await call(core, 'users.add', {
        username,
        displayName: username,
        role: 'interviewer',
        passphrase: PASS,
      });
    await call(core, 'vault.unlock', { username: 'ola', passphrase: PASS });
    const { caseId } = await call(core, 'cases.create', {
      reference: 'CAC-1',
      childAlias: 'Robin',
      childAgeYears: 8,
      language: 'en',
    });
    const { sessionId } = await call(core, 'sessions.start', {
      caseId,
      protocolId: 'nichd',
      mode: 'live',
      language: 'en',
    });
    await call(core, 'sessions.addNote', { sessionId, kind: 'child', text: 'It was after dinner.' });
    // The honest session verifies.
    expect(await call(core, 'sessions.verify', { sessionId })).toMatchObject({ ok: true });
    await call(core, 'vault.lock', {});

    await call(core, 'vault.unlock', { username: 'ivan', passphrase: PASS });
    expect(
      (await callError(core, 'sessions.addNote', { sessionId, kind: 'child', text: 'FORGED-TEXT' }))
        .code,
    ).toBe('FORBIDDEN');
    FORGE = true;
    try {
      await call(core, 'sessions.addNote', { sessionId, kind: 'child', text: 'FORGED-TEXT' });
    } finally {
      FORGE = false;
    }
    await call(core, 'vault.lock', {});

    await call(core, 'vault.unlock', { username: 'ola', passphrase: PASS });
    const verdict = await call(core, 'sessions.verify', { sessionId });
    expect(verdict).toMatchObject({ ok: false, reason: expect.stringMatching(/FOREIGN_WRITER/) });
    const sealed = await callError(core, 'sessions.finalize', { sessionId });
    expect(sealed).toMatchObject({ code: 'TAMPERED', message: expect.stringMatching(/FOREIGN_WRITER.*vault check/) });
    expect(JSON.stringify(sealed)).not.toMatch(/FORGED-TEXT|after dinner/);
    const exported = await callError(core, 'export.sealed', { sessionId, outDir: out });
    // Nothing was sealed, so nothing of it can leave in a bundle.
    expect(exported.code).not.toBe('INTERNAL');
    expect(JSON.stringify(exported)).not.toMatch(/FORGED-TEXT|after dinner/);
    expect(exported.code).toMatch(/^[A-Z_]+$/);
  } finally {
    core.close();
    rmSync(out, { recursive: true, force: true });
    removeDir(dir);
  }
});
