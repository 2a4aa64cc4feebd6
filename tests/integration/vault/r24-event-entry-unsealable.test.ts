// Red team 24, R24-5 (low/medium): no key. One flipped byte in the audit entry of one event of a
// running interview (its sealed body, or its author signature) made the interview unsealable
// and a sealed one unexportable, with a refusal that named the event but no code and no way on.
// The seal still refuses (a seal attests that every event's author is proven; see
// docs/ARCHITECTURE.md "An event whose audit entry is damaged"), now with the reason
// EVENT_AUTHOR_UNPROVEN, the event and the audit entry, what is safe, and the next step; the same
// for the export of a sealed interview.
import Database from 'better-sqlite3';
import { vaultFile } from '../../../src/vault';
import { call, callError, makeCore, removeDir } from '../../helpers/core';
import { makeCase, signInAs, vaultWithStaff, type Core } from '../../helpers/red-team';
import { damageSignature } from '../../helpers/signature-damage';

jest.setTimeout(300_000);

type Damage = 'body' | 'signature';

/** A live interview by ola with three notes; then one byte of note 2's audit entry damaged. */
async function interviewWithDamagedEntry(damage: Damage, sealFirst: boolean) {
  let core: Core = await vaultWithStaff([['ola', 'interviewer']]);
  await signInAs(core, 'ola');
  const caseId = await makeCase(core, 'R24-5');
  const { sessionId } = await call(core, 'sessions.start', {
    caseId,
    protocolId: 'nichd',
    mode: 'live',
    language: 'en',
  });
  for (const text of ['QMARK-A', 'QMARK-B', 'QMARK-C'])
    await call(core, 'sessions.addNote', { sessionId, kind: 'child', text });
  if (sealFirst) await call(core, 'sessions.finalize', { sessionId });
  const events = (await call(core, 'sessions.timeline', { sessionId })).events as Array<{
    seq: number;
    type: string;
    text?: string;
  }>;
  const target = events.find((e) => e.text === 'QMARK-B')!.seq;
  await signInAs(core, 'admin');
  const listed = (await call(core, 'audit.list', { limit: 100 })).entries as Array<{
    seq: number;
    action: string;
    target?: string;
  }>;
  const notes = listed
    .filter((e) => e.action === 'sessions.addNote' && e.target === sessionId)
    .map((e) => e.seq)
    .sort((a, b) => a - b);
  expect(notes).toHaveLength(3);
  const entry = notes[1]!;
  await call(core, 'vault.lock', {});
  core.close();
  const db = new Database(vaultFile(core.vaultDir));
  try {
    if (damage === 'signature') damageSignature(db, entry, 'flipped');
    else {
      const { ciphertext } = db
        .prepare('SELECT ciphertext FROM audit_log WHERE seq = ?')
        .get(entry) as { ciphertext: Buffer };
      const flipped = Buffer.from(ciphertext);
      flipped[5]! ^= 1;
      db.prepare('UPDATE audit_log SET ciphertext = ? WHERE seq = ?').run(flipped, entry);
    }
  } finally {
    db.close();
  }
  core = Object.assign(makeCore(core.vaultDir), { recoveryKey: core.recoveryKey });
  return { core, sessionId, event: target, entry };
}

function expectNamed(
  refused: { code: string; message: string; reason?: string; details?: { reason?: string } },
  event: number,
  entry: number,
) {
  expect(refused.code).toBe('TAMPERED');
  expect(refused.message).toContain(`event ${event}`);
  expect(refused.message).toContain(`audit entry ${entry}`);
  expect(refused.message).toMatch(/hearth vault check/);
  expect(refused.message).toMatch(/nothing was written/i);
  expect(refused.message).not.toMatch(/QMARK/);
}

test.each<Damage>(['body', 'signature'])(
  "one byte of a live interview's event entry damaged (%s): the seal refuses EVENT_AUTHOR_UNPROVEN naming the event, the entry and the next step",
  async (damage) => {
    const { core, sessionId, event, entry } = await interviewWithDamagedEntry(damage, false);
    try {
      await signInAs(core, 'ola');
      const refused = await callError(core, 'sessions.finalize', { sessionId });
      expectNamed(refused, event, entry);
      expect(refused.reason).toBe('EVENT_AUTHOR_UNPROVEN');
      // Nothing was lost: the notes still read, the interview is still open.
      const timeline = (await call(core, 'sessions.timeline', { sessionId })).events as Array<{
        text?: string;
      }>;
      expect(timeline.map((e) => e.text).filter(Boolean)).toEqual([
        'QMARK-A',
        'QMARK-B',
        'QMARK-C',
      ]);
      expect((await call(core, 'sessions.get', { sessionId })).status).toBe('active');
    } finally {
      core.close();
      removeDir(core.vaultDir);
    }
  },
);

test('the same damage on a sealed interview: an addendum (the path an export takes) refuses EVENT_AUTHOR_UNPROVEN with the event and the entry', async () => {
  const { core, sessionId, event, entry } = await interviewWithDamagedEntry('body', true);
  try {
    await signInAs(core, 'ola');
    const refused = await callError(core, 'sessions.addAddendum', { sessionId, text: 'QMARK-ADD' });
    expectNamed(refused, event, entry);
    expect(refused.reason).toBe('EVENT_AUTHOR_UNPROVEN');
  } finally {
    core.close();
    removeDir(core.vaultDir);
  }
});
