// A room and observers ADDED to the record of a session whose signed start named none (sec21,
// after red team round 11 R11-1): sessions.verify and `vault check` name both fields as
// differing from the sealed start (RECORD_REWRITTEN), and the app shows and exports what the start
// sealed (no room, no observer). The bundle verifier finds a room or observers an exporter adds
// beside a version-3 start that names none INCONSISTENT (sec25; older chains, such as the
// synthetic bundles of tests/fixtures/export, keep them unchecked and say so: ARCHITECTURE).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { initCrypto, parsePublicKey } from '../../../src/crypto';
import {
  BUNDLE_FILES,
  readBundlePath,
  verifyBundleFiles,
  type TranscriptDocument,
} from '../../../src/export';
import type { SessionMeta } from '../../../src/interview';
import { metaAddress } from '../../../src/interview/session-records';
import { readSigningKey, Vault } from '../../../src/vault';
import { capturedContext } from '../../helpers/forge';
import { ADMIN, call, FAST_ARGON2, makeVault, removeDir, tempDir } from '../../helpers/core';
import { PASS } from '../../helpers/insider';
import { forge } from '../export/forge';

jest.setTimeout(300_000);

test('a room and observers added to the record of a start that named none are named by sessions.verify and vault check; the export shows none', async () => {
  await initCrypto();
  const core = await makeVault({ argon2: FAST_ARGON2 });
  const out = tempDir();
  try {
    for (const [username, role] of [
      ['ola', 'interviewer'],
      ['ivan', 'interviewer'],
    ] as const)
      await call(core, 'users.add', { username, displayName: username, role, passphrase: PASS });
    await call(core, 'vault.unlock', { username: 'ola', passphrase: PASS });
    const { caseId } = await call(core, 'cases.create', {
      reference: 'CAC-ALICE',
      childAlias: 'Alice',
      childAgeYears: 7,
      language: 'en',
    });
    const { sessionId } = await call(core, 'sessions.start', {
      caseId,
      protocolId: 'nichd',
      mode: 'live',
      language: 'en',
    });
    await call(core, 'sessions.addNote', { sessionId, kind: 'child', text: 'It was at home.' });
    await call(core, 'sessions.finalize', { sessionId });

    // Ivan's own client writes the record of Ola's sealed session (his passphrase, the core's
    // own Vault.write): a room and an observer the start never named.
    await call(core, 'vault.unlock', { username: 'ivan', passphrase: PASS });
    await call(core, 'sessions.get', { sessionId });
    const ctx = capturedContext();
    const meta = ctx.readMeta(sessionId);
    const forged: SessionMeta = {
      ...meta,
      version: meta.version + 1,
      room: 'Room 9 (forged)',
      observers: [{ role: 'law-enforcement' }],
    };
    ctx.vault.write('sessions.update', sessionId, (put) => put(metaAddress(forged), forged));

    await call(core, 'vault.unlock', { username: ADMIN.username, passphrase: ADMIN.passphrase });
    const verdict = await call(core, 'sessions.verify', { sessionId });
    expect(verdict).toMatchObject({ ok: false, code: 'RECORD_REWRITTEN' });
    expect(verdict.reason).toMatch(/room, observers differ/);
    expect(verdict.reason).not.toContain('Room 9');
    const check = await call(core, 'vault.check', {});
    expect(
      check.problems.find((p) => p.kind === 'session-record' && p.id === sessionId)?.detail,
    ).toMatch(/room, observers/);

    // The app shows and exports what the start sealed: no room, no observer.
    expect((await call(core, 'sessions.get', { sessionId })).observers).toEqual([]);
    const { path } = await call(core, 'export.sealed', { sessionId, outDir: out });
    const doc = JSON.parse(
      readFileSync(join(path, 'transcript.json'), 'utf8'),
    ) as TranscriptDocument;
    expect(doc.session.room).toBeUndefined();
    expect(doc.session.observers).toEqual([]);
    const centre = parsePublicKey((await call(core, 'keys.centrePublicKey', {})).publicKey);
    core.close();

    // The exporter's own modified client adds them to transcript.json and re-signs the bundle.
    const read = readBundlePath(path, BUNDLE_FILES);
    if (read.kind !== 'folder') throw new Error('expected a folder');
    expect(await verifyBundleFiles(read.files, centre)).toMatchObject({ valid: true });
    const vault = Vault.open(core.vaultDir, { argon2: FAST_ARGON2 });
    vault.unlock(ADMIN.username, ADMIN.passphrase);
    const secretKey = readSigningKey(vault.records, ADMIN.username);
    vault.close();
    const admin = {
      username: ADMIN.username,
      displayName: ADMIN.displayName,
      role: 'admin' as const,
      secretKey,
      publicKey: secretKey.slice(32),
    };
    for (const add of [
      (d: TranscriptDocument) => void (d.session.room = 'Room 9 (forged)'),
      (d: TranscriptDocument) => void (d.session.observers = [{ role: 'law-enforcement' }]),
    ]) {
      const files = await forge(read.files, admin, { doc: add });
      // A version-3 start that names none means none (sec25): the addition is found.
      expect(await verifyBundleFiles(files, centre)).toMatchObject({
        valid: false,
        failure: 'INCONSISTENT',
      });
    }
  } finally {
    core.close();
    removeDir(core.vaultDir);
    removeDir(out);
  }
});
