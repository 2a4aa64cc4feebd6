// Red team 24, R24-6 (low): a Hearth table dropped outside Hearth (no key needed) was not named:
// the first query that touched it ended INTERNAL with no next step (`unlock_attempts` at every
// sign-in, `legacy_certs_examined` at the admin's, so the admin could not even run the check that
// names it). Now a missing table is named at open, before any query touches it: every sign-in is
// refused TAMPERED (reason SCHEMA_MISSING) naming the table and the next step (restore the newest
// backup), and `hearth vault check` names it without a sign-in. Each of Hearth's tables in turn,
// from the migrations' own schema (never a hand-kept list). The screen's wording of the reason:
// tests/renderer/plain-error.test.tsx.
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { runCli } from '../../../src/cli/main';
import { loadMigrations, vaultFile } from '../../../src/vault';
import { expectedSchema } from '../../../src/vault/schema-check';
import { runCaptured } from '../../helpers/cli-run';
import { ADMIN, call, callError, makeCore, removeDir } from '../../helpers/core';
import { PASS, vaultWithStaff, type Core } from '../../helpers/red-team';

jest.setTimeout(900_000);

const migrations = loadMigrations();
const TABLES = [...expectedSchema(migrations, migrations.length).values()]
  .filter((o) => o.type === 'table' && !o.name.startsWith('sqlite_'))
  .map((o) => o.name)
  .sort();

let base: Core;
let work: string;

beforeAll(async () => {
  base = await vaultWithStaff([['ola', 'interviewer']]);
  await call(base, 'vault.lock', {});
  base.close();
  work = mkdtempSync(join(tmpdir(), 'r25-schema-'));
  writeFileSync(join(work, 'pass'), `${ADMIN.passphrase}\n`, { mode: 0o600 });
});

afterAll(() => {
  removeDir(base.vaultDir);
  rmSync(work, { recursive: true, force: true });
});

test('the schema has the tables the red team dropped', () => {
  expect(TABLES).toEqual(expect.arrayContaining(['unlock_attempts', 'legacy_certs_examined', 'audit_log', 'records']));
});

test.each(TABLES)('table %s dropped: every sign-in and the CLI check name it with the next step', async (table) => {
  const dir = join(work, table);
  cpSync(base.vaultDir, dir, { recursive: true });
  const db = new Database(vaultFile(dir));
  db.exec(`DROP TABLE "${table}"`);
  db.close();
  const core = Object.assign(makeCore(dir), { recoveryKey: base.recoveryKey });
  try {
    for (const [username, passphrase] of [['ola', PASS], [ADMIN.username, ADMIN.passphrase]] as const) {
      const error = await callError(core, 'vault.unlock', { username, passphrase });
      expect({ username, code: error.code, reason: error.reason }).toEqual({ username, code: 'TAMPERED', reason: 'SCHEMA_MISSING' });
      expect(error.message).toContain(`"${table}"`);
      expect(error.message).toContain('restores the newest backup (hearth vault restore)');
    }
  } finally {
    core.close();
  }
  const cli = await runCaptured(runCli, ['vault', 'check', '--vault', dir, '--passphrase-file', join(work, 'pass')]);
  expect(cli.code).toBe(1);
  expect(cli.out).toContain(`schema table:${table} [SCHEMA_MISSING]`);
  expect(cli.out).toContain('Restore the newest backup (hearth vault restore)');
  removeDir(dir);
});
