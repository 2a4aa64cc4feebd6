// Red team 25, R25-3 and R25-4 (medium): one value of the wrong type in one key_certs row (no key
// needed: the table is not STRICT, and the length CHECKs count a TEXT's characters) stopped three
// passes of `vault check` (CHECK_PASS_STOPPED, naming nothing), or locked every user out at
// sign-in (TAMPERED VALUE_MALFORMED for a class key only admins hold, or a colleague's user key),
// or only the admins (the legacy-certificate scan read a TEXT signer). Now a damaged row is a
// certificate that does not hold, like one whose signature fails: whoever needs that key version is
// refused, naming the row (reason KEY_CERT_MALFORMED, the key and the column, and the next step);
// everyone whose own chain is sound signs in; the admin's check names the row (KEY_CERT_MALFORMED:
// key, columns) and every pass runs. Table-driven: every column of key_certs, every wrong type a
// column can hold (TEXT, INTEGER, REAL, NULL, bytes of the wrong length, bytes for text), on rows
// needed by everyone, by some roles, by one user, and by no sign-in.
import { cpSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { runCli } from '../../../src/cli/main';
import { vaultFile } from '../../../src/vault';
import { runCaptured } from '../../helpers/cli-run';
import { ADMIN, call, makeCore, removeDir, tempDir } from '../../helpers/core';
import { makeCase, PASS, signInAs, vaultWithStaff, type Core, type Problem } from '../../helpers/red-team';

jest.setTimeout(900_000);

type Column = 'key_id' | 'kind' | 'commitment' | 'signer' | 'signature';

interface Damage {
  column: Column;
  /** What the column is given, as SQL (the row's own value is `col`). */
  value: string;
  /** NULL needs the column's NOT NULL lifted from the table's SQL (and put back). */
  needsNull?: boolean;
}

// INTEGER or REAL given to key_id or kind become TEXT (the columns' affinity): for kind that is
// "other text", tested; for key_id a key id that does not parse, named as KEY_ROW_MALFORMED by
// r15-malformed-key-rows. A NULL key_id is refused by SQLite itself (primary key of a WITHOUT
// ROWID table).
const DAMAGES: Damage[] = [
  { column: 'key_id', value: 'CAST(key_id AS BLOB)' },
  { column: 'kind', value: 'CAST(kind AS BLOB)' },
  { column: 'kind', value: '7' },
  { column: 'kind', value: '1.5' },
  { column: 'kind', value: "'secret '" },
  { column: 'kind', value: 'NULL', needsNull: true },
  ...(['commitment', 'signer', 'signature'] as const).flatMap((column): Damage[] => [
    // TEXT of the right number of characters passes the length CHECK.
    { column, value: `substr(hex(${column}), 1, length(${column}))` },
    { column, value: '123' },
    { column, value: '1.5' },
    { column, value: 'NULL', needsNull: true },
    { column, value: `substr(${column}, 1, length(${column}) - 1)` },
  ]),
];

interface Target {
  name: string;
  key: (ids: { blindCase: string }) => string;
  /** Who is refused (reason KEY_CERT_MALFORMED): those whose sign-in needs that key version. */
  refused: string[];
}

const STAFF = ['admin', 'ivan', 'tara'];
const TARGETS: Target[] = [
  { name: "one interviewer's own key", key: () => 'user:ivan@1', refused: ['ivan'] },
  { name: 'a class key only admins hold', key: () => 'class:staff@1', refused: ['admin'] },
  { name: 'the case class key', key: () => 'class:case@1', refused: ['admin', 'ivan'] },
  { name: 'a class key every role holds', key: () => 'class:chain@1', refused: STAFF },
  { name: 'the audit key (every sign-in seals to it)', key: () => 'class:audit@1', refused: STAFF },
  { name: "a blind case's allegation key", key: (ids) => `allegation:${ids.blindCase}@1`, refused: [] },
  { name: 'the recovery key', key: () => 'recovery@1', refused: [] },
];

let template: Core;
let blindCase: string;

beforeAll(async () => {
  template = await vaultWithStaff([
    ['ivan', 'interviewer'],
    ['tara', 'trainer'],
  ]);
  await signInAs(template, 'ivan');
  await makeCase(template, 'SEEN-1');
  await signInAs(template, ADMIN.username);
  blindCase = await makeCase(template, 'BLIND-1', true);
  await call(template, 'vault.lock', {});
  template.close();
});

afterAll(() => removeDir(template.vaultDir));

/** Sets key_certs' SQL as stored in the schema (the attacker's own edit; no key needed). */
function setTableSql(file: string, sql: string): void {
  const db = new Database(file);
  const version = db.pragma('schema_version', { simple: true }) as number;
  // better-sqlite3 opens in SQLite's defensive mode; the attacker's own tool need not.
  db.unsafeMode(true);
  db.pragma('writable_schema = ON');
  db.prepare("UPDATE sqlite_master SET sql = ? WHERE name = 'key_certs'").run(sql);
  db.pragma(`schema_version = ${version + 1}`);
  db.close();
}

/**
 * A copy of the template vault with one certificate row damaged; returns its folder. For NULL the
 * column's NOT NULL is taken out of the table's SQL, the row edited, and Hearth's SQL put back.
 */
function damagedCopy(key: string, damage: Damage): string {
  const dir = tempDir();
  cpSync(template.vaultDir, dir, { recursive: true });
  const file = vaultFile(dir);
  const read = new Database(file, { readonly: true });
  const { sql } = read.prepare("SELECT sql FROM sqlite_master WHERE name = 'key_certs'").get() as { sql: string };
  read.close();
  if (damage.needsNull) {
    const type = damage.column === 'kind' ? 'TEXT' : 'BLOB';
    const lifted = sql.replace(`${damage.column} ${type} NOT NULL`, `${damage.column} ${type}`);
    expect(lifted).not.toBe(sql);
    setTableSql(file, lifted);
  }
  const db = new Database(file);
  // The attacker's connection skips the CHECKs on length and kind (nothing of it is stored).
  db.pragma('ignore_check_constraints = ON');
  const changed = db
    .prepare(`UPDATE key_certs SET ${damage.column} = ${damage.value} WHERE key_id = ?`)
    .run(key).changes;
  db.close();
  expect(changed).toBe(1);
  if (damage.needsNull) setTableSql(file, sql);
  return dir;
}

const cases = TARGETS.flatMap((target) =>
  DAMAGES.map((damage) => [`${target.name}: ${damage.column} = ${damage.value}`, target, damage] as const),
);

test.each(cases)('%s', async (_name, target, damage) => {
  const key = target.key({ blindCase });
  const dir = damagedCopy(key, damage);
  const core = makeCore(dir);
  try {
    const outcome: Record<string, string> = {};
    let problems: Problem[] | undefined;
    for (const who of STAFF) {
      const result = await core.invoke('vault.unlock', {
        username: who,
        passphrase: who === ADMIN.username ? ADMIN.passphrase : PASS,
      });
      if (!result.ok) {
        const { code, reason, message } = result.error;
        outcome[who] = `${code}/${reason ?? ''}`;
        // The refusal names the row, the column, and the way out.
        expect(message).toContain(key);
        expect(message).toContain(damage.column);
        expect(message).toContain('hearth vault restore');
        continue;
      }
      outcome[who] = 'in';
      if (who === ADMIN.username)
        problems = (await call(core, 'vault.check', {})).problems;
      await call(core, 'vault.lock', {});
    }
    const expected = Object.fromEntries(
      STAFF.map((who) => [who, target.refused.includes(who) ? 'TAMPERED/KEY_CERT_MALFORMED' : 'in']),
    );
    expect(outcome).toEqual(expected);
    if (problems) {
      // Named: which row, which column; and no pass of the check stopped.
      const named = problems.filter(
        (p) => p.code === 'KEY_CERT_MALFORMED' && p.values?.key === key && String(p.values?.columns).includes(damage.column),
      );
      expect(named).toHaveLength(1);
      expect(problems.filter((p) => p.code === 'CHECK_PASS_STOPPED')).toEqual([]);
    }
  } finally {
    core.close();
    removeDir(dir);
  }
});

test('when the admin is refused too, the CLI check names the damaged row without a key (exit 1, not INTERNAL)', async () => {
  const dir = damagedCopy('class:chain@1', DAMAGES.find((d) => d.column === 'signature' && d.value.startsWith('substr(hex'))!);
  const passFile = join(dir, 'pass');
  try {
    writeFileSync(passFile, `${ADMIN.passphrase}\n`, { mode: 0o600 });
    const result = await runCaptured(runCli, ['vault', 'check', '--vault', dir, '--user', 'admin', '--passphrase-file', passFile]);
    expect(result.err).not.toMatch(/INTERNAL/);
    expect(result.code).toBe(1);
    expect(result.err).toMatch(/Signing in needs the key class:chain@1, whose certificate row in the vault file is damaged \(signature holds text, not 64 bytes\)/);
    expect(result.out).toMatch(/role key_certs:class:chain@1 \[KEY_CERT_MALFORMED\]: the certificate row of key class:chain@1 is damaged: signature holds text, not 64 bytes/);
  } finally {
    removeDir(dir);
  }
});
