// vault check: malformed rows in the clear key tables (red team 15, R15-5). One `key_wraps` row
// with version 1.5, written without any key, made every sign-in fail with "a key reference is
// malformed", so the check that would name it could not run. Hearth never writes such a row: the
// key store ignores it (key-store.ts WELL_FORMED_VERSION, tryParseKeyId) and this names it, with
// the table, the key's logical name and the bad version. The tables carry no audit reference, so
// no signer can be named. Cost: the malformed key_wraps rows by one scan of the table's clear
// columns, and the distinct holder and chain-key ids (a few per user, key and sign-in).
import type { Database } from 'better-sqlite3';
import type { VaultProblem } from './check';
import { statement } from './db';
import { tryParseKeyId, WELL_FORMED_VERSION } from './key-store';

/** Longest text of an attacker's row repeated in a finding. */
const SHOWN = 80;

/** A value from a clear row as the finding shows it: quoted, cut short. */
function shown(value: unknown): string {
  const text = typeof value === 'string' ? value : String(value);
  return JSON.stringify(text.length > SHOWN ? `${text.slice(0, SHOWN)}…` : text);
}

function malformed(table: string, row: string, version: string, what: string): VaultProblem {
  return {
    kind: 'role',
    id: `${table}:${row}`,
    code: 'KEY_ROW_MALFORMED',
    values: { table, row, version },
    detail: `a row of ${table} ${what} (key ${row}, version ${version}): Hearth never writes it, so it was put into the file outside Hearth. Hearth ignores it (sign-in and this check still work). Restore the newest backup (hearth vault restore), or report it.`,
  };
}

/** The version part of a key id, as shown. */
function versionOf(id: unknown): string {
  const text = typeof id === 'string' ? id : String(id);
  const at = text.lastIndexOf('@');
  return at < 0 ? '(none)' : shown(text.slice(at + 1));
}

/** Every malformed row of key_wraps, public_keys, key_certs, key_slots and audit_epochs. */
export function keyRowProblems(db: Database): VaultProblem[] {
  const problems: VaultProblem[] = [];
  for (const r of statement(
    db,
    `SELECT logical, version FROM key_wraps WHERE NOT (${WELL_FORMED_VERSION})`,
  ).all() as Array<{ logical: unknown; version: unknown }>)
    problems.push(
      malformed('key_wraps', shown(r.logical), shown(r.version), 'has a version that is not a whole number from 1'),
    );
  const badIds = (sql: string, table: string, what: string) => {
    for (const r of statement(db, sql).all() as Array<{ id: unknown }>)
      if (r.id !== null && tryParseKeyId(r.id) === undefined)
        problems.push(malformed(table, shown(r.id), versionOf(r.id), what));
  };
  badIds('SELECT DISTINCT holder AS id FROM key_wraps', 'key_wraps', 'names a malformed holder key');
  badIds('SELECT key_id AS id FROM public_keys', 'public_keys', 'has a malformed key id');
  badIds('SELECT key_id AS id FROM key_certs', 'key_certs', 'certifies a malformed key id');
  badIds('SELECT key_id AS id FROM key_slots', 'key_slots', 'names a malformed key id');
  badIds('SELECT DISTINCT chain_key_id AS id FROM audit_epochs', 'audit_epochs', 'names a malformed chain key');
  return problems;
}
