// Forward-only schema migrations: migrations/NNNN_snake_name.sql, applied in order, each in its
// own transaction together with the new PRAGMA user_version, so a crash never leaves a half step.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Database } from 'better-sqlite3';
import { HearthError } from './errors';

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

const MIGRATION_FILE = /^(\d{4})_([a-z0-9_]+)\.sql$/;

/** The project's migrations folder: found by walking up from this file (src/ or dist/src/). */
export function defaultMigrationsDir(): string {
  let dir = __dirname;
  for (;;) {
    const candidate = join(dir, 'migrations');
    if (existsSync(join(dir, 'package.json')) && existsSync(candidate)) return candidate;
    const parent = dirname(dir);
    if (parent === dir)
      throw new HearthError('INTERNAL', 'The migrations folder is missing from this installation.');
    dir = parent;
  }
}

export function loadMigrations(dir: string = defaultMigrationsDir()): Migration[] {
  const migrations = readdirSync(dir)
    .filter((f) => f.endsWith('.sql'))
    .map((file) => {
      const match = MIGRATION_FILE.exec(file);
      if (!match)
        throw new HearthError(
          'INTERNAL',
          `Migration file name is not NNNN_snake_name.sql: ${file}`,
        );
      return {
        version: Number(match[1]),
        name: match[2] as string,
        sql: readFileSync(join(dir, file), 'utf8'),
      };
    })
    .sort((a, b) => a.version - b.version);
  migrations.forEach((m, i) => {
    if (m.version !== i + 1)
      throw new HearthError(
        'INTERNAL',
        `Migrations must be numbered 0001, 0002, ... without gaps (found ${m.version})`,
      );
  });
  return migrations;
}

export function schemaVersion(db: Database): number {
  return db.pragma('user_version', { simple: true }) as number;
}

/** Applies pending migrations; refuses a database written by a newer Hearth. Returns the version. */
export function migrate(db: Database, migrations: Migration[] = loadMigrations()): number {
  const latest = migrations.length;
  const current = schemaVersion(db);
  if (current > latest) {
    throw new HearthError(
      'VAULT_TOO_NEW',
      `This vault was written by a newer version of Hearth (schema ${current}; this version knows ${latest}). Update Hearth to open it.`,
    );
  }
  for (const migration of migrations.slice(current)) {
    db.transaction(() => {
      db.exec(migration.sql);
      db.pragma(`user_version = ${migration.version}`);
    })();
  }
  return latest;
}
