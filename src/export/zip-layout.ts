// The byte layout of a bundle zip, checked before yauzl reads it (red team L1, "zip polyglot").
//
// A zip reader that starts from the end (yauzl, Windows Explorer, `unzip`) reads the last end of
// central directory record (EOCD) and the entries it points to; a reader that streams from byte 0
// reads the local headers in order. A file built as "another bundle's zip, then the genuine zip
// with absolute offsets" shows the genuine bundle to the first kind and the other one to the
// second, and verified VALID. A zip Hearth accepts therefore has exactly the layout the ZIP
// specification (PKWARE APPNOTE 6.3.10, sections 4.3.1-4.3.16) describes for one archive, with
// every byte accounted for:
//
//   [local header + name + extra + data (+ data descriptor)] for each entry, back to back from
//   byte 0, in central-directory order; then the central directory, back to back; then one EOCD
//   whose comment runs exactly to the end of the file and holds no zip record signature.
//
// Each local header must agree with its central-directory entry (name bytes, flags, method, CRC
// and sizes, taken from the data descriptor when bit 3 is set). Refused: bytes before the first
// local header, gaps or overlaps between entries, trailing bytes after the EOCD and its comment,
// a second EOCD (or any record signature) in the comment, split archives and ZIP64 (a bundle
// zip is far below 4 GB; every zip tool writes small archives without ZIP64).
import { BundleError } from './errors';

const SIG_LOCAL = 0x04034b50;
const SIG_CENTRAL = 0x02014b50;
const SIG_EOCD = 0x06054b50;
const SIG_DESCRIPTOR = 0x08074b50;
const LOCAL_FIXED = 30;
const CENTRAL_FIXED = 46;
const EOCD_FIXED = 22;
const MAX_COMMENT = 0xffff;
const FLAG_DESCRIPTOR = 0x0008;
const ZIP64_MARK = 0xffffffff;

/** The next step for a zip refused for its layout. */
const NEXT_STEP =
  'nothing was extracted; unzip it with an ordinary tool and verify the folder, or re-zip the bundle folder itself';

function refuse(what: string): never {
  throw new BundleError(
    'BAD_FORMAT',
    `The zip is not one plain zip archive: ${what}; ${NEXT_STEP}`,
  );
}

/** One entry of the central directory, as far as the layout check needs it. */
interface CentralEntry {
  flags: number;
  method: number;
  crc: number;
  compressedSize: number;
  uncompressedSize: number;
  name: Uint8Array;
  localOffset: number;
}

function view(bytes: Uint8Array): DataView {
  return new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

/** The offset of the one EOCD, whose comment ends exactly at the end of the file. */
function findEocd(bytes: Uint8Array, dv: DataView): number {
  if (bytes.length < EOCD_FIXED) refuse('it is too short to be a zip');
  const lowest = Math.max(0, bytes.length - EOCD_FIXED - MAX_COMMENT);
  // The last signature is the one end-first readers (yauzl among them) take.
  for (let at = bytes.length - EOCD_FIXED; at >= lowest; at -= 1) {
    if (dv.getUint32(at, true) !== SIG_EOCD) continue;
    const commentLength = dv.getUint16(at + 20, true);
    if (at + EOCD_FIXED + commentLength !== bytes.length)
      refuse('it has bytes after the end of its central directory');
    return at;
  }
  return refuse('its end of central directory record is missing');
}

/** The comment may hold text, never another record (a second EOCD, a hidden central entry). */
function checkComment(bytes: Uint8Array, dv: DataView, from: number): void {
  for (let at = from; at + 4 <= bytes.length; at += 1) {
    const sig = dv.getUint32(at, true);
    if (sig === SIG_EOCD || sig === SIG_CENTRAL || sig === SIG_LOCAL || sig === 0x06064b50)
      refuse('its comment holds another zip record (more than one end of archive)');
  }
}

function readCentral(bytes: Uint8Array, dv: DataView, start: number, end: number, count: number) {
  const entries: CentralEntry[] = [];
  let at = start;
  while (at < end) {
    if (at + CENTRAL_FIXED > end || dv.getUint32(at, true) !== SIG_CENTRAL)
      refuse('its central directory holds something other than file entries');
    const nameLength = dv.getUint16(at + 28, true);
    const extraLength = dv.getUint16(at + 30, true);
    const commentLength = dv.getUint16(at + 32, true);
    const entry: CentralEntry = {
      flags: dv.getUint16(at + 8, true),
      method: dv.getUint16(at + 10, true),
      crc: dv.getUint32(at + 16, true),
      compressedSize: dv.getUint32(at + 20, true),
      uncompressedSize: dv.getUint32(at + 24, true),
      name: bytes.subarray(at + CENTRAL_FIXED, at + CENTRAL_FIXED + nameLength),
      localOffset: dv.getUint32(at + 42, true),
    };
    if (dv.getUint16(at + 34, true) !== 0) refuse('it is one part of a split archive');
    if (
      entry.compressedSize === ZIP64_MARK ||
      entry.uncompressedSize === ZIP64_MARK ||
      entry.localOffset === ZIP64_MARK
    )
      refuse('it uses ZIP64 records, which a bundle zip never needs');
    entries.push(entry);
    at += CENTRAL_FIXED + nameLength + extraLength + commentLength;
  }
  if (at !== end) refuse('its central directory overruns its stated size');
  if (entries.length !== count)
    refuse('its central directory holds a different number of entries than its end record states');
  return entries;
}

/** Where the data descriptor after an entry's data ends (APPNOTE 4.3.9: signature optional). */
function descriptorEnd(dv: DataView, at: number, limit: number, entry: CentralEntry): number {
  const withSig = at + 4 <= limit && dv.getUint32(at, true) === SIG_DESCRIPTOR ? 4 : 0;
  const base = at + withSig;
  if (base + 12 > limit) refuse('an entry has no data descriptor where its flags promise one');
  if (
    dv.getUint32(base, true) !== entry.crc ||
    dv.getUint32(base + 4, true) !== entry.compressedSize ||
    dv.getUint32(base + 8, true) !== entry.uncompressedSize
  )
    refuse('an entry\u2019s data descriptor disagrees with its central directory entry');
  return base + 12;
}

/** Walks the local entries from byte 0; returns where the last one ends. */
function walkLocal(bytes: Uint8Array, dv: DataView, entries: CentralEntry[], limit: number) {
  let at = 0;
  for (const entry of entries) {
    if (entry.localOffset !== at)
      refuse(
        at === 0
          ? 'it has bytes before its first file (another archive may be hidden there)'
          : 'it has gaps or overlaps between its files',
      );
    if (at + LOCAL_FIXED > limit || dv.getUint32(at, true) !== SIG_LOCAL)
      refuse('a file entry does not start where its central directory says');
    const flags = dv.getUint16(at + 6, true);
    const method = dv.getUint16(at + 8, true);
    const nameLength = dv.getUint16(at + 26, true);
    const extraLength = dv.getUint16(at + 28, true);
    const name = bytes.subarray(at + LOCAL_FIXED, at + LOCAL_FIXED + nameLength);
    if (flags !== entry.flags || method !== entry.method || !sameBytes(name, entry.name))
      refuse('a file\u2019s local header disagrees with its central directory entry');
    const usesDescriptor = (flags & FLAG_DESCRIPTOR) !== 0;
    if (
      !usesDescriptor &&
      (dv.getUint32(at + 14, true) !== entry.crc ||
        dv.getUint32(at + 18, true) !== entry.compressedSize ||
        dv.getUint32(at + 22, true) !== entry.uncompressedSize)
    )
      refuse('a file\u2019s local header disagrees with its central directory entry');
    const dataEnd = at + LOCAL_FIXED + nameLength + extraLength + entry.compressedSize;
    if (dataEnd > limit) refuse('a file\u2019s data runs into the central directory');
    at = usesDescriptor ? descriptorEnd(dv, dataEnd, limit, entry) : dataEnd;
  }
  return at;
}

/**
 * Checks that `bytes` is exactly one zip archive with every byte accounted for (see the file
 * comment). Throws BundleError('BAD_FORMAT') naming what is wrong and the next step; returns
 * nothing when the layout is plain. Reads only the bytes given; inflates nothing.
 */
export function checkZipLayout(bytes: Uint8Array): void {
  const dv = view(bytes);
  const eocd = findEocd(bytes, dv);
  checkComment(bytes, dv, eocd + EOCD_FIXED);
  const disk = dv.getUint16(eocd + 4, true);
  const cdDisk = dv.getUint16(eocd + 6, true);
  const onDisk = dv.getUint16(eocd + 8, true);
  const count = dv.getUint16(eocd + 10, true);
  const cdSize = dv.getUint32(eocd + 12, true);
  const cdOffset = dv.getUint32(eocd + 16, true);
  if (disk !== 0 || cdDisk !== 0 || onDisk !== count) refuse('it is one part of a split archive');
  if (count === 0xffff || cdSize === ZIP64_MARK || cdOffset === ZIP64_MARK)
    refuse('it uses ZIP64 records, which a bundle zip never needs');
  if (cdOffset + cdSize !== eocd)
    refuse(
      cdOffset + cdSize < eocd
        ? 'it has bytes between its central directory and its end record (more than one archive)'
        : 'its central directory overruns its end record',
    );
  const entries = readCentral(bytes, dv, cdOffset, eocd, count);
  const localEnd = walkLocal(bytes, dv, entries, cdOffset);
  if (localEnd !== cdOffset) refuse('it has bytes between its last file and its central directory');
}
