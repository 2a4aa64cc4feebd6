// Red team 24's keyless index edit (R23-1, R24-1, R24-3, R24-10): an index of the vault file is
// dropped and made again with an extra condition that leaves rows out, then its original SQL
// text is put back with writable_schema, so Hearth's schema check sees its own index and
// `quick_check` is still ok. Only `PRAGMA integrity_check` (vault check) tells.
import Database from 'better-sqlite3';
import { vaultFile } from '../../src/vault';

/** Rebuilds `index` of the closed vault in `vaultDir` without the rows `record_id` in `hidden`. */
export function narrowIndex(vaultDir: string, index: string, hidden: string[], column = 'record_id'): void {
  const db = new Database(vaultFile(vaultDir));
  try {
    const { sql } = db.prepare("SELECT sql FROM sqlite_master WHERE type = 'index' AND name = ?").get(index) as {
      sql: string;
    };
    const left = `${column} NOT IN (${hidden.map((h) => `'${h.replace(/'/g, "''")}'`).join(', ')})`;
    db.exec(`DROP INDEX "${index}"`);
    db.exec(/\bWHERE\b/i.test(sql) ? `${sql} AND ${left}` : `${sql} WHERE ${left}`);
    db.unsafeMode(true);
    db.pragma('writable_schema = ON');
    db.prepare("UPDATE sqlite_master SET sql = ? WHERE type = 'index' AND name = ?").run(sql, index);
    db.pragma('writable_schema = OFF');
    db.unsafeMode(false);
    if (db.pragma('quick_check', { simple: true }) !== 'ok') throw new Error('quick_check failed after the edit');
  } finally {
    db.close();
  }
}

/** Every column of the rows `where` selects in `table` (a copy to put back later). */
export function copyRows(vaultDir: string, table: string, where: string): Array<Record<string, unknown>> {
  const db = new Database(vaultFile(vaultDir), { readonly: true });
  try {
    return db.prepare(`SELECT * FROM ${table} WHERE ${where}`).all() as Array<Record<string, unknown>>;
  } finally {
    db.close();
  }
}

/** Replaces the rows of `table` keyed by `key` with `rows` (an older copy put back). */
export function putBack(vaultDir: string, table: string, key: string, rows: Array<Record<string, unknown>>): void {
  const db = new Database(vaultFile(vaultDir));
  try {
    for (const row of rows) {
      const cols = Object.keys(row);
      db.prepare(`DELETE FROM ${table} WHERE ${key} = ?`).run(row[key]);
      db.prepare(`INSERT INTO ${table} (${cols.join(', ')}) VALUES (${cols.map(() => '?').join(', ')})`).run(
        ...cols.map((c) => row[c]),
      );
    }
  } finally {
    db.close();
  }
}
