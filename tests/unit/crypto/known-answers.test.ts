// Known-answer tests against published vectors: if the WASM build or our wrappers ever
// computed something different, every sealed record and signature would be worthless.
import {
  aeadDecrypt,
  aeadEncryptWithNonce,
  blake2b,
  initCrypto,
  signDetached,
  signKeyPairFromSeed,
  verifyArgon2idEncoded,
  verifyDetached,
  CryptoError,
} from '../../../src/crypto';

const hex = (s: string) => Uint8Array.from(Buffer.from(s.replace(/\s+/g, ''), 'hex'));
const toHex = (b: Uint8Array) => Buffer.from(b).toString('hex');

beforeAll(() => initCrypto());

test('XChaCha20-Poly1305: draft-irtf-cfrg-xchacha-03 appendix A.3.1', () => {
  const key = hex('808182838485868788898a8b8c8d8e8f909192939495969798999a9b9c9d9e9f');
  const nonce = hex('404142434445464748494a4b4c4d4e4f5051525354555657');
  const ad = hex('50515253c0c1c2c3c4c5c6c7');
  const plaintext = new TextEncoder().encode(
    "Ladies and Gentlemen of the class of '99: If I could offer you only one tip for the future, sunscreen would be it.",
  );
  const expected =
    'bd6d179d3e83d43b9576579493c0e939572a1700252bfaccbed2902c21396cbb' +
    '731c7f1b0b4aa6440bf3a82f4eda7e39ae64c6708c54c216cb96b72e1213b452' +
    '2f8c9ba40db5d945b11b69b982c1bb9e3f3fac2bc369488f76b2383565d3fff9' +
    '21f9664c97637da9768812f615c68b13b52e' +
    'c0875924c1c7987947deafd8780acf49';
  const ciphertext = aeadEncryptWithNonce(key, nonce, plaintext, ad);
  expect(toHex(ciphertext)).toBe(expected);
  expect(aeadDecrypt(key, nonce, ciphertext, ad)).toEqual(plaintext);
});

test('Ed25519: RFC 8032 section 7.1 test 1 (empty message)', () => {
  const pair = signKeyPairFromSeed(
    hex('9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60'),
  );
  expect(toHex(pair.publicKey)).toBe(
    'd75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a',
  );
  const signature = signDetached(new Uint8Array(0), pair.secretKey);
  expect(toHex(signature)).toBe(
    'e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b',
  );
  expect(() => verifyDetached(signature, new Uint8Array(0), pair.publicKey)).not.toThrow();
  expect(() => verifyDetached(signature, new Uint8Array([0]), pair.publicKey)).toThrow(CryptoError);
});

test('BLAKE2b-512: RFC 7693 appendix A ("abc")', () => {
  expect(toHex(blake2b(new TextEncoder().encode('abc'), 64))).toBe(
    'ba80a53f981c4d0d6a2797b69f12f6e94c212f14685ac4b74b12bb6fdbffa2d1' +
      '7d87c5392aab792dc252d5de4533cc9518d38aa8dbf1925ab92386edd4009923',
  );
});

test('Argon2id: reference implementation vector (password/somesalt, t=2, m=64 MiB, p=1)', () => {
  const encoded =
    '$argon2id$v=19$m=65536,t=2,p=1$c29tZXNhbHQ$CTFhFdXPJO1aFaMaO6Mm5c8y7cJHAph8ArZWb2GRPPc';
  expect(() => verifyArgon2idEncoded(encoded, 'password')).not.toThrow();
  expect(() => verifyArgon2idEncoded(encoded, 'passwore')).toThrow(CryptoError);
});
