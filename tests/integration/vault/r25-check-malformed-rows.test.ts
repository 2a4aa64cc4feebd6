// Red team 24, R24-9 (medium): one keyless type change in one row (a BLOB made TEXT by `||` or a
// CAST) ended the admin's `vault check` INTERNAL, naming nothing (a typed accessor threw), and a
// profile record that failed authentication ended the whole check TAMPERED: so any other finding
// could be hidden from the admin's only tool. Now every row the check reads turns a wrong type or
// a failing record into a named finding (AUDIT_ROW_MALFORMED with the entry, RECORD_MALFORMED or
// RECORD_UNREADABLE with the record id) and the check goes on: each attack here is paired with an
// unrelated damaged key slot (SLOT_MALFORMED, found by a later pass), which must still be named.
import { rmSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import Database from 'better-sqlite3';
import { runCli } from '../../../src/cli/main';
import { vaultFile } from '../../../src/vault';
import { runCaptured } from '../../helpers/cli-run';
import { ADMIN, call, makeCore, removeDir } from '../../helpers/core';
import { checkAsAdmin, makeCase, signInAs, vaultWithStaff, type Core, type Problem } from '../../helpers/red-team';

jest.setTimeout(600_000);

interface Attack {
  name: string;
  sql: string;
  /** The finding that names the damaged row: its code and the value that points at it. */
  code: string;
  names: (p: Problem) => boolean;
}

const CASE = "(SELECT record_id FROM records WHERE kind = 'case' ORDER BY record_id LIMIT 1)";

const ATTACKS: Attack[] = [
  // The red team's four.
  {
    name: 'audit ciphertext made TEXT',
    sql: "UPDATE audit_log SET ciphertext = ciphertext || x'00' WHERE seq = 5",
    code: 'AUDIT_ROW_MALFORMED',
    names: (p) => p.values?.entry === 5 && String(p.values?.columns).includes('ciphertext'),
  },
  {
    name: 'audit refs_ciphertext made TEXT',
    sql: "UPDATE audit_log SET refs_ciphertext = refs_ciphertext || x'00' WHERE seq = 5",
    code: 'AUDIT_ROW_MALFORMED',
    names: (p) => p.values?.entry === 5 && String(p.values?.columns).includes('refs_ciphertext'),
  },
  {
    name: 'case ciphertext made TEXT',
    sql: `UPDATE records SET ciphertext = CAST(ciphertext AS TEXT) WHERE record_id = ${CASE}`,
    code: 'RECORD_MALFORMED',
    names: (p) => String(p.values?.record).startsWith('case_') && String(p.values?.columns) === 'ciphertext',
  },
  {
    name: 'profile nonce made TEXT',
    sql: "UPDATE records SET nonce = CAST(nonce AS TEXT) WHERE record_id = 'user:ola'",
    code: 'RECORD_MALFORMED',
    names: (p) => p.values?.record === 'user:ola' && String(p.values?.columns) === 'nonce',
  },
  // The same kind on the other typed columns the check reads.
  {
    name: 'audit mac made TEXT',
    // The CHECK on its length counts a TEXT's characters: 32 of them pass.
    sql: 'UPDATE audit_log SET mac = substr(hex(mac), 1, 32) WHERE seq = 5',
    code: 'AUDIT_ROW_MALFORMED',
    names: (p) => p.values?.entry === 5 && String(p.values?.columns).includes('mac'),
  },
  {
    name: 'audit signer made TEXT',
    sql: 'UPDATE audit_log SET signer = substr(hex(signer), 1, 32) WHERE seq = 5',
    code: 'AUDIT_ROW_MALFORMED',
    names: (p) => p.values?.entry === 5 && String(p.values?.columns).includes('signer'),
  },
  {
    name: 'audit signature made TEXT',
    sql: 'UPDATE audit_log SET signature = substr(hex(signature), 1, 64) WHERE seq = 5',
    code: 'AUDIT_ROW_MALFORMED',
    names: (p) => p.values?.entry === 5 && String(p.values?.columns).includes('signature'),
  },
  {
    name: 'audit nonce made TEXT',
    sql: "UPDATE audit_log SET nonce = CAST(nonce AS TEXT) WHERE seq = 5",
    code: 'AUDIT_ROW_MALFORMED',
    names: (p) => p.values?.entry === 5 && String(p.values?.columns).includes('nonce'),
  },
  {
    name: 'record seq made TEXT',
    sql: `UPDATE records SET seq = 'one' WHERE record_id = ${CASE}`,
    code: 'RECORD_MALFORMED',
    names: (p) => String(p.values?.record).startsWith('case_') && String(p.values?.columns) === 'seq',
  },
  // A failing record (still BLOBs) the check reads outside its record pass: the profile.
  {
    name: 'profile ciphertext truncated',
    sql: "UPDATE records SET ciphertext = substr(ciphertext, 1, 20) WHERE record_id = 'user:ola'",
    code: 'RECORD_UNREADABLE',
    names: (p) => p.id === 'user:ola',
  },
];

test.each(ATTACKS.map((a) => [a.name, a] as const))('%s: the check names the row and goes on', async (_name, attack) => {
  let core: Core = await vaultWithStaff([['ola', 'interviewer'], ['ivan', 'interviewer']]);
  try {
    await signInAs(core, 'ola');
    await makeCase(core, 'SEEN-1');
    await call(core, 'vault.lock', {});
    core.close();
    const db = new Database(vaultFile(core.vaultDir));
    expect(db.prepare(attack.sql).run().changes).toBe(1);
    // An unrelated damage a later pass of the check names: the check must get there.
    db.prepare("UPDATE key_slots SET kdf_ops = 'three' WHERE slot_id = 'user:ivan'").run();
    db.close();

    core = Object.assign(makeCore(core.vaultDir), { recoveryKey: core.recoveryKey });
    const problems = await checkAsAdmin(core);
    const named = problems.filter((p) => p.code === attack.code && attack.names(p));
    expect({ attack: attack.name, named: named.length > 0, codes: [...new Set(problems.map((p) => p.code))] })
      .toMatchObject({ attack: attack.name, named: true });
    expect(problems.filter((p) => p.code === 'SLOT_MALFORMED').map((p) => p.id)).toEqual(['slot:user:ivan']);
  } finally {
    core.close();
    removeDir(core.vaultDir);
  }
});

test('the CLI check prints the damaged audit row and the later finding (exit 1), not INTERNAL', async () => {
  const core: Core = await vaultWithStaff([['ola', 'interviewer'], ['ivan', 'interviewer']]);
  const passFile = join(core.vaultDir, '..', `${basename(core.vaultDir)}-pass`);
  try {
    await call(core, 'vault.lock', {});
    core.close();
    const db = new Database(vaultFile(core.vaultDir));
    db.prepare("UPDATE audit_log SET ciphertext = ciphertext || x'00' WHERE seq = 5").run();
    db.prepare("UPDATE key_slots SET kdf_ops = 'three' WHERE slot_id = 'user:ivan'").run();
    db.close();
    writeFileSync(passFile, `${ADMIN.passphrase}\n`, { mode: 0o600 });
    const result = await runCaptured(runCli, ['vault', 'check', '--vault', core.vaultDir, '--user', 'admin', '--passphrase-file', passFile]);
    expect(result.err).not.toMatch(/INTERNAL/);
    expect(result.code).toBe(1);
    expect(result.out).toMatch(/audit 5 AUDIT_ROW_MALFORMED: audit entry 5 is damaged: ciphertext/);
    expect(result.out).toMatch(/slot slot:user:ivan SLOT_MALFORMED/);
  } finally {
    rmSync(passFile, { force: true });
    removeDir(core.vaultDir);
  }
});
