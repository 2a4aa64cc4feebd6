// `--out DIR` of export and open: a folder that does not exist is the user's to create (Hearth
// never creates folders for evidence on its own), and is said so before a vault is unlocked.
import { statSync } from 'node:fs';
import { resolve } from 'node:path';
import { UsageError } from './passphrase';

/**
 * The absolute path of an existing folder given to `flag`. Throws UsageError naming the folder
 * and the next step when it does not exist or is not a folder (as Settings → Backup says).
 */
export function existingOutFolder(path: string, flag = '--out'): string {
  const full = resolve(path);
  let isDir = false;
  try {
    isDir = statSync(full).isDirectory();
  } catch {
    throw new UsageError(
      `${flag}: the folder ${full} does not exist; create it first (mkdir -p "${full}"), then run this again`,
    );
  }
  if (!isDir) throw new UsageError(`${flag}: ${full} is a file, not a folder; give a folder`);
  return full;
}
