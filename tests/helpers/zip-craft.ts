// Builds and reshapes zips for the layout tests: yazl writes a plain archive; these helpers move
// its parts the way an attacker would (prefix another archive, insert gaps, append records).
import { PassThrough } from 'node:stream';
import { ZipFile } from 'yazl';

/** A zip written by yazl; `stream` entries use a data descriptor (sizes after the data). */
export function craftZip(
  entries: Array<{ name: string; data: Buffer; stream?: boolean; compress?: boolean }>,
  comment?: string,
): Promise<Buffer> {
  return new Promise((resolveZip, reject) => {
    const zip = new ZipFile();
    for (const e of entries) {
      if (e.stream) {
        const s = new PassThrough();
        s.end(e.data);
        zip.addReadStream(s, e.name, { compress: e.compress ?? true });
      } else zip.addBuffer(e.data, e.name, { compress: e.compress ?? true });
    }
    if (comment === undefined) zip.end();
    else zip.end({ comment, forceZip64Format: false });
    const chunks: Buffer[] = [];
    zip.outputStream.on('data', (c: Buffer) => chunks.push(c));
    zip.outputStream.on('end', () => resolveZip(Buffer.concat(chunks)));
    zip.outputStream.on('error', reject);
  });
}

/** Offset of the end record of a zip without a comment. */
function eocdOf(zip: Buffer): number {
  const at = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (at < 0) throw new Error('no EOCD');
  return at;
}

/** Offsets of the central-directory entries. */
function centralEntries(zip: Buffer): number[] {
  const eocd = eocdOf(zip);
  const count = zip.readUInt16LE(eocd + 10);
  let at = zip.readUInt32LE(eocd + 16);
  const out: number[] = [];
  for (let i = 0; i < count; i += 1) {
    out.push(at);
    at += 46 + zip.readUInt16LE(at + 28) + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
  }
  return out;
}

/** The zip with every absolute offset moved by `by` bytes, to sit after `by` other bytes. */
export function shiftOffsets(zip: Buffer, by: number): Buffer {
  const out = Buffer.from(zip);
  for (const at of centralEntries(out)) out.writeUInt32LE(out.readUInt32LE(at + 42) + by, at + 42);
  const eocd = eocdOf(out);
  out.writeUInt32LE(out.readUInt32LE(eocd + 16) + by, eocd + 16);
  return out;
}

/** `zip` with `gap` bytes inserted before its entry number `index` (offsets kept consistent). */
export function insertGapBefore(zip: Buffer, index: number, gap: Buffer): Buffer {
  const entries = centralEntries(zip);
  const target = zip.readUInt32LE(entries[index]! + 42);
  const out = Buffer.concat([zip.subarray(0, target), gap, zip.subarray(target)]);
  // The central directory sits after the inserted gap: its entries moved by gap.length.
  for (const at of entries.map((a) => a + gap.length)) {
    const offset = out.readUInt32LE(at + 42);
    if (offset >= target) out.writeUInt32LE(offset + gap.length, at + 42);
  }
  const eocd = eocdOf(out);
  out.writeUInt32LE(out.readUInt32LE(eocd + 16) + gap.length, eocd + 16);
  return out;
}

/** The bytes of the end record (to append a second one). */
export function endRecord(zip: Buffer): Buffer {
  return Buffer.from(zip.subarray(eocdOf(zip), eocdOf(zip) + 22));
}

/** Changes one byte of the first local header's file name only (the central copy is kept). */
export function renameLocalOnly(zip: Buffer): Buffer {
  const out = Buffer.from(zip);
  out[30] = out[30] === 0x41 ? 0x42 : 0x41;
  return out;
}
