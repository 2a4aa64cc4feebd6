// The anchor is updated after every commit by overwriting its padded file in place (issue #22:
// replacing it by rename forced a data flush on ext4 at every note). Each update must read back
// as the newest head, keep mode 0600, and never write through a symlink planted in its place.
import {
  chmodSync,
  linkSync,
  lstatSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateSignKeyPair, initCrypto, signDetached } from '../../../src/crypto';
import {
  anchorSignatureProblem,
  readAnchor,
  writeAnchor,
  writeAnchors,
} from '../../../src/vault/anchor';

const head = (seq: number) => ({
  vaultId: 'ab'.repeat(16),
  seq,
  mac: (seq % 10).toString().repeat(64),
  writtenAt: `2026-11-29T21:00:${String(seq % 60).padStart(2, '0')}.000Z`,
});

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'hearth-anchor-write-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

test('every update reads back as the newest head, same size and mode 0600', () => {
  const file = join(dir, 'anchor.json');
  writeAnchor(file, head(1));
  const first = statSync(file);
  for (let seq = 2; seq <= 12; seq++) {
    writeAnchor(file, head(seq));
    expect(readAnchor(file)).toMatchObject({ seq, mac: head(seq).mac });
  }
  const after = statSync(file);
  expect(after.size).toBe(first.size);
  expect(after.ino).toBe(first.ino); // overwritten in place, not replaced
  expect(after.mode & 0o777).toBe(0o600);
});

test('a file of another size (an older anchor) is replaced atomically, then updated in place', () => {
  const file = join(dir, 'anchor.json');
  writeFileSync(file, JSON.stringify({ format: 'hearth-audit-anchor-v1', ...head(1) }), {
    mode: 0o600,
  });
  const old = statSync(file).ino;
  writeAnchor(file, head(2));
  expect(readAnchor(file)).toMatchObject({ seq: 2 });
  const replaced = statSync(file).ino;
  expect(replaced).not.toBe(old);
  writeAnchor(file, head(3));
  expect(statSync(file).ino).toBe(replaced);
  expect(readAnchor(file)).toMatchObject({ seq: 3 });
});

test('a symlink planted in place of the anchor is replaced, its target left untouched', () => {
  const file = join(dir, 'anchor.json');
  writeAnchor(file, head(1));
  const target = join(dir, 'elsewhere.txt');
  const padded = readFileSync(file);
  writeFileSync(target, Buffer.alloc(padded.length, 0x41));
  rmSync(file);
  symlinkSync(target, file);
  writeAnchor(file, head(2));
  expect(lstatSync(file).isSymbolicLink()).toBe(false);
  expect(readAnchor(file)).toMatchObject({ seq: 2 });
  expect(readFileSync(target)).toEqual(Buffer.alloc(padded.length, 0x41));
});

// Red team round 5, F1 and F3: files planted beside the anchor are never followed or kept.
describe('planted files beside the anchor', () => {
  it('a .partial symlink is removed, and its target is untouched', () => {
    const dir = mkdtempSync(join(tmpdir(), 'anchor-partial-'));
    const file = join(dir, 'hearth-vault.anchor.json');
    const victim = join(dir, 'victim.txt');
    writeFileSync(victim, 'keep me');
    symlinkSync(victim, `${file}.partial`);
    writeAnchor(file, head(1));
    expect(readFileSync(victim, 'utf8')).toBe('keep me');
    expect(readAnchor(file)).toMatchObject({ seq: 1 });
  });

  it('a hard link to the anchor, or a file others can write, is replaced, not updated in place', () => {
    const dir = mkdtempSync(join(tmpdir(), 'anchor-link-'));
    const file = join(dir, 'hearth-vault.anchor.json');
    writeAnchor(file, head(1));
    const outside = join(dir, 'mirror.json');
    linkSync(file, outside);
    writeAnchor(file, head(2));
    expect(readAnchor(outside)).toMatchObject({ seq: 1 });
    expect(readAnchor(file)).toMatchObject({ seq: 2 });
    expect(statSync(file).nlink).toBe(1);
    chmodSync(file, 0o666);
    writeAnchor(file, head(3));
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(readAnchor(file)).toMatchObject({ seq: 3 });
  });
});

test('the copies get one signature and identical bytes, and each verifies on its own', async () => {
  await initCrypto();
  const keys = generateSignKeyPair();
  let signatures = 0;
  const signer = {
    publicKey: keys.publicKey,
    sign: (message: Uint8Array) => {
      signatures++;
      return signDetached(message, keys.secretKey);
    },
  };
  const files = [join(dir, 'anchor.json'), join(dir, 'copy.json')];
  writeAnchors(files, head(4), signer);
  writeAnchors(files, head(5), signer);
  expect(signatures).toBe(2); // one per update, not one per copy
  expect(readFileSync(files[0] as string)).toEqual(readFileSync(files[1] as string));
  const certified = () => ({ username: 'ada', role: 'admin' as const });
  for (const file of files) {
    const anchor = readAnchor(file);
    if (typeof anchor === 'string') throw new Error(`anchor ${anchor}`);
    expect(anchor).toMatchObject({ seq: 5, signer: Buffer.from(keys.publicKey).toString('hex') });
    expect(anchorSignatureProblem(anchor, certified)).toBeUndefined();
    // An edited copy fails its own check: the shared signature still binds each copy's head.
    expect(anchorSignatureProblem({ ...anchor, seq: 6 }, certified)).toMatch(/does not verify/);
  }
});
