// Red team round 13, R13-6: with the file and no key, an audit row's body and reference-list
// lengths told its action (a read's empty reference list was 18 bytes, a session start's 423; a
// lock's body 85, a case read's 133), so every signer's timeline of reads and writes showed.
// New entries are padded to fixed floors (src/vault/audit-format.ts): every entry the app wrote
// in this run, reads and writes of every role alike, seals to the same two sizes. Entries
// written before padding are still read and verified (the last test).
import Database from 'better-sqlite3';
import { vaultFile } from '../../../src/vault';
import { AUDIT_PAD_FLOORS, decodeAuditPlaintext, encodeAuditPlaintext } from '../../../src/vault/audit-format';
import { utf8 } from '../../../src/vault/encoding';
import { padmeLength } from '../../../src/crypto/pad';
import { ADMIN, call, makeVault, removeDir } from '../../helpers/core';
import { PASS } from '../../helpers/insider';

jest.setTimeout(300_000);

type Core = Awaited<ReturnType<typeof makeVault>>;

async function signIn(core: Core, username: string, passphrase = PASS): Promise<void> {
  await call(core, 'vault.lock', {});
  await call(core, 'vault.unlock', { username, passphrase });
}

/** AEAD tag bytes (XChaCha20-Poly1305): a ciphertext is its plaintext plus this. */
const TAG = 16;

test('R13-6: every audit entry the app writes, read or write, any role, seals to one body size and one reference size', async () => {
  const core = await makeVault();
  const dir = core.vaultDir;
  try {
    for (const [username, role] of [
      ['ola', 'interviewer'],
      ['tara', 'trainer'],
      ['rita', 'reviewer'],
      ['alma', 'advocate'],
      ['sam', 'admin'],
    ] as const)
      await call(core, 'users.add', { username, displayName: username.toUpperCase(), role, passphrase: PASS });
    const plain = await call(core, 'cases.create', {
      reference: 'CAC-1', childAlias: 'A', childAgeYears: 7, language: 'en',
    });
    const alleged = await call(core, 'cases.create', {
      reference: 'CAC-2026-000123-FAMILY-UNIT-B', childAlias: 'Maximiliana', childAgeYears: 12, language: 'es',
      allegationSummary: 'x'.repeat(400), allegationBlind: true,
    });
    await call(core, 'cases.get', { caseId: plain.caseId });
    await call(core, 'cases.update', { caseId: plain.caseId, patch: { childAlias: 'B' } });
    await signIn(core, 'ola');
    await call(core, 'cases.get', { caseId: alleged.caseId });
    const { sessionId } = await call(core, 'sessions.start', {
      caseId: alleged.caseId, protocolId: 'nichd', mode: 'live', language: 'en',
    });
    await call(core, 'sessions.addNote', { sessionId, kind: 'child', text: 'Yes.' });
    await call(core, 'sessions.addNote', { sessionId, kind: 'question', text: 'q'.repeat(300) });
    await call(core, 'sessions.pause', { sessionId, reason: 'Fire drill' });
    await call(core, 'sessions.resume', { sessionId });
    await call(core, 'sessions.finalize', { sessionId });
    await call(core, 'sessions.get', { sessionId });
    // A start that also commits an observer's name (one more record referenced).
    await call(core, 'sessions.start', {
      caseId: plain.caseId, protocolId: 'nichd', mode: 'live', language: 'en',
      observers: [{ role: 'law-enforcement', name: 'Detective Maximiliana Fernández-Ortega' }],
    });
    await signIn(core, 'tara');
    const practice = await call(core, 'training.start', { scenarioId: 'dog-bite', seed: 11, language: 'en' });
    await call(core, 'training.ask', { sessionId: practice.sessionId, text: 'Tell me about things you like to do.' });
    await signIn(core, 'rita');
    await call(core, 'cases.get', { caseId: plain.caseId });
    await signIn(core, ADMIN.username, ADMIN.passphrase);
    await call(core, 'vault.check', {});
    const listed = await call(core, 'audit.list', { limit: 1000 });
    await call(core, 'vault.lock', {});
    core.close();

    const actionOf = new Map(listed.entries.map((e) => [e.seq, e.action]));
    const db = new Database(vaultFile(dir), { readonly: true, fileMustExist: true });
    const rows = db
      .prepare('SELECT seq, length(ciphertext) AS body, length(refs_ciphertext) AS refs FROM audit_log ORDER BY seq')
      .all() as Array<{ seq: number; body: number; refs: number }>;
    db.close();
    // Sizes by action, as an outsider with the file would tabulate them.
    // A session start on a blind case, or one committing observers' names, references more
    // records than the floor holds: it shows its Padmé bucket (so does the session's container
    // in the records table, README "What is not hidden"). Every other entry is at the floor.
    // So does an entry that states every class key's current version (sec48, RT22-1: vault.create,
    // users.remove, vault.addKeyClass, keys.floor): it says only that keys were established,
    // which the key_wraps table shows in the clear anyway (new version rows).
    const KEY_STATEMENTS = ['vault.create', 'users.remove', 'vault.addKeyClass', 'keys.floor'];
    const starts = new Set(
      listed.entries
        .filter((e) => e.action === 'sessions.start' || KEY_STATEMENTS.includes(e.action))
        .map((e) => e.seq),
    );
    const over = rows.filter((r) => r.refs > AUDIT_PAD_FLOORS.refs + TAG);
    expect(over.length).toBeGreaterThan(0);
    for (const r of over) {
      expect([r.seq, starts.has(r.seq)]).toEqual([r.seq, true]);
      expect(padmeLength(r.refs - TAG)).toBe(r.refs - TAG);
    }
    const sizes = new Map<string, Set<string>>();
    for (const r of rows.filter((row) => !over.includes(row))) {
      const action = actionOf.get(r.seq) ?? '(not listed)';
      sizes.set(action, (sizes.get(action) ?? new Set()).add(`${r.body}/${r.refs}`));
    }
    const actions = [...sizes.keys()];
    // The run covered reads, writes, sign-ins and locks of several roles...
    for (const action of ['vault.unlock', 'vault.lock', 'cases.get', 'cases.create', 'cases.update', 'users.add', 'sessions.start', 'sessions.addNote', 'sessions.finalize', 'training.start'])
      expect(actions).toContain(action);
    // ...and every one of them shows exactly the floor sizes.
    const expected = `${AUDIT_PAD_FLOORS.body + TAG}/${AUDIT_PAD_FLOORS.refs + TAG}`;
    expect(Object.fromEntries([...sizes].map(([a, s]) => [a, [...s]]))).toEqual(
      Object.fromEntries(actions.map((a) => [a, [expected]])),
    );
  } finally {
    removeDir(dir);
  }
});

test('R13-6: the padded format is read strictly, and an entry from before padding is read as it was', () => {
  const body = { at: '2026-01-01T00:00:00.000Z', actor: 'ola', action: 'cases.get', target: 'case_1' };
  const padded = encodeAuditPlaintext('body', body);
  expect(padded.length).toBe(AUDIT_PAD_FLOORS.body);
  expect(decodeAuditPlaintext('body', padded)).toEqual(body);
  // Before padding the plaintext was the JSON alone: still read.
  expect(decodeAuditPlaintext('body', utf8(JSON.stringify(body)))).toEqual(body);
  expect(decodeAuditPlaintext('refs', utf8('[]'))).toEqual([]);
  // A pad cut short, or one sized for the other part, is refused (only after authentication).
  expect(() => decodeAuditPlaintext('body', padded.subarray(0, padded.length - 1))).toThrow();
  expect(() => decodeAuditPlaintext('refs', padded)).toThrow();
});
