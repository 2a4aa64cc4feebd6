// The minisign formats against Debian's minisign binary, in both directions.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateSignKeyPair, initCrypto } from '../../../src/crypto';
import {
  deriveKeyId,
  encodePublicKey,
  parsePublicKey,
  parseSecretKey,
  parseSignature,
  signMessage,
  verifySignature,
} from '../../../src/export';

const hasMinisign = spawnSync('minisign', ['-v']).status === 0;
const itMinisign = hasMinisign ? it : it.skip;
let dir: string;

beforeAll(async () => {
  await initCrypto();
  dir = mkdtempSync(join(tmpdir(), 'hearth-minisign-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

test('our own signatures round-trip and reject a changed message, comment or key', () => {
  const pair = generateSignKeyPair();
  const key = { keyId: deriveKeyId(pair.publicKey), publicKey: pair.publicKey };
  const msg = new TextEncoder().encode('hola\n');
  const sig = parseSignature(signMessage(msg, pair.secretKey, key.keyId, 'u', 'trusted ñ'));
  expect(verifySignature(msg, sig, key)).toEqual({ ok: true, trustedComment: 'trusted ñ' });
  expect(verifySignature(new TextEncoder().encode('hola!\n'), sig, key)).toMatchObject({
    ok: false,
    reason: 'SIGNATURE',
  });
  expect(verifySignature(msg, { ...sig, trustedComment: 'trusted n' }, key)).toMatchObject({
    ok: false,
    reason: 'GLOBAL_SIGNATURE',
  });
  const other = generateSignKeyPair();
  expect(verifySignature(msg, sig, { keyId: key.keyId, publicKey: other.publicKey })).toMatchObject(
    { ok: false },
  );
  expect(parsePublicKey(encodePublicKey(key))).toEqual(key);
  expect(encodePublicKey(key)).toMatch(
    /^untrusted comment: minisign public key [0-9A-F]{16}\nRW[A-Za-z0-9+/]{54}\n$/,
  );
});

itMinisign('minisign -V accepts a file signed by Hearth', () => {
  const pair = generateSignKeyPair();
  const key = { keyId: deriveKeyId(pair.publicKey), publicKey: pair.publicKey };
  writeFileSync(join(dir, 'msg.txt'), 'Declaración — niña de 7 años\n');
  writeFileSync(
    join(dir, 'msg.txt.minisig'),
    signMessage(readFileSync(join(dir, 'msg.txt')), pair.secretKey, key.keyId, 'c', 'tc'),
  );
  writeFileSync(join(dir, 'hearth.pub'), encodePublicKey(key));
  const out = execFileSync(
    'minisign',
    ['-Vm', join(dir, 'msg.txt'), '-p', join(dir, 'hearth.pub')],
    { encoding: 'utf8' },
  );
  expect(out).toContain('Trusted comment: tc');
  writeFileSync(join(dir, 'msg.txt'), 'Declaración — niña de 8 años\n');
  expect(
    spawnSync('minisign', ['-Vm', join(dir, 'msg.txt'), '-p', join(dir, 'hearth.pub')]).status,
  ).not.toBe(0);
});

itMinisign('Hearth parses keys made by minisign -G -W and verifies minisign signatures', () => {
  const pub = join(dir, 'm.pub');
  const sec = join(dir, 'm.key');
  execFileSync('minisign', ['-G', '-W', '-f', '-p', pub, '-s', sec]);
  const key = parsePublicKey(readFileSync(pub, 'utf8'));
  const secret = parseSecretKey(readFileSync(sec, 'utf8'));
  expect(secret.keyId).toEqual(key.keyId);
  expect(secret.secretKey.slice(32)).toEqual(key.publicKey);
  const file = join(dir, 'data.bin');
  writeFileSync(file, 'SHA256SUMS-like content\n');
  execFileSync('minisign', ['-S', '-s', sec, '-m', file, '-t', 'trusted by minisign']);
  const sig = parseSignature(readFileSync(`${file}.minisig`, 'utf8'));
  expect(verifySignature(readFileSync(file), sig, key)).toEqual({
    ok: true,
    trustedComment: 'trusted by minisign',
  });
  // And the other way with minisign's own key: sign with Hearth, verify with minisign.
  writeFileSync(
    `${file}.minisig`,
    signMessage(readFileSync(file), secret.secretKey, secret.keyId, 'c', 'hearth'),
  );
  expect(spawnSync('minisign', ['-Vm', file, '-p', pub]).status).toBe(0);
});

test('malformed keys and signatures are refused with a typed error', () => {
  expect(() => parsePublicKey('hello')).toThrow('minisign');
  expect(() => parseSignature('a\nb\nc\nd\n')).toThrow();
  expect(() => parseSecretKey('untrusted comment: x\nRWQ=\n')).toThrow();
});
