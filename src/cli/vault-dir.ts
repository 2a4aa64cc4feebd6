// The --vault option of every command that opens a vault: checked before the core is started,
// so a wrong path gets a message naming the path and the next step (newcomer 17, N17-9) instead
// of an INTERNAL error (a file given to `vault init`) or a VAULT_NOT_FOUND without the path.
import { existsSync, statSync } from 'node:fs';
import { basename, dirname, resolve } from 'node:path';
import { VAULT_FILE } from '../vault';
import { CommandFailed } from './core-call';
import { InputError, UsageError } from './passphrase';

/**
 * `value` as a full path, after checking that it can hold a vault: given, and not a file (a
 * folder, or a path that does not exist yet). Throws UsageError when missing, InputError (exit 2)
 * naming the path and what to give instead when it is a file (the vault file itself included).
 */
export function vaultFolder(value: string | undefined): string {
  if (!value) throw new UsageError('--vault is required: DIR, the folder that holds the vault');
  const dir = resolve(value);
  let isFile = false;
  try {
    isFile = !statSync(dir).isDirectory();
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOTDIR')
      throw new InputError(
        `--vault ${value}: part of this path is a file, not a folder. Give a folder (hearth vault init creates it if it does not exist).`,
      );
    // ENOENT: a folder vault init will create; the commands that need a vault say so below.
  }
  if (isFile && basename(dir) === VAULT_FILE)
    throw new InputError(
      `--vault ${value} is the vault file itself: give the folder that holds it (--vault ${dirname(value) || '.'}).`,
    );
  if (isFile)
    throw new InputError(
      `--vault ${value} is a file, not a folder: give the folder that holds the vault, or for hearth vault init a new folder name (Hearth creates it).`,
    );
  return dir;
}

/**
 * `value` as a full path to a folder that holds a vault. Throws as vaultFolder, and
 * CommandFailed VAULT_NOT_FOUND (exit 2: a path to fix) naming the path and the next step when
 * the folder has no vault file.
 */
export function existingVaultFolder(value: string | undefined): string {
  const dir = vaultFolder(value);
  if (!existsSync(resolve(dir, VAULT_FILE)))
    throw new CommandFailed({
      code: 'VAULT_NOT_FOUND',
      message: `No vault was found in ${dir} (no ${VAULT_FILE} there). Check the --vault path, or create a vault there with: hearth vault init --vault ${value ?? dir}`,
    });
  return dir;
}
