// The vault file's schema must be exactly the one Hearth's migrations make (red team 22, RT22-2).
//
// SQLite keeps triggers, views and indexes in the file itself, and runs them inside the opening
// program's transactions: a trigger planted by anyone with write access to the file (no key
// needed) ran inside Hearth's own commits, e.g. deleting each new class key version's
// certificate and "old held by new" wrap as a removal's rotation committed, so the rotation
// undid itself. Nothing compared the schema with the expected one, and Hearth keeps triggers of
// its own (migrations 0011, 0012), so foreign ones looked normal.
//
// Now, at open and before any write (the migrations included), every object in the file's
// `sqlite_master` must be one the migrations up to the file's `user_version` make, with the same
// SQL text (as SQLite stores it; statistics tables sqlite_stat1..4 aside): the expected set is computed by applying those migrations to
// an empty in-memory database (never a hand-kept list that drifts), once per process and version.
// A foreign or changed object is SCHEMA_FOREIGN: sign-in is refused (naming each object's kind
// and name, never its SQL), `vault check` names it, and `hearth vault drop-foreign-schema`
// removes it after a backup copy (an admin's passphrase; audited). Hearth's own TEMP triggers
// (records-generation.ts) live in the connection's temporary schema, not in the file.
// `PRAGMA trusted_schema = OFF` is set at open as well: what is in the schema may not call
// functions with side effects.
import Database from 'better-sqlite3';
import type { Database as Db } from 'better-sqlite3';
import { HearthError } from './errors';
import type { Migration } from './migrate';

/** One object of a SQLite schema, as `sqlite_master` lists it. */
export interface SchemaObject {
  type: string;
  name: string;
  tableName: string;
  /** SQL as SQLite stores it (verbatim); null for SQLite's own automatic indexes. */
  sql: string | null;
}

/** A schema object that is not Hearth's: absent from the migrations' schema, or with other SQL. */
export interface ForeignSchemaObject {
  type: string;
  name: string;
  /**
   * 'foreign': no such object in Hearth's schema; 'changed': Hearth's name, other SQL;
   * 'missing': one of Hearth's objects is not in the file (dropped outside Hearth, R23-5).
   */
  why: 'foreign' | 'changed' | 'missing';
}

/** The schema objects of a database's main schema. */
export function schemaObjects(db: Db): SchemaObject[] {
  return db
    .prepare('SELECT type, name, tbl_name AS tableName, sql FROM main.sqlite_master')
    .all() as Array<{ type: string; name: string; tableName: string; sql: string | null }>;
}

const expectedCache = new Map<string, Map<string, SchemaObject>>();

/**
 * The schema Hearth's migrations 1..`version` make, by `type:name`: computed by applying them to
 * an empty in-memory database (cached per migrations text and version).
 */
export function expectedSchema(
  migrations: Migration[],
  version: number,
): Map<string, SchemaObject> {
  const applied = migrations.slice(0, version);
  const key = `${version}\u0000${applied.map((m) => m.sql).join('\u0000')}`;
  const cached = expectedCache.get(key);
  if (cached) return cached;
  const memory = new Database(':memory:');
  try {
    for (const migration of applied) memory.exec(migration.sql);
    const expected = new Map(schemaObjects(memory).map((o) => [`${o.type}:${o.name}`, o]));
    expectedCache.set(key, expected);
    return expected;
  } finally {
    memory.close();
  }
}

/**
 * The objects of the file's schema that Hearth's migrations up to its `user_version` do not
 * make (or make with other SQL). Cost: one read of sqlite_master (the expected set is cached).
 */
export function foreignSchemaObjects(db: Db, migrations: Migration[]): ForeignSchemaObject[] {
  const version = Math.min(
    db.pragma('user_version', { simple: true }) as number,
    migrations.length,
  );
  const expected = expectedSchema(migrations, version);
  // Compared inside SQLite, so a sign-in reads back only what differs (none for a sound file):
  // the work of an open does not depend on the file's schema (counted in red-team tests).
  const wanted = JSON.stringify(
    [...expected.values()].map((o) => [o.type, o.name, o.tableName, o.sql]),
  );
  const rows = db
    .prepare(
      `SELECT m.type AS type, m.name AS name,
              EXISTS (SELECT 1 FROM json_each(@wanted) e
                       WHERE json_extract(e.value, '$[0]') = m.type
                         AND json_extract(e.value, '$[1]') = m.name) AS known
         FROM main.sqlite_master m
        WHERE NOT (m.type = 'table' AND m.name GLOB 'sqlite_stat[1-4]')
          AND NOT EXISTS (SELECT 1 FROM json_each(@wanted) e
                           WHERE json_extract(e.value, '$[0]') = m.type
                             AND json_extract(e.value, '$[1]') = m.name
                             AND json_extract(e.value, '$[2]') = m.tbl_name
                             AND json_extract(e.value, '$[3]') IS m.sql)`,
    )
    .all({ wanted }) as Array<{ type: string; name: string; known: number }>;
  // Hearth's own objects the file lacks (R23-5): a dropped index, trigger or table was never
  // named. Also compared inside SQLite: only what is missing comes back.
  const missing = db
    .prepare(
      `SELECT json_extract(e.value, '$[0]') AS type, json_extract(e.value, '$[1]') AS name
         FROM json_each(@wanted) e
        -- An automatic index cannot be dropped alone: its table is named (missing or changed).
        WHERE json_extract(e.value, '$[1]') NOT GLOB 'sqlite_autoindex_*'
          AND NOT EXISTS (SELECT 1 FROM main.sqlite_master m
                           WHERE m.type = json_extract(e.value, '$[0]')
                             AND m.name = json_extract(e.value, '$[1]'))`,
    )
    .all({ wanted }) as Array<{ type: string; name: string }>;
  return [
    ...rows.map((r): ForeignSchemaObject => ({
      type: r.type,
      name: r.name,
      why: r.known ? 'changed' : 'foreign',
    })),
    ...missing.map((r): ForeignSchemaObject => ({ type: r.type, name: r.name, why: 'missing' })),
  ].sort((a, b) => `${a.type}:${a.name}`.localeCompare(`${b.type}:${b.name}`));
}

/** "trigger x, view y" (kinds and names only: an object's SQL may hold anything). */
export function describeForeign(objects: readonly ForeignSchemaObject[]): string {
  return objects
    .map((o) => `${o.type} ${JSON.stringify(o.name)}${o.why === 'foreign' ? '' : ` (${o.why})`}`)
    .join(', ');
}

/** The sign-in refusal for a file with foreign schema objects (TAMPERED, reason SCHEMA_FOREIGN). */
export function schemaForeignError(objects: readonly ForeignSchemaObject[]): HearthError {
  return new HearthError(
    'TAMPERED',
    `The vault file holds database objects Hearth did not make, or lacks ones it made: ${describeForeign(objects)}. They were changed outside Hearth and would run inside (or be missing from) Hearth's own changes, so Hearth opens nothing and writes nothing. An admin runs "hearth vault check" to see them, then "hearth vault drop-foreign-schema --vault DIR --user ADMIN --backup FILE" (it keeps a copy of the file as it is, removes them and records that in the audit log), or restores the newest backup (hearth vault restore).`,
    { reason: 'SCHEMA_FOREIGN' },
  );
}

/**
 * Hearth's tables missing from the file (red team 24, R24-6): unlike a dropped index, trigger or
 * view, a dropped table is data gone, and the first query that touches it failed with a storage
 * error (INTERNAL, no name, no next step: `unlock_attempts` at every sign-in,
 * `legacy_certs_examined` at an admin's). Named at open, before any query runs.
 */
export function missingTables(objects: readonly ForeignSchemaObject[]): ForeignSchemaObject[] {
  return objects.filter((o) => o.why === 'missing' && o.type === 'table');
}

/** The refusal to open a file that lacks Hearth tables (TAMPERED, reason SCHEMA_MISSING). */
export function schemaMissingError(tables: readonly ForeignSchemaObject[]): HearthError {
  const names = tables.map((t) => JSON.stringify(t.name)).join(', ');
  return new HearthError(
    'TAMPERED',
    `The vault file lacks ${tables.length === 1 ? 'the table' : 'the tables'} ${names} Hearth made: ${tables.length === 1 ? 'it was' : 'they were'} dropped outside Hearth, with what ${tables.length === 1 ? 'it' : 'they'} held, so Hearth opens nothing and writes nothing. An admin restores the newest backup (hearth vault restore); "hearth vault check" names what is missing without a sign-in.`,
    { reason: 'SCHEMA_MISSING' },
  );
}

/**
 * SQL that removes one foreign object (identifiers quoted; a changed object is dropped too).
 * Undefined for what is not dropped on its own: a missing object, and SQLite's automatic index
 * of a UNIQUE or PRIMARY KEY constraint (it goes with its table; R23-4: dropping it first failed).
 */
export function dropStatement(object: ForeignSchemaObject): string | undefined {
  if (object.why === 'missing' || isAutoIndex(object)) return undefined;
  const kind = object.type.toUpperCase();
  if (!['TRIGGER', 'VIEW', 'INDEX', 'TABLE'].includes(kind))
    throw new HearthError('INTERNAL', `Unknown schema object kind: ${object.type}`);
  return `DROP ${kind} IF EXISTS main."${object.name.replace(/"/g, '""')}"`;
}

/** SQLite's automatic index of a UNIQUE or PRIMARY KEY constraint (no SQL of its own). */
export function isAutoIndex(object: { type: string; name: string }): boolean {
  return object.type === 'index' && object.name.startsWith('sqlite_autoindex_');
}

/**
 * The objects that block every write (foreign or changed: they would run inside Hearth's own
 * changes). A missing Hearth index, trigger or view runs nothing: it is named (vault check,
 * SCHEMA_MISSING; the CLI check) and remade by drop-foreign-schema, but sign-in goes on, as
 * Hearth's reads already tolerate what a dropped guard trigger or index would have kept out
 * (R23-5). A missing table refuses the open itself (`missingTables`, R24-6).
 */
export function blockingObjects(objects: readonly ForeignSchemaObject[]): ForeignSchemaObject[] {
  return objects.filter((o) => o.why !== 'missing');
}
