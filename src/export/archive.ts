// The plaintext inside an encrypted bundle: the bundle's files packed into one byte string.
// "HEARTHA1", a u32 LE length, a canonical JSON index [[name, size], ...], then the bytes in
// index order. Unpacking is strict (names, sizes, no trailing bytes) and throws BundleError.
import { canonicalJson } from './canonical-json';
import { concatBytes, fromUtf8, utf8 } from './encoding';
import { BundleError } from './errors';
import type { BundleFiles } from './bundle';

const MAGIC = utf8('HEARTHA1');
const MAX_ENTRIES = 64;

export function packFiles(files: BundleFiles): Uint8Array {
  const names = [...files.keys()].sort();
  const index = utf8(canonicalJson(names.map((n) => [n, (files.get(n) as Uint8Array).length])));
  const length = new Uint8Array(4);
  new DataView(length.buffer).setUint32(0, index.length, true);
  return concatBytes(MAGIC, length, index, ...names.map((n) => files.get(n) as Uint8Array));
}

export function unpackFiles(bytes: Uint8Array): BundleFiles {
  const bad = (why: string): never => {
    throw new BundleError('BAD_FORMAT', `The decrypted bundle is malformed (${why})`);
  };
  if (bytes.length < 12 || fromAscii(bytes.subarray(0, 8)) !== 'HEARTHA1') bad('header');
  const indexLength = new DataView(bytes.buffer, bytes.byteOffset + 8, 4).getUint32(0, true);
  if (12 + indexLength > bytes.length) bad('index length');
  let index: unknown;
  try {
    index = JSON.parse(fromUtf8(bytes.subarray(12, 12 + indexLength)));
  } catch {
    bad('index');
  }
  if (!Array.isArray(index) || index.length > MAX_ENTRIES) return bad('index');
  const files: BundleFiles = new Map();
  let offset = 12 + indexLength;
  for (const entry of index as unknown[]) {
    if (
      !Array.isArray(entry) ||
      entry.length !== 2 ||
      typeof entry[0] !== 'string' ||
      !Number.isSafeInteger(entry[1]) ||
      (entry[1] as number) < 0
    )
      bad('index entry');
    const [name, size] = entry as [string, number];
    if (files.has(name) || offset + size > bytes.length) bad('entry');
    files.set(name, bytes.slice(offset, offset + size));
    offset += size;
  }
  if (offset !== bytes.length) bad('trailing bytes');
  return files;
}

function fromAscii(b: Uint8Array): string {
  return Buffer.from(b).toString('latin1');
}
