// Red team 21, R21-5 (second part): a removed user's unsent drafts are sealed under their
// personal key, which the removal destroys, so nobody can open them afterwards, by design. Vault
// check called each RECORD_UNREADABLE (the vault looked damaged after every removal of someone
// with drafts). Now they are a notice (REMOVED_USER_DRAFT), and only they: a damaged draft, or
// another record made to look like one, is still a problem.
import Database from 'better-sqlite3';
import { vaultFile } from '../../../src/vault';
import { ADMIN, call, makeCore, removeDir } from '../../helpers/core';
import { liveInterview } from '../../helpers/live-interview';
import { signInAs, vaultWithStaff, type Core } from '../../helpers/red-team';

jest.setTimeout(180_000);

const MARKER = 'QDRAFTQ';

async function removedWithDrafts(): Promise<{ core: Core; sessionId: string }> {
  const core = await vaultWithStaff([
    ['ivan', 'interviewer'],
    ['ola', 'interviewer'],
  ]);
  await signInAs(core, 'ivan');
  const sessionId = await liveInterview(core);
  await call(core, 'sessions.saveDrafts', {
    drafts: [{ sessionId, kind: 'child', text: `${MARKER} she said the red car` }],
  });
  await signInAs(core, ADMIN.username);
  await call(core, 'users.remove', { username: 'ivan' });
  return { core, sessionId };
}

async function check(core: Core) {
  await signInAs(core, ADMIN.username);
  return call(core, 'vault.check', {});
}

test("R21-5: a removed user's drafts are a notice, not RECORD_UNREADABLE", async () => {
  const { core, sessionId } = await removedWithDrafts();
  try {
    const result = await check(core);
    expect(result.problems.map((p) => `${p.code} ${p.id}`)).toEqual([]);
    expect(
      (result.notices ?? [])
        .filter((n) => n.code === 'REMOVED_USER_DRAFT')
        .map((n) => [n.id, n.values])
        .sort(),
    ).toEqual([
      ['drafts:ivan', { username: 'ivan' }],
      [`${sessionId}~draft~ivan`, { username: 'ivan' }],
    ]);
    expect(JSON.stringify(result)).not.toContain(MARKER);
  } finally {
    core.close();
    removeDir(core.vaultDir);
  }
});

test.each([
  [
    "a removed user's draft altered in the file",
    (db: Database.Database, sessionId: string) => {
      db.prepare(
        'UPDATE records SET ciphertext = zeroblob(length(ciphertext)) WHERE record_id = ?',
      ).run(`${sessionId}~draft~ivan`);
      return `${sessionId}~draft~ivan`;
    },
  ],
  [
    "a case record given the removed user's shredded key",
    (db: Database.Database) => {
      const { record_id: id } = db
        .prepare("SELECT record_id FROM records WHERE kind = 'case' LIMIT 1")
        .get() as { record_id: string };
      db.prepare(
        "UPDATE records SET key_ref = 'personal:ivan@1', kind = 'draft-index', record_id = 'drafts:ivan' WHERE record_id = ?",
      ).run(id);
      return 'drafts:ivan';
    },
  ],
])('R21-5: %s is still a problem', async (name, tamper) => {
  const { core, sessionId } = await removedWithDrafts();
  try {
    await call(core, 'vault.lock', {});
    core.close();
    const db = new Database(vaultFile(core.vaultDir));
    let id: string;
    try {
      if (name.startsWith('a case'))
        db.prepare("DELETE FROM records WHERE record_id = 'drafts:ivan'").run();
      id = tamper(db, sessionId);
    } finally {
      db.close();
    }
    const again = makeCore(core.vaultDir) as unknown as Core;
    try {
      const result = await check(again);
      expect(result.problems.filter((p) => p.id === id).length).toBeGreaterThan(0);
      expect((result.notices ?? []).map((n) => n.id)).not.toContain(id);
    } finally {
      again.close();
    }
  } finally {
    removeDir(core.vaultDir);
  }
});
