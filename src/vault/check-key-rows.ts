// vault check: malformed rows in the clear key tables (red team 15, R15-5). One `key_wraps` row
// with version 1.5, written without any key, made every sign-in fail with "a key reference is
// malformed", so the check that would name it could not run. Hearth never writes such a row: the
// key store ignores it (key-store.ts WELL_FORMED_VERSION, tryParseKeyId) and this names it, with
// the table, the key's logical name and the bad version. The tables carry no audit reference, so
// no signer can be named. Red team 16, R16-3: a version above 2^53 - 1, and the key references
// of records and audit pointers, are covered too. Cost: the malformed key_wraps rows by one scan
// of the table's clear columns, the distinct holder and chain-key ids (a few per user, key and
// sign-in), and one scan of the clear key-reference columns of records and audit_index.
import type { Database } from 'better-sqlite3';
import type { VaultProblem } from './check';
import type { FindingSink } from './check-report';
import { describeFaults, malformedCertRows } from './cert-row-shape';
import { openVaultDatabase, statement } from './db';
import { MAX_KEY_VERSION, tryParseKeyId, WELL_FORMED_VERSION } from './key-store';

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

/**
 * An SQL condition true for every value of `column` tryParseKeyId may refuse (and for a few it
 * accepts): not text, no '@' followed by a version of 1 to 16 digits starting 1-9. One pass
 * over the column, no index; the check reads every record anyway.
 */
function maybeMalformed(column: string): string {
  const version = `substr(${column}, instr(${column}, '@') + 1)`;
  return `${column} IS NOT NULL AND (typeof(${column}) != 'text' OR NOT ${column} GLOB '?*@[1-9]*' OR ${version} GLOB '*[^0-9]*' OR length(${version}) > 16)`;
}

/**
 * Every malformed row of key_wraps, public_keys, key_certs, key_slots and audit_epochs, and every
 * malformed key reference in records (key_ref, audit_chain_key_id) and audit_index; key_certs
 * rows with a value of the wrong type or length are KEY_CERT_MALFORMED (`certRowProblems`).
 */
export function keyRowProblems(db: Database, problems: FindingSink<VaultProblem>): void {
  for (const r of statement(
    db,
    `SELECT logical, version FROM key_wraps WHERE NOT (${WELL_FORMED_VERSION})`,
  ).all() as Array<{ logical: unknown; version: unknown }>)
    problems.push(
      malformed(
        'key_wraps',
        shown(r.logical),
        shown(r.version),
        `has a version that is not a whole number from 1 to ${MAX_KEY_VERSION}`,
      ),
    );
  const badIds = (sql: string, table: string, what: string) => {
    for (const r of statement(db, sql).all() as Array<{ id: unknown }>)
      if (r.id !== null && tryParseKeyId(r.id) === undefined)
        problems.push(malformed(table, shown(r.id), versionOf(r.id), what));
  };
  badIds(
    'SELECT DISTINCT holder AS id FROM key_wraps',
    'key_wraps',
    'names a malformed holder key',
  );
  badIds('SELECT key_id AS id FROM public_keys', 'public_keys', 'has a malformed key id');
  // A key id of another type than text is certRowProblems' (below), with the column named.
  badIds(
    "SELECT key_id AS id FROM key_certs WHERE typeof(key_id) = 'text'",
    'key_certs',
    'certifies a malformed key id',
  );
  badIds('SELECT key_id AS id FROM key_slots', 'key_slots', 'names a malformed key id');
  badIds(
    'SELECT DISTINCT chain_key_id AS id FROM audit_epochs',
    'audit_epochs',
    'names a malformed chain key',
  );
  // Red team 16, R16-3: the key reference of each record and each audit pointer. A malformed one
  // makes that record (or pointer) unreadable and nothing else; named by the record or pointer
  // it sits on. The SQL keeps only rows that may be malformed (a superset: tryParseKeyId decides).
  const badRefs = (sql: string, table: string, what: string) => {
    for (const r of statement(db, sql).all() as Array<{ record: string; id: unknown }>)
      if (r.id !== null && tryParseKeyId(r.id) === undefined)
        problems.push(malformed(table, `${shown(r.record)} ${shown(r.id)}`, versionOf(r.id), what));
  };
  badRefs(
    `SELECT record_id AS record, key_ref AS id FROM records WHERE ${maybeMalformed('key_ref')}`,
    'records',
    'names a malformed key (key_ref); the record is unreadable',
  );
  badRefs(
    `SELECT record_id AS record, audit_chain_key_id AS id FROM records WHERE ${maybeMalformed('audit_chain_key_id')}`,
    'records',
    'has an audit pointer under a malformed chain key (audit_chain_key_id)',
  );
  badRefs(
    `SELECT record_id AS record, chain_key_id AS id FROM audit_index WHERE ${maybeMalformed('chain_key_id')}`,
    'audit_index',
    'has an audit pointer under a malformed chain key (chain_key_id)',
  );
  certRowProblems(db, problems);
}

/**
 * Every key_certs row with a value of the wrong type or length (red team 25, R25-3/R25-4):
 * KEY_CERT_MALFORMED, naming the key version, each column at fault, what it holds and what
 * belongs there. Such a certificate does not hold: its key version is unused, so whoever needs
 * it is refused at sign-in (reason KEY_CERT_MALFORMED) and everyone else signs in. One scan of
 * the table (a few rows per user and case).
 */
export function certRowProblems(db: Database, problems: FindingSink<VaultProblem>): void {
  for (const { keyId, faults } of malformedCertRows(db))
    problems.push({
      kind: 'role',
      id: `key_certs:${keyId}`,
      code: 'KEY_CERT_MALFORMED',
      values: { key: keyId, columns: faults.map((f) => f.column).join(', ') },
      detail: `the certificate row of key ${keyId} is damaged: ${describeFaults(faults)}. Hearth never writes that, so it was changed outside Hearth; the certificate no longer vouches for the key, so Hearth does not use that key version and whoever needs it is refused at sign-in (everyone else signs in). Restore the newest backup (hearth vault restore)`,
    });
}

/**
 * KEY_CERT_MALFORMED findings read from a vault folder without a key (the CLI's `vault check`
 * when the admin's own sign-in is refused for such a row: a class key every admin needs).
 * Errors: VAULT_NOT_FOUND.
 */
export function inspectKeyCertRows(vaultDir: string): VaultProblem[] {
  const db = openVaultDatabase(vaultDir, { create: false });
  try {
    const found: VaultProblem[] = [];
    certRowProblems(db, found);
    return found;
  } finally {
    db.close();
  }
}
