// The test-only Argon2id memo (tests/helpers/kdf-memo.ts) must be invisible to the code under
// test: a repeat derivation gives libsodium's bytes, in a buffer of its own (callers wipe keys),
// and anything that differs (salt, passphrase) still derives afresh.
import { randomBytes } from 'node:crypto';
import { deriveKeyFromPassphrase, initCrypto } from '../../src/crypto';

const FLOOR = { opsLimit: 3, memLimitBytes: 64 * 1024 * 1024 };

beforeAll(() => initCrypto());

test('a repeat derivation gives the first (real) derivation’s key in a fresh buffer: wiping one leaves the next intact', () => {
  const salt = new Uint8Array(randomBytes(16));
  const first = deriveKeyFromPassphrase('correct horse battery', salt, FLOOR);
  const expected = Uint8Array.from(first);
  first.fill(0);
  const again = deriveKeyFromPassphrase('correct horse battery', salt, FLOOR);
  expect(again).toEqual(expected);
  expect(again).not.toBe(first);
});

test('another salt or another passphrase derives another key', () => {
  const salt = new Uint8Array(randomBytes(16));
  const key = deriveKeyFromPassphrase('correct horse battery', salt, FLOOR);
  const otherSalt = new Uint8Array(randomBytes(16));
  expect(deriveKeyFromPassphrase('correct horse battery', otherSalt, FLOOR)).not.toEqual(key);
  expect(deriveKeyFromPassphrase('correct horse batterz', salt, FLOOR)).not.toEqual(key);
});
