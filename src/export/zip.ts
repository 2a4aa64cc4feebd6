// A bundle folder zipped for e-mail or a USB stick. Read into memory once; its byte layout is
// checked first (zip-layout.ts: one archive, every byte accounted for, so no polyglot shows one
// bundle to one zip reader and another to the next); then read with yauzl, and only
// after every entry of the central directory has been checked: names (no "..", no absolute or
// drive paths, only bundle file names, at most one enclosing folder), types (no
// symbolic links, no devices), flags (no encryption, only stored/deflate) and sizes (each file
// within the bundle limit, the total within the limit, and a compression ratio no real bundle
// reaches, which is how a zip bomb shows before a byte is inflated). yauzl then enforces that
// each entry inflates to exactly its declared size (validateEntrySizes).
//
// Ordinary zip tools add what is not tampering: Windows (PowerShell Compress-Archive, older
// Explorer) writes "\\" as the separator, macOS Finder adds a "__MACOSX/" folder of resource forks
// and ".DS_Store" files. "\\" is read as a separator once the name has passed the "..", absolute
// and drive checks (which are run again on the normalised name); the OS-made extras (os-extras.ts,
// the same rule as for a folder) are skipped, never read, and named in the report. What is still refused names the zip, not the bundle, and says to re-zip the folder.
import { lstatSync, readFileSync } from 'node:fs';
import * as yauzl from 'yauzl';
import type { BundleFiles } from './bundle';
import { BundleError } from './errors';
import { safeName, shownExtra } from './files';
import { MAX_FILE_BYTES } from './limits';
import { checkZipLayout } from './zip-layout';
import { isOsExtra } from './os-extras';

/** "PK\x03\x04": a zip file's local header signature (also an empty zip's "PK\x05\x06"). */
export function looksLikeZip(bytes: Uint8Array): boolean {
  return (
    bytes.length >= 4 &&
    bytes[0] === 0x50 &&
    bytes[1] === 0x4b &&
    ((bytes[2] === 0x03 && bytes[3] === 0x04) || (bytes[2] === 0x05 && bytes[3] === 0x06))
  );
}

/** The limits a zip must stay within; tests lower them to exercise them cheaply. */
export interface ZipLimits {
  maxEntries: number;
  maxFileBytes: number;
  maxTotalBytes: number;
  /** Uncompressed / compressed above this, for an entry over ratioFloorBytes, is refused. */
  maxRatio: number;
  ratioFloorBytes: number;
}

export const ZIP_LIMITS: ZipLimits = {
  maxEntries: 64,
  maxFileBytes: MAX_FILE_BYTES,
  maxTotalBytes: MAX_FILE_BYTES * 2,
  // Deflate cannot exceed about 1032:1; JSON and text transcripts compress 5-20:1.
  maxRatio: 100,
  ratioFloorBytes: 1024 * 1024,
};

/** Room for zip headers above the bundle's total size, for the size check before reading. */
const ZIP_OVERHEAD_BYTES = 1024 * 1024;

const S_IFMT = 0o170000;
const S_IFREG = 0o100000;
const S_IFDIR = 0o040000;
const MADE_BY_UNIX = 3;

interface Checked {
  entry: yauzl.Entry;
  name: string;
}

function entryName(entry: yauzl.Entry): string {
  const raw = entry.fileNameRaw;
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(raw);
  } catch {
    throw new BundleError('PATH_TRICK', 'The zip holds a file name that is not valid text');
  }
}

/** The next step for any zip refused for its shape rather than its content. */
const REZIP = 'unzip it and verify the folder, or re-zip the bundle folder itself';

function refusePath(name: string): never {
  throw new BundleError(
    'PATH_TRICK',
    `The zip holds ${safeName(name)} with an absolute or unusual path; nothing was extracted (${REZIP})`,
  );
}

/** Path parts of an entry name: "\\" read as "/", after the checks on both forms. */
function checkName(name: string): string[] {
  const unusual = (n: string) =>
    n === '' || n.includes('\0') || n.startsWith('/') || /^[A-Za-z]:/.test(n);
  if (unusual(name)) refusePath(name);
  const normalised = name.replace(/\\/g, '/');
  if (unusual(normalised)) refusePath(name);
  const parts = normalised.replace(/\/$/, '').split('/');
  if (parts.some((p) => p === '..' || p === '.' || p === ''))
    throw new BundleError(
      'PATH_TRICK',
      'The zip holds a path that climbs out of its folder (".."); nothing was extracted',
    );
  return parts;
}

function checkType(entry: yauzl.Entry, isDir: boolean, name: string): void {
  if (entry.isEncrypted())
    throw new BundleError('BAD_FORMAT', 'The zip is password-protected; a bundle zip is not');
  if (entry.compressionMethod !== 0 && entry.compressionMethod !== 8)
    throw new BundleError('BAD_FORMAT', 'The zip uses a compression method a bundle zip does not');
  if (entry.versionMadeBy >> 8 === MADE_BY_UNIX) {
    const mode = (entry.externalFileAttributes >>> 16) & S_IFMT;
    if (mode !== 0 && mode !== (isDir ? S_IFDIR : S_IFREG))
      throw new BundleError(
        'PATH_TRICK',
        `${safeName(name.split('/').pop() ?? '')} in the zip is a symbolic link or special file; nothing was extracted`,
      );
  }
}

async function listEntries(zip: yauzl.ZipFile, limits: ZipLimits): Promise<yauzl.Entry[]> {
  if (zip.entryCount > limits.maxEntries)
    throw new BundleError('FILE_SET', 'The zip holds far more files than a bundle');
  return new Promise((resolveList, reject) => {
    const entries: yauzl.Entry[] = [];
    zip.on('entry', (entry: yauzl.Entry) => {
      entries.push(entry);
      zip.readEntry();
    });
    zip.on('end', () => resolveList(entries));
    zip.on('error', reject);
    zip.readEntry();
  });
}

/**
 * Every check, on the central directory only; returns the entries to read, by bundle name. The
 * OS-made extras (os-extras.ts) pass the name and type checks, are then skipped, and their names
 * (as shown: shownExtra) are pushed onto `ignored`.
 */
export function checkEntries(
  entries: yauzl.Entry[],
  expectedNames: readonly string[],
  limits: ZipLimits = ZIP_LIMITS,
  ignored: string[] = [],
): Checked[] {
  const named = entries
    .map((entry) => {
      const name = entryName(entry);
      const parts = checkName(name);
      const isDir = /[/\\]$/.test(name);
      checkType(entry, isDir, name);
      return { entry, name, parts, isDir };
    })
    .filter((e) => {
      if (!isOsExtra(e.parts)) return true;
      if (!e.isDir) ignored.push(shownExtra(e.parts));
      return false;
    });
  const files = named.filter((e) => !e.isDir);
  // A zip of the folder: every file at the top, or every file inside one and the same folder.
  const prefixes = new Set(files.map((f) => (f.parts.length === 2 ? f.parts[0] : '')));
  if (files.some((f) => f.parts.length > 2) || prefixes.size > 1)
    throw new BundleError(
      'FILE_SET',
      `The zip is not one bundle folder: its files are in more than one folder (${REZIP})`,
    );
  if (named.some((e) => e.isDir && (e.parts.length > 1 || !prefixes.has(e.parts[0]))))
    throw new BundleError(
      'FILE_SET',
      `The zip holds folders that are not part of a bundle (${REZIP})`,
    );
  let total = 0;
  const seen = new Set<string>();
  const checked: Checked[] = [];
  for (const f of files) {
    const base = f.parts[f.parts.length - 1] as string;
    if (!expectedNames.includes(base))
      throw new BundleError(
        'FILE_SET',
        `The zip holds ${safeName(base)}, which is not part of a bundle; nothing was extracted (${REZIP})`,
      );
    if (seen.has(base))
      throw new BundleError('FILE_SET', `The zip holds ${safeName(base)} twice (${REZIP})`);
    seen.add(base);
    const size = f.entry.uncompressedSize;
    if (size > limits.maxFileBytes)
      throw new BundleError('TOO_LARGE', `${safeName(base)} in the zip is too large for a bundle`);
    total += size;
    if (total > limits.maxTotalBytes)
      throw new BundleError('TOO_LARGE', 'The zip unpacks to more than a bundle can hold');
    if (
      size > limits.ratioFloorBytes &&
      size > limits.maxRatio * Math.max(1, f.entry.compressedSize)
    )
      throw new BundleError(
        'TOO_LARGE',
        `${safeName(base)} in the zip is compressed far beyond what a bundle file allows (a zip bomb?); nothing was extracted`,
      );
    checked.push({ entry: f.entry, name: base });
  }
  return checked;
}

function readEntry(zip: yauzl.ZipFile, entry: yauzl.Entry, cap: number): Promise<Uint8Array> {
  return new Promise((resolveBytes, reject) => {
    zip.openReadStream(entry, (error, stream) => {
      if (error || !stream) {
        reject(error ?? new Error('no stream'));
        return;
      }
      const chunks: Buffer[] = [];
      let length = 0;
      stream.on('data', (chunk: Buffer) => {
        length += chunk.length;
        if (length > cap) {
          stream.destroy(new BundleError('TOO_LARGE', 'A file in the zip is larger than declared'));
          return;
        }
        chunks.push(chunk);
      });
      stream.on('end', () => resolveBytes(new Uint8Array(Buffer.concat(chunks, length))));
      stream.on('error', reject);
    });
  });
}

/**
 * Reads a zipped bundle folder into memory after checking every entry (see the file comment);
 * returns its files and the OS-made extras it skipped (their shown names).
 * Throws BundleError (PATH_TRICK, FILE_SET, TOO_LARGE, BAD_FORMAT, NOT_A_BUNDLE); nothing is
 * ever written to disk.
 */
export async function readZipBundle(
  path: string,
  expectedNames: readonly string[],
  limits: ZipLimits = ZIP_LIMITS,
): Promise<{ files: BundleFiles; ignored: string[] }> {
  const stat = lstatSync(path);
  if (!stat.isFile()) throw new BundleError('NOT_A_BUNDLE', 'The zip path is not a regular file');
  // Headers and a stored (uncompressed) copy of every file fit well within this.
  if (stat.size > limits.maxTotalBytes + ZIP_OVERHEAD_BYTES)
    throw new BundleError('TOO_LARGE', 'The zip is larger than a bundle can be');
  // Read once: the layout checked is the one yauzl reads (no second read of a changed file).
  const bytes = readFileSync(path);
  checkZipLayout(bytes);
  let zip: yauzl.ZipFile;
  try {
    zip = await yauzl.fromBufferPromise(bytes, {
      lazyEntries: true,
      decodeStrings: false,
      validateEntrySizes: true,
      autoClose: false,
    });
  } catch {
    throw new BundleError('NOT_A_BUNDLE', 'The file is not a readable zip');
  }
  try {
    let entries: yauzl.Entry[];
    try {
      entries = await listEntries(zip, limits);
    } catch (error) {
      if (error instanceof BundleError) throw error;
      throw new BundleError('BAD_FORMAT', 'The zip is damaged: its list of files cannot be read');
    }
    const ignored: string[] = [];
    const checked = checkEntries(entries, expectedNames, limits, ignored);
    const files: BundleFiles = new Map();
    for (const { entry, name } of checked) {
      try {
        files.set(name, await readEntry(zip, entry, entry.uncompressedSize));
      } catch (error) {
        if (error instanceof BundleError) throw error;
        throw new BundleError(
          'BAD_FORMAT',
          `${safeName(name)} in the zip cannot be unpacked (damaged, or not the size it declares)`,
        );
      }
    }
    return { files, ignored };
  } finally {
    zip.close();
  }
}
