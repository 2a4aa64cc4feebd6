// sec52 (issue #15, timeline placeholders): an event sealed under a key wrapped for other roles
// (here the blind case's allegation key, which admins and the interviewer it was revealed to hold
// and a colleague interviewer does not) made that colleague's whole timeline fail TAMPERED, as if it had been
// deleted. Now the timeline shows it as a placeholder (position, who wrote it, who can read it; no
// content) when the audit log vouches for the row as its certified author wrote it. A damaged or
// forged row stays TAMPERED naming the event: random bytes under that key, a genuine event whose
// key reference was edited to that key (it still opens under the session key), a row planted
// with no audit entry.
import Database from 'better-sqlite3';
import { RecordStore } from '../../../src/vault/records';
import { vaultFile } from '../../../src/vault';
import { ADMIN, call, callError, makeCore, removeDir } from '../../helpers/core';
import { makeCase, signInAs, vaultWithStaff, type Core } from '../../helpers/red-team';

jest.setTimeout(300_000);

// Ola's client (her own keys, her own certified signing key) seals the events it writes while
// `underAllegation` is set under the case's allegation key instead of the session key: the
// kind of event a role-limited class would hold (Hearth itself writes none today).
let underAllegation: string | undefined;
const R = RecordStore.prototype as unknown as Record<string, (...args: never[]) => unknown>;
const realPut = R.put!;
R.put = function (this: RecordStore, ...args: never[]) {
  const [address, ...rest] = args as unknown as [{ keyRef: string; kind: string }, ...unknown[]];
  const moved =
    underAllegation && address.kind === 'event' && address.keyRef.startsWith('session:')
      ? { ...address, keyRef: underAllegation }
      : address;
  return realPut.apply(this, [moved, ...rest] as never[]);
};

const NOTE = 'QSECRETNOTEQ';

/** Ola's blind case and live session: events 1..3 ordinary, 4 under the allegation key, 5 ordinary. */
async function setUp(): Promise<{ core: Core; caseId: string; sessionId: string }> {
  const core = await vaultWithStaff([
    ['ola', 'interviewer'],
    ['ivan', 'interviewer'],
  ]);
  // The admin makes the blind case and reveals its allegation to ola only (wraps the key for her).
  const caseId = await makeCase(core, 'BLIND-1', true);
  await call(core, 'cases.revealAllegationTo', { caseId, username: 'ola' });
  await signInAs(core, 'ola');
  const { sessionId } = await call(core, 'sessions.start', {
    caseId,
    protocolId: 'nichd',
    mode: 'live',
    language: 'en',
  });
  await call(core, 'sessions.addNote', { sessionId, kind: 'observation', text: 'first note' });
  await call(core, 'sessions.addNote', { sessionId, kind: 'observation', text: 'second note' });
  underAllegation = `allegation:${caseId}`;
  try {
    await call(core, 'sessions.addNote', { sessionId, kind: 'observation', text: NOTE });
  } finally {
    underAllegation = undefined;
  }
  await call(core, 'sessions.addNote', { sessionId, kind: 'observation', text: 'last note' });
  return { core, caseId, sessionId };
}

const eventId = (sessionId: string, seq: number, db: Database.Database): string =>
  (
    db
      .prepare("SELECT record_id FROM records WHERE kind = 'event' AND record_id > ? AND record_id < ? AND seq = ?")
      .get(`${sessionId}:`, `${sessionId};`, seq) as { record_id: string }
  ).record_id;

function edit(core: Core, fn: (db: Database.Database) => void): void {
  const db = new Database(vaultFile(core.vaultDir));
  try {
    fn(db);
  } finally {
    db.close();
  }
}

async function done(core: Core): Promise<void> {
  await core.invoke('vault.lock', {});
  core.close();
  removeDir(core.vaultDir);
}

/** Locks and closes `core`, runs `change` on the closed file, and signs `who` in anew. */
async function reopen(core: Core, who: string, change?: (db: Database.Database) => void): Promise<Core> {
  await call(core, 'vault.lock', {});
  core.close();
  if (change) edit(core, change);
  const next = Object.assign(makeCore(core.vaultDir), { recoveryKey: core.recoveryKey });
  await signInAs(next, who);
  return next;
}

test('a colleague sees an event sealed for other roles as a placeholder naming who can read it; the admin and the author see it whole', async () => {
  const made = await setUp();
  const { sessionId } = made;
  let core = made.core;
  try {
    const own = await call(core, 'sessions.timeline', { sessionId });
    expect(own.events.map((e) => e.seq).slice(0, 5)).toEqual([1, 2, 3, 4, 5]);
    expect(own.events[3]!.text).toBe(NOTE);
    expect(own.withheld).toBeUndefined();

    await signInAs(core, 'ivan');
    const seen = await call(core, 'sessions.timeline', { sessionId });
    // Ola's sign-out paused her running interview (one more event after 5).
    expect(seen.events.map((e) => e.seq)).toEqual([1, 2, 3, 5, 6]);
    expect(seen.events.find((e) => e.seq === 5)!.text).toBe('last note');
    expect(seen.withheld).toEqual([
      {
        seq: 4,
        afterAt: seen.events[2]!.at,
        afterElapsedMs: seen.events[2]!.elapsedMs,
        writtenBy: 'ola',
        auditEntry: expect.any(Number),
        readableBy: { roles: ['admin'], users: ['admin', 'ola'] },
      },
    ]);
    expect(JSON.stringify(seen)).not.toContain(NOTE);
    // The summary: folded from what he may read, naming the position it leaves out.
    const summary = await call(core, 'sessions.get', { sessionId });
    expect(summary).toMatchObject({ withheldEvents: [4], eventCount: 6, status: 'active' });
    // Verify still recomputes the whole chain, which he cannot: it names the event, as before.
    const verdict = await call(core, 'sessions.verify', { sessionId });
    expect(verdict.ok).toBe(false);

    await signInAs(core, ADMIN.username);
    const admin = await call(core, 'sessions.timeline', { sessionId });
    expect(admin.events.map((e) => e.seq)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(admin.withheld).toBeUndefined();
    // The same after a fresh process (nothing cached).
    core = await reopen(core, 'ivan');
    expect((await call(core, 'sessions.timeline', { sessionId })).withheld?.map((w) => w.seq)).toEqual([4]);
  } finally {
    await done(core);
  }
});

test('the withheld row replaced by other bytes: TAMPERED naming event 4 (its audit entry does not vouch for it)', async () => {
  const made = await setUp();
  const { sessionId } = made;
  let core = made.core;
  try {
    core = await reopen(core, 'ivan', (db) =>
      db
        .prepare('UPDATE records SET ciphertext = randomblob(length(ciphertext)) WHERE record_id = ?')
        .run(eventId(sessionId, 4, db)),
    );
    const refused = await callError(core, 'sessions.timeline', { sessionId });
    expect(refused.code).toBe('TAMPERED');
    expect(refused.message).toMatch(/^Event 4 of this session .*audit entry \d+ does not commit to it/);
    expect(refused.message).toContain('Run a vault check');
  } finally {
    await done(core);
  }
});

test('a genuine event relabelled as sealed under the allegation key: TAMPERED naming it (it opens under the session key)', async () => {
  const made = await setUp();
  const { caseId, sessionId } = made;
  let core = made.core;
  try {
    // The audit hash still matches (it covers nonce and ciphertext, not the key reference).
    core = await reopen(core, 'ivan', (db) =>
      db
        .prepare('UPDATE records SET key_ref = ? WHERE record_id = ?')
        .run(`allegation:${caseId}@1`, eventId(sessionId, 2, db)),
    );
    const refused = await callError(core, 'sessions.timeline', { sessionId });
    expect(refused.code).toBe('TAMPERED');
    expect(refused.message).toMatch(
      /^Event 2 of this session names the key allegation:.*@1, but it was sealed under session:.*key reference was edited outside Hearth/,
    );
  } finally {
    await done(core);
  }
});

test('a row planted after the last event under the allegation key, with no audit entry: TAMPERED naming it', async () => {
  const made = await setUp();
  const { sessionId } = made;
  let core = made.core;
  try {
    core = await reopen(core, 'ivan', (db) => {
      const four = db.prepare('SELECT * FROM records WHERE record_id = ?').get(eventId(sessionId, 4, db)) as {
        record_id: string;
        container_id: string;
        key_ref: string;
        nonce: Buffer;
        ciphertext: Buffer;
      };
      const last = (
        db.prepare('SELECT max(seq) AS n FROM records WHERE record_id > ? AND record_id < ?').get(`${sessionId}:`, `${sessionId};`) as {
          n: number;
        }
      ).n;
      const padded = four.record_id.slice(four.record_id.lastIndexOf(':') + 1).length;
      const id = `${sessionId}:${String(last + 1).padStart(padded, '0')}`;
      db.prepare(
        'INSERT INTO records (record_id, container_id, kind, seq, key_ref, nonce, ciphertext, blind_index) VALUES (?, ?, ?, ?, ?, ?, ?, NULL)',
      ).run(id, four.container_id, 'event', last + 1, four.key_ref, four.nonce, four.ciphertext);
    });
    const planted = await callError(core, 'sessions.timeline', { sessionId });
    expect(planted.code).toBe('TAMPERED');
    expect(planted.message).toMatch(/^Event 7 of this session .*(no audit|audit index|does not commit)/);
  } finally {
    await done(core);
  }
});
