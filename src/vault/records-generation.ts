// When may a result computed from the records table be reused (perf20)? A listing that pages
// through 15,000 cases read and verified the case order index again for every page, so listing
// them all grew with the square of the vault. A sign-in may keep what it verified, but only
// while the records it was computed from are provably unchanged: this module gives a stamp that
// changes whenever a row of `records` is written, by any code on this connection or by any other
// connection.
// - This connection: TEMP triggers on `records` (INSERT, DELETE, and UPDATE of any column a
//   record's content or place depends on) call a JavaScript function that counts. The count is
//   kept in JavaScript, so a rolled-back transaction does not take it back (a counter in SQL
//   would return to an earlier value with other contents: the stamp would repeat). TEMP objects
//   live in this connection's own temporary schema: nothing is written to the vault file.
// - Other connections: `PRAGMA data_version` changes when another connection commits (the vault
//   is opened with locking_mode=EXCLUSIVE, so none should; this keeps the rule independent of it).
// Only the audit pointer columns are left out: the audit log rewrites them on records it has
// just written (already counted), and no listing reads them.
import type { Database } from 'better-sqlite3';
import { statement } from './db';

const FUNCTION = 'hearth_records_written';
const TRIGGERS = [
  'hearth_records_written_insert',
  'hearth_records_written_update',
  'hearth_records_written_delete',
];
/** The columns whose change alters what a record reads as (everything but the audit pointer). */
const CONTENT_COLUMNS =
  'record_id, container_id, kind, seq, key_ref, nonce, ciphertext, blind_index';

const counters = new WeakMap<Database, { writes: number }>();

/**
 * Installs the counting triggers on this connection (idempotent). Must run outside a
 * transaction, so that a rollback cannot take the triggers away after the counter is trusted.
 * Returns whether they are in place. Called when a RecordStore is made and again before every
 * read (Vault.read, perf24): a store made inside a transaction (`Vault.create`'s) could not
 * install them, and the first session after vault.create listed without any reuse.
 */
export function watchRecordWrites(db: Database): boolean {
  if (installed(db)) return true;
  if (db.inTransaction || db.readonly) return false;
  let counter = counters.get(db);
  // Triggers put back after they were gone (a table rebuilt under them): rows may have been
  // written uncounted meanwhile, so no stamp handed out before may ever come back.
  if (counter) counter.writes++;
  if (!counter) {
    const fresh = { writes: 0 };
    counter = fresh;
    counters.set(db, fresh);
    db.function(FUNCTION, { deterministic: false, directOnly: true }, () => {
      fresh.writes++;
      return null;
    });
  }
  const [onInsert, onUpdate, onDelete] = TRIGGERS as [string, string, string];
  db.exec(
    `CREATE TEMP TRIGGER IF NOT EXISTS ${onInsert} AFTER INSERT ON main.records
       BEGIN SELECT ${FUNCTION}(); END;
     CREATE TEMP TRIGGER IF NOT EXISTS ${onUpdate} AFTER UPDATE OF ${CONTENT_COLUMNS} ON main.records
       BEGIN SELECT ${FUNCTION}(); END;
     CREATE TEMP TRIGGER IF NOT EXISTS ${onDelete} AFTER DELETE ON main.records
       BEGIN SELECT ${FUNCTION}(); END;`,
  );
  return installed(db);
}

/** Whether all three triggers exist (a migration that rebuilds `records` drops them). */
function installed(db: Database): boolean {
  if (!counters.has(db)) return false;
  const row = statement(
    db,
    `SELECT count(*) AS n FROM sqlite_temp_master WHERE type = 'trigger' AND name IN (${TRIGGERS.map(() => '?').join(', ')})`,
  ).get(...TRIGGERS) as { n: number };
  return row.n === TRIGGERS.length;
}

/**
 * A stamp that differs whenever a row of `records` was written since the last call that
 * returned the same stamp (this connection or another); undefined when the triggers are not in
 * place (then nothing may be reused). Two statements of one row each.
 */
export function recordsStamp(db: Database): string | undefined {
  const counter = counters.get(db);
  if (!counter || !installed(db)) return undefined;
  const { data_version: version } = statement(db, 'PRAGMA data_version').get() as {
    data_version: number;
  };
  return `${version}:${counter.writes}`;
}
