// R15-5 (red team round 15): one clear `key_wraps` row with version 1.5 (`class:case`, written
// with no key at all) made EVERY sign-in fail, the admin's included, with "TAMPERED: A key
// reference in the vault is malformed." and no next step, so `vault check`, which needs a sign-in,
// could not run. The schema's CHECK (version >= 1) lets 1.5 through. Malformed rows in the clear
// key tables are now ignored (never used) and `vault check` names each (KEY_ROW_MALFORMED with the
// table, the key's logical name and the version); migration 0011 refuses a non-integer version
// on insert, but whoever holds the file can drop that trigger, so the tests drop it first.
import Database from 'better-sqlite3';
import { withGuardsLifted } from '../../helpers/lift-guards';
import { vaultFile } from '../../../src/vault';
import { parseKeyId } from '../../../src/vault/key-store';
import { ADMIN, call, makeCore, makeVault, removeDir } from '../../helpers/core';
import { PASS } from '../../helpers/insider';

jest.setTimeout(300_000);

const WRAP = 'INSERT INTO key_wraps (logical, version, holder, nonce, wrapped_key) VALUES (?, ?, ?, ?, ?)';
const junkWrap = (version: unknown, holder = 'user:admin@1') => (db: Database.Database) =>
  db.prepare(WRAP).run('class:case', version, holder, Buffer.alloc(0), Buffer.alloc(80));

/** Each malformed row (put in by someone holding only the file) and what the check must name. */
const ROWS: Array<[name: string, put: (db: Database.Database) => void, table: string, row: string, version: string]> = [
  ['a fractional key_wraps version', junkWrap(1.5), 'key_wraps', '"class:case"', '"1.5"'],
  ['a text key_wraps version', junkWrap('x'), 'key_wraps', '"class:case"', '"x"'],
  ['a malformed holder', junkWrap(1, 'user:ola@1.5'), 'key_wraps', '"user:ola@1.5"', '"1.5"'],
  [
    'a malformed public_keys id',
    (db) => db.prepare('INSERT INTO public_keys (key_id, public_key) VALUES (?, ?)').run('user:ola@1.5', Buffer.alloc(32)),
    'public_keys',
    '"user:ola@1.5"',
    '"1.5"',
  ],
  [
    'a malformed key_certs id',
    (db) =>
      db
        .prepare("INSERT INTO key_certs (key_id, kind, commitment, signer, signature) VALUES (?, 'secret', ?, ?, ?)")
        .run('class:case@1.5', Buffer.alloc(32), Buffer.alloc(32), Buffer.alloc(64)),
    'key_certs',
    '"class:case@1.5"',
    '"1.5"',
  ],
  [
    'a malformed audit epoch chain key',
    (db) => db.prepare('INSERT INTO audit_epochs (epoch, chain_key_id) VALUES (?, ?)').run(999_999, 'chain@1.5'),
    'audit_epochs',
    '"chain@1.5"',
    '"1.5"',
  ],
];

test.each(ROWS)('%s: every sign-in still works and vault check names the row', async (_name, put, table, row, version) => {
  let core: ReturnType<typeof makeCore> = await makeVault();
  const dir = core.vaultDir;
  try {
    await call(core, 'users.add', { username: 'ola', displayName: 'OLA', role: 'interviewer', passphrase: PASS });
    const { caseId } = await call(core, 'cases.create', {
      reference: 'CAC-1',
      childAlias: 'A',
      childAgeYears: 7,
      language: 'en',
      allegationSummary: 'QALLEGQ',
    });
    await call(core, 'vault.lock', {});
    core.close();
    const db = new Database(vaultFile(dir));
    try {
      // The file's owner drops the guards migrations 0011 and 0012 added; the key store must not rely on them.
      withGuardsLifted(db, () => put(db));
    } finally {
      db.close();
    }
    core = makeCore(dir);
    // The interviewer signs in and reads the case: the bad row is ignored, not used.
    await call(core, 'vault.unlock', { username: 'ola', passphrase: PASS });
    expect((await call(core, 'cases.get', { caseId })).reference).toBe('CAC-1');
    await call(core, 'vault.lock', {});
    await call(core, 'vault.unlock', { username: ADMIN.username, passphrase: ADMIN.passphrase });
    const { problems } = await call(core, 'vault.check', {});
    expect(problems).toEqual([
      expect.objectContaining({
        code: 'KEY_ROW_MALFORMED',
        values: { table, row, version },
        detail: expect.stringMatching(/Hearth ignores it .*Restore the newest backup \(hearth vault restore\)/),
      }),
    ]);
  } finally {
    core.close();
    removeDir(dir);
  }
});

test('migration 0011 refuses a key_wraps version that is not a whole number', async () => {
  const core = await makeVault();
  const dir = core.vaultDir;
  await call(core, 'vault.lock', {});
  core.close();
  const db = new Database(vaultFile(dir));
  try {
    expect(() => junkWrap(1.5)(db)).toThrow(/key_wraps.version must be a whole number/);
    expect(() => db.prepare('UPDATE key_wraps SET version = 2.5').run()).toThrow(/whole number/);
    expect(db.prepare("SELECT count(*) AS n FROM key_wraps WHERE typeof(version) != 'integer'").get()).toEqual({ n: 0 });
  } finally {
    db.close();
    removeDir(dir);
  }
});

test('a malformed key reference that is still refused says what to do without signing in', () => {
  expect(() => parseKeyId('class:case@1.5')).toThrow(/Restore the newest backup \(hearth vault restore\)/);
});
