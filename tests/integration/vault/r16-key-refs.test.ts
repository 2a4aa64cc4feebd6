// R16-3 (red team round 16): R15-5 came back through key references sec31 did not cover. One
// clear `key_wraps` row with an INTEGER version above 2^53 (passed 0011's trigger and the CHECK,
// read back as an inexact number), or `records.key_ref = 'class:directory@1.5'` on directory
// records, made EVERY sign-in fail, the admin's included, so `vault check` could not run; the same
// edit on case records made `vault check` itself throw TAMPERED with no findings; and
// `records.audit_chain_key_id = 'x@1.5'` left the check with 0 problems. Now a malformed key
// reference makes only its record (or pointer) unreadable, the check names it (KEY_ROW_MALFORMED,
// RECORD_UNREADABLE), and migration 0012 refuses a version above 2^53 - 1. No key is needed for
// any of these edits: the file's owner can drop the triggers, so the tests drop them first.
import Database from 'better-sqlite3';
import { withGuardsLifted } from '../../helpers/lift-guards';
import { vaultFile } from '../../../src/vault';
import { ADMIN, call, callError, makeCore, makeVault, removeDir } from '../../helpers/core';
import { PASS } from '../../helpers/insider';

jest.setTimeout(300_000);

const WRAP =
  'INSERT INTO key_wraps (logical, version, holder, nonce, wrapped_key) VALUES (?, ?, ?, ?, ?)';
const HUGE = 9007199254740993n; // 2^53 + 1: an SQLite INTEGER, not a safe JavaScript number

interface Made {
  dir: string;
  caseId: string;
}

async function vaultWithCase(): Promise<Made & { adminOwn: string[] }> {
  const made = await makeVault();
  const dir = made.vaultDir;
  await call(made, 'vault.lock', {});
  made.close();
  // The admin's own directory records (profile, certificate): those his sign-in reads.
  const before = new Database(vaultFile(dir), { readonly: true });
  const adminOwn = (
    before
      .prepare("SELECT record_id FROM records WHERE record_id LIKE 'certificate:%'")
      .all() as Array<{ record_id: string }>
  ).map((r) => r.record_id);
  before.close();
  adminOwn.push('user:admin');
  const core = makeCore(dir);
  try {
    await call(core, 'vault.unlock', { username: ADMIN.username, passphrase: ADMIN.passphrase });
    await call(core, 'users.add', {
      username: 'ola',
      displayName: 'OLA',
      role: 'interviewer',
      passphrase: PASS,
    });
    const { caseId } = await call(core, 'cases.create', {
      reference: 'CAC-1',
      childAlias: 'A',
      childAgeYears: 7,
      language: 'en',
      allegationSummary: 'QALLEGQ',
    });
    await call(core, 'vault.lock', {});
    return { dir, caseId, adminOwn };
  } finally {
    core.close();
  }
}

function edit(dir: string, sql: (db: Database.Database) => void): void {
  const db = new Database(vaultFile(dir));
  try {
    withGuardsLifted(db, () => sql(db));
  } finally {
    db.close();
  }
}

/** The admin signs in and runs the check: the problems' codes and values. */
async function adminCheck(dir: string) {
  const core = makeCore(dir);
  try {
    await call(core, 'vault.unlock', { username: ADMIN.username, passphrase: ADMIN.passphrase });
    const { problems } = await call(core, 'vault.check', {});
    return problems;
  } finally {
    core.close();
  }
}

async function olaReads(dir: string, caseId: string): Promise<string> {
  const core = makeCore(dir);
  try {
    await call(core, 'vault.unlock', { username: 'ola', passphrase: PASS });
    return (await call(core, 'cases.get', { caseId })).reference;
  } finally {
    core.close();
  }
}

test('a key_wraps version above 2^53 - 1: every sign-in works, the row is ignored and named', async () => {
  const { dir, caseId } = await vaultWithCase();
  try {
    edit(dir, (db) =>
      db.prepare(WRAP).run('class:case', HUGE, 'user:admin@1', Buffer.alloc(24), Buffer.alloc(80)),
    );
    expect(await olaReads(dir, caseId)).toBe('CAC-1');
    const problems = await adminCheck(dir);
    expect(problems).toEqual([
      expect.objectContaining({
        code: 'KEY_ROW_MALFORMED',
        values: expect.objectContaining({ table: 'key_wraps', row: '"class:case"' }),
        detail: expect.stringMatching(
          /whole number from 1 to 9007199254740991.*Restore the newest backup/,
        ),
      }),
    ]);
  } finally {
    removeDir(dir);
  }
});

test('migration 0012 refuses a key_wraps version above 2^53 - 1, on insert and on update', async () => {
  const { dir } = await vaultWithCase();
  const db = new Database(vaultFile(dir));
  try {
    expect(() =>
      db.prepare(WRAP).run('class:case', HUGE, 'user:admin@1', Buffer.alloc(24), Buffer.alloc(80)),
    ).toThrow(/at most 9007199254740991/);
    expect(() =>
      db.prepare("UPDATE key_wraps SET version = ? WHERE logical = 'class:case'").run(HUGE),
    ).toThrow(/at most 9007199254740991/);
    // The largest safe version itself is a version a key id can carry: accepted.
    db.prepare(WRAP).run(
      'class:case',
      9007199254740991n,
      'user:admin@1',
      Buffer.alloc(24),
      Buffer.alloc(80),
    );
  } finally {
    db.close();
    removeDir(dir);
  }
});

test('a malformed key_ref on directory records: only those records are unreadable; the admin signs in and the check names them', async () => {
  const { dir, adminOwn } = await vaultWithCase();
  try {
    // Every directory record but the admin's own profile and certificate (his sign-in needs
    // them, as it needs every other byte of them): the centre key's records, the staff list,
    // ola's profile, certificate and signing key.
    const others = `key_ref LIKE 'class:directory@%' AND record_id NOT IN (SELECT value FROM json_each(?))`;
    let edited: string[] = [];
    edit(dir, (db) => {
      edited = (
        db
          .prepare(`SELECT record_id FROM records WHERE ${others}`)
          .all(JSON.stringify(adminOwn)) as Array<{
          record_id: string;
        }>
      ).map((r) => r.record_id);
      db.prepare(`UPDATE records SET key_ref = 'class:directory@1.5' WHERE ${others}`).run(
        JSON.stringify(adminOwn),
      );
    });
    expect(edited).toEqual(expect.arrayContaining(['user:ola', 'centre-key:public']));
    // Ola's own profile is unreadable: her sign-in is refused with a next step, no plaintext.
    const core = makeCore(dir);
    try {
      const refused = await callError(core, 'vault.unlock', { username: 'ola', passphrase: PASS });
      expect(refused.code).toBe('TAMPERED');
      expect(refused.message).toMatch(/vault check/);
      expect(refused.message).not.toMatch(/QALLEGQ|OLA/);
    } finally {
      core.close();
    }
    const problems = await adminCheck(dir);
    for (const id of edited) {
      expect(problems).toContainEqual(expect.objectContaining({ id, code: 'RECORD_UNREADABLE' }));
      expect(problems).toContainEqual(
        expect.objectContaining({
          code: 'KEY_ROW_MALFORMED',
          values: {
            table: 'records',
            row: `${JSON.stringify(id)} "class:directory@1.5"`,
            version: '"1.5"',
          },
        }),
      );
    }
  } finally {
    removeDir(dir);
  }
});

test('a malformed key_ref on case records: listing and sign-in work, and the check runs and names them', async () => {
  const { dir, caseId } = await vaultWithCase();
  try {
    edit(dir, (db) =>
      db
        .prepare("UPDATE records SET key_ref = 'class:case@1.5' WHERE key_ref LIKE 'class:case@%'")
        .run(),
    );
    const core = makeCore(dir);
    try {
      await call(core, 'vault.unlock', { username: 'ola', passphrase: PASS });
      const listed = await call(core, 'cases.list', {});
      expect(listed.cases.map((c) => c.caseId)).not.toContain(caseId);
    } finally {
      core.close();
    }
    const problems = await adminCheck(dir);
    expect(problems).toContainEqual(
      expect.objectContaining({ id: caseId, code: 'RECORD_UNREADABLE' }),
    );
    expect(problems).toContainEqual(
      expect.objectContaining({
        code: 'KEY_ROW_MALFORMED',
        values: {
          table: 'records',
          row: `${JSON.stringify(caseId)} "class:case@1.5"`,
          version: '"1.5"',
        },
      }),
    );
  } finally {
    removeDir(dir);
  }
});

test('a malformed audit pointer chain key (records.audit_chain_key_id, audit_index.chain_key_id) is named', async () => {
  const { dir, caseId } = await vaultWithCase();
  try {
    let pointers = 0;
    edit(dir, (db) => {
      db.prepare("UPDATE records SET audit_chain_key_id = 'x@1.5' WHERE record_id = ?").run(caseId);
      pointers = db
        .prepare("UPDATE audit_index SET chain_key_id = 'y@2.5' WHERE record_id LIKE 'slot:%'")
        .run().changes;
    });
    expect(pointers).toBeGreaterThan(0);
    expect(await olaReads(dir, caseId)).toBe('CAC-1');
    const problems = await adminCheck(dir);
    expect(problems).toContainEqual(
      expect.objectContaining({
        code: 'KEY_ROW_MALFORMED',
        values: { table: 'records', row: `${JSON.stringify(caseId)} "x@1.5"`, version: '"1.5"' },
      }),
    );
    expect(
      problems.filter((p) => p.code === 'KEY_ROW_MALFORMED' && p.values?.table === 'audit_index'),
    ).toHaveLength(pointers);
  } finally {
    removeDir(dir);
  }
});
