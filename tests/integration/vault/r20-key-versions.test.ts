// Red team 20, R20-1 (high), R20-2, R20-3: key versions anyone can add to key_wraps without any
// key. A "newer" version of a per-user (personal:) or per-session (session:) data key sealed to
// the victim's PUBLIC user key was taken as current, so his next drafts and child notes were
// sealed under a key the attacker chose (read from a later copy with that key alone); one such
// row of random bytes stopped a live interview's notes and users.remove; one row "class:X@1 held
// by class:X@2" (no such version) locked every user out, the admin too, before vault check could
// run. Now Hearth writes only under versions it can show it made, ignores the rest, and vault
// check names them.
import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { vaultFile } from '../../../src/vault';
import { blob } from '../../../src/vault/encoding';
import { KeyStore } from '../../../src/vault/key-store';
import { RecordStore } from '../../../src/vault/records';
import { ADMIN, call, makeCore, removeDir } from '../../helpers/core';
import { liveInterview } from '../../helpers/live-interview';
import { copyVault } from '../../helpers/offline-insider';
import { checkAsAdmin, PASS, signInAs, vaultWithStaff, type Core } from '../../helpers/red-team';

jest.setTimeout(240_000);

const MARKER = 'QCHILDWORDSQ';

function vaultIdOf(db: Database.Database): Uint8Array {
  return blob(
    (db.prepare('SELECT vault_id FROM vault_meta').get() as { vault_id: Buffer }).vault_id,
  );
}

/** With no key at all: a new version of `logical`, key K, sealed to `victim`'s public user key. */
function plantSealed(file: string, logical: string, victim: string, key: Uint8Array): string {
  const db = new Database(file);
  try {
    const { v } = db
      .prepare('SELECT max(version) AS v FROM key_wraps WHERE logical = ?')
      .get(logical) as { v: number };
    const { key_id: holder } = db
      .prepare('SELECT key_id FROM key_slots WHERE username = ?')
      .get(victim) as { key_id: string };
    const keys = new KeyStore(db, vaultIdOf(db));
    const id = `${logical}@${v + 1}`;
    keys.hold(id, key.slice());
    keys.wrap(id, holder);
    return id;
  } finally {
    db.close();
  }
}

/** Every record a later copy's reader opens holding only `key` as `id`, as JSON. */
function readWithOnly(file: string, id: string, key: Uint8Array): string {
  const db = new Database(file, { readonly: true });
  try {
    const keys = new KeyStore(db, vaultIdOf(db));
    keys.hold(id, key.slice());
    const records = new RecordStore(db, keys, vaultIdOf(db));
    return [...records.allRows()]
      .filter((r) => r.readable === 'yes')
      .map((r) => JSON.stringify(r.value))
      .join('\n');
  } finally {
    db.close();
  }
}

function insertRow(file: string, logical: string, version: number, holder: string): void {
  const db = new Database(file);
  try {
    db.prepare('INSERT INTO key_wraps VALUES (?, ?, ?, ?, ?)').run(
      logical,
      version,
      holder,
      randomBytes(24),
      randomBytes(80),
    );
  } finally {
    db.close();
  }
}

async function reopen(core: Core): Promise<Core> {
  await call(core, 'vault.lock', {});
  core.close();
  return makeCore(core.vaultDir) as unknown as Core;
}

/**
 * Ivan writes a child note into his live session and seals it; a later copy's reader holding only
 * the planted key `K` (as `planted`) opens nothing, and the reviewer's timeline shows the note.
 */
async function notesEscapePlantedKey(
  core: Core,
  sessionId: string,
  planted: string,
  K: Uint8Array,
  work: string,
): Promise<void> {
  await signInAs(core, 'ivan');
  await call(core, 'sessions.addNote', {
    sessionId,
    kind: 'child',
    text: `${MARKER} he said not to tell`,
  });
  await call(core, 'sessions.finalize', { sessionId });
  await call(core, 'vault.lock', {});
  expect(readWithOnly(copyVault(core.vaultDir, work, 'later'), planted, K)).toBe('');
  await signInAs(core, 'rita');
  const timeline = await call(core, 'sessions.timeline', { sessionId });
  expect(JSON.stringify(timeline)).toContain(MARKER);
}

test('R20-1: a personal-key version sealed to the user without any key captures none of his drafts; check names it', async () => {
  let core = await vaultWithStaff([['ivan', 'interviewer']]);
  const work = mkdtempSync(join(tmpdir(), 'r20-personal-'));
  try {
    await signInAs(core, 'ivan');
    const sessionId = await liveInterview(core);
    core = await reopen(core);
    const K = new Uint8Array(randomBytes(32));
    const planted = plantSealed(vaultFile(core.vaultDir), 'personal:ivan', 'ivan', K);
    await signInAs(core, 'ivan');
    await call(core, 'sessions.saveDrafts', {
      drafts: [{ sessionId, kind: 'child', text: `${MARKER} he said not to tell` }],
    });
    const back = await call(core, 'sessions.drafts', {});
    expect(JSON.stringify(back)).toContain(MARKER);
    await call(core, 'vault.lock', {});
    // Before the fix: his draft and draft index decrypted with K alone.
    expect(readWithOnly(copyVault(core.vaultDir, work, 'later'), planted, K)).not.toContain(MARKER);
    const problems = await checkAsAdmin(core);
    const named = problems.filter((p) => p.code === 'KEY_VERSION_UNPROVEN');
    expect(named.map((p) => p.id)).toEqual(['personal:ivan']);
    expect(named[0]!.detail).toContain(planted);
  } finally {
    core.close();
    removeDir(core.vaultDir);
    removeDir(work);
  }
});

test('R20-1: a session-key version sealed to the interviewer captures none of his child notes; seal, timeline and check work', async () => {
  let core = await vaultWithStaff([
    ['ivan', 'interviewer'],
    ['rita', 'reviewer'],
  ]);
  const work = mkdtempSync(join(tmpdir(), 'r20-session-'));
  try {
    await signInAs(core, 'ivan');
    const sessionId = await liveInterview(core);
    core = await reopen(core);
    const K = new Uint8Array(randomBytes(32));
    const planted = plantSealed(vaultFile(core.vaultDir), `session:${sessionId}`, 'ivan', K);
    await notesEscapePlantedKey(core, sessionId, planted, K, work);
    const verify = await call(core, 'sessions.verify', { sessionId });
    expect(verify.ok).toBe(true);
    const problems = await checkAsAdmin(core);
    expect(problems.map((p) => p.code)).toEqual(['KEY_VERSION_UNPROVEN']);
    expect(problems[0]!.id).toBe(`session:${sessionId}`);
  } finally {
    core.close();
    removeDir(core.vaultDir);
    removeDir(work);
  }
});

test('R20-2: one junk newer session-key or personal-key version stops neither the interview, the drafts, nor users.remove', async () => {
  let core = await vaultWithStaff([
    ['ola', 'interviewer'],
    ['ivan', 'interviewer'],
  ]);
  try {
    await signInAs(core, 'ola');
    const sessionId = await liveInterview(core);
    core = await reopen(core);
    insertRow(vaultFile(core.vaultDir), `session:${sessionId}`, 2, 'user:ivan@1');
    insertRow(vaultFile(core.vaultDir), `session:${sessionId}`, 3, 'user:ola@1');
    insertRow(vaultFile(core.vaultDir), 'personal:ola', 2, 'user:ola@1');
    await signInAs(core, 'admin');
    await call(core, 'users.remove', { username: 'ivan' });
    const users = await call(core, 'users.list', {});
    expect(JSON.stringify(users)).not.toContain('"ivan"');
    await signInAs(core, 'ola');
    await call(core, 'sessions.addNote', { sessionId, kind: 'child', text: 'later' });
    await call(core, 'sessions.saveDrafts', {
      drafts: [{ sessionId, kind: 'child', text: 'draft' }],
    });
    expect(JSON.stringify(await call(core, 'sessions.drafts', {}))).toContain('draft');
    const codes = (await checkAsAdmin(core)).map((p) => `${p.code} ${p.id}`).sort();
    // The junk personal:ola row also changes her wrap rows from what her last slot entry
    // committed to (sec48, RT22-4): named as an edit of her personal key wraps.
    expect(codes).toEqual([
      'KEY_VERSION_UNPROVEN personal:ola',
      `KEY_VERSION_UNPROVEN session:${sessionId}`,
      'PERSONAL_KEY_WRAP_EDITED keywrap:personal:ola',
    ]);
  } finally {
    core.close();
    removeDir(core.vaultDir);
  }
});

test.each(['class:directory', 'class:case', 'class:practice'])(
  'R20-3: one row "%s@n held by a version that does not exist" locks nobody out; check names it',
  async (logical) => {
    let core = await vaultWithStaff([
      ['ivan', 'interviewer'],
      ['tara', 'trainer'],
    ]);
    try {
      core = await reopen(core);
      const db = new Database(vaultFile(core.vaultDir));
      const { v } = db
        .prepare('SELECT max(version) AS v FROM key_wraps WHERE logical = ?')
        .get(logical) as { v: number };
      db.close();
      insertRow(vaultFile(core.vaultDir), logical, v, `${logical}@${v + 1}`);
      for (const who of ['ivan', 'tara', ADMIN.username]) {
        const unlocked = await core.invoke('vault.unlock', {
          username: who,
          passphrase: who === ADMIN.username ? ADMIN.passphrase : PASS,
        });
        expect(unlocked.ok ? 'ok' : unlocked.error.code).toBe('ok');
        await call(core, 'vault.lock', {});
      }
      const problems = await checkAsAdmin(core);
      expect(problems.map((p) => `${p.code} ${p.id}`)).toEqual([`KEY_HOLDER_UNPROVEN ${logical}`]);
    } finally {
      core.close();
      removeDir(core.vaultDir);
    }
  },
);

test('R21-1: 64 session-key versions sealed to the interviewer, each also "wrapped" under a class key he lacks, capture none of his notes', async () => {
  let core = await vaultWithStaff([
    ['ivan', 'interviewer'],
    ['rita', 'reviewer'],
  ]);
  const work = mkdtempSync(join(tmpdir(), 'r21-session-'));
  try {
    await signInAs(core, 'ivan');
    const sessionId = await liveInterview(core);
    core = await reopen(core);
    const logical = `session:${sessionId}`;
    const file = vaultFile(core.vaultDir);
    const K = new Uint8Array(randomBytes(32));
    // Red team 21: the newest 64 versions all carry a junk wrap under the current audit class key
    // (interviewers do not hold it), so the real version 1 fell out of a newest-64 window and the
    // newest version ivan could not judge was written under.
    const auditKey = (() => {
      const db = new Database(file, { readonly: true });
      try {
        const { v } = db
          .prepare("SELECT max(version) AS v FROM key_wraps WHERE logical = 'class:audit'")
          .get() as { v: number };
        return `class:audit@${v}`;
      } finally {
        db.close();
      }
    })();
    let planted = '';
    for (let i = 0; i < 64; i++) {
      planted = plantSealed(file, logical, 'ivan', K);
      insertRow(file, logical, Number(planted.split('@')[1]), auditKey);
    }
    await notesEscapePlantedKey(core, sessionId, planted, K, work);
    const problems = await checkAsAdmin(core);
    expect(problems.map((p) => p.code)).toEqual(['KEY_VERSION_UNPROVEN']);
  } finally {
    core.close();
    removeDir(core.vaultDir);
    removeDir(work);
  }
});
