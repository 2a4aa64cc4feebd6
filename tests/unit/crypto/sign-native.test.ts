// verifyDetached computes Ed25519 verification natively (node:crypto) for speed; it must accept
// exactly what libsodium's crypto_sign_verify_detached accepts. Compared on RFC 8032's vectors,
// fresh signatures, and the edge cases where OpenSSL alone is more lenient than libsodium
// (small-order R, small-order public key) or equally strict (non-canonical S, altered bytes).
import { createHash, createPublicKey, verify } from 'node:crypto';
import { initCrypto, signDetached, signKeyPairFromSeed, verifyDetached } from '../../../src/crypto';
import { lib } from '../../../src/crypto/sodium';

const hex = (s: string) => Uint8Array.from(Buffer.from(s, 'hex'));

function ours(sig: Uint8Array, msg: Uint8Array, pk: Uint8Array): boolean {
  try {
    verifyDetached(sig, msg, pk);
    return true;
  } catch {
    return false;
  }
}
const sodium = (sig: Uint8Array, msg: Uint8Array, pk: Uint8Array): boolean => {
  try {
    return lib().crypto_sign_verify_detached(sig, msg, pk);
  } catch {
    return false;
  }
};
const opensslAlone = (sig: Uint8Array, msg: Uint8Array, pk: Uint8Array): boolean =>
  verify(
    null,
    msg,
    createPublicKey({
      key: Buffer.concat([Buffer.from('302a300506032b6570032100', 'hex'), pk]),
      format: 'der',
      type: 'spki',
    }),
    sig,
  );

/** Checks the same verdict from both, twice (the second call takes the native path). */
function same(sig: Uint8Array, msg: Uint8Array, pk: Uint8Array): boolean {
  const want = sodium(sig, msg, pk);
  expect(ours(sig, msg, pk)).toBe(want);
  expect(ours(sig, msg, pk)).toBe(want);
  return want;
}

beforeAll(async () => {
  await initCrypto();
});

test('RFC 8032 section 7.1 vectors 1-3 verify, and fail when any byte changes', () => {
  const vectors = [
    {
      pk: 'd75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a',
      msg: '',
      sig: 'e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b',
    },
    {
      pk: '3d4017c3e843895a92b70aa74d1b7ebc9c982ccf2ec4968cc0cd55f12af4660c',
      msg: '72',
      sig: '92a009a9f0d4cab8720e820b5f642540a2b27b5416503f8fb3762223ebdb69da085ac1e43e15996e458f3613d0f11d8c387b2eaeb4302aeeb00d291612bb0c00',
    },
    {
      pk: 'fc51cd8e6218a1a38da47ed00230f0580816ed13ba3303ac5deb911548908025',
      msg: 'af82',
      sig: '6291d657deec24024827e69c3abe01a30ce548a284743a445e3680d7db5ac3ac18ff9b538d16f290ae67f760984dc6594a7c15e9716ed28dc027beceea1ec40a',
    },
  ];
  for (const v of vectors) {
    const [sig, msg, pk] = [hex(v.sig), hex(v.msg), hex(v.pk)];
    expect(same(sig, msg, pk)).toBe(true);
    for (const at of [0, 31, 32, 63]) {
      const bad = Uint8Array.from(sig);
      bad[at] = (bad[at] as number) ^ 0x01;
      expect(same(bad, msg, pk)).toBe(false);
    }
    const longer = Uint8Array.from([...msg, 0]);
    expect(same(sig, longer, pk)).toBe(false);
  }
});

test('fresh keys and messages: the same verdicts, right key and wrong key', () => {
  for (let i = 0; i < 40; i++) {
    const a = signKeyPairFromSeed(createHash('sha256').update(`a${i}`).digest());
    const b = signKeyPairFromSeed(createHash('sha256').update(`b${i}`).digest());
    const msg = createHash('sha512').update(`message ${i}`).digest();
    const sig = signDetached(msg, a.secretKey);
    expect(same(sig, msg, a.publicKey)).toBe(true);
    expect(same(sig, msg, b.publicKey)).toBe(false);
  }
});

test('a non-canonical S (S + L) is refused by both', () => {
  const kp = signKeyPairFromSeed(new Uint8Array(32).fill(7));
  const msg = new TextEncoder().encode('non-canonical S');
  const sig = signDetached(msg, kp.secretKey);
  same(sig, msg, kp.publicKey); // vets the key: the next calls take the native path
  const L = Buffer.from('edd3f55c1a631258d69cf7a2def9de1400000000000000000000000000000010', 'hex');
  const s = Buffer.from(sig.subarray(32));
  let carry = 0;
  for (let i = 0; i < 32; i++) {
    const v = (s[i] as number) + (L[i] as number) + carry;
    s[i] = v & 0xff;
    carry = v >> 8;
  }
  expect(carry).toBe(0); // S + L still fits in 32 bytes for this S
  const malleated = Uint8Array.from([...sig.subarray(0, 32), ...s]);
  expect(same(malleated, msg, kp.publicKey)).toBe(false);
});

test('a signature with a small-order R by the key holder: OpenSSL alone accepts it, ours refuses like libsodium', () => {
  const s = lib();
  const seed = new Uint8Array(32).fill(9);
  const kp = signKeyPairFromSeed(seed);
  const msg = new TextEncoder().encode('small-order R');
  same(signDetached(msg, kp.secretKey), msg, kp.publicKey); // vets the key
  // R = identity; S = k·a with k = H(R || A || M): [S]B = [k]A = R + [k]A.
  const R = hex('0100000000000000000000000000000000000000000000000000000000000000');
  const h = createHash('sha512').update(seed).digest();
  const a = Uint8Array.from(h.subarray(0, 32));
  a[0] = (a[0] as number) & 248;
  a[31] = ((a[31] as number) & 127) | 64;
  const k = s.crypto_core_ed25519_scalar_reduce(
    createHash('sha512').update(R).update(kp.publicKey).update(msg).digest(),
  );
  const aReduced = s.crypto_core_ed25519_scalar_reduce(
    Uint8Array.from([...a, ...new Uint8Array(32)]),
  );
  const S = s.crypto_core_ed25519_scalar_mul(k, aReduced);
  const forged = Uint8Array.from([...R, ...S]);
  expect(opensslAlone(forged, msg, kp.publicKey)).toBe(true);
  expect(same(forged, msg, kp.publicKey)).toBe(false);
});

test('a small-order public key is refused (libsodium rejects it; it is never vetted)', () => {
  const identity = hex('0100000000000000000000000000000000000000000000000000000000000000');
  const sig = Uint8Array.from([...identity, ...new Uint8Array(32)]); // R = identity, S = 0
  const msg = new TextEncoder().encode('any message');
  expect(opensslAlone(sig, msg, identity)).toBe(true);
  expect(same(sig, msg, identity)).toBe(false);
});
