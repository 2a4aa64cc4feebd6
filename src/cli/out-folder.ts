// Paths given to an option, checked before a vault is unlocked or a bundle read, so that a path
// to fix is named with the next step (exit 2, no usage text: InputError) instead of a core error
// met later (newcomer 17, N17-6: every command follows the README's exit-code table).
// `--out DIR` of export and open: a folder that does not exist is the user's to create (Hearth
// never creates folders for evidence on its own), and is said so before a vault is unlocked.
import { statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { InputError, unreadableReason } from './passphrase';

/**
 * The absolute path of an existing folder given to `flag`. Throws InputError naming the folder
 * and the next step when it does not exist or is not a folder (as Settings → Backup says).
 */
export function existingOutFolder(path: string, flag = '--out'): string {
  const full = resolve(path);
  let isDir = false;
  try {
    isDir = statSync(full).isDirectory();
  } catch {
    throw new InputError(
      `${flag}: the folder ${full} does not exist; create it first (mkdir -p "${full}"), then run this again`,
    );
  }
  if (!isDir) throw new InputError(`${flag}: ${full} is a file, not a folder; give a folder`);
  return full;
}

/**
 * The absolute path of a file to be written for `flag`, whose folder must exist (it is not
 * created) and which must not be a folder itself. Throws InputError naming the path.
 */
export function outFileInExistingFolder(path: string, flag = '--out'): string {
  const full = resolve(path);
  existingOutFolder(dirname(full), `${flag} ${path}`);
  let isDir = false;
  try {
    isDir = statSync(full).isDirectory();
  } catch {
    // Not there yet: the usual case.
  }
  if (isDir)
    throw new InputError(`${flag}: ${full} is a folder; give a file name inside it (${full}/NAME)`);
  return full;
}

/**
 * The absolute path of an existing, readable file given to `flag` (`what` names it in the
 * message: "backup file", "recording"). Throws InputError naming the path and what is wrong.
 */
export function existingInputFile(path: string, flag: string, what: string): string {
  const full = resolve(path);
  try {
    if (statSync(full).isDirectory())
      throw new InputError(`${flag}: ${full} is a folder; give the ${what} itself`);
  } catch (error) {
    if (error instanceof InputError) throw error;
    throw new InputError(`${flag}: the ${what} ${full} ${unreadableReason(error)}`);
  }
  return full;
}
