// The byte layout of a bundle zip (red team L1): one archive, every byte accounted for. Each
// refusal is built the way an attacker would build it from a plain yazl zip; the plain zip, with
// a comment or data descriptors, passes.
import { checkZipLayout } from '../../../src/export/zip-layout';
import { BundleError } from '../../../src/export/errors';
import {
  craftZip,
  endRecord,
  insertGapBefore,
  renameLocalOnly,
  shiftOffsets,
} from '../../helpers/zip-craft';

const files = [
  { name: 'bundle/A.json', data: Buffer.from('{"a":1}'.repeat(50)) },
  { name: 'bundle/B.txt', data: Buffer.from('genuine text\n'.repeat(20)) },
];

function refusal(bytes: Buffer): string {
  try {
    checkZipLayout(bytes);
  } catch (error) {
    expect(error).toBeInstanceOf(BundleError);
    expect((error as BundleError).failure).toBe('BAD_FORMAT');
    // Every refusal names the next step.
    expect((error as BundleError).message).toMatch(/re-zip the bundle folder/);
    return (error as BundleError).message;
  }
  throw new Error('the layout was accepted');
}

test('a plain zip, one with a comment, with stored entries or with data descriptors passes', async () => {
  expect(() => checkZipLayout(new Uint8Array(0))).toThrow(BundleError);
  for (const zip of [
    await craftZip(files),
    await craftZip(files, 'made by hand'),
    await craftZip(files.map((f) => ({ ...f, compress: false }))),
    await craftZip(files.map((f) => ({ ...f, stream: true }))),
    await craftZip([]),
  ])
    expect(() => checkZipLayout(zip)).not.toThrow();
});

test('a polyglot (another archive first, the genuine one after with absolute offsets) is refused', async () => {
  const forged = await craftZip([{ name: 'bundle/A.json', data: Buffer.from('{"a":2}') }]);
  const genuine = await craftZip(files);
  const poly = Buffer.concat([forged, shiftOffsets(genuine, forged.length)]);
  expect(refusal(poly)).toMatch(/bytes before its first file/);
  // Plain junk before (a self-extractor stub) is the same fault.
  const junk = Buffer.alloc(100, 0x20);
  expect(refusal(Buffer.concat([junk, shiftOffsets(genuine, junk.length)]))).toMatch(
    /bytes before its first file/,
  );
});

test('gaps between entries, trailing bytes and a second end record are refused', async () => {
  const genuine = await craftZip(files);
  expect(refusal(insertGapBefore(genuine, 1, Buffer.alloc(16, 0x41)))).toMatch(/gaps or overlaps/);
  expect(refusal(Buffer.concat([genuine, Buffer.from('trailing')]))).toMatch(/bytes after the end/);
  // The same end record twice: end-first readers take the last, which points at the first.
  expect(refusal(Buffer.concat([genuine, endRecord(genuine)]))).toMatch(
    /between its central directory and its end record/,
  );
  // A second end record hidden in the comment of the first.
  const withComment = await craftZip(files, 'x'.repeat(22));
  const eocd = withComment.length - 22 - 22;
  const hidden = Buffer.from(withComment);
  endRecord(genuine).copy(hidden, eocd + 22);
  expect(refusal(hidden)).toMatch(/more than one archive/);
  // A central-directory record hidden in the comment (read by tools that scan for signatures).
  const cdInComment = Buffer.from(withComment);
  cdInComment.writeUInt32LE(0x02014b50, eocd + 22 + 4);
  expect(refusal(cdInComment)).toMatch(/comment holds another zip record/);
});

test('a local header that disagrees with the central directory is refused', async () => {
  const genuine = await craftZip(files);
  expect(refusal(renameLocalOnly(genuine))).toMatch(/local header disagrees/);
  // A changed CRC in the local header only.
  const crc = Buffer.from(genuine);
  crc.writeUInt32LE(crc.readUInt32LE(14) ^ 1, 14);
  expect(refusal(crc)).toMatch(/local header disagrees/);
  // Split archives and ZIP64 markers.
  const split = Buffer.from(genuine);
  split.writeUInt16LE(1, split.length - 22 + 4);
  expect(refusal(split)).toMatch(/split archive/);
});
