// Red team 25, R25-1 variants B and E (high): no key. One byte of a sealed interview's own
// record flipped, or the clear `kind` column of its record and summary edited: the interview
// vanished from its case's session list for the interviewer, the admin and the reviewer, with
// no error and no notice (metadata that did not open was left out). Now such a session is
// listed under `unreadable` (as the Cases and Users lists do), beside the sound ones.
import Database from 'better-sqlite3';
import { vaultFile } from '../../../src/vault';
import { call, makeCore, removeDir } from '../../helpers/core';
import { makeCase, signInAs, vaultWithStaff, type Core } from '../../helpers/red-team';

jest.setTimeout(300_000);

async function twoInterviews(tamper: (db: Database.Database, second: string) => void): Promise<{
  core: Core;
  caseId: string;
  first: string;
  second: string;
}> {
  let core: Core = await vaultWithStaff([
    ['ola', 'interviewer'],
    ['rita', 'reviewer'],
  ]);
  await signInAs(core, 'ola');
  const caseId = await makeCase(core, 'SEEN-1');
  const start = async () =>
    (
      await call(core, 'sessions.start', {
        caseId,
        protocolId: 'nichd',
        mode: 'live',
        language: 'en',
      })
    ).sessionId;
  const first = await start();
  await call(core, 'sessions.addNote', { sessionId: first, kind: 'child', text: 'QMARK-ONE' });
  const second = await start();
  await call(core, 'sessions.addNote', { sessionId: second, kind: 'child', text: 'QMARK-TWO' });
  await call(core, 'sessions.finalize', { sessionId: second });
  await call(core, 'vault.lock', {});
  core.close();
  const db = new Database(vaultFile(core.vaultDir));
  try {
    tamper(db, second);
  } finally {
    db.close();
  }
  core = Object.assign(makeCore(core.vaultDir), { recoveryKey: core.recoveryKey });
  return { core, caseId, first, second };
}

async function expectListedUnreadable(
  core: Core,
  caseId: string,
  first: string,
  second: string,
): Promise<void> {
  for (const who of ['ola', 'admin', 'rita']) {
    await signInAs(core, who);
    const listed = await call(core, 'sessions.list', { caseId });
    expect((listed.sessions as Array<{ sessionId: string }>).map((s) => s.sessionId)).toEqual([
      first,
    ]);
    expect(listed.unreadable).toEqual([second]);
    // The Cases screen asks for several cases at once and marks the row of the one holding it.
    const several = await call(core, 'sessions.list', {
      caseIds: [caseId, `case_${'0'.repeat(32)}`],
    });
    expect(several.unreadableByCase).toEqual({ [caseId]: 1 });
    await call(core, 'vault.lock', {});
  }
}

test("a sealed interview's record with one byte flipped is listed as unreadable for interviewer, admin and reviewer", async () => {
  const { core, caseId, first, second } = await twoInterviews((db, id) => {
    const { ciphertext } = db
      .prepare('SELECT ciphertext FROM records WHERE record_id = ?')
      .get(id) as {
      ciphertext: Buffer;
    };
    const flipped = Buffer.from(ciphertext);
    flipped.writeUInt8(flipped.readUInt8(flipped.length - 1) ^ 1, flipped.length - 1);
    db.prepare('UPDATE records SET ciphertext = ? WHERE record_id = ?').run(flipped, id);
  });
  try {
    await expectListedUnreadable(core, caseId, first, second);
  } finally {
    core.close();
    removeDir(core.vaultDir);
  }
});

test("an interview whose record's and summary's kind were edited is listed as unreadable", async () => {
  const { core, caseId, first, second } = await twoInterviews((db, id) => {
    db.prepare("UPDATE records SET kind = kind || 'x' WHERE record_id IN (?, ?)").run(
      id,
      `summary:${id}`,
    );
  });
  try {
    await expectListedUnreadable(core, caseId, first, second);
  } finally {
    core.close();
    removeDir(core.vaultDir);
  }
});

test("an interview whose record's kind alone was edited is listed as unreadable", async () => {
  const { core, caseId, first, second } = await twoInterviews((db, id) => {
    db.prepare("UPDATE records SET kind = 'sessionx' WHERE record_id = ?").run(id);
  });
  try {
    await expectListedUnreadable(core, caseId, first, second);
  } finally {
    core.close();
    removeDir(core.vaultDir);
  }
});
