// Newcomer 7, findings 9-10: the confirm-from-backup path is checked before anything opens it.
// Quotes from Windows "Copy as path" are removed; a folder and a relative path each get their own
// refusal (reason) instead of "does not exist".
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { backupPath } from '../../../src/vault/audit-start-proof';
import { HearthError } from '../../../src/vault/errors';

const reasonOf = (f: () => unknown): unknown => {
  try {
    f();
  } catch (e) {
    return e instanceof HearthError ? (e.details as { reason?: string } | undefined)?.reason : e;
  }
  return 'no error';
};

test('quotes and spaces around a pasted path are removed', () => {
  const dir = mkdtempSync(join(tmpdir(), 'hearth-bp-'));
  try {
    const file = join(dir, 'hearth backup.db');
    writeFileSync(file, '');
    expect(backupPath(`"${file}"`)).toBe(file);
    expect(backupPath(`  '${file}'  `)).toBe(file);
    expect(backupPath(file)).toBe(file);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a folder is refused as a folder, a relative path as not full', () => {
  const dir = mkdtempSync(join(tmpdir(), 'hearth-bp-'));
  try {
    expect(reasonOf(() => backupPath(dir))).toBe('BACKUP_IS_FOLDER');
    expect(reasonOf(() => backupPath(`"${dir}"`))).toBe('BACKUP_IS_FOLDER');
    expect(reasonOf(() => backupPath('hearth-backup.db'))).toBe('BACKUP_PATH_RELATIVE');
    expect(reasonOf(() => backupPath('usb/hearth-backup.db'))).toBe('BACKUP_PATH_RELATIVE');
    // A drive-letter path is full (the open then says whether it exists).
    expect(backupPath('E:\\hearth-backup.db')).toBe('E:\\hearth-backup.db');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
