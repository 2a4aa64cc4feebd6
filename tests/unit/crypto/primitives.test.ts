// Behaviour of the wrappers: every failure is one typed error, never a silent false.
import {
  aeadDecrypt,
  aeadEncrypt,
  assertArgon2Params,
  blake2b,
  createStreamDecryptor,
  createStreamEncryptor,
  CryptoError,
  deriveKeyFromPassphrase,
  deriveSubkey,
  generateBoxKeyPair,
  generateSignKeyPair,
  initCrypto,
  openSealed,
  randomBytes,
  sealTo,
  signDetached,
  verifyDetached,
} from '../../../src/crypto';
import { lib } from '../../../src/crypto/sodium';

const MiB = 1024 * 1024;
const utf8 = (s: string) => new TextEncoder().encode(s);

function expectCryptoError(fn: () => unknown, code: CryptoError['code']): void {
  let caught: unknown;
  try {
    fn();
  } catch (e) {
    caught = e;
  }
  expect(caught).toBeInstanceOf(CryptoError);
  expect((caught as CryptoError).code).toBe(code);
}

beforeAll(() => initCrypto());

describe('AEAD', () => {
  const key = randomBytes(32);
  const ad = utf8('vault-1|session-1|record-1|1|note');

  test('round trip with fresh nonces', () => {
    const a = aeadEncrypt(key, utf8('child said the garage'), ad);
    const b = aeadEncrypt(key, utf8('child said the garage'), ad);
    expect(a.nonce).not.toEqual(b.nonce);
    expect(new TextDecoder().decode(aeadDecrypt(key, a.nonce, a.ciphertext, ad))).toBe(
      'child said the garage',
    );
  });

  test('altered byte, wrong associated data or wrong key is DECRYPT_FAILED', () => {
    const sealed = aeadEncrypt(key, utf8('note'), ad);
    const flipped = sealed.ciphertext.slice();
    flipped[0] = (flipped[0] as number) ^ 1;
    expectCryptoError(() => aeadDecrypt(key, sealed.nonce, flipped, ad), 'DECRYPT_FAILED');
    expectCryptoError(
      () => aeadDecrypt(key, sealed.nonce, sealed.ciphertext, utf8('other')),
      'DECRYPT_FAILED',
    );
    expectCryptoError(
      () => aeadDecrypt(randomBytes(32), sealed.nonce, sealed.ciphertext, ad),
      'DECRYPT_FAILED',
    );
  });

  test('wrong key length is BAD_INPUT', () => {
    expectCryptoError(() => aeadEncrypt(randomBytes(16), utf8('x'), ad), 'BAD_INPUT');
  });
});

describe('Argon2id parameters', () => {
  test.each([
    ['memory below the 64 MiB floor', { opsLimit: 3, memLimitBytes: 32 * MiB }],
    ['memory above the 1 GiB ceiling', { opsLimit: 3, memLimitBytes: 2048 * MiB }],
    ['ops below the floor', { opsLimit: 1, memLimitBytes: 64 * MiB }],
    ['ops above the ceiling', { opsLimit: 1000, memLimitBytes: 64 * MiB }],
    ['non-integer', { opsLimit: 3.5, memLimitBytes: 64 * MiB }],
  ])('%s is refused before deriving', (_label, params) => {
    // Refusal is a check, not a derivation: a 2 GiB derivation would take many seconds, so the
    // test proves Argon2id was never called (a spy, not a stopwatch: no test depends on speed).
    const pwhash = jest.spyOn(lib(), 'crypto_pwhash');
    try {
      expectCryptoError(
        () => deriveKeyFromPassphrase('correct horse battery', randomBytes(16), params),
        'KDF_PARAMS_OUT_OF_RANGE',
      );
      expect(pwhash).not.toHaveBeenCalled();
    } finally {
      pwhash.mockRestore();
    }
  });

  test('the floor itself is accepted and deterministic for a salt', () => {
    const params = { opsLimit: 3, memLimitBytes: 64 * MiB };
    expect(() => assertArgon2Params(params)).not.toThrow();
    const salt = randomBytes(16);
    expect(deriveKeyFromPassphrase('correct horse battery', salt, params)).toEqual(
      deriveKeyFromPassphrase('correct horse battery', salt, params),
    );
  });
});

describe('signatures, sealed boxes, hashes and subkeys', () => {
  test('verify throws BAD_SIGNATURE for another key or a changed message', () => {
    const alice = generateSignKeyPair();
    const sig = signDetached(utf8('head'), alice.secretKey);
    expectCryptoError(
      () => verifyDetached(sig, utf8('head'), generateSignKeyPair().publicKey),
      'BAD_SIGNATURE',
    );
    expectCryptoError(() => verifyDetached(sig, utf8('heaD'), alice.publicKey), 'BAD_SIGNATURE');
    expectCryptoError(
      () => verifyDetached(sig.slice(0, 10), utf8('head'), alice.publicKey),
      'BAD_SIGNATURE',
    );
  });

  test('sealed box opens only for its recipient', () => {
    const office = generateBoxKeyPair();
    const sealed = sealTo(office.publicKey, utf8('file key'));
    expect(new TextDecoder().decode(openSealed(sealed, office))).toBe('file key');
    expectCryptoError(() => openSealed(sealed, generateBoxKeyPair()), 'DECRYPT_FAILED');
  });

  test('keyed BLAKE2b differs from plain and per key; subkeys differ per id and context', () => {
    const data = utf8('entry');
    const k1 = randomBytes(32);
    expect(blake2b(data, 32, k1)).not.toEqual(blake2b(data));
    expect(blake2b(data, 32, k1)).not.toEqual(blake2b(data, 32, randomBytes(32)));
    const master = randomBytes(32);
    expect(deriveSubkey(master, 1, 'hearthvk')).not.toEqual(deriveSubkey(master, 2, 'hearthvk'));
    expect(deriveSubkey(master, 1, 'hearthvk')).not.toEqual(deriveSubkey(master, 1, 'hearthvx'));
    expectCryptoError(() => deriveSubkey(master, 1, 'short'), 'BAD_INPUT');
  });
});

describe('secretstream', () => {
  function encrypt(chunks: string[]) {
    const key = randomBytes(32);
    const enc = createStreamEncryptor(key);
    const frames = chunks.map((c, i) => enc.push(utf8(c), i === chunks.length - 1));
    return { key, header: enc.header, frames };
  }

  test('round trip', () => {
    const { key, header, frames } = encrypt(['a', 'b', 'c']);
    const dec = createStreamDecryptor(key, header);
    expect(frames.map((f) => new TextDecoder().decode(dec.pull(f)))).toEqual(['a', 'b', 'c']);
    expect(() => dec.finish()).not.toThrow();
  });

  test('a truncated stream is STREAM_TRUNCATED, not silently accepted', () => {
    const { key, header, frames } = encrypt(['a', 'b', 'c']);
    const dec = createStreamDecryptor(key, header);
    dec.pull(frames[0]!);
    dec.pull(frames[1]!);
    expectCryptoError(() => dec.finish(), 'STREAM_TRUNCATED');
  });

  test('reordered, altered or extra chunks are DECRYPT_FAILED', () => {
    const { key, header, frames } = encrypt(['a', 'b']);
    expectCryptoError(() => createStreamDecryptor(key, header).pull(frames[1]!), 'DECRYPT_FAILED');
    const dec = createStreamDecryptor(key, header);
    dec.pull(frames[0]!);
    dec.pull(frames[1]!);
    expectCryptoError(() => dec.pull(frames[1]!), 'DECRYPT_FAILED');
    const bad = frames[0]!.slice();
    bad[3] = (bad[3] as number) ^ 0x80;
    expectCryptoError(() => createStreamDecryptor(key, header).pull(bad), 'DECRYPT_FAILED');
  });
});

describe('random bytes', () => {
  test('pooled small requests never repeat and large requests work', () => {
    const seen = new Set<string>();
    for (let i = 0; i < 2000; i++) seen.add(Buffer.from(randomBytes(24)).toString('hex'));
    expect(seen.size).toBe(2000);
    expect(randomBytes(10_000)).toHaveLength(10_000);
    // Callers own their bytes: changing one result does not change the next.
    const a = randomBytes(16);
    a.fill(0);
    expect(Buffer.from(randomBytes(16)).equals(Buffer.alloc(16))).toBe(false);
  });
});
