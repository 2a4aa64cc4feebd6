// vault.check keeps what its record pass compares against in an on-disk scratch ledger (so its
// memory does not grow with the vault, issue #22). That file must hold no plaintext and no audit
// entry number in clear, must exist only while the check runs, and the check must still find
// what it found with everything in memory: a deleted, a rolled-back and an inserted record.
import {
  existsSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { CoreEvent } from '../../../src/api/contract';
import { vaultFile } from '../../../src/vault';
import { ADMIN, call, makeCore, removeDir, tempDir } from '../../helpers/core';

jest.setTimeout(120_000);

const NOTE = 'MARK-LEDGER-NOTE the child said the blue carro';
const REFERENCE = 'MARK-LEDGER-REF-77';

async function sealedSession(events: CoreEvent[] = []) {
  const core = makeCore(undefined, { onEvent: (e) => events.push(e) });
  await call(core, 'vault.create', ADMIN);
  const { caseId } = await call(core, 'cases.create', {
    reference: REFERENCE,
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
  for (let i = 0; i < 3; i++)
    await call(core, 'sessions.addNote', { sessionId, kind: 'child', text: `${NOTE} ${i}` });
  await call(core, 'sessions.finalize', { sessionId });
  return { core, sessionId };
}

test('the scratch ledger exists only during the check, in the vault folder, and holds no plaintext', async () => {
  const events: CoreEvent[] = [];
  const { core } = await sealedSession(events);
  const folder = core.vaultDir;
  {
    // Read the ledger while the check runs: the last vault-layer pass ('keys') still has it open.
    const seen: Array<{ files: string[]; bytes: Buffer }> = [];
    const snapshot = () => {
      for (const dir of readdirSync(folder).filter((d) => d.startsWith('hearth-check-'))) {
        const files = readdirSync(join(folder, dir));
        seen.push({
          files,
          bytes: Buffer.concat(files.map((f) => readFileSync(join(folder, dir, f)))),
        });
      }
    };
    // Events are delivered synchronously while the check runs; take the snapshot at 'keys'.
    events.length = 0;
    const original = events.push.bind(events);
    events.push = (...items: CoreEvent[]) => {
      for (const e of items)
        if (e.type === 'progress' && e.channel === 'vault.check' && e.step === 'keys') snapshot();
      return original(...items);
    };
    try {
      const check = core.invoke('vault.check', {});
      const result = await check;
      expect(result).toEqual({ ok: true, value: { ok: true, problems: [] } });
      expect(seen.length).toBeGreaterThan(0);
      const { files, bytes } = seen[0] as { files: string[]; bytes: Buffer };
      expect(files).toContain('ledger.db');
      expect(bytes.length).toBeGreaterThan(0);
      const text = bytes.toString('latin1');
      expect(text).toContain(':0000000001'); // record ids are there (as in the vault file)...
      expect(text).not.toContain('MARK-LEDGER'); // ...but no note text or case reference
      expect(text).not.toContain('carro');
      // After the check, nothing is left behind.
      expect(readdirSync(folder).filter((d) => d.startsWith('hearth-check-'))).toEqual([]);
    } finally {
      core.close();
      removeDir(core.vaultDir);
    }
  }
});

test('with the ledger on disk, the check still names a deleted, a rolled-back and an inserted record', async () => {
  const { core, sessionId } = await sealedSession();
  const dir = core.vaultDir;
  try {
    // A rollback: keep the first version of the summary, then write a newer one.
    core.close();
    const db0 = new Database(vaultFile(dir), { readonly: true });
    const oldSummary = db0
      .prepare('SELECT * FROM records WHERE record_id = ?')
      .get(`summary:${sessionId}`) as Record<string, unknown>;
    db0.close();
    const writer = makeCore(dir);
    await call(writer, 'vault.unlock', { username: ADMIN.username, passphrase: ADMIN.passphrase });
    await call(writer, 'sessions.addAddendum', { sessionId, text: 'An addendum after the seal.' });
    writer.close();
    const db = new Database(vaultFile(dir));
    db.prepare('DELETE FROM records WHERE record_id = ?').run(`${sessionId}:0000000002`);
    db.prepare(
      `INSERT INTO records (record_id, container_id, kind, seq, key_ref, nonce, ciphertext)
       SELECT record_id || 'x', container_id, kind, seq, key_ref, nonce, ciphertext FROM records WHERE record_id = ?`,
    ).run(`${sessionId}:0000000003`);
    const changed = db
      .prepare(
        'UPDATE records SET seq = ?, nonce = ?, ciphertext = ? WHERE record_id = ? AND seq <> ?',
      )
      .run(
        oldSummary.seq,
        oldSummary.nonce,
        oldSummary.ciphertext,
        `summary:${sessionId}`,
        oldSummary.seq,
      );
    db.close();
    const again = makeCore(dir);
    try {
      await call(again, 'vault.unlock', { username: ADMIN.username, passphrase: ADMIN.passphrase });
      const result = await call(again, 'vault.check', {});
      expect(result.ok).toBe(false);
      const byId = new Map(result.problems.map((p) => [p.id, p.detail]));
      expect(byId.get(`${sessionId}:0000000002`)).toMatch(
        /is missing: written in audit entry \d+ but deleted outside Hearth/,
      );
      expect(byId.get(`${sessionId}:0000000003x`)).toBeDefined();
      expect(changed.changes).toBe(1);
      expect(byId.get(`summary:${sessionId}`)).toMatch(
        /not the version last written \(audit entry \d+\)/,
      );
    } finally {
      again.close();
    }
  } finally {
    removeDir(dir);
  }
});

test('the cleanup removes only a scratch folder a killed check left, never a user folder or a link target (red team 5, F2)', async () => {
  const { core } = await sealedSession();
  const folder = core.vaultDir;
  const outside = tempDir('hearth-outside-');
  try {
    // What a killed check leaves: mkdtemp's name, 0700, only ledger.db.
    const killed = mkdtempSync(join(folder, 'hearth-check-'));
    writeFileSync(join(killed, 'ledger.db'), 'scratch');
    // A user's own folder with the prefix, a folder with mkdtemp's name but other content, and a
    // planted link with mkdtemp's name to a folder outside.
    const mine = join(folder, 'hearth-check-mynotes');
    mkdirSync(mine);
    writeFileSync(join(mine, 'notes.txt'), 'keep me');
    const lookalike = join(folder, 'hearth-check-Ab12Cd');
    mkdirSync(lookalike, { mode: 0o700 });
    writeFileSync(join(lookalike, 'ledger.db'), 'x');
    writeFileSync(join(lookalike, 'report.pdf'), 'keep me too');
    writeFileSync(join(outside, 'ledger.db'), 'outside');
    symlinkSync(outside, join(folder, 'hearth-check-Zz99Yy'));
    const result = await call(core, 'vault.check', {});
    expect(result.ok).toBe(true);
    expect(existsSync(killed)).toBe(false);
    expect(readFileSync(join(mine, 'notes.txt'), 'utf8')).toBe('keep me');
    expect(readFileSync(join(lookalike, 'report.pdf'), 'utf8')).toBe('keep me too');
    expect(readFileSync(join(outside, 'ledger.db'), 'utf8')).toBe('outside');
    expect(lstatSync(join(folder, 'hearth-check-Zz99Yy')).isSymbolicLink()).toBe(true);
    // And the check's own scratch folder is gone after it.
    expect(
      readdirSync(folder)
        .filter((d) => /^hearth-check-/.test(d))
        .sort(),
    ).toEqual(['hearth-check-Ab12Cd', 'hearth-check-Zz99Yy', 'hearth-check-mynotes']);
  } finally {
    core.close();
    removeDir(core.vaultDir);
    removeDir(outside);
  }
});
