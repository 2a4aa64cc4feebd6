// Fuzz: thousands of random mutations of a valid bundle, in memory (the verifier takes a file
// map, so this runs in seconds). Zero may be accepted, and every rejection must come from a
// check the verifier knows about: the catch-all "could not be read" would mean an untyped
// exception was swallowed.
import fc from 'fast-check';
import { initCrypto } from '../../../src/crypto';
import { verifyBundleFiles, type BundleFiles } from '../../../src/export';
import { cloneFiles, makeBundle, type TestBundle } from './helpers';

// Thousands of verifications on a shared machine: generous, and no assertion is about time.
jest.setTimeout(600_000);

let b: TestBundle;
let names: string[];
beforeAll(async () => {
  await initCrypto();
  b = await makeBundle({ notes: 8, turns: 4 });
  names = [...b.files.keys()].sort();
});

type Mutation =
  | { kind: 'flip'; file: number; at: number; bit: number }
  | { kind: 'truncate'; file: number; at: number }
  | { kind: 'append'; file: number; extra: Uint8Array }
  | { kind: 'remove'; file: number }
  | { kind: 'rename'; file: number; to: string }
  | { kind: 'add'; name: string; content: Uint8Array }
  | { kind: 'swap'; a: number; b: number }
  | { kind: 'text'; file: number; how: 'bom' | 'crlf' | 'fifth-line' | 'no-final-newline' };

// Every file, the .minisig signature files included (the mutations below pick by index).
const fileIndex = fc.nat({ max: 12 });
const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  {
    weight: 6,
    arbitrary: fc.record({
      kind: fc.constant('flip' as const),
      file: fileIndex,
      at: fc.nat(),
      bit: fc.nat({ max: 7 }),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({ kind: fc.constant('truncate' as const), file: fileIndex, at: fc.nat() }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('append' as const),
      file: fileIndex,
      extra: fc.uint8Array({ minLength: 1, maxLength: 16 }),
    }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('remove' as const), file: fileIndex }) },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('rename' as const),
      file: fileIndex,
      to: fc.constantFrom(
        'transcript.PDF',
        '../manifest.json',
        '/etc/passwd',
        'SHA256SUMS ',
        'x',
        'manifest.json.bak',
      ),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('add' as const),
      name: fc.constantFrom('extra.txt', '.hidden', 'signer.pub.sig', 'VERIFY.TXT', '..'),
      content: fc.uint8Array({ maxLength: 32 }),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({ kind: fc.constant('swap' as const), a: fileIndex, b: fileIndex }),
  },
  {
    // Text-level edits a mail client or editor makes: minisign refuses them on a .minisig.
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('text' as const),
      file: fileIndex,
      how: fc.constantFrom(
        'bom' as const,
        'crlf' as const,
        'fifth-line' as const,
        'no-final-newline' as const,
      ),
    }),
  },
);

function textEdit(
  data: Uint8Array,
  how: 'bom' | 'crlf' | 'fifth-line' | 'no-final-newline',
): Uint8Array {
  const buf = Buffer.from(data);
  switch (how) {
    case 'bom':
      return Uint8Array.from(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), buf]));
    case 'crlf':
      return Uint8Array.from(Buffer.from(buf.toString('latin1').replace(/\n/g, '\r\n'), 'latin1'));
    case 'fifth-line':
      return Uint8Array.from(Buffer.concat([buf, Buffer.from('extra line\n')]));
    case 'no-final-newline':
      return buf.length > 0 && buf[buf.length - 1] === 0x0a
        ? Uint8Array.from(buf.subarray(0, -1))
        : data;
  }
}

function sameBundle(x: BundleFiles, y: BundleFiles): boolean {
  if (x.size !== y.size) return false;
  for (const [name, data] of x) {
    const other = y.get(name);
    if (!other || Buffer.compare(Buffer.from(data), Buffer.from(other)) !== 0) return false;
  }
  return true;
}

function apply(files: BundleFiles, m: Mutation): BundleFiles | undefined {
  const out = cloneFiles(files);
  const pick = (i: number) => names[i % names.length]!;
  const touched = 'file' in m ? pick(m.file) : undefined;
  if (touched !== undefined && !out.has(touched)) return undefined;
  if (m.kind === 'swap' && (!out.has(pick(m.a)) || !out.has(pick(m.b)))) return undefined;
  switch (m.kind) {
    case 'flip': {
      const data = out.get(pick(m.file))!;
      if (data.length === 0) return undefined;
      data[m.at % data.length]! ^= 1 << m.bit;
      return out;
    }
    case 'truncate': {
      const name = pick(m.file);
      const data = out.get(name)!;
      out.set(name, data.slice(0, m.at % data.length));
      return out;
    }
    case 'append': {
      const name = pick(m.file);
      out.set(name, Uint8Array.from([...out.get(name)!, ...m.extra]));
      return out;
    }
    case 'remove':
      out.delete(pick(m.file));
      return out;
    case 'rename': {
      const name = pick(m.file);
      const data = out.get(name)!;
      out.delete(name);
      out.set(m.to, data);
      return out;
    }
    case 'add':
      out.set(m.name, m.content);
      return out;
    case 'text': {
      const name = pick(m.file);
      out.set(name, textEdit(out.get(name)!, m.how));
      return out;
    }
    case 'swap': {
      const a = pick(m.a);
      const c = pick(m.b);
      if (a === c) return undefined;
      const da = out.get(a)!;
      out.set(a, out.get(c)!);
      out.set(c, da);
      return out;
    }
  }
}

test('6,000 random single and double mutations: none accepted, every rejection typed', async () => {
  let tried = 0;
  let signatureFiles = 0;
  const failures = new Map<string, number>();
  await fc.assert(
    fc.asyncProperty(fc.array(mutation, { minLength: 1, maxLength: 2 }), async (ms) => {
      let files: BundleFiles | undefined = b.files;
      for (const m of ms) files = files && apply(files, m);
      if (!files || sameBundle(files, b.files)) return;
      tried++;
      if (ms.some((m) => 'file' in m && names[m.file % names.length]!.endsWith('.minisig')))
        signatureFiles++;
      const v = await verifyBundleFiles(files, b.key);
      expect(v.valid).toBe(false);
      if (!v.valid) {
        expect(v.reason).not.toBe('The bundle could not be read as a Hearth bundle');
        failures.set(v.failure, (failures.get(v.failure) ?? 0) + 1);
      }
    }),
    { numRuns: 6000, seed: 20260305 },
  );
  expect(tried).toBeGreaterThan(5000);
  // The .minisig files are mutated too (they are the files SHA256SUMS cannot cover).
  expect(signatureFiles).toBeGreaterThan(500);
  // The mutations reach several different checks, not just one.
  expect(failures.size).toBeGreaterThanOrEqual(4);
});

test('a BOM, CRLF line ends, a fifth line or a missing final newline on either .minisig is rejected', async () => {
  for (const name of ['SHA256SUMS.minisig', 'staff-keys.txt.minisig'])
    for (const how of ['bom', 'crlf', 'fifth-line', 'no-final-newline'] as const) {
      const files = cloneFiles(b.files);
      files.set(name, textEdit(files.get(name)!, how));
      const v = await verifyBundleFiles(files, b.key);
      expect({ name, how, valid: v.valid }).toEqual({ name, how, valid: false });
    }
});

test('every single-bit flip of the signature, sums and manifest is rejected', async () => {
  let count = 0;
  for (const name of ['SHA256SUMS.minisig', 'SHA256SUMS', 'manifest.json', 'custody.jsonl']) {
    const data = b.files.get(name)!;
    for (let i = 0; i < data.length; i += 3) {
      const files = cloneFiles(b.files);
      files.get(name)![i]! ^= 0x01;
      expect((await verifyBundleFiles(files, b.key)).valid).toBe(false);
      count++;
    }
  }
  expect(count).toBeGreaterThan(500);
});
