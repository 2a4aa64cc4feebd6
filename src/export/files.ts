// Bundles on disk. Writing is atomic: everything goes into a temporary folder (or file) next to
// the destination, each file and the folder are fsynced, then one rename publishes it; on any
// error the temporary is removed, so a failed export leaves nothing behind. Reading is strict:
// no symlinks, no sub-folders, nothing but regular files, sizes bounded before reading.
import {
  closeSync,
  fsyncSync,
  lstatSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  writeSync,
  existsSync,
  type Dirent,
} from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { randomBytes } from '../crypto';
import { HearthError } from '../vault';
import type { BundleFiles } from './bundle';
import { toHex } from './encoding';
import { BundleError } from './errors';
import { MAX_FILE_BYTES } from './limits';
import { isOsExtra } from './os-extras';

/** A file-system error as a HearthError; its message (which holds a path) is not passed on. */
function fsError(error: unknown): HearthError {
  const code =
    typeof error === 'object' && error !== null ? (error as { code?: unknown }).code : undefined;
  if (code === 'ENOSPC' || code === 'EDQUOT')
    return new HearthError('DISK_FULL', 'The disk is full: no bundle was written.');
  if (typeof code === 'string' && /^E[A-Z]+$/.test(code))
    return new HearthError(
      'IO_ERROR',
      `The bundle could not be written (${code}). Check the folder and its permissions; no bundle was left behind.`,
    );
  return new HearthError('INTERNAL', 'The bundle could not be written; no bundle was left behind.');
}

function writeFileSynced(path: string, bytes: Uint8Array): void {
  const fd = openSync(path, 'wx', 0o600);
  try {
    let offset = 0;
    while (offset < bytes.length) offset += writeSync(fd, bytes, offset, bytes.length - offset);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

function fsyncDir(path: string): void {
  const fd = openSync(path, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

function refuseExisting(path: string): void {
  if (existsSync(path))
    throw new HearthError('CONFLICT', 'An export with this name already exists in that folder.');
}

function tempName(path: string): string {
  return join(dirname(path), `.${basename(path)}.partial-${toHex(randomBytes(6))}`);
}

/** Failure injection for tests: called after each file is written into the temporary folder. */
export type WriteHook = (fileName: string) => void;

/** Writes a bundle folder at `path` atomically. */
export function writeBundleDir(path: string, files: BundleFiles, hook?: WriteHook): void {
  refuseExisting(path);
  const temp = tempName(path);
  try {
    mkdirSync(temp, { mode: 0o700 });
    for (const [name, bytes] of files) {
      writeFileSynced(join(temp, name), bytes);
      hook?.(name);
    }
    fsyncDir(temp);
    refuseExisting(path);
    renameSync(temp, path);
    fsyncDir(dirname(path));
  } catch (error) {
    rmSync(temp, { recursive: true, force: true });
    throw error instanceof HearthError ? error : fsError(error);
  }
}

/** Writes one file at `path` atomically (the encrypted form). */
export function writeFileAtomic(path: string, bytes: Uint8Array, hook?: WriteHook): void {
  refuseExisting(path);
  const temp = tempName(path);
  try {
    writeFileSynced(temp, bytes);
    hook?.(basename(path));
    refuseExisting(path);
    renameSync(temp, path);
    fsyncDir(dirname(path));
  } catch (error) {
    rmSync(temp, { force: true });
    throw error instanceof HearthError ? error : fsError(error);
  }
}

/** A bundle folder's files (with the OS-made extras it ignored: os-extras.ts), or a file's bytes. */
export type BundleOnDisk =
  { kind: 'folder'; files: BundleFiles; ignored: string[] } | { kind: 'file'; bytes: Uint8Array };

const MAX_ENTRIES = 64;

/**
 * Reads a bundle folder or an encrypted bundle file; throws BundleError for anything odd. A
 * folder is checked whole before any file is read: only names from `expectedNames`, only
 * regular files, each size (lstat) within the limit; so a folder of huge or sparse files costs
 * a directory listing, not memory.
 */
export function readBundlePath(path: string, expectedNames: readonly string[]): BundleOnDisk {
  let stat;
  try {
    stat = lstatSync(path);
  } catch {
    throw new BundleError('NOT_A_BUNDLE', 'There is no bundle at this path');
  }
  if (stat.isSymbolicLink())
    throw new BundleError('PATH_TRICK', 'The bundle path is a symbolic link');
  if (stat.isFile()) {
    if (stat.size > MAX_FILE_BYTES * 2)
      throw new BundleError('TOO_LARGE', 'The file is too large to be a bundle');
    return { kind: 'file', bytes: readFileSync(path) };
  }
  if (!stat.isDirectory())
    throw new BundleError('NOT_A_BUNDLE', 'The path is neither a folder nor a file');
  let entries: Dirent[];
  try {
    entries = readdirSync(path, { withFileTypes: true });
  } catch {
    throw new BundleError('NOT_A_BUNDLE', 'The bundle folder cannot be read');
  }
  if (entries.length > MAX_ENTRIES)
    throw new BundleError('FILE_SET', 'The folder holds far more files than a bundle');
  // OS-made metadata (a .DS_Store a file manager wrote when the folder was looked at): the same
  // rule as in a zip (os-extras.ts). Only a regular file, or a real __MACOSX folder, is ignored;
  // a symbolic link under such a name is refused below like any other.
  const ignoredEntries = entries.filter(
    (e) => isOsExtra([e.name]) && (e.isFile() || (e.isDirectory() && e.name === '__MACOSX')),
  );
  const ignored = ignoredEntries.map((e) => shownExtra([e.name]));
  entries = entries.filter((e) => !ignoredEntries.includes(e));
  for (const entry of entries) {
    if (entry.isSymbolicLink())
      throw new BundleError('PATH_TRICK', `${safeName(entry.name)} is a symbolic link`);
    if (!entry.isFile())
      throw new BundleError('PATH_TRICK', `${safeName(entry.name)} is not a regular file`);
  }
  const unexpected = entries.filter((e) => !expectedNames.includes(e.name));
  if (unexpected.length > 0)
    throw new BundleError(
      'FILE_SET',
      `The bundle folder holds ${unexpected.length} file(s) that are not part of a bundle (first: ${safeName(unexpected[0]?.name ?? '')}); nothing was read and nothing was changed. If you put it there, move it out of the folder and verify again; if it came with the bundle, ask the centre to send the bundle again`,
    );
  for (const entry of entries)
    if (lstatSync(join(path, entry.name)).size > MAX_FILE_BYTES)
      throw new BundleError('TOO_LARGE', `${safeName(entry.name)} is too large`);
  const files: BundleFiles = new Map();
  for (const entry of entries) {
    const full = join(path, entry.name);
    const bytes = readFileSync(full);
    // Changed between the size check and the read: refuse rather than trust either.
    if (bytes.length > MAX_FILE_BYTES)
      throw new BundleError('TOO_LARGE', `${safeName(entry.name)} is too large`);
    files.set(entry.name, bytes);
  }
  return { kind: 'folder', files, ignored };
}

/** An ignored OS-made path (os-extras.ts) as the report shows it: each part through safeName. */
export function shownExtra(parts: readonly string[]): string {
  return parts.map(safeName).join('/');
}

/** A file name from the bundle is attacker-chosen: show it only when it looks like a file name. */
export function safeName(name: string): string {
  return /^[A-Za-z0-9._-]{1,64}$/.test(name) ? name : 'a file with an unusual name';
}
