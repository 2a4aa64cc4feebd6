// vault check: class key versions below the floor the signed log states (red team 22, RT22-1;
// key-floors.ts). Names the replaced version precisely (its certificate row, its key rows) and
// the entry that stated it, so the admin sees why writes under that class are refused; and lets
// the record pass leave out findings that are only consequences of the same rollback (the
// case-reference index and allegation keys kept under the replaced case key version).
import type { Database } from 'better-sqlite3';
import type { AuditLog, SignerLookup } from './audit';
import type { VaultProblem } from './check';
import { statement } from './db';
import { readFloor } from './key-floors';
import { parseKeyId, type KeyStore } from './key-store';
import { classKey, DATA_CLASSES } from './roles';

/** A class key whose current version is below its signed floor. */
export interface RolledBackClass {
  logical: string;
  current: number;
  floor: number;
  entry: number;
}

/** Every class key whose current version is below the floor its newest signed statement names. */
export function rolledBackClasses(
  keys: KeyStore,
  audit: AuditLog,
  lookup: SignerLookup,
): RolledBackClass[] {
  const found: RolledBackClass[] = [];
  for (const dataClass of DATA_CLASSES) {
    const logical = classKey(dataClass);
    const id = keys.currentId(logical);
    if (!id) continue;
    const floor = readFloor(audit, lookup, logical);
    const current = parseKeyId(id).version;
    if ('version' in floor && current < floor.version)
      found.push({ logical, current, floor: floor.version, entry: floor.seq });
  }
  return found;
}

/** KEY_VERSION_ROLLED_BACK and KEY_FLOOR_MISSING findings. */
export function keyFloorProblems(
  db: Database,
  keys: KeyStore,
  audit: AuditLog,
  lookup: SignerLookup,
  rolledBack: RolledBackClass[],
  /** Classes the signed log says were made (check-class-history.ts), with the version it states. */
  madeInLog: ReadonlyMap<string, { version: number; seq: number }> = new Map(),
): VaultProblem[] {
  const problems: VaultProblem[] = [];
  for (const r of rolledBack) {
    const replaced = `${r.logical}@${r.floor}`;
    const cert = statement(db, 'SELECT 1 FROM key_certs WHERE key_id = ?').get(replaced);
    const wraps = (
      statement(
        db,
        'SELECT holder FROM key_wraps WHERE logical = ? AND version = ? ORDER BY holder',
      ).all(r.logical, r.floor) as Array<{ holder: string }>
    ).map((w) => w.holder);
    const heldBy = statement(
      db,
      'SELECT 1 FROM key_wraps WHERE logical = ? AND version = ? AND holder = ?',
    ).get(r.logical, r.current, replaced);
    const missing = [
      ...(cert ? [] : [`its certificate (key_certs row ${replaced})`]),
      ...(heldBy
        ? []
        : [
            `the wrap of ${r.logical}@${r.current} under it (key_wraps ${r.logical}@${r.current} held by ${replaced})`,
          ]),
      ...(wraps.length > 0 ? [] : [`every key_wraps row of ${replaced}`]),
    ];
    problems.push({
      kind: 'certificate',
      id: replaced,
      code: 'KEY_VERSION_ROLLED_BACK',
      values: {
        key: replaced,
        current: `${r.logical}@${r.current}`,
        entry: r.entry,
        missing: missing.join('; ') || 'nothing (its certificate does not verify)',
      },
      detail: `${replaced} replaced ${r.logical}@${r.current} (signed audit entry ${r.entry}), but ${missing.join('; ') || 'its certificate, which does not verify,'} ${missing.length === 1 ? 'was' : 'were'} deleted outside Hearth, so ${r.logical}@${r.current}, which a removed user may still hold, looks current again. Hearth refuses every write under ${r.logical} and reads older records as before. Restore the newest backup (hearth vault restore)`,
    });
  }
  for (const dataClass of DATA_CLASSES) {
    const logical = classKey(dataClass);
    if (!keys.currentId(logical)) {
      // Made, but no version with a valid certificate (RT22-3): not "never used" or "not added
      // yet"; Hearth refuses to put that class's data anywhere else.
      // The signed log counts too: every row of a class can be deleted, its floor pointer with
      // them (R23-3).
      const inLog = madeInLog.get(logical);
      if (!keys.classEverMade(logical) && !inLog) continue;
      const read = readFloor(audit, lookup, logical);
      const floor = 'version' in read || !inLog ? read : inLog;
      const oldest = keys.oldestId(logical);
      const version = 'version' in floor ? floor.version : oldest ? parseKeyId(oldest).version : 1;
      const id = `${logical}@${version}`;
      const row = statement(db, 'SELECT 1 FROM key_certs WHERE key_id = ?').get(id);
      problems.push({
        kind: 'certificate',
        id,
        code: 'CLASS_KEY_UNUSABLE',
        values: { key: id, state: row ? 'invalid' : 'missing' },
        detail: `the certificate of ${id} is ${row ? 'there but does not verify against the centre key' : 'missing (key_certs has no row for it)'}${'version' in floor ? `; signed audit entry ${floor.seq} says Hearth made that version` : ''}: deleted or changed outside Hearth. No version of ${logical} can be used, and Hearth refuses to save what belongs under it elsewhere (nothing falls back to a key more people hold). Restore the newest backup (hearth vault restore)`,
      });
      continue;
    }
    const floor = readFloor(audit, lookup, logical);
    if ('problem' in floor)
      problems.push({
        kind: 'certificate',
        id: logical,
        code: 'KEY_FLOOR_MISSING',
        values: { key: logical },
        detail: `the signed statement of the current version of ${logical} cannot be read: ${floor.problem}. Hearth refuses writes under ${logical} until an admin signs in (Hearth then reads it from the signed audit log); if this stays after that, restore the newest backup (hearth vault restore)`,
      });
  }
  return problems;
}

/** Whether a key version has a wrap under one of the replaced class key versions. */
export function heldByReplaced(db: Database, id: string, rolledBack: RolledBackClass[]): boolean {
  if (rolledBack.length === 0) return false;
  const { logical, version } = parseKeyId(id);
  const holders = rolledBack.map((r) => `${r.logical}@${r.floor}`);
  return (
    statement(
      db,
      'SELECT 1 FROM key_wraps WHERE logical = ? AND version = ? AND holder IN (SELECT value FROM json_each(?)) LIMIT 1',
    ).get(logical, version, JSON.stringify(holders)) !== undefined
  );
}
