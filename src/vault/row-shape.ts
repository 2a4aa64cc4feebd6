// The storage types of the rows Hearth reads (red team 24, R24-9).
//
// SQLite tables are not STRICT: whoever holds the file (no key needed) can put TEXT where a BLOB
// belongs (`ciphertext || x'00'` is TEXT, so is CAST(... AS TEXT)), or a number, and the CHECK
// constraints on lengths count characters of a TEXT as readily as bytes of a BLOB. better-sqlite3
// then hands a string where a Buffer was expected, and a typed accessor (encoding.ts `blob`)
// threw a TypeError: one such row ended the admin's `vault check` INTERNAL, naming nothing, and so
// hid every other finding. Readers of the audit log and the records table now test a row's shape
// first (`malformedColumns`): a row of the wrong shape is one damaged row, named with its entry
// or record id and the columns at fault (AUDIT_ROW_MALFORMED, RECORD_MALFORMED), and the reader
// goes on. Any other typed read (`blob`) of a wrong type is TAMPERED (reason VALUE_MALFORMED),
// which every caller already treats as damage, never as an internal error.

/** The storage type a column must hold (as better-sqlite3 returns it). */
export type ColumnType = 'blob' | 'integer' | 'text';

/** Per column: its type, and whether NULL is allowed. */
export type RowShape = Readonly<Record<string, readonly [ColumnType, 'null'?]>>;

/** The columns of an audit_log row Hearth reads (migrations 0001, 0004). */
export const AUDIT_ROW_SHAPE: RowShape = {
  seq: ['integer'],
  epoch: ['integer', 'null'],
  nonce: ['blob'],
  ciphertext: ['blob'],
  refs_nonce: ['blob', 'null'],
  refs_ciphertext: ['blob', 'null'],
  mac: ['blob'],
  signer: ['blob', 'null'],
  signature: ['blob', 'null'],
};

/** The columns of a records row Hearth reads (migrations 0001, 0005). */
export const RECORD_ROW_SHAPE: RowShape = {
  record_id: ['text'],
  container_id: ['text'],
  kind: ['text'],
  seq: ['integer'],
  key_ref: ['text'],
  nonce: ['blob'],
  ciphertext: ['blob'],
  blind_index: ['blob', 'null'],
};

function hasType(value: unknown, type: ColumnType): boolean {
  if (type === 'blob') return value instanceof Uint8Array;
  if (type === 'integer')
    return (typeof value === 'number' && Number.isSafeInteger(value)) || typeof value === 'bigint';
  return typeof value === 'string';
}

/**
 * The columns of `row` (those `shape` names and the row holds; a query that selects fewer
 * columns is judged on those) whose value is not of the type the shape says: none for a sound
 * row. Names only, never values. Cost: one type test per column.
 */
export function malformedColumns(row: object, shape: RowShape): string[] {
  const bad: string[] = [];
  for (const [column, [type, nullable]] of Object.entries(shape)) {
    if (!(column in row)) continue;
    const value = (row as Record<string, unknown>)[column];
    if (value === null ? nullable !== 'null' : !hasType(value, type)) bad.push(column);
  }
  return bad;
}
