// Red team 26, R26-7: the last event of a running interview deleted with plain SQLite (with or
// without its audit entry) was written again at the next write: the next note, or the
// interruption marker of the next sign-in, took its place, the deletion was never named, and
// vault check blamed the interviewer (EVENT_REWRITTEN). Now the first write into a session whose
// summary (its anchor: event count and chain head) counts more events than the vault holds is
// refused with TAMPERED EVENT_MISSING and writes nothing, and vault check names the one missing
// record (RECORD_MISSING) once. A deleted summary is not rebuilt by the summary migration.
import Database from 'better-sqlite3';
import { vaultFile } from '../../../src/vault';
import { ADMIN, call, callError, makeCore, removeDir } from '../../helpers/core';
import {
  checkAsAdmin,
  makeCase,
  PASS,
  signInAs,
  vaultWithStaff,
  type Core,
  type Problem,
} from '../../helpers/red-team';

jest.setTimeout(300_000);

interface Attacked {
  core: Core;
  sessionId: string;
  deletedId: string;
}

/**
 * Ola interviews (start, two child notes) and locks; the file is then edited offline: `rows`
 * deleted (the last event row by default), and with `tail`, the newest `tail` audit entries
 * (the last note's own and the lock's).
 */
async function interviewThenEdit(edit: {
  tail?: number;
  summary?: boolean;
  markSummaryTaskPending?: boolean;
}): Promise<Attacked> {
  let core: Core = await vaultWithStaff([['ola', 'interviewer']]);
  await signInAs(core, 'ola');
  const caseId = await makeCase(core, 'LAST-1');
  const { sessionId } = await call(core, 'sessions.start', {
    caseId,
    protocolId: 'nichd',
    mode: 'live',
    language: 'en',
  });
  for (const text of ['note one', 'note two'])
    await call(core, 'sessions.addNote', { sessionId, kind: 'child', text });
  await call(core, 'vault.lock', {});
  core.close();
  const db = new Database(vaultFile(core.vaultDir));
  const last = db
    .prepare(
      "SELECT record_id FROM records WHERE container_id = ? AND kind = 'event' ORDER BY record_id DESC LIMIT 1",
    )
    .get(sessionId) as { record_id: string };
  db.prepare('DELETE FROM records WHERE record_id = ?').run(last.record_id);
  if (edit.tail) {
    const top = (db.prepare('SELECT max(seq) AS s FROM audit_log').get() as { s: number }).s;
    expect(db.prepare('DELETE FROM audit_log WHERE seq > ?').run(top - edit.tail).changes).toBe(
      edit.tail,
    );
  }
  if (edit.summary)
    expect(
      db.prepare('DELETE FROM records WHERE record_id = ?').run(`summary:${sessionId}`).changes,
    ).toBe(1);
  if (edit.markSummaryTaskPending)
    db.prepare("INSERT OR IGNORE INTO vault_tasks (task) VALUES ('session-summaries')").run();
  db.close();
  core = Object.assign(makeCore(core.vaultDir), { recoveryKey: core.recoveryKey });
  return { core, sessionId, deletedId: last.record_id };
}

/** How many rows the vault file holds in records and audit_log (the core must be closed). */
function rowCounts(vaultDir: string): { records: number; audit: number } {
  const db = new Database(vaultFile(vaultDir), { readonly: true });
  try {
    const n = (sql: string) => (db.prepare(sql).get() as { n: number }).n;
    return {
      records: n('SELECT count(*) AS n FROM records'),
      audit: n('SELECT count(*) AS n FROM audit_log'),
    };
  } finally {
    db.close();
  }
}

/** Ola's next note is refused with `reason`, and writes no record. */
async function noteRefused(attacked: Attacked, reason: string): Promise<Core> {
  const { sessionId } = attacked;
  let core = attacked.core;
  await call(core, 'vault.unlock', { username: 'ola', passphrase: PASS });
  await call(core, 'vault.lock', {});
  core.close();
  const before = rowCounts(core.vaultDir).records;
  core = Object.assign(makeCore(core.vaultDir), { recoveryKey: attacked.core.recoveryKey });
  await call(core, 'vault.unlock', { username: 'ola', passphrase: PASS });
  const refused = await callError(core, 'sessions.addNote', {
    sessionId,
    kind: 'child',
    text: 'note three',
  });
  expect({ code: refused.code, reason: refused.reason }).toEqual({ code: 'TAMPERED', reason });
  expect(refused.message).toContain('Nothing was written');
  expect(refused.message).toContain('hearth vault check');
  expect(refused.message).not.toContain('note');
  // A second try (the session is loaded now) is refused too.
  expect(
    (await callError(core, 'sessions.addNote', { sessionId, kind: 'child', text: 'x' })).reason,
  ).toBe(reason);
  await call(core, 'vault.lock', {});
  core.close();
  expect(rowCounts(core.vaultDir).records).toBe(before);
  return Object.assign(makeCore(core.vaultDir), { recoveryKey: attacked.core.recoveryKey });
}

test('a deleted last event: the next note is refused (EVENT_MISSING) and vault check names it once', async () => {
  const attacked = await interviewThenEdit({});
  let core = attacked.core;
  try {
    core = await noteRefused(attacked, 'EVENT_MISSING');
    const problems = await checkAsAdmin(core);
    const missing = problems.filter((p) => p.code === 'RECORD_MISSING');
    expect(missing.map((p) => p.id)).toEqual([attacked.deletedId]);
    // Nothing blames the interviewer, and the summary is not called rewritten.
    expect(problems.filter((p) => p.code === 'EVENT_REWRITTEN')).toEqual([]);
    expect(problems.filter((p) => p.kind === 'session-summary')).toEqual([]);
  } finally {
    core.close();
    removeDir(core.vaultDir);
  }
});

test('a deleted last event and the audit entries after it: refused, ROLLED_BACK and RECORD_MISSING from the summary', async () => {
  // The note's entry and the lock's: the anchor outside the file sees the cut.
  const attacked = await interviewThenEdit({ tail: 2 });
  let core = attacked.core;
  try {
    // The anchor makes an admin sign in first (ROLLBACK_ADMIN_FIRST); then the interviewer.
    await call(core, 'vault.unlock', { username: ADMIN.username, passphrase: ADMIN.passphrase });
    await call(core, 'vault.lock', {});
    core = await noteRefused({ ...attacked, core }, 'EVENT_MISSING');
    const problems = await checkAsAdmin(core);
    expect(problems.filter((p) => p.code === 'ROLLED_BACK')).toHaveLength(1);
    const missing = problems.filter((p: Problem) => p.code === 'RECORD_MISSING');
    expect(missing.map((p) => p.id)).toEqual([attacked.deletedId]);
    expect(missing[0]!.detail).toContain('summary');
    expect(problems.filter((p) => p.code === 'EVENT_REWRITTEN')).toEqual([]);
  } finally {
    core.close();
    removeDir(core.vaultDir);
  }
});

test('a deleted summary is not rebuilt by the summary migration, writes are refused, and vault check names it', async () => {
  // The summary deleted with the last event, and the migration's task put back as pending (as
  // in a vault where some sessions still wait for their readers).
  const attacked = await interviewThenEdit({ summary: true, markSummaryTaskPending: true });
  let core = attacked.core;
  try {
    core = await noteRefused(attacked, 'SUMMARY_MISSING');
    core.close();
    const db = new Database(vaultFile(core.vaultDir), { readonly: true });
    const summary = db
      .prepare('SELECT count(*) AS n FROM records WHERE record_id = ?')
      .get(`summary:${attacked.sessionId}`) as { n: number };
    db.close();
    expect(summary.n).toBe(0);
    core = Object.assign(makeCore(core.vaultDir), { recoveryKey: attacked.core.recoveryKey });
    const problems = await checkAsAdmin(core);
    const missing = problems.filter((p) => p.code === 'RECORD_MISSING').map((p) => p.id);
    expect(missing).toEqual(
      expect.arrayContaining([attacked.deletedId, `summary:${attacked.sessionId}`]),
    );
    expect(problems.filter((p) => p.code === 'EVENT_REWRITTEN')).toEqual([]);
  } finally {
    core.close();
    removeDir(core.vaultDir);
  }
});

test('a clean session: the anchor check lets every write through', async () => {
  const core: Core = await vaultWithStaff([['ola', 'interviewer']]);
  try {
    await signInAs(core, 'ola');
    const caseId = await makeCase(core, 'CLEAN-1');
    const { sessionId } = await call(core, 'sessions.start', {
      caseId,
      protocolId: 'nichd',
      mode: 'live',
      language: 'en',
    });
    await call(core, 'sessions.addNote', { sessionId, kind: 'child', text: 'one' });
    await signInAs(core, 'ola');
    await call(core, 'sessions.addNote', { sessionId, kind: 'child', text: 'two' });
    expect(await checkAsAdmin(core)).toEqual([]);
  } finally {
    core.close();
    removeDir(core.vaultDir);
  }
});
