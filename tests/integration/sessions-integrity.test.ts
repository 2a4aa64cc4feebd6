// Sealed sessions against tampering in the raw database, bad input, and plaintext at rest.
import Database from 'better-sqlite3';
import { initCrypto } from '../../src/crypto';
import { eventRecordId, SessionService } from '../../src/interview';
import { checkVault, createCase, getCase, updateCase, Vault, vaultFile } from '../../src/vault';
import {
  ADMIN,
  call,
  callError,
  FAST_ARGON2,
  makeCore,
  plaintextHits,
  removeDir,
  tempDir,
} from '../helpers/core';
import { vaultWithSession } from '../helpers/sessions';

async function sealedSession() {
  const core = await vaultWithSession();
  const { sessionId } = core;
  await call(core, 'sessions.markRecording', { sessionId });
  for (let i = 0; i < 5; i++)
    await call(core, 'sessions.addNote', {
      sessionId,
      kind: i % 2 ? 'child' : 'question',
      text: `note number ${i}`,
    });
  await call(core, 'sessions.finalize', { sessionId });
  await call(core, 'sessions.addAddendum', { sessionId, text: 'written after' });
  core.close();
  return { vaultDir: core.vaultDir, sessionId };
}

function raw(vaultDir: string, fn: (db: Database.Database) => void): void {
  const db = new Database(vaultFile(vaultDir));
  try {
    fn(db);
  } finally {
    db.close();
  }
}

async function verifyAfter(vaultDir: string, sessionId: string) {
  const core = makeCore(vaultDir);
  try {
    await call(core, 'vault.unlock', { username: ADMIN.username, passphrase: ADMIN.passphrase });
    return await call(core, 'sessions.verify', { sessionId });
  } finally {
    core.close();
  }
}

describe('tampering with a sealed session in the raw database is reported by sessions.verify', () => {
  let fixture: { vaultDir: string; sessionId: string };
  beforeEach(async () => {
    fixture = await sealedSession();
  });
  afterEach(() => removeDir(fixture.vaultDir));

  test('untouched: ok', async () => {
    expect(await verifyAfter(fixture.vaultDir, fixture.sessionId)).toEqual({ ok: true });
  });

  test.each([3, 5, 8])('a flipped byte in event %i', async (seq) => {
    raw(fixture.vaultDir, (db) => {
      const id = eventRecordId(fixture.sessionId, seq);
      const row = db.prepare('SELECT ciphertext FROM records WHERE record_id = ?').get(id) as {
        ciphertext: Buffer;
      };
      row.ciphertext[10] = (row.ciphertext[10] as number) ^ 0x20;
      db.prepare('UPDATE records SET ciphertext = ? WHERE record_id = ?').run(row.ciphertext, id);
    });
    expect(await verifyAfter(fixture.vaultDir, fixture.sessionId)).toMatchObject({
      ok: false,
      firstBadEvent: seq,
    });
  });

  test('a deleted event', async () => {
    raw(fixture.vaultDir, (db) =>
      db
        .prepare('DELETE FROM records WHERE record_id = ?')
        .run(eventRecordId(fixture.sessionId, 4)),
    );
    expect(await verifyAfter(fixture.vaultDir, fixture.sessionId)).toMatchObject({
      ok: false,
      firstBadEvent: 4,
      reason: expect.stringMatching(/missing/),
    });
  });

  test('two events swapped', async () => {
    raw(fixture.vaultDir, (db) => {
      const a = eventRecordId(fixture.sessionId, 4);
      const b = eventRecordId(fixture.sessionId, 5);
      const ra = db.prepare('SELECT nonce, ciphertext FROM records WHERE record_id = ?').get(a) as {
        nonce: Buffer;
        ciphertext: Buffer;
      };
      const rb = db.prepare('SELECT nonce, ciphertext FROM records WHERE record_id = ?').get(b) as {
        nonce: Buffer;
        ciphertext: Buffer;
      };
      db.prepare('UPDATE records SET nonce = ?, ciphertext = ? WHERE record_id = ?').run(
        rb.nonce,
        rb.ciphertext,
        a,
      );
      db.prepare('UPDATE records SET nonce = ?, ciphertext = ? WHERE record_id = ?').run(
        ra.nonce,
        ra.ciphertext,
        b,
      );
    });
    expect(await verifyAfter(fixture.vaultDir, fixture.sessionId)).toMatchObject({
      ok: false,
      firstBadEvent: 4,
    });
  });

  test('the seal and the addendum removed', async () => {
    raw(fixture.vaultDir, (db) =>
      db
        .prepare('DELETE FROM records WHERE record_id IN (?, ?)')
        .run(eventRecordId(fixture.sessionId, 8), eventRecordId(fixture.sessionId, 9)),
    );
    expect(await verifyAfter(fixture.vaultDir, fixture.sessionId)).toMatchObject({
      ok: false,
      firstBadEvent: 8,
    });
  });

  test('only the last addendum removed (no gap left behind)', async () => {
    raw(fixture.vaultDir, (db) =>
      db
        .prepare('DELETE FROM records WHERE record_id = ?')
        .run(eventRecordId(fixture.sessionId, 9)),
    );
    expect(await verifyAfter(fixture.vaultDir, fixture.sessionId)).toMatchObject({
      ok: false,
      firstBadEvent: 9,
      reason: expect.stringMatching(/missing/),
    });
  });

  test('the signer key in the vault replaced (another user key pasted over the seal signer)', async () => {
    raw(fixture.vaultDir, (db) =>
      db.prepare("DELETE FROM records WHERE record_id = 'user:admin'").run(),
    );
    const core = makeCore(fixture.vaultDir);
    try {
      // The admin's profile is gone: unlocking reports tampering rather than signing anyone in.
      expect(
        await callError(core, 'vault.unlock', {
          username: ADMIN.username,
          passphrase: ADMIN.passphrase,
        }),
      ).toMatchObject({ code: 'TAMPERED' });
    } finally {
      core.close();
    }
  });
});

describe('bad input gets a clear typed error and changes nothing', () => {
  let core: Awaited<ReturnType<typeof vaultWithSession>>;
  beforeAll(async () => {
    core = await vaultWithSession();
  });
  afterAll(() => {
    core.close();
    removeDir(core.vaultDir);
  });

  test.each([
    [
      'unknown session',
      'sessions.addNote',
      { sessionId: 'sess_' + '0'.repeat(32), kind: 'question', text: 'hi' },
      'NOT_FOUND',
    ],
    [
      'malformed session id',
      'sessions.addNote',
      { sessionId: 'sess_1', kind: 'question', text: 'hi' },
      'INVALID_INPUT',
    ],
    ['empty note', 'sessions.addNote', { kind: 'question', text: '   ' }, 'INVALID_INPUT'],
    [
      'note over 20,000 characters',
      'sessions.addNote',
      { kind: 'question', text: 'x'.repeat(20_001) },
      'INVALID_INPUT',
    ],
    ['unknown note kind', 'sessions.addNote', { kind: 'gossip', text: 'hi' }, 'INVALID_INPUT'],
    ['break end without a start', 'sessions.endBreak', {}, 'CONFLICT'],
    ['break without a reason', 'sessions.startBreak', {}, 'INVALID_INPUT'],
    [
      'phase not in the protocol',
      'sessions.enterPhase',
      { phaseId: 'anatomical-dolls' },
      'INVALID_INPUT',
    ],
    [
      'checklist item not in the phase',
      'sessions.checkItem',
      { phaseId: 'introduction', itemId: 'nope' },
      'INVALID_INPUT',
    ],
    [
      'edit of an unknown note',
      'sessions.editNote',
      { noteId: 'note_' + '0'.repeat(32), text: 'x' },
      'NOT_FOUND',
    ],
    ['resume without pause', 'sessions.resume', {}, 'CONFLICT'],
    ['recording restart before start', 'sessions.markRecording', { restart: true }, 'CONFLICT'],
    [
      'unknown field',
      'sessions.addNote',
      { kind: 'question', text: 'hi', childName: 'x' },
      'INVALID_INPUT',
    ],
  ])('%s → %s', async (_label, channel, payload, code) => {
    const before = (await call(core, 'sessions.get', { sessionId: core.sessionId })).eventCount;
    const withSession =
      'sessionId' in payload ? payload : { sessionId: core.sessionId, ...payload };
    expect(await callError(core, channel, withSession)).toMatchObject({ code });
    expect((await call(core, 'sessions.get', { sessionId: core.sessionId })).eventCount).toBe(
      before,
    );
  });

  test('a live session needs an existing, unarchived case; a protocol must fit the age', async () => {
    expect(
      await callError(core, 'sessions.start', {
        protocolId: 'nichd',
        mode: 'live',
        language: 'en',
      }),
    ).toMatchObject({ code: 'INVALID_INPUT' });
    expect(
      await callError(core, 'sessions.start', {
        caseId: 'case_' + '0'.repeat(32),
        protocolId: 'nichd',
        mode: 'live',
        language: 'en',
      }),
    ).toMatchObject({
      code: 'NOT_FOUND',
    });
    expect(
      await callError(core, 'sessions.start', {
        caseId: core.caseId,
        protocolId: 'preschool',
        mode: 'live',
        language: 'en',
      }),
    ).toMatchObject({
      code: 'INVALID_INPUT',
    });
    expect(
      await callError(core, 'sessions.start', {
        caseId: core.caseId,
        protocolId: 'no-such',
        mode: 'live',
        language: 'en',
      }),
    ).toMatchObject({
      code: 'INVALID_INPUT',
    });
    await call(core, 'cases.archive', { caseId: core.caseId });
    expect(
      await callError(core, 'sessions.start', {
        caseId: core.caseId,
        protocolId: 'nichd',
        mode: 'live',
        language: 'en',
      }),
    ).toMatchObject({ code: 'CONFLICT' });
    await call(core, 'cases.archive', { caseId: core.caseId, archived: false });
  });
});

test('no plaintext of notes, keywords or addenda in any file of the vault folder', async () => {
  const core = await vaultWithSession();
  const needles = [
    'Zorblax-garage-7719',
    'Quibbleton',
    'Ñandú-addendum-5521',
    'Fluxcapacitor-phrase',
    'Soft room 2',
    'Det. Ruiz',
  ];
  try {
    await call(core, 'sessions.addNote', {
      sessionId: core.sessionId,
      kind: 'child',
      text: `It was in the ${needles[0]}`,
      keywords: [needles[1]!],
    });
    const n = await call(core, 'sessions.addNote', {
      sessionId: core.sessionId,
      kind: 'question',
      text: 'first version',
    });
    await call(core, 'sessions.editNote', {
      sessionId: core.sessionId,
      noteId: n.noteId,
      text: needles[3]!,
    });
    await call(core, 'sessions.finalize', { sessionId: core.sessionId });
    await call(core, 'sessions.addAddendum', { sessionId: core.sessionId, text: needles[2]! });
    await call(core, 'sessions.timeline', { sessionId: core.sessionId });
    expect(plaintextHits(core.vaultDir, needles)).toEqual([]);
    core.close();
    expect(plaintextHits(core.vaultDir, needles)).toEqual([]);
  } finally {
    core.close();
    removeDir(core.vaultDir);
  }
});

test('storage refuses to overwrite a session event or to write an older version of a record', async () => {
  await initCrypto();
  const dir = tempDir();
  try {
    const { vault } = Vault.create(dir, ADMIN, { argon2: FAST_ARGON2 });
    const sessions = new SessionService(vault);
    const caseId = createCase(vault, {
      reference: 'OW-1',
      childAlias: 'Max',
      childAgeYears: 9,
      language: 'en',
    });
    const sessionId = sessions.start({ caseId, protocolId: 'nichd', mode: 'live', language: 'en' });
    sessions.addNote(sessionId, 'question', 'first question');
    const event = {
      recordId: eventRecordId(sessionId, 2),
      containerId: sessionId,
      kind: 'event',
      seq: 2,
      keyRef: `session:${sessionId}`,
    };
    const codeOf = (fn: () => unknown): string | undefined => {
      try {
        fn();
        return 'no error';
      } catch (error) {
        return (error as { code?: string }).code;
      }
    };
    const overwrite = () => vault.write('test', sessionId, (put) => put(event, { forged: true }));
    expect(codeOf(overwrite)).toBe('CONFLICT');
    updateCase(vault, caseId, { childAlias: 'Maxine' });
    const olderCase = {
      recordId: caseId,
      containerId: caseId,
      kind: 'case',
      seq: 2,
      keyRef: 'class:case',
    };
    expect(
      codeOf(() => vault.write('test', caseId, (put) => put(olderCase, { stale: true }))),
    ).toBe('CONFLICT');
    // Nothing was written by the refused calls: the note and the case are as they were.
    expect(sessions.events(sessionId).find((e) => e.seq === 2)).toMatchObject({
      type: 'note',
      text: 'first question',
    });
    expect(getCase(vault, caseId)).toMatchObject({ childAlias: 'Maxine', version: 2 });
    expect(checkVault(vault)).toEqual({ ok: true, problems: [], notices: [] });
    vault.close();
  } finally {
    removeDir(dir);
  }
});
